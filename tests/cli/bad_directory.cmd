$GOUJI dump --cells tests/bad
