$GOUJI check --pack examples/district tests/corpus/shapotou_gxj_2022.md tests/corpus/pingtan_2019.txt; echo "exit $?"
