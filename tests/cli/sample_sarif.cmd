$GOUJI check --format sarif examples/shapotou_gxj_2022.md; echo "exit $?"
