$GOUJI dump --cells tests/bad/no-such-file.md
