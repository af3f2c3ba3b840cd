$GOUJI diff --format tests/scripts/diff_fails.lua tests/corpus/hongzequ_2023.pdf tests/corpus/hongzequ_2024.pdf; echo "exit $?"
# diff.lua is not a check format: it says so
$GOUJI check --format diff examples/shapotou_gxj_2022.md 2>&1 >/dev/null | sed -n 1p
