# -o and --write-baseline never write over a file the run reads: a report
# named on the command line, a report in a folder walked, the baseline
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/reports"
cp examples/shapotou_gxj_2022.md "$t/reports/a.md"
printf 'old baseline\n' >"$t/accepted.tsv"
{
$GOUJI check -o "$t/reports/a.md" "$t/reports/a.md"; echo "exit $?"
$GOUJI check -o "$t/reports/a.md" "$t/reports"; echo "exit $?"
$GOUJI check --write-baseline "$t/reports/a.md" "$t/reports"; echo "exit $?"
$GOUJI check --baseline "$t/accepted.tsv" -o "$t/accepted.tsv" "$t/reports"; echo "exit $?"
} 2>&1 | sed "s|$t|TMP|"
# a file that is not a report, or not there yet, is fine
$GOUJI check --format json -o "$t/reports/out.json" "$t/reports" 2>&1; echo "exit $?"
ls "$t" "$t/reports" | sed "s|$t|TMP|"
head -3 "$t/reports/a.md"
cat "$t/accepted.tsv"
