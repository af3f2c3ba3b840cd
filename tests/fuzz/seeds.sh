#!/bin/sh
# tests/fuzz/seeds.sh DIR — the seed inputs of each fuzz harness, from the
# tests: DIR/text, DIR/yaml, DIR/split, DIR/template, DIR/config,
# DIR/textcore, DIR/check, DIR/html, DIR/rules.  Run from
# the project root with ./gouji built (the YAML seeds are its dumps).
set -eu
out=$1
mkdir -p "$out/text" "$out/yaml" "$out/split" "$out/template" "$out/config" "$out/textcore" \
	"$out/check" "$out/html" "$out/rules"

# text and Markdown: the corpus and the written variants
cp tests/corpus/*.md tests/corpus/*.txt tests/variants/*.md tests/variants/*.txt "$out/text/"
# web pages: byte 0 picks the kind (0x23 '#' % 4 == 3, html)
for f in tests/variants/*.html tests/variants/*.htm; do
	{ printf '#'; cat "$f"; } >"$out/text/$(basename "$f")"
done
# web pages as they are, for the page reader alone
cp tests/variants/*.html tests/variants/*.htm "$out/html/"
# text.lua's C helpers: the same texts, and the numbers of its unit tests
cp "$out/text/"* "$out/textcore/"
printf '二〇二三年三万四千元，1.5万元，3,119条，100余件，百分之十二，第三十六条。' >"$out/textcore/numbers"
# the whole check: the same reports (byte 0 picks how each is read)
cp "$out/text/"* "$out/check/"

# YAML reports: dumps of the text seeds, the examples, the bad ones
for f in tests/corpus/*.md tests/variants/*.txt; do
	./gouji dump --yaml "$f" >"$out/yaml/$(basename "$f").yaml"
done
cp examples/*.yaml tests/bad/*.yaml "$out/yaml/"

# the splitter: rows from tests/unit/test_split.c.  Byte 0 is the number
# of cells, byte 1 the kind of sums (0 none, 1 row total, 2 blocks of 5)
# with its top bit set: the text follows as it is.
row() {
	printf "$1$2%b" "$3" >"$out/split/$4"
}
row '\007' '\201' 21710000218 t3_row
row '\017' '\202' 21317000001324019 t4_row
row '\003' '\200' 6233440 t2_row
row '\007' '\201' '230 000023' space
row '\003' '\201' '\t12\n3 15 \n' tabs
row '\007' '\201' 100169127 ambiguous
row '\003' '\201' 100000000100000000200000000 long_cells
row '\017' '\200' 111111111111111111111111111111 ones
row '\003' '\201' 12a3 refused

# templates: the bundled summary and the template unit tests' sources
sed -n '/^return \[==\[$/,/^\]==\]$/p' scripts/lib/summary_template.lua | sed '1d;$d' \
	>"$out/template/summary"
grep -o 'render("\([^"\\]\|\\.\)*"' tests/scripts/template_test.lua |
	sed 's/^render("//; s/"$//' | {
	i=0
	while IFS= read -r s; do
		i=$((i + 1))
		printf '%b' "$s" >"$out/template/unit$i"
	done
}
printf '{%% include "self" %%}' >"$out/template/self"
printf '{%% for r in reports %%}{%% include "row" with r.requests[1] %%}{%% end %%}' \
	>"$out/template/include_with"

# configs: the tests' and the example's
cp tests/configs/*.yaml examples/gouji.yaml "$out/config/"

# random rule code (tests/fuzz/fuzz_rules.c reads 2 bytes a statement and
# one per argument): every function once with three arguments, and runs
# of the same bytes, which pick loops and the extreme values
i=0
while [ $i -lt 64 ]; do
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o\\%03o' 3 $i $((i % 56)) $(((i * 7) % 56)) $(((i * 13) % 56)))" \
		>"$out/rules/call$i"
	i=$((i + 1))
done
for b in 0 3 24 200 255; do
	head -c 96 /dev/zero | tr '\0' "$(printf '\\%03o' $b)" >"$out/rules/same$b"
done
