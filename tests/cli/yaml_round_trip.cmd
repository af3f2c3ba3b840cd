# dump --yaml of every corpus report and variant, loaded again, gives the
# same cells (values, statuses, positions, raw text, candidates)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
for f in tests/corpus/*.md tests/corpus/*.txt tests/corpus/*.pdf tests/variants/*.md tests/variants/*.txt tests/variants/*.html tests/variants/*.htm tests/variants/*.pdf; do
	$GOUJI dump --yaml "$f" >"$t/r.yaml"
	if $GOUJI dump --cells "$t/r.yaml" | cmp -s - "$f.cells"; then echo "same: $f"; else echo "DIFFERS: $f"; fi
done
