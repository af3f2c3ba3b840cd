# names that carry markup are shown as text on every page: no tag of the
# report's reaches the HTML, and no | breaks a Markdown table
$GOUJI check --format rollup --html tests/rollup/hostile_names.yaml | grep -c '<img\|<script\|href='
$GOUJI check --format markdown --html tests/rollup/hostile_names.yaml | grep -c '<img\|<script\|href='
$GOUJI check --format rollup --html tests/rollup/hostile_names.yaml | grep -m1 '某局'
$GOUJI check --format markdown --html tests/rollup/hostile_names.yaml | grep -m1 '<h2>'
$GOUJI check --format rollup tests/rollup/hostile_names.yaml | sed -n 7p
$GOUJI check --format markdown tests/rollup/hostile_names.yaml | sed -n 5p
