$GOUJI diff tests/corpus/no_such_2023.pdf tests/corpus/hongzequ_2024.pdf
