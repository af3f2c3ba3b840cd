$GOUJI dump --cells examples/shapotou_gxj_2022.yaml
