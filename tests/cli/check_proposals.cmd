$GOUJI check --config tests/configs/proposals.yaml tests/corpus/pingtan_2024.txt tests/corpus/huaian_shi_2024.pdf; echo "exit $?"
