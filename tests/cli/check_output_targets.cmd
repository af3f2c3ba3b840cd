# -o writes a regular file or a new path, never a device or through a
# symbolic link (once: the node or link was replaced), and never a file
# the run reads: the reports of diff, the output script, a pack's file
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cp examples/shapotou_gxj_2022.md "$t/last.md"
cp examples/shapotou_gxj_2022.md "$t/this.md"
echo "kept" >"$t/target.md"
ln -s target.md "$t/link.md"
cp scripts/jsonl.lua "$t/my.lua"
mkdir "$t/pack"
cp examples/district/pack.yaml examples/district/*.lua "$t/pack/"
run() {
	"$@" >/dev/null 2>"$t/err"
	echo "exit $?: $(sed "s|$t|T|g" "$t/err" | grep -v warning)"
}
run $GOUJI check -o /dev/null examples/shapotou_gxj_2022.md
run $GOUJI check -o "$t/link.md" examples/shapotou_gxj_2022.md
echo "link: $(readlink "$t/link.md"), target: $(cat "$t/target.md")"
run $GOUJI diff -o "$t/last.md" "$t/last.md" "$t/this.md"
run $GOUJI diff -o "$t/link.md" "$t/last.md" "$t/this.md"
run $GOUJI check --format "$t/my.lua" -o "$t/my.lua" examples/shapotou_gxj_2022.md
run $GOUJI check --pack "$t/pack" -o "$t/pack/d_overview_length.lua" examples/shapotou_gxj_2022.md
run $GOUJI check --write-baseline "$t/pack/pack.yaml" --pack "$t/pack" examples/shapotou_gxj_2022.md
cmp -s scripts/jsonl.lua "$t/my.lua" && echo "my.lua as it was"
cmp -s examples/district/d_overview_length.lua "$t/pack/d_overview_length.lua" &&
	cmp -s examples/district/pack.yaml "$t/pack/pack.yaml" && echo "the pack as it was"
