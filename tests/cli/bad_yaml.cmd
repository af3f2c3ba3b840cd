$GOUJI dump --cells tests/bad/unknown-key.yaml tests/bad/wrong-type.yaml tests/bad/syntax.yaml
