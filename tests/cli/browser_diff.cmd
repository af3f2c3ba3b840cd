# The diff as a page, opened in headless Chromium: its tables are real
# tables (cmark-gfm's table extension), the typo called out, the repeated
# sentences listed (tests/browser/render.sh).  Page and screenshot stay in
# tests/out: diff.png.
mkdir -p tests/out
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
sed -e 's/^year: 2021/year: 2022/' -e '0,/total: 3}/s//total: 30}/' tests/diff/shapotou_gxj_2021.yaml >"$t/typo_2022.yaml"
$GOUJI diff --html -o tests/out/diff.html tests/diff/shapotou_gxj_2021.yaml "$t/typo_2022.yaml"; echo "exit $?"
sh tests/browser/render.sh tests/out/diff.html tests/out/diff -s 1280,1600 \
	"数字变化" "表三 收到和处理政府信息公开申请情况" "增减率" "+900%" "请核实是否录入有误" \
	"文字与上年相同的比例" "一、总体情况"
echo "exit $?"
