$GOUJI check --format rollup --html tests/corpus; echo "exit $?"
