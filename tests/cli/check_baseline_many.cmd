# a baseline of many lines (a province's): the accepted counts of each
# report and rule apply as with a short one, the lines of one report and
# rule taken in file order (two lines of T4-SUM accept 1 + 1 findings)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
r=tests/corpus/hongzequ_2023.pdf
{
	i=0
	while [ $i -lt 30000 ]; do
		printf 'reports/%d.pdf\tT4-SUM\t3\n' $i
		i=$((i + 1))
	done
	printf '%s\tS-TABLES\t1\n%s\tT4-SUM\t1\n%s\tS-LABELS\t0\n%s\tT4-SUM\t1\n' "$r" "$r" "$r" "$r"
} >"$t/base"
$GOUJI check --baseline "$t/base" "$r"
echo "exit $?"
