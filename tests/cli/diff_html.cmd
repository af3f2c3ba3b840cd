# -o writes the file; --html makes the Markdown a page
f=$(mktemp) && $GOUJI diff --html -o "$f" tests/corpus/hongzequ_2023.pdf tests/corpus/hongzequ_2024.pdf; echo "exit $?"
sed -n 3p "$f"; grep '<h[23]>' "$f"; grep -o '<strong>[^<]*</strong>' "$f"; tail -1 "$f"
rm -f "$f"
