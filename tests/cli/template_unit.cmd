$GOUJI check --format tests/scripts/template_test.lua tests/variants/pipe_tables.md
