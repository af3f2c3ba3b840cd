$GOUJI frobnicate x.md
