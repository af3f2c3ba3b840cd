# The version is written once (core/version.h): --version prints it, the
# manual page's header carries it, output scripts get it (SARIF's
# tool.driver.version)
v=$($GOUJI --version | sed 's/^gouji //')
grep -q "^\.TH GOUJI 1 [^ ]* \"gouji $v\"" docs/gouji.1 && echo "manual page: $v"
# (grep reads all of it: gouji is not cut off by a closed pipe)
$GOUJI check --format sarif examples/shapotou_gxj_2022.md | grep '"version": "'"$v"'"' |
	sed 's/^ *//'
