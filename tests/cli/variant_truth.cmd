# the variants made by tests/variants/layouts.py: each cell of 表三 and
# 表四 against the truth it was made with (right, flagged or wrong)
python3 tests/variants/check_truth.py "$GOUJI" tests/variants/crawled_run_2023.txt tests/variants/crawled_nosplit_2023.txt tests/variants/pipe_blank_2023.md tests/variants/pipe_blank_total_2023.md tests/variants/grid_blank_2023.md tests/variants/grid_blank_total_2023.md tests/variants/html_blank_2023.html tests/variants/html_blank_total_2023.html tests/variants/word_2023.html; echo "exit $?"
