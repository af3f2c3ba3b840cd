# the roll-up's 本年新收 and 表四 行政复议 totals equal the sums of the
# reports' own cells, computed here from dump --cells
for path in tests/corpus/*.md tests/corpus/*.txt tests/corpus/*.pdf; do $GOUJI dump --cells "$path"; done >"${TMPDIR:-/tmp}/gouji-cells.$$"
for p in tables.requests.new.total tables.appeals.review.total; do
	printf '%s summed: ' "$p"
	awk -F'\t' -v p="$p" '$1 == p && $2 != "missing" && $2 != "ambiguous" { s += $3 } END { print s }' "${TMPDIR:-/tmp}/gouji-cells.$$"
done
rm -f "${TMPDIR:-/tmp}/gouji-cells.$$"
printf 'roll-up: '
$GOUJI check --format rollup tests/corpus | awk -F'|' '/^\| 本年新收 /{ n = $9 } /^\| 行政复议 /{ r = $7 } END { gsub(/ /, "", n); gsub(/ /, "", r); print n, r }'
