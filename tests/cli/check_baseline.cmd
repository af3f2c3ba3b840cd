# accept today's findings, then only new ones are reported
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
$GOUJI check --write-baseline "$t/base" tests/corpus/hongzequ_2023.pdf >/dev/null
echo "exit $?"
cat "$t/base"
$GOUJI check --baseline "$t/base" tests/corpus/hongzequ_2023.pdf tests/corpus/shapotou_gxj_2022.md
echo "exit $?"
