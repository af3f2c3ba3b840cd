# --previous over many reports: each report gets the same agency's report
# of the year before (white space aside, or one name ending with the other
# when the shorter has 5 characters or more), the first given when two
# fit; 2,000 of last year's reports, matched by key, not one by one
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/2023" "$t/2024"
y() { printf 'title: t\nagency: %s\nyear: %s\nformat: "2021"\n' "$2" "$3" >"$1"; }
i=0
while [ $i -lt 2000 ]; do
	y "$t/2023/n$i.yaml" "第${i}局" 2023
	i=$((i + 1))
done
y "$t/2023/a1.yaml" "淮安市洪泽区人民政府" 2023
y "$t/2023/a2.yaml" "洪泽区 人民政府" 2023
y "$t/2023/b.yaml" "人民政府" 2023
y "$t/2023/c.yaml" "沙坡头区工业信息化和商务局" 2022
y "$t/2024/1.yaml" "洪泽区人民政府" 2024
y "$t/2024/2.yaml" "淮安市洪泽区人民政府" 2024
y "$t/2024/3.yaml" "区人民政府" 2024
y "$t/2024/4.yaml" "第1999局" 2024
y "$t/2024/5.yaml" "第7局" 2025
y "$t/2024/6.yaml" "沙坡头区工业信息化和商务局" 2024
$GOUJI check --pack tests/packs/previous --previous "$t/2023" "$t/2024" 2>&1 | sed "s|$t|TMP|g"
echo "exit $?"
