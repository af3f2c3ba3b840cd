$GOUJI dump tests/corpus/shapotou_gxj_2022.md
