{ $GOUJI check --config tests/configs/small-budget.yaml --pack tests/packs/hostile tests/corpus/pingtan_2024.txt 2>&1; echo "exit $?"; } | grep -v "^	\|^stack traceback"
