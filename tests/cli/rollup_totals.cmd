# every district total of the roll-up (表三合计, 表四合计; Markdown and
# HTML) equals the sum of the reports' own cells, computed independently
# from dump --cells (tests/rollup/totals.sh): over the corpus, with a
# report that has unreadable cells and one with no tables, and those two
# alone
sh tests/rollup/totals.sh tests/corpus/*.md tests/corpus/*.txt tests/corpus/*.pdf
sh tests/rollup/totals.sh tests/corpus/*.md tests/corpus/*.txt tests/corpus/*.pdf tests/rollup/unreadable_2023.yaml tests/variants/legacy_2017.txt
sh tests/rollup/totals.sh tests/rollup/unreadable_2023.yaml tests/variants/legacy_2017.txt
