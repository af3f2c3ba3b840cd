$GOUJI dump
