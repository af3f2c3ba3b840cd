# last year (a written YAML) has an unreadable cell and lacks part 四; this year is the example
$GOUJI diff tests/diff/shapotou_gxj_2021.yaml examples/shapotou_gxj_2022.md
