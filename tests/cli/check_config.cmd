$GOUJI check --config examples/gouji.yaml examples/shapotou_gxj_2022.md; echo "exit $?"
