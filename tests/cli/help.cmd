$GOUJI --help
