# A report whose agency would be a formula in Excel (=…) gets a ' before
# it; a field with a comma or a quote is quoted, its quotes doubled.
$GOUJI check --format csv tests/serve/formula_agency.yaml | tr -d '\r' | cut -d, -f1-4
