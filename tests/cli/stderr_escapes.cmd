# What gouji says on stderr carries file names, report text and rules'
# errors, which a report or a pack chooses: control characters there are
# shown as \x1b, never sent to the terminal (once: ESC and BEL in an
# error reached it and could retitle or clear it)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/p"
printf 'rule { id = "E-1", severity = "info", title = "t",\n  check = function() error("\\27]0;owned\\7\\27[2J" .. "\\r") end }\n' >"$t/p/a.lua"
$GOUJI check --pack "$t/p" examples/shapotou_gxj_2022.md 2>&1 >/dev/null | sed "s|$t|T|g" | head -1
$GOUJI dump "$t/$(printf 'a\033[2J\007b.md')" 2>&1 | sed "s|$t|T|g"
