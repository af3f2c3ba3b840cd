$GOUJI dump tests/corpus/huaian_shi_2024.pdf
