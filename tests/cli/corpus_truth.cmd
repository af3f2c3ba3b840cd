# the two reports from other provinces: each cell of 表三 and 表四 against
# the hand-read truth beside it (right, flagged or wrong)
python3 tests/variants/check_truth.py "$GOUJI" tests/corpus/shanghai_bgt_2025.md tests/corpus/shuyang_xian_2025.txt; echo "exit $?"
