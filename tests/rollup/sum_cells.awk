# sum_cells.awk — the district totals of 表三 and 表四, summed here from
# the reports' cells, without gouji's Lua: input lines are
#   FILE <tab> path <tab> status <tab> value …   (gouji dump --cells, with
#                                                 the report's file first)
# and one line "FILE <tab> #report" for each report, which may have no
# cells at all (a report in no national format).
# Output, one line per total:  requests ROW COLUMN SUM/MISSING  (or U when
# no report has the figure), and  appeals BLOCK COLUMN SUM/MISSING.
# A missing or ambiguous cell is never added as 0: it counts as missing;
# a cell printed blank is added as 0 (the roll-up counts it so).
# Rows (三)…(六) are the sums of their sub-rows; (六) is the one row
# "other" in reports that print it so.

BEGIN {
	FS = "\t"
	nrows = split("new carried_over granted partial denied unable refused other total carried_forward", rows, " ")
	ncols = split("natural commercial research nonprofit legal other total", cols, " ")
	nblocks = split("review suit_direct suit_after_review", blocks, " ")
	nacols = split("upheld corrected other pending total", acols, " ")
	group["denied"] = "denied_secret denied_law denied_safety denied_third_party denied_internal denied_process denied_enforcement denied_query"
	group["unable"] = "unable_not_held unable_create unable_unclear"
	group["refused"] = "refused_complaint refused_repeat refused_publication refused_massive refused_confirm"
	group["other"] = "other_overdue_correction other_overdue_fee other_misc"
}

{
	if (!($1 in seen)) {
		seen[$1] = 1
		files[++nfiles] = $1
	}
	if ($2 == "#report")
		next
	val[$1, $2] = ($3 == "ok" || $3 == "inferred") ? $4 : $3 == "blank" ? 0 : "U"
	if ($2 ~ /^tables\.requests\.other\./)
		one_other_row[$1] = 1
}

function get(f, path) {
	return ((f, path) in val) ? val[f, path] : "U"
}

function request(f, row, col,    list, n, i, s, v) {
	if (row == "other" && (f in one_other_row))
		return get(f, "tables.requests.other." col)
	if (!(row in group))
		return get(f, "tables.requests." row "." col)
	n = split(group[row], list, " ")
	s = 0
	for (i = 1; i <= n; i++) {
		v = get(f, "tables.requests." list[i] "." col)
		if (v == "U")
			return "U"
		s += v
	}
	return s
}

function show(s, missing) {
	return missing == nfiles ? "U" : s "/" missing
}

END {
	for (r = 1; r <= nrows; r++)
		for (c = 1; c <= ncols; c++) {
			s = 0; m = 0
			for (i = 1; i <= nfiles; i++) {
				v = request(files[i], rows[r], cols[c])
				if (v == "U") m++; else s += v
			}
			print "requests", rows[r], cols[c], show(s, m)
		}
	for (b = 1; b <= nblocks; b++)
		for (c = 1; c <= nacols; c++) {
			s = 0; m = 0
			for (i = 1; i <= nfiles; i++) {
				v = get(files[i], "tables.appeals." blocks[b] "." acols[c])
				if (v == "U") m++; else s += v
			}
			print "appeals", blocks[b], acols[c], show(s, m)
		}
}
