$GOUJI dump --cells tests/bad/empty.md tests/variants/pipe_tables.md tests/bad/binary.txt
