# a report (1.4 MB) bigger than the rules' memory cap (2 MiB with
# tests/configs/tiny-memory.yaml): gouji pushes it all the same (an error
# there has no pcall to catch it: Lua used to abort), then every rule
# fails on its first allocation and is named; exit 3
. tests/cli/bounded.sh
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
{
	cat examples/shapotou_gxj_2022.md
	awk 'BEGIN { for (i = 1; i <= 20000; i++) printf "第%d行：本机关按照规定做好政府信息公开工作。\n", i }'
} >"$t/big.md"
{ bounded 60 1024 $GOUJI check --config tests/configs/tiny-memory.yaml "$t/big.md" 2>&1; echo "exit $?"; } |
	grep -v "^	\|^stack traceback" | sed "s|$t|TMP|"
