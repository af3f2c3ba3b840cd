# docs/gouji.1 names every command and every option --help gives, and
# groff renders it without a warning
man=$(sed 's/\\-/-/g' docs/gouji.1)
n=0
for o in $($GOUJI --help | grep -oE -- '(^|[][ (])--?[a-z][a-z-]*' | sed 's/^[][ (]*//' | sort -u); do
	n=$((n + 1))
	printf '%s\n' "$man" | grep -qF -- "$o" || echo "not in the man page: $o"
done
for c in dump check diff serve rules explain test; do
	printf '%s\n' "$man" | grep -qx ".B $c" || echo "command not in the man page: $c"
done
echo "$n options of --help looked for"
groff -k -man -Tutf8 -ww -z docs/gouji.1 2>&1
