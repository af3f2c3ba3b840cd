#!/bin/sh
# tests/run.sh BUILD — run every test: the C unit tests, the rule packs'
# own tests (gouji test), the CLI golden tests (tests/cli), the corpus's
# exact cells (tests/corpus) and the variants (tests/variants).  Prints a closing "N passed, N failed" line;
# exits 1 when anything failed.
#
# A CLI test is tests/cli/NAME.cmd (one shell command run from the project
# root with $GOUJI set) with NAME.out (expected stdout), and optionally
# NAME.err (expected stderr) and NAME.rc (expected exit code, default 0).
# A corpus or variant test is a report FILE with FILE.cells beside it: the
# exact output of 'gouji dump --cells FILE'.
# UPDATE=1 rewrites the expected files from the current output (review the
# diff before committing it).  PARTS picks what runs (default: all of
# "unit packs cli cells"); make valgrind runs PARTS=cli.

BUILD=${1:-build}
GOUJI=${GOUJI:-$BUILD/gouji}
export GOUJI
PARTS=" ${PARTS:-unit packs cli cells} "
part() { case "$PARTS" in *" $1 "*) return 0 ;; esac; return 1; }
OUT=tests/out
rm -rf "$OUT"
mkdir -p "$OUT"
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }

# C unit tests: each prints "name: N passed, N failed"
part unit &&
for t in "$BUILD"/test_*; do
	[ -x "$t" ] || continue
	line=$("$t" 2>"$OUT/$(basename "$t").err")
	rc=$?
	echo "$line"
	p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
	f=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ "$rc" != 0 ] || [ -z "$p" ]; then
		cat "$OUT/$(basename "$t").err"
		[ "${f:-0}" = 0 ] && fail "$t exited $rc"
	fi
done

# rule packs: their fixtures and expected findings (gouji test)
if part packs; then
	line=$($GOUJI test rules/national examples/district 2>&1 | tee "$OUT/packs.log" | tail -1)
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	echo "packs: $line"
	[ "${f:-1}" != 0 ] && cat "$OUT/packs.log"
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-1}))
fi

# CLI golden tests
part cli &&
for cmd in tests/cli/*.cmd; do
	[ -f "$cmd" ] || continue
	name=${cmd%.cmd}
	base=$(basename "$name")
	sh "$cmd" >"$OUT/$base.out" 2>"$OUT/$base.err"
	rc=$?
	want_rc=0
	[ -f "$name.rc" ] && want_rc=$(cat "$name.rc")
	if [ -n "$UPDATE" ]; then
		cp "$OUT/$base.out" "$name.out"
		if [ -s "$OUT/$base.err" ] || [ -f "$name.err" ]; then
			cp "$OUT/$base.err" "$name.err"
		fi
		[ "$rc" != 0 ] && echo "$rc" >"$name.rc"
	fi
	ok=1
	if ! cmp -s "$OUT/$base.out" "$name.out"; then
		ok=0
		diff -u "$name.out" "$OUT/$base.out" | head -20
	fi
	if [ -f "$name.err" ]; then
		if ! cmp -s "$OUT/$base.err" "$name.err"; then
			ok=0
			diff -u "$name.err" "$OUT/$base.err" | head -10
		fi
	elif [ -s "$OUT/$base.err" ]; then
		ok=0
		echo "unexpected stderr:"
		head -5 "$OUT/$base.err"
	fi
	if [ "$rc" != "$want_rc" ]; then
		ok=0
		echo "exit code $rc, want $want_rc"
	fi
	if [ $ok = 1 ]; then pass; else fail "$cmd"; fi
done

# Reports with their exact cells
part cells &&
for want in tests/corpus/*.cells tests/variants/*.cells; do
	[ -f "$want" ] || continue
	report=${want%.cells}
	base=$(basename "$report")
	$GOUJI dump --cells "$report" >"$OUT/$base.cells" 2>"$OUT/$base.cells.err"
	[ -n "$UPDATE" ] && cp "$OUT/$base.cells" "$want"
	if cmp -s "$OUT/$base.cells" "$want"; then
		pass
	else
		diff -u "$want" "$OUT/$base.cells" | head -30
		fail "$report"
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
