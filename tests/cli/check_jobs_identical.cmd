# findings, messages on stderr and exit code are the same for -j1 and -jN
for j in 1 2 4; do
  $GOUJI check -j$j --format jsonl tests/corpus tests/variants tests/bad/empty.md examples >tests/out/jobs$j.out 2>tests/out/jobs$j.err
  echo "-j$j exit $?"
done
cmp tests/out/jobs1.out tests/out/jobs2.out && cmp tests/out/jobs1.out tests/out/jobs4.out && echo "stdout identical"
cmp tests/out/jobs1.err tests/out/jobs2.err && cmp tests/out/jobs1.err tests/out/jobs4.err && echo "stderr identical"
wc -l <tests/out/jobs1.out
