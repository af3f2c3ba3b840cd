# The roll-up as a page, opened in headless Chromium: its tables and SVG
# charts render (tests/browser/render.sh).  The pages and screenshots stay
# in tests/out: rollup.png (the corpus), rollup_examples.png, and
# rollup_unreadable.png (unreadable figures drawn hatched, never as 0).
mkdir -p tests/out
$GOUJI check --format rollup --html -o tests/out/rollup.html tests/corpus; echo "exit $?"
sh tests/browser/render.sh tests/out/rollup.html tests/out/rollup \
	-c 0072B2 -c 56B4E9 -c D55E00 -c E69F00 -c CC79A7 -c 999999 \
	"各报告" "淮安市洪泽区人民政府" "tests/corpus/pingtan_2019.txt" "不可读单元格" \
	"各部门收到申请件数" "淮安市人民政府 2024" "3119 件" "沙坡头区工业信息化和商务局 2022" \
	"各部门办理结果构成" "予以公开" "不予处理" "共 3050 件" \
	"表三合计" "（七）总计" "3408" "表四合计" "本身不符的报告：洪泽区人民政府 2023"
echo "exit $?"
$GOUJI check --format rollup --html -o tests/out/rollup_examples.html examples/shapotou_gxj_2022.md examples/shapotou_gxj_2022.yaml; echo "exit $?"
sh tests/browser/render.sh tests/out/rollup_examples.html tests/out/rollup_examples -s 1280,1200 \
	-c 0072B2 -c CC79A7 "沙坡头区工业信息化和商务局 2022" "1 件" "100%" "共 1 件"
echo "exit $?"
$GOUJI check --format rollup --html -o tests/out/rollup_unreadable.html tests/rollup/unreadable_2023.yaml tests/variants/legacy_2017.txt; echo "exit $?"
sh tests/browser/render.sh tests/out/rollup_unreadable.html tests/out/rollup_unreadable -s 1280,1200 \
	-c 0072B2 -c B00000 "示例区市场监督管理局 2023" "不可读 (unreadable)" "共 49 件，含不可读" "不完整，缺 1 份"
echo "exit $?"
