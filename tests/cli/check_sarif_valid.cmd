# SARIF of the whole corpus, and of a pack whose rules fail (its failures are
# the invocation's tool execution notifications), against the 2.1.0 schema
for args in "tests/corpus" "--pack tests/packs/hostile tests/corpus/hongzequ_2023.pdf"; do
	printf '%s: ' "$args"
	$GOUJI check --format sarif $args 2>/dev/null |
		/usr/bin/python3 tests/validate_sarif.py tests/schemas/sarif-schema-2.1.0.json
done
