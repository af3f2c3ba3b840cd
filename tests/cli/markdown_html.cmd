$GOUJI check --format markdown --html tests/corpus/hongzequ_2023.pdf | head -12; echo "exit $?"
