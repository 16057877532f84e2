#!/usr/bin/env python3
"""Make the scanned twin of a born-digital PDF: each page rendered to a 300 dpi image, wrapped
back into a PDF as one image per page, with the page's CM/ECF stamp put back on top as text,
as the court's CM/ECF system stamps a filed scan.

    python3 bench/scanned_twin.py IN.pdf OUT.pdf [DPI] [--jpeg QUALITY] [--strips N] [--vector]

Bilevel CCITT G4 by default (pdftoppm -mono); `--jpeg Q` renders grey and stores it as JPEG
of quality Q instead. `--strips N` cuts each page image into N horizontal strips, each its own
image drawn at its place (as some scanners and PDF writers store a scan), so that no single
image covers the page. `--vector` draws the scan as paths instead of an image (one filled
rectangle per run of black pixels in a row, as fax and vectorising software do), so that the
page has no image at all.

Needs pdftoppm and pdftotext (poppler-utils) and Pillow (`pip install pillow`, with libtiff for
G4). The stamp is read from IN with `pdftotext -bbox`: the line in the top 15% of the page that
starts with "Case" (or "Appellate Case", "Appeal:") and holds "Document", "DktEntry" or "Page"; each word is drawn in Helvetica at its own box. The
stamp stays in the image too (it was rendered with the page), so OCR sees it under the text,
as on a real stamped scan where the scanned paper carries the header of an earlier filing.
"""

import html
import io
import re
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from PIL import Image, TiffImagePlugin


def stamp_words(pdf):
    """Per page: (width, height, [(word, x0, y0, x1, y1)]) of the stamp line, in points."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        w, h = float(page[1]), float(page[2])
        words = [(html.unescape(m[5]), float(m[1]), float(m[2]), float(m[3]), float(m[4]))
                 for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                      r'yMax="([\d.]+)">(.*?)</word>', page[3])]
        band = [wd for wd in words if wd[4] < 0.15 * h]
        stamp = []
        for wd in band:
            if wd[0] not in ("Case", "Case:", "Appellate", "Appeal:", "USCA11", "USCA4"):
                continue
            line = [v for v in band if abs(v[2] - wd[2]) < 2.0 and v[1] >= wd[1] - 1]
            if any(v[0].startswith(("Document", "DktEntry", "Doc:", "Page")) for v in line):
                stamp = sorted(line, key=lambda v: v[1])
                break
        pages.append((w, h, stamp))
    return pages


def g4_strip(img):
    """The CCITT G4 data of a bilevel image, as one strip (what /CCITTFaxDecode K -1 reads)."""
    TiffImagePlugin.STRIP_SIZE = 1 << 30  # one strip for the whole page
    buf = io.BytesIO()
    img.save(buf, format="TIFF", compression="group4")
    tif = Image.open(io.BytesIO(buf.getvalue()))
    offsets, counts = tif.tag_v2[273], tif.tag_v2[279]
    if len(offsets) != 1:
        sys.exit("Pillow wrote several strips; cannot wrap them as one G4 stream")
    data = buf.getvalue()
    # The fax coder codes 0 bits as "white" runs; with Photometric BlackIsZero (what Pillow
    # writes) those are the black pixels, which /BlackIs1 true then shows black.
    black_is_1 = tif.tag_v2.get(262, 0) == 1
    return data[offsets[0]:offsets[0] + counts[0]], ("g4-black-is-1" if black_is_1 else "g4")


def vector_runs(img, w, h):
    """A content stream filling one rectangle per run of black pixels in each row."""
    iw, ih = img.size
    px = img.tobytes()
    stride = (iw + 7) // 8
    out = [b"q %.5f 0 0 %.5f 0 %.2f cm 0 g" % (w / iw, -h / ih, h)]
    for y in range(ih):
        row = px[y * stride:(y + 1) * stride]
        x = 0
        while x < iw:
            # Mode "1" packs 8 pixels a byte, MSB first; a set bit is white.
            if not (row[x >> 3] >> (7 - (x & 7))) & 1:
                start = x
                while x < iw and not (row[x >> 3] >> (7 - (x & 7))) & 1:
                    x += 1
                out.append(b"%d %d %d 1 re" % (start, y, x - start))
            else:
                x += 1
    out.append(b"f Q")
    return b"\n".join(out)


def pdf_string(s):
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def write_pdf(path, pages):
    """pages: [(width_pt, height_pt, [(img_w, img_h, (data, kind))], content_bytes)]; the
    content draws image i as /Im<i+1>."""
    objs = []  # object bodies, numbered from 1

    def add(body):
        objs.append(body)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = add(None)  # filled in below
    kids = []
    for w, h, images, content in pages:
        xobjects = []
        for i, (iw, ih, (data, kind)) in enumerate(images, 1):
            if kind == "jpeg":
                head = (b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d" % len(data))
            else:
                head = (b"/BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 "
                        b"/Columns %d /Rows %d /BlackIs1 %s >> /Length %d"
                        % (iw, ih, b"true" if kind == "g4-black-is-1" else b"false", len(data)))
            img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                      b"/ColorSpace /DeviceGray " % (iw, ih) + head
                      + b" >>\nstream\n" + data + b"\nendstream")
            xobjects.append(b"/Im%d %d 0 R" % (i, img))
        packed = zlib.compress(content, 9)
        cs = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed
                 + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
                        b"/Resources << /XObject << %s >> /Font << /F1 %d 0 R >> >> >>"
                        % (pages_id, w, h, cs, b" ".join(xobjects), font)))
    objs[pages_id - 1] = (b"<< /Type /Pages /Count %d /Kids [%s] >>"
                          % (len(kids), b" ".join(b"%d 0 R" % k for k in kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info << /Producer (ordex scanned_twin.py) >> >>\n"
            b"startxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref))
    Path(path).write_bytes(bytes(out))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    args = sys.argv[1:]
    jpeg = None
    if "--jpeg" in args:
        i = args.index("--jpeg")
        jpeg = int(args[i + 1])
        del args[i:i + 2]
    strips = 1
    if "--strips" in args:
        i = args.index("--strips")
        strips = max(1, int(args[i + 1]))
        del args[i:i + 2]
    vector = "--vector" in args
    if vector:
        args.remove("--vector")
    src, dst = args[0], args[1]
    dpi = int(args[2]) if len(args) > 2 else 300
    stamps = stamp_words(src)
    pages = []
    with tempfile.TemporaryDirectory() as tmp:
        # pdftoppm's own bilevel output read best (OCR of thresholded grey at 110-192 lost the
        # eastern-district twin's signature or a word of the northern one).
        mode = "-gray" if jpeg else "-mono"
        subprocess.run(["pdftoppm", "-r", str(dpi), mode, src, f"{tmp}/p"], check=True)
        images = sorted(Path(tmp).glob("p-*.p?m"))
        for (w, h, stamp), path in zip(stamps, images):
            gray = Image.open(path)
            images, content = [], []
            # Strip i holds pixel rows [r0, r1) and is drawn at the same share of the page.
            cuts = [round(gray.height * k / strips) for k in range(strips + 1)]
            if vector:
                cuts = []
                content.append(vector_runs(gray.convert("1"), w, h))
            for i, (r0, r1) in enumerate(zip(cuts, cuts[1:]), 1):
                part = gray.crop((0, r0, gray.width, r1))
                if jpeg:
                    buf = io.BytesIO()
                    part.save(buf, format="JPEG", quality=jpeg)
                    image = (buf.getvalue(), "jpeg")
                else:
                    image = g4_strip(part.convert("1"))
                images.append((part.width, part.height, image))
                y, sh = h * (1 - r1 / gray.height), h * (r1 - r0) / gray.height
                content.append(b"q %.2f 0 0 %.4f 0 %.4f cm /Im%d Do Q" % (w, sh, y, i))
            for text, x0, y0, x1, y1 in stamp:
                size = round((y1 - y0) / 1.15, 1)
                base = h - (y1 - 0.22 * (y1 - y0))
                content.append(b"BT /F1 %.1f Tf %.2f %.2f Td %s Tj ET"
                               % (size, x0, base, pdf_string(text).encode("cp1252", "replace")))
            pages.append((w, h, images, b"\n".join(content)))
    write_pdf(dst, pages)
    print(f"{dst}: {len(pages)} pages, {Path(dst).stat().st_size} bytes, "
          f"stamp words per page {[len(s[2]) for s in stamps]}")


if __name__ == "__main__":
    main()
