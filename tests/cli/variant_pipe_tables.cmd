$GOUJI dump tests/variants/pipe_tables.md
