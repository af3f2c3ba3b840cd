$GOUJI check --pack tests/packs/coroutine examples/shapotou_gxj_2022.md tests/corpus/hongzequ_2023.pdf; echo "exit $?"
