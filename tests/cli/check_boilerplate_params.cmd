$GOUJI check --config tests/configs/boilerplate.yaml tests/variants/no_tables_2023.md; echo "exit $?"; $GOUJI check tests/variants/no_tables_2023.md; echo "exit $?"
