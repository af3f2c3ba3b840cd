# a PDF of 1,000 pages: a real report (5 pages) and 995 pages of text,
# joined with pdfunite (poppler-utils).  The reader keeps the report's
# cells; the narrative rules that read the 995 pages as part 六 run out of
# memory and are named.  Bounded: 60 s, 1 GiB.
. tests/cli/bounded.sh
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
sh tests/cli/make_pdf.sh 995 "$t/filler.pdf"
pdfunite tests/corpus/hongzequ_2024.pdf "$t/filler.pdf" "$t/pages.pdf"
pdfinfo "$t/pages.pdf" | grep "^Pages"
pdftotext -f 1000 -l 1000 "$t/pages.pdf" - | head -1
$GOUJI dump --cells tests/corpus/hongzequ_2024.pdf >"$t/want"
bounded 60 1024 $GOUJI dump --cells "$t/pages.pdf" >"$t/got"
echo "dump: exit $?"
cmp "$t/want" "$t/got" && echo "cells: the 5-page report's"
{ bounded 60 1024 $GOUJI check "$t/pages.pdf" 2>&1; echo "check: exit $?"; } |
	grep -v "^	\|^stack traceback" | sed "s|$t|TMP|"
