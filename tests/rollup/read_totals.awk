# read_totals.awk — the district totals as the roll-up printed them, in
# Markdown (gouji check --format rollup) or HTML (… --html), as lines
#   requests ROW COLUMN SUM/MISSING   and   appeals BLOCK COLUMN SUM/MISSING
# (U: printed as 不可读), the form of sum_cells.awk, to compare with it.
# Rows and columns are found by their printed Chinese labels.

BEGIN {
	split("一、本年新收 new 二、上年结转 carried_over （一）予以公开 granted （二）部分公开 partial " \
	      "（三）不予公开 denied （四）无法提供 unable （五）不予处理 refused （六）其他处理 other " \
	      "（七）总计 total 四、结转下年度继续办理 carried_forward 行政复议 review " \
	      "行政诉讼（未经复议直接起诉） suit_direct 行政诉讼（复议后起诉） suit_after_review", l, " ")
	for (i = 1; i in l; i += 2) key[l[i]] = l[i + 1]
	split("自然人 natural 商业企业 commercial 科研机构 research 社会公益组织 nonprofit " \
	      "法律服务机构 legal 其他 other 总计 total 结果维持 upheld 结果纠正 corrected " \
	      "其他结果 other 尚未审结 pending", l, " ")
	for (i = 1; i in l; i += 2) col[l[i]] = l[i + 1]
}

function trim(s) {
	gsub(/^[ \t]+|[ \t]+$/, "", s)
	return s
}

# "3397（不完整，缺 1 份）", "3397<br><small>不完整，缺 1 份</small>",
# "3357", "不可读" -> 3397/1, 3357/0, U
function norm(s,    n, m) {
	if (index(s, "不可读")) return "U"
	n = s
	sub(/[^0-9.].*$/, "", n)
	m = 0
	if (index(s, "不完整")) {
		m = s
		sub(/^.*缺 /, "", m)
		sub(/ 份.*$/, "", m)
	}
	return n "/" m
}

function emit(label, values, n,    i) {
	for (i = 1; i <= n; i++)
		print tbl, key[label], head[i], norm(values[i])
}

# ---- Markdown ----
/^## 表三合计/ { tbl = "requests"; nhead = 0; next }
/^## 表四合计/ { tbl = "appeals"; nhead = 0; next }
/^#/ { tbl = ""; next }
tbl != "" && /^\| / {
	n = split($0, f, "|")
	if (nhead == 0) {
		for (i = 3; i < n; i++) head[++nhead] = col[trim(f[i])]
		next
	}
	for (i = 3; i < n; i++) v[i - 2] = trim(f[i])
	emit(trim(f[2]), v, n - 3)
	next
}

# ---- HTML ----
/<table id="requests">/ { tbl = "requests"; nhead = 0; next }
/<table id="appeals">/ { tbl = "appeals"; nhead = 0; next }
/<\/table>/ { tbl = ""; next }
tbl != "" && /^<tr><th>/ && nhead == 0 {
	line = $0
	gsub(/<\/?tr>|<\/th>/, "", line)
	gsub(/<th[^>]*>/, "\t", line)
	n = split(line, f, "\t")
	for (i = 3; i <= n; i++) head[++nhead] = col[f[i]]
	next
}
tbl != "" && /^<tr><th>/ {
	label = $0
	sub(/^<tr><th>/, "", label)
	sub(/<\/th>.*$/, "", label)
	nv = 0
	next
}
tbl != "" && /^<td/ { line = $0; gsub(/<[^>]*>/, "", line); v[++nv] = line; next }
tbl != "" && /^<\/tr>/ { emit(label, v, nv) }
