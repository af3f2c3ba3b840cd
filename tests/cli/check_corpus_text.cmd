$GOUJI check tests/corpus; echo "exit $?"
