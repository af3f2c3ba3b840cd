# unreadable figures in the roll-up: a report with null cells and one in
# no national format; totals that miss them are 不完整 or 不可读, never 0
$GOUJI check --format rollup tests/rollup/unreadable_2023.yaml tests/variants/legacy_2017.txt tests/corpus/pingtan_2019.txt; echo "exit $?"
