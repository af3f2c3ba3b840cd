# tests/cli/hostile_script.sh NAME — run the hostile output script
# tests/scripts/hostile/NAME.lua with -o, twice: into an empty folder, then
# over a file already there.  Prints gouji's messages (tracebacks left
# out), exit codes and the folder's files with their first line: a script
# that fails writes nothing, leaves no temporary file and keeps the old
# output as it was.  tests/packs/hostile rides along: its rules' failures
# are still reported (with tests/configs/small-budget.yaml, which stops
# runaway code sooner: under valgrind every instruction counts).
. tests/cli/bounded.sh
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
run() {
	bounded 120 2048 $GOUJI check --config tests/configs/small-budget.yaml --pack tests/packs/hostile --format "tests/scripts/hostile/$1.lua" \
		-o "$t/out.md" tests/corpus/pingtan_2024.txt 2>&1
	echo "exit $?"
}
files() {
	for f in "$t"/* "$t"/.[!.]*; do
		if [ -f "$f" ]; then echo "file $(basename "$f"): $(head -c 60 "$f" | head -1)"; fi
	done
}
run "$1" | grep -v "^	\|^stack traceback"
files
echo "old output" >"$t/out.md"
run "$1" | tail -1
files
