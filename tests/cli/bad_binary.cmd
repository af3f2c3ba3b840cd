$GOUJI dump --cells tests/bad/binary.txt
