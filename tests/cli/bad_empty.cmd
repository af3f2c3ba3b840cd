$GOUJI dump --cells tests/bad/empty.md
