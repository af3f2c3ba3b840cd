for c in tests/configs/unknown-rule.yaml tests/configs/unknown-key.yaml tests/configs/unknown-param.yaml; do
	$GOUJI check --config $c tests/corpus/pingtan_2024.txt
	echo "exit $?"
done
