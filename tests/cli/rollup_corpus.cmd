$GOUJI check --format rollup tests/corpus; echo "exit $?"
