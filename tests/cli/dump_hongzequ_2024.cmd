$GOUJI dump tests/corpus/hongzequ_2024.pdf
