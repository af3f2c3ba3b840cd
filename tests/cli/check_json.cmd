$GOUJI check --format json tests/corpus/hongzequ_2023.pdf
