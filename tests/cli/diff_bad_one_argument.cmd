$GOUJI diff tests/corpus/hongzequ_2024.pdf
