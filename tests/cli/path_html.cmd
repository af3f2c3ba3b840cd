# web pages that no browser would be proud of, 1 to 9 MB each, after the
# example page's report: no tag ever closed ("<a<a<a…" and '<a title="'
# runs), a comment and a script never closed, 200,000 nested divs,
# entities by the hundred thousand.  The report before them reads as
# always; nothing hangs.  Bounded: 30 s, 1 GiB each.
. tests/cli/bounded.sh
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
page=tests/variants/page_bureau_2021.html
$GOUJI dump --cells "$page" >"$t/want"
gen() {
	cat "$page"
	awk -v what="$1" 'BEGIN {
		for (i = 0; i < 200000; i++) {
			if (what == "open") printf "<a<a<a";
			else if (what == "quote") printf "<a title=\"x";
			else if (what == "div") printf "<div><p><td>";
			else if (what == "ent") printf "&amp;&#x4E00;&#19968;&nbsp;&bogus;&#99999999;";
		}
		if (what == "comment") printf "<!-- never closed";
		if (what == "script") printf "<script>var s = \"</scr\" + \"ipt\";";
		print ""
	}'
}
for what in open quote div ent comment script; do
	gen $what >"$t/$what.html"
	bounded 30 1024 $GOUJI dump --cells "$t/$what.html" >"$t/got"
	rc=$?
	if cmp -s "$t/want" "$t/got"; then same="the page's cells"; else same="cells differ"; fi
	echo "$what: exit $rc, $same"
done
