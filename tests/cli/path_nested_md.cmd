# deeply nested Markdown at the end of the example report: block quotes
# and lists 10,000 deep, then 10,000 emphasis marks, brackets and
# backticks in a row.  Read as the example; bounded: 10 s, 512 MiB.
. tests/cli/bounded.sh
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
{
	cat examples/shapotou_gxj_2022.md
	awk 'BEGIN {
		n = split("> |- |*|[|`", unit, "|")
		for (k = 1; k <= n; k++) {
			s = ""
			for (i = 0; i < 10000; i++)
				s = s unit[k]
			print ""
			print s "本报告完。"
		}
	}'
} >"$t/nested.md"
wc -c <"$t/nested.md"
$GOUJI dump --cells examples/shapotou_gxj_2022.md >"$t/want"
bounded 10 512 $GOUJI dump --cells "$t/nested.md" >"$t/got"
echo "dump: exit $?"
cmp "$t/want" "$t/got" && echo "cells: the example's"
bounded 10 512 $GOUJI check --format markdown --html "$t/nested.md" >/dev/null
echo "check --html: exit $?"
{ bounded 10 512 $GOUJI check "$t/nested.md" 2>&1; echo "check: exit $?"; } | sed "s|$t|TMP|"
