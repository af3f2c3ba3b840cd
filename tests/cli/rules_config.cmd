$GOUJI rules --config examples/gouji.yaml
