$GOUJI diff --format json tests/diff/shapotou_gxj_2021.yaml examples/shapotou_gxj_2022.md
