# packs that would fill gouji's own memory while loading (tests/packs/
# siege_load): refused with the file and line, exit 2
. tests/cli/bounded.sh
for p in many title texts; do
	{ bounded 60 1024 $GOUJI check --pack tests/packs/siege_load/$p examples/shapotou_gxj_2022.md 2>&1
	  echo "$p: exit $?"; } | grep -v "^	\|^stack traceback"
done
