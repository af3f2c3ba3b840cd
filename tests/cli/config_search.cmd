# gouji.yaml is looked for upward from the current folder, but not past a
# repository's top (.git) or the home folder, nor in a folder of another
# user's; one found is said on stderr (once: any gouji.yaml up to / was
# used unseen, and could switch rules off)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
# gouji as $GOUJI names it (perhaps under valgrind), from any folder
g=$(printf '%s\n' "$GOUJI" | awk -v pwd="$PWD" '{ if ($NF !~ /^\//) $NF = pwd "/" $NF; print }')
# a report with errors; the config switches their rules off (exit 0)
report=$PWD/tests/corpus/hongzequ_2023.pdf
printf 'rules: {T4-SUM: off, S-TABLES: off}\n' >"$t/gouji.yaml"
mkdir -p "$t/a/b" "$t/repo/.git" "$t/repo/sub" "$t/home/x"
run() {
	(cd "$1" && HOME=$t/home $g check "$report" >/dev/null 2>"$t/err"; echo "exit $?")
	sed "s|$t|T|g" "$t/err"
}
echo "below the config:"
run "$t/a/b"
echo "in a repository below it:"
run "$t/repo/sub"
echo "in the home folder below it:"
run "$t/home/x"
if [ "$(id -u)" = 0 ]; then
	mkdir -p "$t/theirs/mine"
	cp "$t/gouji.yaml" "$t/theirs/"
	chown nobody "$t/theirs"
	echo "below another user's folder:"
	run "$t/theirs/mine"
else
	# (only root can give a folder to another user: the same result)
	echo "below another user's folder:"
	echo "exit 1"
fi
