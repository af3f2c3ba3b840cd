# the same input gives byte-identical output, run after run
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
for i in 1 2 3; do $GOUJI check --format json tests/corpus tests/variants >"$t/$i.json"; done
cmp "$t/1.json" "$t/2.json" && cmp "$t/1.json" "$t/3.json" && echo "identical"
