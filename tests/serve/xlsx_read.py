"""xlsx_read.py BOOK.xlsx — print an .xlsx workbook of gouji as text.

Reads the file back with the standard library only (zipfile and the
sheets' XML), so a test sees what Excel would: for each sheet its name,
which rows are frozen, its column widths, then each row's cells, tab-
separated, a number as n:VALUE, a text as its text, TRUE/FALSE as b:1/b:0,
an empty cell as nothing.  Exits 1 when the file is no workbook.
"""

import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def cell_text(c, shared):
    kind = c.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
    v = c.find("m:v", NS)
    if v is None:
        return ""
    if kind == "s":
        return shared[int(v.text)]
    if kind == "b":
        return "b:" + v.text
    if kind == "str":
        return v.text
    return "n:" + v.text


def main(path):
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        print("not a workbook:", e)
        return 1
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        for si in root.findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    book = ET.fromstring(z.read("xl/workbook.xml"))
    for sheet in book.find("m:sheets", NS):
        ws = ET.fromstring(z.read("xl/" + target[sheet.get(REL)]))
        pane = ws.find(".//m:pane", NS)
        frozen = pane.get("ySplit") if pane is not None and pane.get("state") == "frozen" else "0"
        widths = [str(int(float(c.get("width")))) for c in ws.findall(".//m:col", NS)]
        print("sheet %s: %s rows frozen; widths %s" % (sheet.get("name"), frozen, " ".join(widths)))
        for row in ws.iter("{%s}row" % NS["m"]):
            cells = {}
            for c in row.findall("m:c", NS):
                cells[column_index(c.get("r"))] = cell_text(c, shared)
            n = max(cells) + 1 if cells else 0
            print("\t".join(cells.get(i, "") for i in range(n)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
