$GOUJI dump tests/corpus/pingtan_2019.txt
