# The annotated report as Markdown: the findings listed first, each
# numbered and placed (第N行), then the text part by part with the
# findings after the heading, paragraph or table they are about, and the
# tables drawn from the model (推: filled by the table's arithmetic).
$GOUJI check --format annotated examples/shapotou_gxj_2022.md
