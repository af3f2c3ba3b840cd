# Output that cannot be written is an error, never exit 0 with the output
# lost: stdout on a full disk (/dev/full), for every command and format
for c in "dump examples/shapotou_gxj_2022.md" "dump --cells examples/shapotou_gxj_2022.md" \
	"check examples/shapotou_gxj_2022.md" "check --format json examples/shapotou_gxj_2022.md" \
	"check --format jsonl examples/shapotou_gxj_2022.md" \
	"check --format markdown --html examples/shapotou_gxj_2022.md" \
	"diff examples/shapotou_gxj_2022.md examples/shapotou_gxj_2022.yaml" \
	"rules" "explain T4-SUM" "test examples/district" "--version"; do
	$GOUJI $c >/dev/full 2>tests/out/output_lost.stderr
	echo "$c: exit $?: $(grep -v 'warning' tests/out/output_lost.stderr)"
done
