# a report named on the command line that is a FIFO or a device: refused
# at once with a one-line error, never waited on; the other files are read
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
mkfifo "$t/pipe.md"
timeout 10 $GOUJI dump --cells "$t/pipe.md" /dev/null examples/shapotou_gxj_2022.md >"$t/out" 2>"$t/err"
echo "exit $?"
sed "s|$t|TMP|" "$t/err"
wc -l <"$t/out"
