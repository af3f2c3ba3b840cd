# a figure ten times last year's (a typo, often: 30 for 3) is called out,
# and a part flagged as more than half the same shows the sentences it
# repeats from last year
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
sed -e 's/^year: 2021/year: 2022/' -e '0,/total: 3}/s//total: 30}/' tests/diff/shapotou_gxj_2021.yaml >"$t/typo_2022.yaml"
$GOUJI diff tests/diff/shapotou_gxj_2021.yaml "$t/typo_2022.yaml" | grep -e '±500%' -e '⚠'
$GOUJI diff tests/corpus/hongzequ_2023.pdf tests/corpus/hongzequ_2024.pdf | sed -n '/与上年相同的句子/,$p'
