# a config's mistakes are refused before any rule runs, naming the file
for c in tests/configs/bad-*.yaml; do
	$GOUJI check --config $c examples/shapotou_gxj_2022.md 2>&1
	echo "exit $?"
done
