$GOUJI check --pack tests/packs/span examples/shapotou_gxj_2022.md
