$GOUJI dump tests/variants/md_headings_2023.md
