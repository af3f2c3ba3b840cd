# --format csv: a byte-order mark, CRLF line ends, one row per report with
# its key figures; a figure that could not be read is 不可读, never 0; the
# 2019 format's missing 收费金额 is —.  od shows the first bytes exactly.
$GOUJI check --format csv tests/corpus examples/shapotou_gxj_2022.yaml >tests/out/corpus.csv; echo "exit $?"
od -An -c -N4 tests/out/corpus.csv
echo "CRLF lines: $(grep -c "$(printf '\r')\$" tests/out/corpus.csv) of $(wc -l <tests/out/corpus.csv)"
tr -d '\r' <tests/out/corpus.csv
