# A report whose title and text hold HTML: shown as text, never as markup.
# No <script or <img reaches the page; the title is escaped where it is.
$GOUJI check --format annotated --html -o tests/out/annotated_escape.html \
	tests/serve/script_title.yaml tests/serve/script_title.md; echo "exit $?"
echo "script tags: $(grep -c '<script' tests/out/annotated_escape.html)"
echo "img tags: $(grep -c '<img' tests/out/annotated_escape.html)"
grep -o '<h1>[^<]*</h1>' tests/out/annotated_escape.html
grep -o '<p>&lt;img src=x onerror=alert(1)&gt;2022 年' tests/out/annotated_escape.html
