# (readers of the output read all of it: a reader that quits early would
# kill gouji with SIGPIPE, which valgrind counts as a leak)
# names that carry markup are shown as text on every page: no tag of the
# report's reaches the HTML, and no | breaks a Markdown table
$GOUJI check --format rollup --html tests/rollup/hostile_names.yaml | grep -c '<img\|<script\|href='
$GOUJI check --format markdown --html tests/rollup/hostile_names.yaml | grep -c '<img\|<script\|href='
$GOUJI check --format rollup --html tests/rollup/hostile_names.yaml | grep '某局' | sed -n 1p
$GOUJI check --format markdown --html tests/rollup/hostile_names.yaml | grep '<h2>' | sed -n 1p
$GOUJI check --format rollup tests/rollup/hostile_names.yaml | sed -n 7p
$GOUJI check --format markdown tests/rollup/hostile_names.yaml | sed -n 5p
