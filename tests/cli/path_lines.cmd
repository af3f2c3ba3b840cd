# 100,000 lines (6.9 MB): the example report and 100,000 lines more in its
# last part.  The reader keeps the example's cells; the rules that read the
# whole narrative hit their limits (memory, budget, pattern size) and are named; the
# others report as on the example.  Bounded: 60 s, 1 GiB.
. tests/cli/bounded.sh
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
{
	cat examples/shapotou_gxj_2022.md
	awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "第%d行：本机关按照规定做好政府信息公开工作。\n", i }'
} >"$t/lines.md"
wc -l <"$t/lines.md"
$GOUJI dump --cells examples/shapotou_gxj_2022.md >"$t/want"
bounded 60 1024 $GOUJI dump --cells "$t/lines.md" >"$t/got"
echo "dump: exit $?"
cmp "$t/want" "$t/got" && echo "cells: the example's"
{ bounded 60 1024 $GOUJI check "$t/lines.md" 2>&1; echo "check: exit $?"; } |
	grep -v "^	\|^stack traceback" | sed "s|$t|TMP|"
