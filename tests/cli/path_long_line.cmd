# a line of 1 MB (a crawled page can put a whole report on one line): the
# example report with a 1 MB line in its last part.  Bounded: 30 s, 1 GiB.
. tests/cli/bounded.sh
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
{
	cat examples/shapotou_gxj_2022.md
	awk 'BEGIN { for (i = 0; i < 20000; i++) printf "本机关按照规定做好政府信息公开工作，"; print "" }'
} >"$t/long.md"
awk '{ if (length($0) > m) m = length($0) } END { print "longest line: " m " bytes" }' "$t/long.md"
$GOUJI dump --cells examples/shapotou_gxj_2022.md >"$t/want"
bounded 30 1024 $GOUJI dump --cells "$t/long.md" >"$t/got"
echo "dump: exit $?"
cmp "$t/want" "$t/got" && echo "cells: the example's"
{ bounded 30 1024 $GOUJI check "$t/long.md" 2>&1; echo "check: exit $?"; } |
	grep -v "^	\|^stack traceback" | sed "s|$t|TMP|"
