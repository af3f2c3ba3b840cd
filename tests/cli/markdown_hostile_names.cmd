# a report whose file name holds a newline, a blank line and an <img
# onerror>, and whose agency holds newlines and a terminal's escape: the
# summary's code span and the roll-up's table stay whole, no raw HTML gets
# through to the page, and text output shows the control characters as \x..
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
name=$(printf 'a`\n\n<img src=x onerror=alert(1)>.md')
sed 's/^沙坡头区工业信息化和商务局/沙坡头区\n\n工信局\x1b[31m/' examples/shapotou_gxj_2022.md >"$t/$name"
$GOUJI check --format markdown --html "$t/$name" | grep -c '<img'
$GOUJI check --format markdown "$t/$name" | grep -F -e '- 文件：' | sed "s|$t|TMP|" | tr '\n' '|'; echo
$GOUJI check --format rollup "$t/$name" | grep -F -e '| 工信局' | tr '\n' '|'; echo
$GOUJI check "$t/$name" 2>&1 | head -2 | sed "s|$t|TMP|"
