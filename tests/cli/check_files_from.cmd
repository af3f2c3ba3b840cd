{ find tests/corpus -name "*.pdf" -print0 | sort -z | $GOUJI check --files-from -; echo "exit $?"; printf "tests/corpus/pingtan_2024.txt\\n" | $GOUJI check --format jsonl --files-from -; }
