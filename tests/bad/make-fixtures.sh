#!/bin/sh
# tests/bad/make-fixtures.sh — write the bad and odd input files that the
# CLI tests (tests/cli/bad_*) read.  Idempotent: every run writes the same
# bytes, so the committed files can be checked with 'git diff'.  Needs only
# printf, wc, head and iconv.  The YAML fixtures here are written by hand.
set -eu
cd "$(dirname "$0")"

# 0 bytes; only whitespace
: >empty.md
printf '   \n\t\n' >blank.txt
# a zip-like header: NUL bytes in the first 64 KiB
printf 'PK\003\004\000\000\001\002binary\000data\377\376' >binary.txt
# invalid in UTF-8 and in GB18030 (a lone 0x80, a 0xFF)
printf '\346\212\245\345\221\212 \200 text \377\n' >invalid-utf8.txt
# UTF-8 with BOM and CRLF line ends
printf '\357\273\277一、总体情况\r\nabc\r\n' >bom-crlf.txt
# a short paragraph in GB18030
printf '一、总体情况\n本年度共收到政府信息公开申请5件。\n' |
	iconv -f UTF-8 -t GB18030 >gb18030.txt

# obj NUMBER BODY — append one object to $tmp, remember its offset
obj() {
	offs="$offs $(wc -c <"$tmp" | tr -d ' ')"
	printf '%s 0 obj\n%s\nendobj\n' "$1" "$2" >>"$tmp"
}

# pdf FILE PAGE... — a PDF with one page per argument; a page argument is
# the text shown on it in Helvetica, or "-" for a page without a content
# stream.  The xref table gets the real byte offsets.
pdf() {
	out=$1
	shift
	n=$#
	tmp=$out.tmp
	offs=""
	printf '%%PDF-1.4\n' >"$tmp"
	kids=""
	i=0
	while [ $i -lt $n ]; do
		kids="$kids $((4 + 2 * i)) 0 R"
		i=$((i + 1))
	done
	obj 1 '<< /Type /Catalog /Pages 2 0 R >>'
	obj 2 "<< /Type /Pages /Kids [${kids# }] /Count $n >>"
	obj 3 '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	num=4
	for text in "$@"; do
		if [ "$text" = - ]; then
			obj $num "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
			obj $((num + 1)) '<< >>'
		else
			obj $num "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents $((num + 1)) 0 R >>"
			content="BT /F1 24 Tf 72 720 Td ($text) Tj ET"
			obj $((num + 1)) "<< /Length ${#content} >>
stream
$content
endstream"
		fi
		num=$((num + 2))
	done
	xref=$(wc -c <"$tmp" | tr -d ' ')
	printf 'xref\n0 %d\n0000000000 65535 f \n' "$num" >>"$tmp"
	for o in $offs; do
		printf '%010d 00000 n \n' "$o" >>"$tmp"
	done
	printf 'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' \
		"$num" "$xref" >>"$tmp"
	mv "$tmp" "$out"
}

# two pages of text: pdftotext separates them with a form feed
pdf hello.pdf 'Hello gouji' 'Second page'
# a page without text, as a scan without OCR looks to pdftotext
pdf notext.pdf -
# the first 100 bytes of hello.pdf
head -c 100 hello.pdf >truncated.pdf
