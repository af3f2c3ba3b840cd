$GOUJI diff tests/corpus/pingtan_2019.txt tests/corpus/pingtan_2024.txt
