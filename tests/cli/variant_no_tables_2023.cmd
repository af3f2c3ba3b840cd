$GOUJI dump tests/variants/no_tables_2023.md
