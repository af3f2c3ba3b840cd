$GOUJI dump tests/variants/legacy_2017.txt
