$GOUJI dump --cells tests/bad/empty.md tests/variants/legacy_2017.txt tests/bad/binary.txt
