$GOUJI diff tests/bad/binary.txt tests/bad/empty.md
