# No state of a rule survives from one report to the next (a module's
# upvalue, a file's local or global): the output is the same for any -j
set -- tests/corpus/pingtan_2019.txt tests/corpus/pingtan_2024.txt examples/shapotou_gxj_2022.md \
	tests/corpus/shapotou_gxj_2022.md
$GOUJI check -j1 --pack tests/packs/stateful "$@" >tests/out/no_carry.1
echo "exit $?"
$GOUJI check -j2 --pack tests/packs/stateful "$@" >tests/out/no_carry.2
cat tests/out/no_carry.1
cmp -s tests/out/no_carry.1 tests/out/no_carry.2 && echo "-j1 and -j2: the same"
