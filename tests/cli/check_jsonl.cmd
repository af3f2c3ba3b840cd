$GOUJI check --format jsonl tests/corpus; echo "exit $?"
