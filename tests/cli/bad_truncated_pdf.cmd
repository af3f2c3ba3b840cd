$GOUJI dump --cells tests/bad/truncated.pdf
