$GOUJI check --format text examples/shapotou_gxj_2022.md; echo "exit $?"
