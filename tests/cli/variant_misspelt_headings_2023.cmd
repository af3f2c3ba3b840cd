$GOUJI dump tests/variants/misspelt_headings_2023.txt
