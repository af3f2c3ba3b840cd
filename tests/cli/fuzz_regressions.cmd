# inputs that once crashed a reader: each must load (or be refused) cleanly
for f in tests/fuzz/regressions/*; do
	[ -f "$f" ] || continue
	$GOUJI dump --cells "$f" >/dev/null 2>&1
	echo "$(basename "$f"): exit $?"
done
