$GOUJI dump tests/bad/gb18030.txt
