$GOUJI dump tests/corpus/pingtan_2024.txt
