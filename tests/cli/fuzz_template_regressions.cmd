# template sources that once failed the template harness
# (tests/fuzz/fuzz_template.c): each is replayed through the harness's own
# driver, tests/fuzz/fuzz_template.lua, with the source put in its text;
# an error that does not name the template would print "unnamed error"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
for f in tests/fuzz/regressions/template/*; do
	if grep -q ']=====]' "$f"; then echo "$f: cannot be quoted"; continue; fi
	{
		printf 'local SOURCE = [=====[\n'
		cat "$f"
		printf ']=====]\n'
		sed 's/^local source = run\.failures\[1\]\.message$/local source = SOURCE/' tests/fuzz/fuzz_template.lua
	} >"$t/replay.lua"
	$GOUJI check --pack tests/packs/span --format "$t/replay.lua" examples/shapotou_gxj_2022.yaml >"$t/out" 2>&1
	echo "$(basename "$f"): exit $?"
	if tr -d '\000' <"$t/out" | grep -q '^UNNAMED'; then
		echo "unnamed error: $(tr -d '\000' <"$t/out" | head -1)"
	fi
done
