$GOUJI check --format markdown tests/variants/legacy_2017.txt tests/variants/no_tables_2023.md tests/variants/pipe_tables.md; echo "exit $?"
