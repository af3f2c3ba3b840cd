"""png_check.py SHOT.png [RRGGBB ...] -- is a screenshot blank?

Decodes the PNG that headless Chromium saved (8-bit RGB or RGBA, not
interlaced; only the standard library is needed) and prints, in words that
do not change from run to run:

    screenshot: 1280x2200, not blank
    colour #0072B2: drawn

"not blank" means more than 2% of the pixels are not white and the image
has more than 20 colours.  A colour is "drawn" when at least 30 pixels
have it exactly: the charts' bars are filled with flat colours, so their
colours in the screenshot show that the SVG was painted, not only parsed.
Exits 1 when the image is blank or a colour is missing.
"""

import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, ctype, _, _, interlace = header
    if depth != 8 or ctype not in (2, 6) or interlace != 0:
        raise ValueError("only 8-bit RGB(A), not interlaced, is read here")
    bpp = 3 if ctype == 2 else 4
    return width, height, bpp, unfilter(zlib.decompress(b"".join(idat)), width, height, bpp)


def unfilter(raw, width, height, bpp):
    """The pixel rows, undoing PNG's per-row filters."""
    stride = width * bpp
    low = int.from_bytes(b"\x7f" * stride, "big")
    high = int.from_bytes(b"\x80" * stride, "big")
    prev, rows, i = bytearray(stride), [], 0
    for _ in range(height):
        kind = raw[i]
        row = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        if kind == 1:                       # Sub
            for x in range(bpp, stride):
                row[x] = (row[x] + row[x - bpp]) & 255
        elif kind == 2:                     # Up: bytewise sums, all at once
            a, b = int.from_bytes(row, "big"), int.from_bytes(prev, "big")
            row = bytearray((((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(stride, "big"))
        elif kind == 3:                     # Average
            for x in range(stride):
                left = row[x - bpp] if x >= bpp else 0
                row[x] = (row[x] + ((left + prev[x]) >> 1)) & 255
        elif kind == 4:                     # Paeth
            for x in range(stride):
                a = row[x - bpp] if x >= bpp else 0
                b = prev[x]
                c = prev[x - bpp] if x >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                row[x] = (row[x] + pred) & 255
        rows.append(bytes(row))
        prev = row
    return rows


def main(argv):
    width, height, bpp, rows = read_png(argv[1])
    counts = {}
    for row in rows:
        for x in range(0, len(row), bpp):
            px = row[x:x + 3]
            counts[px] = counts.get(px, 0) + 1
    total = width * height
    ink = total - counts.get(b"\xff\xff\xff", 0)
    blank = ink * 50 <= total or len(counts) <= 20
    print("screenshot: %dx%d, %s" % (width, height, "blank" if blank else "not blank"))
    ok = not blank
    for colour in argv[2:]:
        n = counts.get(bytes.fromhex(colour), 0)
        print("colour #%s: %s" % (colour.upper(), "drawn" if n >= 30 else "MISSING"))
        ok = ok and n >= 30
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
