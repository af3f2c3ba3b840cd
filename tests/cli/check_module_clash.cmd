# A pack's module with the name of another pack's (tests/packs/clash has a
# lib/names.lua, as the national pack it extends): refused at load, exit 2
$GOUJI check --pack tests/packs/clash examples/shapotou_gxj_2022.md
echo "exit $?"
