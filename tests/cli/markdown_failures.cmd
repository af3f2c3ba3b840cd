$GOUJI check --pack tests/packs/hostile --format markdown tests/corpus/hongzequ_2023.pdf 2>/dev/null; echo "exit $?"
