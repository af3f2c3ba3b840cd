# The files of a pack, a config, a script and a baseline are read only if
# they are regular files of bounded size, opened without blocking, and a
# pack's may not lead out of its folder: a module that is /dev/zero (once:
# out of memory), a FIFO (once: blocked for ever), a link to a file
# beside the pack (once: read, and shown a token at a time in errors)
. tests/cli/bounded.sh
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pack() {
	mkdir -p "$t/$1/lib"
	printf 'local m = require("%s")\nrule { id = "P-1", severity = "info", title = "t", check = function(r, add) add{ line = 1, message = tostring(m) } end }\n' \
		"$1" >"$t/$1/a.lua"
}
pack zero
ln -s /dev/zero "$t/zero/lib/zero.lua"
pack fifo
mkfifo "$t/fifo/lib/fifo.lua"
pack env
mkdir "$t/outside"
echo 'TOKEN=secret' >"$t/outside/.env"
ln -s ../../outside/.env "$t/env/lib/env.lua"
pack inside
mkdir "$t/inside/real"
echo 'return "a module through a link inside the pack"' >"$t/inside/real/m.lua"
ln -s ../real/m.lua "$t/inside/lib/inside.lua"
run() {
	{ bounded 20 512 $GOUJI check "$@" examples/shapotou_gxj_2022.md 2>&1; echo "exit $?"; } |
		sed "s|$t|T|g" | grep -v "^	\|^stack traceback"
}
for p in zero fifo env inside; do
	echo "$p:"
	run --pack "$t/$p"
done
mkfifo "$t/gouji.yaml" "$t/accepted.tsv"
ln -s /dev/zero "$t/script.lua"
echo "config:"
run --config "$t/gouji.yaml"
echo "script:"
run --format "$t/script.lua"
echo "baseline:"
run --baseline "$t/accepted.tsv" --format json | grep "^gouji\|^exit"
