$GOUJI rules
