$GOUJI dump --cells tests/bad/invalid-utf8.txt
