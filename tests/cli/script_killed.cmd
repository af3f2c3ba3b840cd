# a run killed (TERM, then KILL) while its output script runs leaves no
# output and no temporary file, and an old output file as it was
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
echo "old output" >"$t/out.md"
for sig in TERM KILL; do
	$GOUJI check --config tests/configs/slow.yaml --format tests/scripts/hostile/slow.lua \
		-o "$t/new.md" examples/shapotou_gxj_2022.md 2>/dev/null &
	pid=$!
	sleep 1
	kill -$sig $pid
	wait $pid 2>/dev/null
	echo "$sig: exit $?"
	ls -A "$t"
	cat "$t/out.md"
done
