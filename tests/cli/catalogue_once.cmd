# The national format is written once, in core/catalogue.inc: no other
# file of the core, the packs or the scripts holds a copy of its lists.  A
# file naming three or more of 表三's sub-rows (by key or by label), or
# three or more of 表二's column headings, is a copy; uses of one row or
# two are not.
keys=$(sed -n 's/^\tX("\([a-z_]*\)", GJ_F[A-Z0-9]*, "\([^"]*\)", "[^"]*", "[^"]*", [1-9], .*/\1 \2/p' core/catalogue.inc)
heads=$(sed -n 's/^\tX("[a-z_]*", "[a-z_]*", GJ_F[A-Z0-9]*, [01], "\([^"]*\)", .*/\1/p' core/catalogue.inc | sort -u)
echo "$(echo "$keys" | wc -l) sub-rows, $(echo "$heads" | wc -l) column headings in the catalogue"
for f in $(git ls-files core rules scripts | grep -v '^core/catalogue.inc$\|/tests/'); do
	n=0
	for k in $(echo "$keys" | cut -d' ' -f1); do grep -q "\b$k\b" "$f" && n=$((n + 1)); done
	l=0
	for w in $(echo "$keys" | cut -d' ' -f2); do grep -qF "$w" "$f" && l=$((l + 1)); done
	h=0
	for w in $heads; do grep -qF "$w" "$f" && h=$((h + 1)); done
	[ $n -ge 3 ] || [ $l -ge 3 ] || [ $h -ge 3 ] && echo "$f: a copy ($n keys, $l labels, $h headings)"
done
echo done
