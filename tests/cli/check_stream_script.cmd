$GOUJI check -j2 --format tests/scripts/stream_count.lua tests/corpus tests/bad/empty.md; echo "exit $?"
