# a path read from --files-from that -o or --write-baseline would replace
# is not read, and the run writes neither (exit 2); the other paths are
# checked as usual
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cp examples/shapotou_gxj_2022.md "$t/a.md"
cp tests/corpus/hongzequ_2023.pdf "$t/b.pdf"
printf '%s\n%s\n' "$t/b.pdf" "$t/a.md" >"$t/list"
{
$GOUJI check --format jsonl -o "$t/a.md" --files-from "$t/list"; echo "exit $?"
printf '%s\0' "$t/a.md" | $GOUJI check --write-baseline "$t/a.md" --files-from -; echo "exit $?"
$GOUJI check --format jsonl -o "$t/b.pdf" --write-baseline "$t/base.tsv" --files-from "$t/list" >/dev/null; echo "exit $?"
} 2>&1 | sed "s|$t|TMP|g"
cmp examples/shapotou_gxj_2022.md "$t/a.md" && echo "a.md unchanged"
cmp tests/corpus/hongzequ_2023.pdf "$t/b.pdf" && echo "b.pdf unchanged"
ls "$t"
