# a folder's walk reads every kind of report, whatever the case of its
# extension, and nothing else; a page is read as html by its content too
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
cp tests/corpus/hongzequ_2023.pdf "$t/A.PDF"
cp tests/variants/page_min_2022.htm "$t/b.HTM"
cp tests/variants/page_bureau_2021.html "$t/c.txt"
cp examples/shapotou_gxj_2022.yaml "$t/d.yml"
echo 'not a report' >"$t/e.doc"
$GOUJI check --format jsonl "$t" | grep -o '"report":"[^"]*"' | sed 's|"report":".*/|"report":"|' | sort | uniq -c
$GOUJI dump "$t/c.txt" | grep '"kind"'
