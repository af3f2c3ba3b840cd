{ $GOUJI check --pack tests/packs/hostile tests/corpus/hongzequ_2023.pdf 2>&1; echo "exit $?"; } | sed "s/0x[0-9a-f]*/ADDR/g"
