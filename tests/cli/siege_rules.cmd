# hostile rules (tests/packs/siege), two reports: each rule is stopped and
# named, H-FIRST and H-LAST still report on both, exit 3; the messages are
# valid UTF-8 (iconv fails otherwise); tracebacks are left out.  The
# budget is 5 million instructions (tests/configs/siege.yaml): runaway code
# is stopped ten times sooner, with the same messages
. tests/cli/bounded.sh
{ bounded 120 2048 $GOUJI check --config tests/configs/siege.yaml --pack tests/packs/siege tests/corpus/pingtan_2024.txt examples/shapotou_gxj_2022.md 2>&1; echo "exit $?"; } |
	grep -v "^	\|^stack traceback" | iconv -f UTF-8 -t UTF-8
