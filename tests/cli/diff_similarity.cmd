# the C similarity of gouji diff and text.similarity (X-SIMILAR) agree
for pair in "tests/corpus/hongzequ_2023.pdf tests/corpus/hongzequ_2024.pdf" \
            "tests/corpus/pingtan_2019.txt tests/corpus/pingtan_2024.txt" \
            "tests/diff/edge_2023.yaml tests/diff/edge_2024.yaml"; do
	$GOUJI diff --format tests/scripts/diff_similarity_test.lua $pair 2>/dev/null
done
