# rules/lib/text.lua: its own tests, run as an output script
$GOUJI check --format tests/scripts/text_test.lua tests/variants/pipe_tables.md
