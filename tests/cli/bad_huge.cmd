# a 50 MB report loads (sections of its first copy); 70 MB is refused
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
cp tests/corpus/shapotou_gxj_2022.md "$t/a"
i=0; while [ $i -lt 13 ]; do cat "$t/a" "$t/a" >"$t/b"; mv "$t/b" "$t/a"; i=$((i+1)); done
head -n 493300 "$t/a" >"$t/big.md"; wc -c <"$t/big.md"
$GOUJI dump --cells "$t/big.md" | sed -n 1,3p
head -c 73400320 /dev/zero | tr '\0' 'a' >"$t/huge.txt"
$GOUJI dump --cells "$t/huge.txt" 2>&1 | sed "s|$t|TMP|"
