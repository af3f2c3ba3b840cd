$GOUJI check -j1 --pack tests/packs/cells tests/corpus/pingtan_2024.txt examples/shapotou_gxj_2022.md; echo "exit $?"
