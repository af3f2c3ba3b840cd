# every arithmetic error those variants print, found at error level with
# its row named, in every layout: a digit a cell that does not add up, a
# run that adds up under no split, a wrong 总计 among blank zero cells, a
# 总计 column left blank
for f in tests/variants/crawled_run_2023.txt tests/variants/crawled_nosplit_2023.txt tests/variants/pipe_blank_2023.md tests/variants/pipe_blank_total_2023.md tests/variants/grid_blank_2023.md tests/variants/grid_blank_total_2023.md tests/variants/html_blank_2023.html tests/variants/html_blank_total_2023.html tests/variants/word_2023.html; do
	$GOUJI check "$f" | grep -E '\[(T3-ROWSUM|T3-IDENT|T3-RESULT|T4-SUM)\]'
	echo "$f: exit $?"
done
