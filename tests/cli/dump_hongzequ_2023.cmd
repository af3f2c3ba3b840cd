$GOUJI dump tests/corpus/hongzequ_2023.pdf
