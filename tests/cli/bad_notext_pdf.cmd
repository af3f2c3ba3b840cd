$GOUJI dump --cells tests/bad/notext.pdf
