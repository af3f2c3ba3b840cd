$GOUJI dump --yaml tests/variants/pipe_tables.md
