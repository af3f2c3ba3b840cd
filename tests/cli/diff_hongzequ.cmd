$GOUJI diff tests/corpus/hongzequ_2023.pdf tests/corpus/hongzequ_2024.pdf
