$GOUJI check -j0 tests/corpus; echo "exit $?"; $GOUJI check -j x tests/corpus; echo "exit $?"; $GOUJI check --jobs; echo "exit $?"
