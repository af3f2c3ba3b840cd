#!/bin/sh
# make bench — CPU time to load the sample report and the corpus, with
# cmark parsing the same bytes as the floor, and a check for quadratic
# work (one report 1x, 10x and 100x its size).
set -eu
GOUJI=${GOUJI:-./gouji}
N=${N:-500}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cpu() {   # cpu SECONDS-FILE COMMAND...: user+sys seconds of COMMAND
	out=$1
	shift
	/usr/bin/env time -f '%U %S' -o "$tmp/t" "$@" >/dev/null
	awk '{ printf "%.3f", $1 + $2 }' "$tmp/t" >"$out"
}

sample=examples/shapotou_gxj_2022.md
i=0
args=""
while [ $i -lt "$N" ]; do args="$args $sample"; i=$((i + 1)); done
bytes=$(wc -c <"$sample")

cpu "$tmp/g" "$GOUJI" dump --cells $args
if command -v cmark >/dev/null 2>&1; then
	cpu "$tmp/c" cmark $args
	c=$(cat "$tmp/c")
else
	c="n/a"
fi
g=$(cat "$tmp/g")
echo "sample report ($bytes bytes) x $N:"
echo "  gouji dump --cells  ${g} s CPU  ($(awk -v t="$g" -v n="$N" 'BEGIN{printf "%.1f", t/n*1e6}') us per report)"
echo "  cmark (floor)       ${c} s CPU"
[ "$c" != "n/a" ] && awk -v g="$g" -v c="$c" 'BEGIN{ if (c > 0) printf "  ratio gouji/cmark   %.1f\n", g/c }'

corpus="tests/corpus/*.md tests/corpus/*.txt tests/corpus/*.pdf"
cpu "$tmp/k" "$GOUJI" dump --cells $corpus
echo "corpus ($(ls $corpus | wc -l) reports, PDFs through pdftotext): $(cat "$tmp/k") s CPU (gouji only; pdftotext runs in a child)"

# no quadratic work: the same report 1x, 10x, 100x its size in one file
for k in 1 10 100; do
	: >"$tmp/big$k.md"
	j=0
	while [ $j -lt $k ]; do cat "$sample" >>"$tmp/big$k.md"; j=$((j + 1)); done
	cpu "$tmp/b$k" "$GOUJI" dump --cells "$tmp/big$k.md"
done
echo "one file of 1x / 10x / 100x the sample: $(cat "$tmp/b1") / $(cat "$tmp/b10") / $(cat "$tmp/b100") s CPU"
