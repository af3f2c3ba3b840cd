$GOUJI dump --frob tests/corpus/pingtan_2024.txt
