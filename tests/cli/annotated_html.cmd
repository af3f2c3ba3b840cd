# The annotated report as a page, for a PDF with real errors: page markers,
# 第N页第M行 for each finding, the 表四 totals that do not add up outlined
# in their cells with the message beside the table, missing cells marked
# 缺.  The whole page is compared; tests/cli/serve_browser.cmd opens it.
$GOUJI check --format annotated --html tests/corpus/hongzequ_2023.pdf
