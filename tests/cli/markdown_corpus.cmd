$GOUJI check --format markdown tests/corpus; echo "exit $?"
