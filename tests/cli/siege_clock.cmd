# A rule whose budget would let it run for hours is stopped by the wall
# clock (limits.seconds), named, and the next rule still runs
. tests/cli/bounded.sh
{
	bounded 30 512 $GOUJI check --config tests/configs/clock.yaml examples/shapotou_gxj_2022.md
	echo "exit $?"
} 2>&1 | grep -v "^	\|^stack traceback"
