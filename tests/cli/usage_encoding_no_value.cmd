$GOUJI dump --encoding
