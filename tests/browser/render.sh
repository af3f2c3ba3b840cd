#!/bin/sh
# tests/browser/render.sh PAGE.html OUT [-s W,H] [-c RRGGBB]... [TEXT]...
#
# Open an HTML page of gouji in headless Chromium (Debian's chromium,
# installed by 'make deps') and check that it rendered.  One run of
# Chromium saves OUT.png (a screenshot), OUT.pdf (the page printed) and
# OUT.dom (the page as the browser parsed it); then this prints:
#
#   dom: the tables, the <svg> charts, the <rect>s inside them and the
#        cells marked unreadable, as the browser parsed them;
#   pdf: each TEXT found in the printed page's text (pdftotext), spaces
#        ignored — table headings, figures and the charts' labels;
#   screenshot: not blank, and each -c colour painted (tests/browser/
#        png_check.py): the bars' flat colours prove the SVG was drawn.
#
# -s sets the window (and screenshot) size, 1280,2200 by default.
# The output does not depend on timing.  Chromium's own messages go to
# OUT.log, shown only when Chromium fails.  Exits 1 when a check fails.

page=$1
out=$2
shift 2
size=1280,2200
colours=""
while [ "$1" = "-c" ] || [ "$1" = "-s" ]; do
	if [ "$1" = "-s" ]; then size=$2; else colours="$colours $2"; fi
	shift 2
done

if ! command -v chromium >/dev/null 2>&1; then
	echo "chromium not found: run 'make deps' (as root)"
	exit 1
fi

profile=$(mktemp -d "${TMPDIR:-/tmp}/gouji-chromium.XXXXXX")
trap 'rm -rf "$profile"' EXIT
url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
rm -f "$out.png" "$out.pdf" "$out.dom"
# --no-sandbox: CI runs as root; a profile of its own: nothing of the
# user's is read or written, and two runs do not share state
timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
	--no-first-run --hide-scrollbars --user-data-dir="$profile" \
	--window-size="$size" --screenshot="$out.png" \
	--print-to-pdf="$out.pdf" --no-pdf-header-footer \
	--dump-dom "$url" >"$out.dom" 2>"$out.log"
rc=$?
if [ $rc != 0 ] || [ ! -s "$out.png" ] || [ ! -s "$out.pdf" ] || [ ! -s "$out.dom" ]; then
	echo "chromium failed (exit $rc):"
	tail -5 "$out.log"
	exit 1
fi

count() { grep -o "$1" "$2" | wc -l | tr -d ' '; }
sed -n '/<svg/,/<\/svg>/p' "$out.dom" >"$out.svg"
echo "dom: $(count '<table' "$out.dom") tables, $(count '<svg' "$out.dom") charts," \
	"$(count '<rect' "$out.svg") rects in them," \
	"$(count 'class="unreadable' "$out.dom") marked unreadable"

status=0
text=$(pdftotext "$out.pdf" - 2>/dev/null | tr -d ' \t\n\f')
for want; do
	w=$(printf '%s' "$want" | tr -d ' ')
	case $text in
	*"$w"*) echo "pdf: found $want" ;;
	*) echo "pdf: MISSING $want"; status=1 ;;
	esac
done

# shellcheck disable=SC2086  # one argument per colour
/usr/bin/python3 tests/browser/png_check.py "$out.png" $colours || status=1
exit $status
