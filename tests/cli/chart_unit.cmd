$GOUJI check --format tests/scripts/chart_test.lua tests/variants/pipe_tables.md
