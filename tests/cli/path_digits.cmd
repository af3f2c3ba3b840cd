# a run of 10,000 digits where 表三's first row should be: the splitter's
# bounds refuse it at once; its cells are missing, the rules say so.
# Bounded: 10 s, 512 MiB.
. tests/cli/bounded.sh
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
digits=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "%d", (i * 7 + 3) % 10 }')
sed "s/^\(一、本年新收政府信息公开申请数量\)	.*/\1	$digits/" examples/shapotou_gxj_2022.md >"$t/digits.md"
grep -c "$digits" "$t/digits.md"
{ bounded 10 512 $GOUJI dump --cells "$t/digits.md"; echo "dump: exit $?"; } | grep "^tables.requests.new\|exit"
{ bounded 10 512 $GOUJI check "$t/digits.md" 2>&1; echo "check: exit $?"; } | sed "s|$t|TMP|"
