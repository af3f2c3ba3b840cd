$GOUJI check --format markdown --html tests/corpus/hongzequ_2023.pdf | sed -n '/^<body>/,/^<h3>检查发现/p'; echo "exit $?"
