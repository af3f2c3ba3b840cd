$GOUJI check --format sarif tests/corpus/hongzequ_2023.pdf; echo "exit $?"
