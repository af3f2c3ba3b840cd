# tests/cli/make_pdf.sh PAGES OUT — write a PDF of PAGES pages, each with
# 20 lines of text in Helvetica, with a correct xref table.  Only awk: the
# pathological-input tests make it at run time.
awk -v pages="$1" '
function put(s) { printf "%s", s; pos += length(s) }
function obj(num, body) { off[num] = pos; put(num " 0 obj\n" body "\nendobj\n") }
BEGIN {
	pos = 0
	put("%PDF-1.4\n")
	kids = ""
	for (i = 0; i < pages; i++)
		kids = kids (i ? " " : "") (4 + 2 * i) " 0 R"
	obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	obj(2, "<< /Type /Pages /Kids [" kids "] /Count " pages " >>")
	obj(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	for (i = 0; i < pages; i++) {
		num = 4 + 2 * i
		obj(num, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " \
		    "/Resources << /Font << /F1 3 0 R >> >> /Contents " (num + 1) " 0 R >>")
		text = "BT /F1 12 Tf 72 780 Td (Page " (i + 1) " of " pages ") Tj"
		for (l = 1; l < 20; l++)
			text = text " 0 -36 Td (Line " l ": 12 34 56 78 90 and some words) Tj"
		text = text " ET"
		obj(num + 1, "<< /Length " length(text) " >>\nstream\n" text "\nendstream")
	}
	total = 4 + 2 * pages
	xref = pos
	printf "xref\n0 %d\n0000000000 65535 f \n", total
	for (k = 1; k < total; k++)
		printf "%010d 00000 n \n", off[k]
	printf "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", total, xref
}' >"$2"
