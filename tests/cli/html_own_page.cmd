# --html: a script that writes a page itself ("<!DOCTYPE html", any case,
# after white space) is written as it is; other output goes through cmark
$GOUJI check --format tests/scripts/own_page.lua --html tests/corpus/shapotou_gxj_2022.md; echo "exit $?"
$GOUJI check --format tests/scripts/own_page.lua tests/corpus/shapotou_gxj_2022.md; echo "exit $?"
$GOUJI check --format text --html tests/corpus/hongzequ_2023.pdf | sed -n 1,4p; echo "exit $?"
