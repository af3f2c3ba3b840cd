# the example read as Markdown and as YAML: no figure differs; the same year is warned about
$GOUJI diff examples/shapotou_gxj_2022.md examples/shapotou_gxj_2022.yaml
