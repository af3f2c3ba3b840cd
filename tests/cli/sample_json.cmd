$GOUJI check --format json examples/shapotou_gxj_2022.md; echo "exit $?"
