# the summary as a whole page, for a report with ambiguous cells (表二 of
# pingtan_2019: 不可读, never 0) and one with missing ones (hongzequ_2023)
$GOUJI check --format markdown --html tests/corpus/pingtan_2019.txt tests/corpus/hongzequ_2023.pdf; echo "exit $?"
