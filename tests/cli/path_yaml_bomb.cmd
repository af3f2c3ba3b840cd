# YAML alias bombs ("billion laughs": nine levels of nine aliases) as a
# report, a project config and a pack manifest, and a report nested
# 10,000 deep: each refused at once with its place.  Bounded: 10 s, 256 MiB.
. tests/cli/bounded.sh
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
bomb() {
	printf '%s: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' "$1"
	for i in 1 2 3 4 5 6 7 8; do
		p=$((i - 1))
		printf 'b%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n' \
			$i $i $p $p $p $p $p $p $p $p $p
	done
}
bomb title >"$t/bomb.yaml"
bomb packs >"$t/gouji.yaml"
mkdir "$t/pack"
bomb name >"$t/pack/pack.yaml"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "["; print "" }' >"$t/deep.yaml"
{
	bounded 10 256 $GOUJI dump "$t/bomb.yaml"; echo "report: exit $?"
	bounded 10 256 $GOUJI check --config "$t/gouji.yaml" examples/shapotou_gxj_2022.md; echo "config: exit $?"
	bounded 10 256 $GOUJI check --pack "$t/pack" examples/shapotou_gxj_2022.md; echo "pack: exit $?"
	bounded 10 256 $GOUJI dump "$t/deep.yaml"; echo "deep: exit $?"
} 2>&1 | sed "s|$t|TMP|"
