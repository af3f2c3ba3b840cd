# a 50 MB report loads (sections of its first copy); 70 MB is refused
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
i=0; while [ $i -lt 4500 ]; do cat tests/corpus/shapotou_gxj_2022.md; i=$((i+1)); done > "$t/big.md"
$GOUJI dump --cells "$t/big.md" | head -3
head -c 73400320 /dev/zero | tr '\0' 'a' > "$t/huge.txt"
$GOUJI dump --cells "$t/huge.txt" 2>&1 | sed "s|$t|TMP|"
