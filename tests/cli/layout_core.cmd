# The shape of core/ (issue 15): no module includes one that includes it
# back (a module is NAME.c with NAME.h; engine_*.c and cmd_*.c are parts
# of one), main.c is dispatch, every file opens with a comment saying
# its job, and only the Lua side of the core includes lua.h.
cd core
for f in *.c *.h; do
	m=${f%.*}; m=${m%%_*}
	for inc in $(sed -n 's/^#include "\([a-z_0-9]*\)\.h".*/\1/p' "$f"); do
		i=${inc%%_*}
		[ "$i" != "$m" ] && echo "$m $i"
	done
done | sort -u >../tests/out/layout_edges
modules=$(ls *.c *.h | sed 's/\..*//; s/_.*//' | sort -u | wc -l)
if tsort ../tests/out/layout_edges >/dev/null 2>../tests/out/layout_loops; then
	echo "$modules modules, no include cycle"
else
	cat ../tests/out/layout_loops
fi
n=$(wc -l <main.c)
[ "$n" -lt 150 ] && echo "main.c: under 150 lines" || echo "main.c: $n lines"
for f in *.c *.h; do
	head -1 "$f" | grep -q '^/\*$' && sed -n 2p "$f" | grep -q "^ \* $f — " ||
		echo "$f: no first comment naming it"
done
echo "lua.h:" $(grep -l '^#include <lua.h>' *.c *.h | sort)
