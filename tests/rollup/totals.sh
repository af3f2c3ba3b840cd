#!/bin/sh
# tests/rollup/totals.sh REPORT... — every district total of the roll-up
# (表三合计 and 表四合计, in the Markdown and in the HTML page) against the
# same totals summed here from each report's own cells (gouji dump
# --cells, read by sum_cells.awk, not by gouji's Lua).  Prints how many
# totals agree, and any that do not.

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gouji-totals.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for report; do
	printf '%s\t#report\n' "$report"     # a report may have no cells at all
	$GOUJI dump --cells "$report" | sed "s|^|$report	|"
done | awk -f tests/rollup/sum_cells.awk | sort >"$tmp/summed"
$GOUJI check --format rollup "$@" | awk -f tests/rollup/read_totals.awk | sort >"$tmp/markdown"
$GOUJI check --format rollup --html "$@" | awk -f tests/rollup/read_totals.awk | sort >"$tmp/html"
status=0
echo "$# reports: $(wc -l <"$tmp/summed" | tr -d ' ') totals summed from their cells" \
	"($(grep -c '/0$' "$tmp/summed") complete," \
	"$(grep -c '/[1-9][0-9]*$' "$tmp/summed") incomplete, $(grep -c ' U$' "$tmp/summed") unreadable)"
for form in markdown html; do
	if cmp -s "$tmp/summed" "$tmp/$form"; then
		echo "$form: all $(wc -l <"$tmp/$form" | tr -d ' ') equal"
	else
		echo "$form: differs (- summed here, + printed)"
		diff "$tmp/summed" "$tmp/$form" | grep '^[<>]' | sed 's/^</-/; s/^>/+/' | head -20
		status=1
	fi
done
exit $status
