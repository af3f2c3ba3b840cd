#!/bin/sh
# make bench — gouji beside cmark on the same bytes.  Builds a corpus of
# N reports (default 5,000) from the corpus and variant reports
# (tests/bench/make_corpus.py: agencies renamed, numbers changed, parts
# swapped), then times, in one run: cmark parsing every file (the floor),
# gouji dump --cells, gouji check -j1 with a rule that does nothing (the
# cost of check besides the rules), gouji check -j1 and -j2 with the
# national pack;
# each as CPU seconds, wall seconds, ratio to cmark and reports per
# second, of the fastest of ROUNDS runs (default 3).  Then peak RSS of
# check over 1,000 and 10,000 reports, and with --previous of 5,000, and a
# check for quadratic work (one report 1x, 10x, 100x its size).
set -eu
GOUJI=${GOUJI:-./gouji}
N=${N:-5000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure NAME COMMAND...: user+sys CPU, wall seconds and peak RSS (KB)
# of the fastest of ROUNDS runs (default 3: a shared machine is noisy)
ROUNDS=${ROUNDS:-3}
measure() {
	name=$1
	shift
	: >"$tmp/all.$name"
	r=0
	while [ $r -lt "$ROUNDS" ]; do
		/usr/bin/env time -f '%U %S %e %M' -o "$tmp/t.$name" "$@" >/dev/null 2>"$tmp/err.$name" || true
		# the last line: GNU time puts "Command exited with non-zero status" first
		tail -1 "$tmp/t.$name" | awk '{ printf "%.3f %.3f %d\n", $1 + $2, $3, $4 }' >>"$tmp/all.$name"
		r=$((r + 1))
	done
	sort -n -k2 "$tmp/all.$name" | head -1 >"$tmp/m.$name"
}
cpu() { cut -d' ' -f1 "$tmp/m.$1"; }
wall() { cut -d' ' -f2 "$tmp/m.$1"; }
rss() { cut -d' ' -f3 "$tmp/m.$1"; }

# the sources: text and Markdown reports, and the PDFs' text layer
src="$tmp/src"
mkdir -p "$src"
cp tests/corpus/*.md tests/corpus/*.txt tests/variants/*.md tests/variants/*.txt "$src/"
for f in tests/corpus/*.pdf; do
	pdftotext -layout "$f" "$src/$(basename "$f" .pdf).txt"
done
python3 tests/bench/make_corpus.py "$tmp/c" "$N" "$src"/*
find "$tmp/c" -type f | sort >"$tmp/list"
bytes=$(cat "$tmp/c"/* | wc -c)
echo "corpus: $N reports, $bytes bytes, from $(ls "$src" | wc -l) sources"

# a pack with one rule that does nothing: what check costs besides the
# rules (reading, handing each report to Lua, writing the output)
mkdir -p "$tmp/nop"
printf 'name: nop\nversion: 0.0.0\ndescription: nothing\n' >"$tmp/nop/pack.yaml"
printf 'rule { id = "Z-NOP", severity = "info", title = "nothing", description = "nothing",\n       check = function(report, add) end }\n' >"$tmp/nop/nop.lua"

measure cmark sh -c "xargs cmark <'$tmp/list'"
measure dump sh -c "xargs '$GOUJI' dump --cells <'$tmp/list'"
measure nop "$GOUJI" check -j1 --pack "$tmp/nop" --format jsonl --files-from "$tmp/list"
measure j1 "$GOUJI" check -j1 --format jsonl --files-from "$tmp/list"
measure j2 "$GOUJI" check -j2 --format jsonl --files-from "$tmp/list"
"$GOUJI" check -j1 --format jsonl --files-from "$tmp/list" >"$tmp/o1" 2>&1 || true
"$GOUJI" check -j2 --format jsonl --files-from "$tmp/list" >"$tmp/o2" 2>&1 || true
cmp -s "$tmp/o1" "$tmp/o2" && same="identical" || same="DIFFERENT"

c=$(cpu cmark)
printf '%-28s %9s %9s %12s %10s\n' "" "CPU s" "wall s" "CPU x cmark" "reports/s"
for m in cmark dump nop j1 j2; do
	case $m in
	cmark) label="cmark (the floor)" ;;
	dump) label="gouji dump --cells" ;;
	nop) label="gouji check, no rules" ;;
	j1) label="gouji check -j1" ;;
	j2) label="gouji check -j2" ;;
	esac
	awk -v l="$label" -v cpu="$(cpu $m)" -v w="$(wall $m)" -v c="$c" -v n="$N" 'BEGIN {
		printf "%-28s %9.2f %9.2f %12.1f %10.0f\n", l, cpu, w, (c > 0 ? cpu / c : 0), (w > 0 ? n / w : 0) }'
done
awk -v a="$(wall j1)" -v b="$(wall j2)" 'BEGIN { if (b > 0) printf "-j2 is %.2fx as fast as -j1 (wall)\n", a / b }'
echo "findings of -j1 and -j2: $same ($(wc -l <"$tmp/o1") lines)"

# memory: the same run over 1,000 and over 10,000 reports
python3 tests/bench/make_corpus.py "$tmp/big" 10000 "$src"/*
find "$tmp/big" -type f | sort >"$tmp/big.list"
head -1000 "$tmp/big.list" >"$tmp/k.list"
measure k1 "$GOUJI" check -j1 --format jsonl --files-from "$tmp/k.list"
measure k10 "$GOUJI" check -j1 --format jsonl --files-from "$tmp/big.list"
awk -v a="$(rss k1)" -v b="$(rss k10)" 'BEGIN {
	printf "peak RSS, check -j1 --format jsonl: %d KB at 1,000 reports, %d KB at 10,000 (%+.1f%%)\n",
	       a, b, (b - a) * 100.0 / a }'

# last year's reports: 5,000 given with --previous are read once and kept
# as an agency, a year and a path each, not as reports
measure prev "$GOUJI" check -j1 --format jsonl --previous "$tmp/c" --files-from "$tmp/k.list"
awk -v t="$(cpu prev)" -v m="$(rss prev)" -v n="$N" 'BEGIN {
	printf "check -j1 of 1,000 reports with --previous of %d: %.2f s CPU, peak RSS %d KB\n", n, t, m }'

# no quadratic work: the same report 1x, 10x, 100x its size in one file
sample=examples/shapotou_gxj_2022.md
for k in 1 10 100; do
	: >"$tmp/big$k.md"
	j=0
	while [ $j -lt $k ]; do cat "$sample" >>"$tmp/big$k.md"; j=$((j + 1)); done
	measure b$k "$GOUJI" dump --cells "$tmp/big$k.md"
done
echo "one file of 1x / 10x / 100x the sample: $(cpu b1) / $(cpu b10) / $(cpu b100) s CPU"
