# --format xlsx: two sheets (报告, 发现), the header row frozen, widths,
# figures as numbers, 不可读 as text, read back from the file's XML by
# tests/serve/xlsx_read.py.  Refused on a terminal (script gives one).
$GOUJI check --format xlsx -o tests/out/corpus.xlsx tests/corpus; echo "exit $?"
/usr/bin/python3 tests/serve/xlsx_read.py tests/out/corpus.xlsx
script -qec "$GOUJI check --format xlsx examples/shapotou_gxj_2022.md; echo on a terminal: exit \$?" /dev/null | tr -d '\r'
