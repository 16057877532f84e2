#!/usr/bin/env python3
"""A hostile campaign against the ordex binary: classes of inputs, flags and surroundings
beyond those of issue 20, each tried for real, each judged by what a user must be able to
count on: the run ends, every input has exactly one record (every line JSON), no file is
harmed, no process is left behind, memory stays bounded.

Usage: bench/campaign.py [ORDEX_BINARY] [--markdown]
(default binary: the debug build's, in cargo's target folder as bench/target_dir.py finds it;
--markdown prints the table for docs/hardening.md)

Standard library only. Needs mkfifo, and tesseract for the two --ocr classes.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

from target_dir import ordex_binary

REPO = Path(__file__).resolve().parent.parent
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
ORDEX = str(Path(ARGS[0]).resolve()) if ARGS else str(ordex_binary("debug"))
MARKDOWN = "--markdown" in sys.argv
TIMEOUT = 300  # seconds any one run may take before the campaign calls it hung


# ---------------------------------------------------------------- PDFs built by hand

def pdf(objects, trailer_extra=b""):
    """A PDF of the given object bodies (numbered from 1, object 1 the catalog)."""
    out = b"%PDF-1.7\n"
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer_extra, xref)
    return out


def stream(dict_entries, data):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), dict_entries) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
TEXT = b"BT /F1 12 Tf 72 700 Td (UNITED STATES DISTRICT COURT) Tj 0 -20 Td (IT IS SO ORDERED.) Tj ET"


def one_page(content=TEXT, content_dict=b"", resources=b"", extra=(), font=FONT):
    """One page drawing `content`; `extra` objects are numbered from 6."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> "
        + resources + b" >> /Contents 4 0 R >>",
        stream(content_dict, content),
        font,
        *extra,
    ]
    return pdf(objects)


def good(n=0):
    return one_page(TEXT + b" BT /F1 12 Tf 72 600 Td (Entry %d.) Tj ET" % n)


def lzw_bomb(size):
    """LZW (early change) decoding to about `size` spaces: 2,500 to 1."""
    bits, nbits, out = 0, 0, bytearray()

    def put(v, w):
        nonlocal bits, nbits
        bits = (bits << w) | v
        nbits += w
        while nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)

    def width(table):
        n = table + 1
        return 12 if n >= 2048 else 11 if n >= 1024 else 10 if n >= 512 else 9

    table = 258
    put(256, 9)
    put(32, width(table))
    made = 1
    for code in range(258, 4096):
        put(code, width(table))
        table += 1
        made += code - 256
    while made < size:
        put(4095, width(table))
        made += 3839
    put(257, width(table))
    if nbits:
        out.append((bits << (8 - nbits)) & 0xFF)
    return bytes(out)


def deflate(data):
    return zlib.compress(data, 9)


def deflate_repeat(chunk, times):
    """zlib of `chunk` repeated `times` times, without holding the whole in memory."""
    z = zlib.compressobj(9)
    out = [z.compress(chunk) for _ in range(times)]
    out.append(z.flush())
    return b"".join(out)


# ---------------------------------------------------------------- running ordex

def live_workers():
    """Processes named `ordex worker` or started from this campaign's folders."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            comm = Path(f"/proc/{pid}/comm").read_text().strip()
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state == "Z":  # dead, waiting for a reaper (in a container, PID 1 may never come)
            continue
        if comm == "ordex worker" or (b"ordex-campaign" in cmd and b"campaign.py" not in cmd):
            found.append((int(pid), comm))
    return found


class Run:
    def __init__(self, code, out, err, wall, rss_mb, hung):
        self.code, self.out, self.err, self.wall, self.rss, self.hung = code, out, err, wall, rss_mb, hung

    def records(self):
        recs = []
        for line in self.out.decode("utf-8", "replace").splitlines():
            recs.append(json.loads(line))  # a line that is not JSON fails the class
        return recs

    def kinds(self):
        return [r["error"]["kind"] if r.get("error") else "ok" for r in self.records()]

    def stderr(self):
        return self.err.decode("utf-8", "replace").strip()


TIME = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)


def ordex(*args, stdin=None, env=None, cwd=None, timeout=TIMEOUT, binary=None):
    """Run ordex; its exit code, output, wall time, and the peak RSS of it and its workers
    (GNU time's %M: wait4's maximum over the process and the children it waited for)."""
    rss_file = tempfile.NamedTemporaryFile(prefix="ordex-rss-", delete=False)
    rss_file.close()
    args = [*map(str, args)]
    if args[:1] == ["extract"] and "--ocr" not in args:
        # The same records with tesseract installed or not: OCR only where a class asks for it.
        args.insert(1, "--no-ocr")
    cmd = [binary or ORDEX, *args]
    if TIME:
        cmd = [TIME, "-f", "%M", "-o", rss_file.name, *cmd]
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE if isinstance(stdin, bytes) else (stdin or subprocess.DEVNULL),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})},
                         cwd=cwd, start_new_session=True)
    hung = []

    def watchdog():
        if p.wait_event.wait(timeout):
            return
        hung.append(True)
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass

    p.wait_event = threading.Event()
    threading.Thread(target=watchdog, daemon=True).start()
    try:
        out, err = p.communicate(stdin if isinstance(stdin, bytes) else None)
    finally:
        p.wait_event.set()
    wall = time.monotonic() - t0
    try:
        rss = int(Path(rss_file.name).read_text().split()[-1]) / 1024
    except (OSError, ValueError, IndexError):
        rss = None
    os.unlink(rss_file.name)
    return Run(p.returncode, out, err, wall, rss, bool(hung))


# ---------------------------------------------------------------- the classes

CLASSES = []


def case(name, tried):
    def wrap(fn):
        CLASSES.append((name, tried, fn))
        return fn
    return wrap


def sandwich(tmp, bad, flags=(), name="b-bad.pdf"):
    """extract -j1 over good, bad, good: (run, kind of the bad one, its message)."""
    d = tmp / "in"
    d.mkdir()
    (d / "a-good.pdf").write_bytes(good(1))
    (d / name).write_bytes(bad)
    (d / "z-good.pdf").write_bytes(good(2))
    r = ordex("extract", "-j", "1", *flags, d)
    recs = r.records()
    assert len(recs) == 3, f"{len(recs)} records for 3 inputs"
    assert recs[0]["status"] == "ok" and recs[2]["status"] == "ok", "a good neighbour failed"
    bad_rec = recs[1]
    kind = bad_rec["error"]["kind"] if bad_rec.get("error") else "ok"
    return r, kind, (bad_rec.get("error") or {}).get("message", "")


def said(r, kind, msg):
    rss = f", peak {r.rss:.0f} MB" if r.rss else ""
    short = (msg[:90] + "...") if len(msg) > 90 else msg
    return f"`{kind}`" + (f" ({short})" if short else "") + f", {r.wall:.1f} s{rss}"


@case("ASCIIHex bomb", "Flate-compressed ASCIIHex of 600 MB of hex digits (300 MB decoded) in a 600 KB file")
def _(tmp):
    data = deflate_repeat(b"20" * (1 << 19), 600)
    r, k, m = sandwich(tmp, one_page(data, b"/Filter [/FlateDecode /ASCIIHexDecode]"))
    assert k == "limit", k
    return said(r, k, m)


@case("Bomb of bombs", "LZW inside Flate: a 1 GB LZW stream, itself deflated")
def _(tmp):
    r, k, m = sandwich(tmp, one_page(deflate(lzw_bomb(1 << 30)), b"/Filter [/FlateDecode /LZWDecode]"))
    assert k == "limit", k
    return said(r, k, m)


@case("Predictor overflow", "/Predictor 12 /Columns 2^62 /Colors 255 /BitsPerComponent 16 on a Flate content stream")
def _(tmp):
    r, k, m = sandwich(tmp, one_page(deflate(TEXT), b"/Filter /FlateDecode /DecodeParms << /Predictor 12 "
                                     b"/Columns 4611686018427387904 /Colors 255 /BitsPerComponent 16 >>"))
    assert k in ("ok", "damaged"), k
    return said(r, k, m)


@case("Width range", "a CID font with /W [0 4294967295 500]")
def _(tmp):
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding /Identity-H /DescendantFonts [6 0 R] >>"
    cid = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica /CIDSystemInfo << /Registry (Adobe) "
           b"/Ordering (Identity) /Supplement 0 >> /W [0 4294967295 500] >>")
    r, k, m = sandwich(tmp, one_page(b"BT /F1 12 Tf 72 700 Td <00480069> Tj ET", font=font, extra=[cid]),
                       ["--max-memory-mb", "1024"])
    assert k == "ok", k
    return said(r, k, m)


@case("FirstChar", "a simple font with /FirstChar 4000000000 /LastChar 4000000001")
def _(tmp):
    font = FONT.replace(b">>", b"/FirstChar 4000000000 /LastChar 4000000001 /Widths [500 500] >>")
    r, k, m = sandwich(tmp, one_page(font=font), ["--max-memory-mb", "1024"])
    assert k == "ok", k
    return said(r, k, m)


@case("Sampled function", "a Separation colour whose Type 0 function has /Size [100000000] of 1-bit samples")
def _(tmp):
    samples = deflate(bytes(100_000_000 // 8))
    fn = stream(b"/FunctionType 0 /Domain [0 1] /Range [0 1] /Size [100000000] /BitsPerSample 1 /Filter /FlateDecode",
                samples)
    r, k, m = sandwich(tmp, one_page(b"/CS0 cs 1 scn 0 0 10 10 re f " + TEXT,
                                     resources=b"/ColorSpace << /CS0 [/Separation /S /DeviceGray 6 0 R] >>",
                                     extra=[fn]), ["--max-memory-mb", "1024"])
    assert k == "limit", k
    return said(r, k, m)


@case("Glyph flood", "one page of 2 million one-glyph text runs (Flate, 20 KB)")
def _(tmp):
    content = b"BT /F1 1 Tf " + b"(a) Tj " * 2_000_000 + b"ET"
    r, k, m = sandwich(tmp, one_page(deflate(content), b"/Filter /FlateDecode"))
    assert k == "limit", k
    return said(r, k, m)


@case("Operand flood", "a content stream of 100 MB of numbers and no operator")
def _(tmp):
    r, k, m = sandwich(tmp, one_page(deflate_repeat(b"0 " * 4096, 12800) + b"", b"/Filter /FlateDecode"))
    assert k in ("ok", "limit"), k
    return said(r, k, m)


@case("Kerning flood", "one TJ array of 5 million kerning numbers")
def _(tmp):
    content = b"BT /F1 12 Tf 72 700 Td [" + b"-1 " * 5_000_000 + b"(x)] TJ ET"
    r, k, m = sandwich(tmp, one_page(deflate(content), b"/Filter /FlateDecode"))
    assert k in ("ok", "limit"), k
    return said(r, k, m)


@case("Nested arrays", "100,000 nested arrays as a content-stream operand")
def _(tmp):
    content = b"[" * 100_000 + b"]" * 100_000 + b" pop " + TEXT
    r, k, m = sandwich(tmp, one_page(deflate(content), b"/Filter /FlateDecode"))
    return said(r, k, m)


@case("Nested dictionaries", "100,000 nested dictionaries in the page's resources")
def _(tmp):
    nest = b"<< /A " * 100_000 + b"1" + b" >>" * 100_000
    r, k, m = sandwich(tmp, one_page(resources=b"/X " + nest))
    return said(r, k, m)


@case("Form recursion", "a form XObject that draws itself, and two that draw each other")
def _(tmp):
    form = stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /Fx 6 0 R /Fy 7 0 R >> >>",
                  b"/Fx Do /Fy Do")
    form2 = stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /Fx 6 0 R >> >>",
                   b"/Fx Do")
    r, k, m = sandwich(tmp, one_page(TEXT + b" /Fx Do", resources=b"/XObject << /Fx 6 0 R >>", extra=[form, form2]))
    return said(r, k, m)


@case("Type 3 recursion", "a Type 3 font whose glyph draws text in itself")
def _(tmp):
    font3 = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
             b"/CharProcs << /a 7 0 R >> /Encoding << /Differences [97 /a] >> /FirstChar 97 /LastChar 97 "
             b"/Widths [1000] /Resources << /Font << /T3 6 0 R >> >> >>")
    proc = stream(b"", b"1000 0 d0 BT /T3 12 Tf (aaaa) Tj ET")
    r, k, m = sandwich(tmp, one_page(b"BT /T3 12 Tf 72 700 Td (aaaa) Tj ET " + TEXT,
                                     resources=b"/Font << /F1 5 0 R /T3 6 0 R >>", extra=[font3, proc]))
    return said(r, k, m)


@case("ToUnicode range", "a ToUnicode CMap with one bfrange over every 4-byte code")
def _(tmp):
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00000000> <FFFFFFFF> "
            b"endcodespacerange 1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange endcmap end end")
    font = FONT.replace(b">>", b"/ToUnicode 6 0 R >>")
    r, k, m = sandwich(tmp, one_page(font=font, extra=[stream(b"", cmap)]), ["--max-memory-mb", "1024"])
    return said(r, k, m)


@case("Page count lie", "/Count 2147483647 over one real page, and 200,000 /Kids all naming that page")
def _(tmp):
    kids = b" ".join([b"3 0 R"] * 200_000)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count 2147483647 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
               stream(b"", TEXT), FONT]
    r, k, m = sandwich(tmp, pdf(objects))
    assert k in ("limit", "ok", "damaged"), k
    return said(r, k, m)


@case("Many pages", "20,000 real pages (one font, one shared content stream)")
def _(tmp):
    n = 20_000
    kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
               b"<< /Type /Font >>", stream(b"", TEXT), FONT]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"] * n
    r, k, m = sandwich(tmp, pdf(objects))
    assert k == "limit", k
    return said(r, k, m)


@case("Xref lies", "/Size 2147483647 and a subsection header of two billion entries over 3 real ones")
def _(tmp):
    base = good(3)
    i = base.rindex(b"xref\n0 ")
    j = base.index(b"\n", i + 5)
    bad = base[:i] + b"xref\n0 2000000000" + base[j:]
    bad = bad.replace(b"/Size 6", b"/Size 2147483647")
    r, k, m = sandwich(tmp, bad)
    return said(r, k, m)


@case("Object stream lies", "an object stream claiming /N 100000000 members in 20 bytes")
def _(tmp):
    objstm = stream(b"/Type /ObjStm /N 100000000 /First 4", b"6 0 1 2 3")
    r, k, m = sandwich(tmp, one_page(extra=[objstm]))
    return said(r, k, m)


@case("Encryption lies", "an /Encrypt dictionary with /V 99, /R 99 and a 100 KB /O")
def _(tmp):
    base = good(4)
    enc = b" /Encrypt << /Filter /Standard /V 99 /R 99 /O <" + b"00" * 50_000 + b"> /U <00> /P -1 >> /ID [<00><00>]"
    i = base.rindex(b"/Root 1 0 R")
    bad = base[:i] + b"/Root 1 0 R" + enc + base[i + len(b"/Root 1 0 R"):]
    r, k, m = sandwich(tmp, bad)
    assert k in ("encrypted", "damaged", "ok"), k
    return said(r, k, m)


@case("Image bomb (OCR)", "--ocr on a page image declared 60000 x 60000 (CCITT, 3 bytes of data)")
def _(tmp):
    img = stream(b"/Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray "
                 b"/BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 60000 /Rows 60000 >>",
                 b"\x00\x10\x01")
    r, k, m = sandwich(tmp, one_page(b"q 612 0 0 792 0 0 cm /Im0 Do Q", resources=b"/XObject << /Im0 6 0 R >>",
                                     extra=[img]), ["--ocr"])
    assert k == "limit", k
    return said(r, k, m)


@case("JPEG bomb (OCR)", "--ocr on a page-sized DCT image whose header says 65500 x 65500")
def _(tmp):
    jpeg = (b"\xff\xd8\xff\xdb\x00\x43\x00" + bytes(range(1, 65)) +
            b"\xff\xc0\x00\x0b\x08\xff\xdc\xff\xdc\x01\x01\x11\x00"
            b"\xff\xc4\x00\x14\x00\x01" + bytes(15) + b"\x00"
            b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\x00" * 64 + b"\xff\xd9")
    img = stream(b"/Type /XObject /Subtype /Image /Width 65500 /Height 65500 /ColorSpace /DeviceGray "
                 b"/BitsPerComponent 8 /Filter /DCTDecode", jpeg)
    r, k, m = sandwich(tmp, one_page(b"q 612 0 0 792 0 0 cm /Im0 Do Q", resources=b"/XObject << /Im0 6 0 R >>",
                                     extra=[img]), ["--ocr"])
    assert k in ("limit", "ok"), k
    return said(r, k, m)


@case("Growing file", "an input appended to by another process while it is read, under --max-file-mb 1")
def _(tmp):
    d = tmp / "in"
    d.mkdir()
    f = d / "grow.pdf"
    f.write_bytes(good(5))
    stop = threading.Event()

    def grow():
        with open(f, "ab") as out:
            while not stop.is_set():
                out.write(b"%" + b"x" * 65536 + b"\n")
                out.flush()
                time.sleep(0.001)

    t = threading.Thread(target=grow)
    t.start()
    try:
        r = ordex("extract", "--max-file-mb", "1", f)
    finally:
        stop.set()
        t.join()
    (rec,) = r.records()
    k = rec["error"]["kind"] if rec.get("error") else "ok"
    return said(r, k, (rec.get("error") or {}).get("message", ""))


@case("Hard links", "one file under three names in one folder (hard links)")
def _(tmp):
    d = tmp / "in"
    d.mkdir()
    (d / "a.pdf").write_bytes(good(6))
    os.link(d / "a.pdf", d / "b.pdf")
    os.link(d / "a.pdf", d / "c.pdf")
    r = ordex("extract", d)
    paths = [Path(x["source"]["path"]).name for x in r.records()]
    assert paths == ["a.pdf"], paths
    return f"1 record ({paths[0]}): a walk lists a file once, under its first name; exit {r.code}"


@case("Newline in a name", "a file named `a\\nb.pdf` in a walked folder")
def _(tmp):
    d = tmp / "in"
    d.mkdir()
    (d / "a\nb.pdf").write_bytes(good(7))
    r = ordex("extract", d)
    (rec,) = r.records()
    assert rec["source"]["path"].endswith("a\nb.pdf") and rec["status"] == "ok"
    return f"`ok`, the path JSON-escaped (`a\\nb.pdf`), one line; exit {r.code}"


@case("Long path", "a file 40 folders deep, a path of 4,000 bytes")
def _(tmp):
    d = tmp / "in"
    deep = d
    for i in range(40):
        deep = deep / ("d" * 95 + f"{i:02}")
    os.makedirs(deep)
    (deep / "x.pdf").write_bytes(good(8))
    r = ordex("extract", d)
    (rec,) = r.records()
    assert rec["status"] == "ok", rec
    return f"`ok` ({len(rec['source']['path'])}-byte path); exit {r.code}"


@case("Many inputs", "5,000 empty files in one folder at -j 2")
def _(tmp):
    d = tmp / "in"
    d.mkdir()
    for i in range(5000):
        (d / f"{i:05}.pdf").write_bytes(b"")
    r = ordex("extract", "-j", "2", d)
    kinds = r.kinds()
    assert len(kinds) == 5000 and set(kinds) == {"empty"}, len(kinds)
    return f"5,000 `empty` records in order, exit {r.code}, {r.wall:.1f} s, peak {r.rss or 0:.0f} MB (largest process)"


@case("Output is a symlink to an input", "`-o out.jsonl` where out.jsonl links to the input PDF")
def _(tmp):
    a = tmp / "a.pdf"
    a.write_bytes(good(9))
    os.symlink(a, tmp / "out.jsonl")
    r = ordex("extract", a, "-o", tmp / "out.jsonl")
    assert r.code == 2 and a.read_bytes() == good(9)
    return f"exit 2, input unchanged: {r.stderr()}"


@case("Read-only output folder", "-o into a folder without write permission, as nobody")
def _(tmp):
    ro = tmp / "ro"
    ro.mkdir()
    (tmp / "a.pdf").write_bytes(good(10))
    os.chmod(tmp, 0o755)
    os.chmod(ro, 0o555)
    pre = (lambda: (os.setgid(65534), os.setuid(65534))) if os.geteuid() == 0 else None
    p = subprocess.run([ORDEX, "extract", "--no-ocr", tmp / "a.pdf", "-o", ro / "out.jsonl"], capture_output=True,
                       preexec_fn=pre, timeout=TIMEOUT)
    assert p.returncode == 2, p.returncode
    return f"exit 2 before any work: {p.stderr.decode().strip()}"


@case("Output is a FIFO", "-o a FIFO read by `cat`")
def _(tmp):
    fifo = tmp / "out.fifo"
    os.mkfifo(fifo)
    (tmp / "a.pdf").write_bytes(good(11))
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    r = ordex("extract", tmp / "a.pdf", "-o", fifo)
    got = reader.communicate(timeout=TIMEOUT)[0]
    assert r.code == 0 and len(got.splitlines()) == 1
    return f"exit 0, one record through the FIFO (not locked, not truncated)"


@case("Standard output closed", "`ordex extract a.pdf >&-`")
def _(tmp):
    (tmp / "a.pdf").write_bytes(good(12))
    p = subprocess.run(f"'{ORDEX}' extract '{tmp / 'a.pdf'}' >&-", shell=True, capture_output=False,
                       stderr=subprocess.PIPE, timeout=TIMEOUT)
    assert p.returncode == 2, p.returncode
    return f"exit 2: {p.stderr.decode().strip()}"


@case("Standard error closed", "`ordex extract bad.pdf good.pdf 2>&-` (error lines have nowhere to go)")
def _(tmp):
    (tmp / "bad.pdf").write_bytes(b"not a pdf")
    (tmp / "good.pdf").write_bytes(good(13))
    p = subprocess.run(f"'{ORDEX}' extract '{tmp / 'bad.pdf'}' '{tmp / 'good.pdf'}' 2>&-", shell=True,
                       capture_output=True, timeout=TIMEOUT)
    lines = p.stdout.decode().splitlines()
    assert p.returncode == 1 and len(lines) == 2, (p.returncode, len(lines))
    return "exit 1, both records written"


@case("Worker killed from outside", "SIGKILL to a worker while it reads a document")
def _(tmp):
    d = tmp / "in"
    d.mkdir()
    for i in range(3):
        (d / f"p{i}.pdf").write_bytes(good(20 + i))
    p = subprocess.Popen([ORDEX, "extract", "--no-ocr", "-j", "1", "--timeout", "3600", d], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env={**os.environ, "ORDEX_WORKER_FAULT": "hang:p1"})
    deadline = time.monotonic() + 120
    victim = None
    while victim is None and time.monotonic() < deadline:
        victim = next((pid for pid, comm in live_workers() if comm == "ordex worker"), None)
        time.sleep(0.2)
    time.sleep(1)
    os.kill(victim, signal.SIGKILL)
    out, err = p.communicate(timeout=TIMEOUT)
    kinds = [json.loads(x)["error"]["kind"] if json.loads(x).get("error") else "ok" for x in out.decode().splitlines()]
    assert kinds == ["ok", "crashed", "ok"], kinds
    return f"records {kinds}, exit {p.returncode}: the killed worker's document is `crashed`, the run goes on"


@case("Supervisor killed", "SIGKILL to `ordex extract` while a worker reads a document")
def _(tmp):
    d = tmp / "in"
    d.mkdir()
    (d / "p0.pdf").write_bytes(good(30))
    p = subprocess.Popen([ORDEX, "extract", "--no-ocr", "-j", "2", "--timeout", "3600", d, d], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env={**os.environ, "ORDEX_WORKER_FAULT": "hang:p0"})
    deadline = time.monotonic() + 120
    while not live_workers() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)
    p.kill()
    p.wait()
    time.sleep(1)
    left = live_workers()
    assert not left, left
    return "no worker outlives it (PR_SET_PDEATHSIG)"


@case("SIGHUP", "the terminal goes away (SIGHUP) during a run writing -o")
def _(tmp):
    d = tmp / "in"
    d.mkdir()
    (d / "p0.pdf").write_bytes(good(31))
    (d / "p1.pdf").write_bytes(good(32))
    p = subprocess.Popen([ORDEX, "extract", "--no-ocr", "-j", "1", "--timeout", "3600", d, "-o", tmp / "out"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env={**os.environ, "ORDEX_WORKER_FAULT": "hang:p1"})
    deadline = time.monotonic() + 120
    while (not (tmp / "out").exists() or b"\n" not in (tmp / "out").read_bytes()) and time.monotonic() < deadline:
        time.sleep(0.2)
    p.send_signal(signal.SIGHUP)
    p.wait(timeout=TIMEOUT)
    time.sleep(1)
    assert not live_workers()
    assert p.returncode == 129, p.returncode
    lines = (tmp / "out").read_bytes().count(b"\n")
    return f"exit 129, the finished record written ({lines} line), no worker left"


@case("OCR engine hangs", "--ocr with a `tesseract` that never answers a page (exec sleep), --timeout 5")
def _(tmp):
    fake = tmp / "tesseract"
    fake.write_text('#!/bin/sh\ncase "$1" in\n--version) echo "tesseract 5.0.0";;\n--list-langs) echo eng;;\n'
                    '*) exec sleep 600;;\nesac\n')
    fake.chmod(0o755)
    img = stream(b"/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8",
                 bytes([255]) * 10000)
    scan = one_page(b"q 612 0 0 792 0 0 cm /Im0 Do Q", resources=b"/XObject << /Im0 6 0 R >>", extra=[img])
    (tmp / "scan.pdf").write_bytes(scan)
    r = ordex("extract", "--ocr", "--timeout", "5", "--timeout-per-page", "0", tmp / "scan.pdf",
              env={"ORDEX_TESSERACT": str(fake)})
    (rec,) = r.records()
    time.sleep(1)
    sleeping = [pid for pid in os.listdir("/proc") if pid.isdigit() and
                b"sleep\x00600" in Path(f"/proc/{pid}/cmdline").read_bytes()] if True else []
    assert not sleeping, sleeping
    warn = [w for w in rec["warnings"] if "OCR" in w or "tesseract" in w]
    return f"`{rec['status']}` with {warn[:1]}; the engine was killed, none left running"


@case("Resume: other format", "--resume a _bulk file with --format jsonl")
def _(tmp):
    (tmp / "a.pdf").write_bytes(good(40))
    ordex("extract", tmp / "a.pdf", "--format", "opensearch-bulk", "-o", tmp / "out")
    before = (tmp / "out").read_bytes()
    r = ordex("extract", tmp / "a.pdf", "--resume", "-o", tmp / "out")
    assert r.code == 2 and (tmp / "out").read_bytes() == before
    return f"exit 2, unchanged: {r.stderr()}"


@case("Resume: another version", "--resume a file whose records say ordex_version 0.0.1")
def _(tmp):
    (tmp / "a.pdf").write_bytes(good(41))
    ordex("extract", tmp / "a.pdf", "-o", tmp / "out")
    text = (tmp / "out").read_text().replace('"ordex_version":"', '"ordex_version":"0.0.1-was-')
    (tmp / "out").write_text(text)
    r = ordex("extract", tmp / "a.pdf", "--resume", "-o", tmp / "out")
    assert r.code == 2 and (tmp / "out").read_text() == text
    return f"exit 2, unchanged: {r.stderr()[:150]}"


@case("Resume: huge line", "--resume a file whose last line is 300 MB of JSON-looking bytes without a newline")
def _(tmp):
    (tmp / "a.pdf").write_bytes(good(42))
    ordex("extract", tmp / "a.pdf", "-o", tmp / "out")
    with open(tmp / "out", "ab") as f:
        f.write(b'{"schema":"ordex/1","source":{"path":"')
        chunk = b"x" * (1 << 20)
        for _ in range(300):
            f.write(chunk)
    r = ordex("extract", tmp / "a.pdf", "--resume", "-o", tmp / "out")
    lines = (tmp / "out").read_bytes().count(b"\n")
    assert r.code == 0 and lines == 1, (r.code, lines)
    return f"the torn line cut, 1 record kept, nothing redone; exit 0, peak {r.rss or 0:.0f} MB"


@case("Index: duplicates", "`index --records` of a file holding an ok record, then an error record, for one path")
def _(tmp):
    (tmp / "a.pdf").write_bytes(good(43))
    ordex("extract", tmp / "a.pdf", "-o", tmp / "out")
    rec = json.loads((tmp / "out").read_text())
    err = dict(rec, status="error", error={"kind": "timeout", "message": "x"})
    (tmp / "out").write_text(json.dumps(rec) + "\n" + json.dumps(err) + "\n")
    r = ordex("index", "--records", tmp / "out", "--index", tmp / "idx")
    assert "0 in the index" in r.stderr(), r.stderr()
    return f"the last record counts: {r.stderr()}"


@case("Index: interrupted", "SIGINT to `ordex index` mid-run, then `index --resume`")
def _(tmp):
    d = tmp / "in"
    d.mkdir()
    for i in range(4):
        (d / f"p{i}.pdf").write_bytes(good(50 + i))
    p = subprocess.Popen([ORDEX, "index", "-j", "1", "--timeout", "3600", "--index", tmp / "idx", d],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         env={**os.environ, "ORDEX_WORKER_FAULT": "hang:p2"})
    time.sleep(8)
    p.send_signal(signal.SIGINT)
    err = p.communicate(timeout=TIMEOUT)[1].decode()
    assert p.returncode == 130, (p.returncode, err)
    r = ordex("index", "--resume", "--index", tmp / "idx", d)
    assert "4 in the index" in r.stderr(), r.stderr()
    return f"exit 130, committed; the rerun: {r.stderr().splitlines()[0]}"


@case("Index: killed", "SIGKILL to `ordex index` mid-run, then the same command with --resume")
def _(tmp):
    d = tmp / "in"
    d.mkdir()
    for i in range(4):
        (d / f"p{i}.pdf").write_bytes(good(70 + i))
    p = subprocess.Popen([ORDEX, "index", "-j", "1", "--timeout", "3600", "--index", tmp / "idx", d],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env={**os.environ, "ORDEX_WORKER_FAULT": "hang:p2"})
    time.sleep(8)
    p.kill()
    p.wait()
    r = ordex("index", "--resume", "--index", tmp / "idx", d)
    assert r.code == 0 and "4 in the index" in r.stderr(), r.stderr()
    return f"the index opens again (its lock went with the process); the rerun: {r.stderr().splitlines()[-1]}"


@case("Search: word flood", "a literal query of 10,000 words")
def _(tmp):
    (tmp / "a.pdf").write_bytes(good(60))
    ordex("index", "--index", tmp / "idx", tmp / "a.pdf")
    r = ordex("search", "--index", tmp / "idx", " ".join(["court"] * 10_000))
    assert r.code == 2
    return f"exit 2: {r.stderr()}"


@case("Search: punctuation only", "the query `!!! ... ???`")
def _(tmp):
    (tmp / "a.pdf").write_bytes(good(61))
    ordex("index", "--index", tmp / "idx", tmp / "a.pdf")
    r = ordex("search", "--index", tmp / "idx", "!!! ... ???")
    assert r.code == 0
    return f"no word: every document matches (filters choose); exit 0: {r.stderr()}"


@case("Search: bad date", "--filed-after 2020-02-30")
def _(tmp):
    (tmp / "a.pdf").write_bytes(good(62))
    ordex("index", "--index", tmp / "idx", tmp / "a.pdf")
    r = ordex("search", "--index", tmp / "idx", "--filed-after", "2020-02-30", "court")
    assert r.code == 2 and len(r.stderr().splitlines()) == 1
    return f"exit 2, one line: {r.stderr()}"


@case("Search: closed pipe", "`ordex search ... | head -c1` over 50 hits")
def _(tmp):
    d = tmp / "in"
    d.mkdir()
    for i in range(50):
        (d / f"p{i}.pdf").write_bytes(good(100 + i))
    ordex("index", "--index", tmp / "idx", d)
    p = subprocess.run(f"'{ORDEX}' search --index '{tmp / 'idx'}' --limit 50 court | head -c1", shell=True,
                       capture_output=True, timeout=TIMEOUT, executable="/bin/bash")
    assert b"pipe" not in p.stderr.lower(), p.stderr
    return "quiet; no error printed"


@case("Jobs at the cap", "-j at the cap on this machine over 40 inputs, and one past it")
def _(tmp):
    d = tmp / "in"
    d.mkdir()
    for i in range(40):
        (d / f"p{i}.pdf").write_bytes(good(200 + i))
    cap = min(256, max(32, 4 * len(os.sched_getaffinity(0))))
    r = ordex("extract", "-j", cap, d)
    assert r.code == 0 and len(r.records()) == 40
    over = ordex("extract", "-j", cap + 1, d)
    assert over.code == 2
    return f"-j {cap}: 40 ok, peak {r.rss or 0:.0f} MB; -j {cap + 1}: exit 2 ({over.stderr()})"


@case("Empty list", "`extract -` with nothing on standard input; a shard that owns no input")
def _(tmp):
    r = ordex("extract", "-", stdin=b"")
    (tmp / "a.pdf").write_bytes(good(63))
    shard = [i for i in range(2) if ordex("extract", "--shard", f"{i}/2", tmp / "a.pdf").out == b""]
    assert r.code == 0 and r.out == b"" and shard
    return "no record, exit 0, a summary of 0 documents"


def main():
    if not os.access(ORDEX, os.X_OK):
        sys.exit(f"campaign: no ordex binary at {ORDEX} (cargo build first)")
    rows = []
    held = 0
    for name, tried, fn in CLASSES:
        tmp = Path(tempfile.mkdtemp(prefix="ordex-campaign-"))
        try:
            what = fn(tmp)
            ok = True
        except Exception as e:  # the class did not hold: say how
            what = f"DID NOT HOLD: {type(e).__name__}: {e}"
            ok = False
        finally:
            for dirpath, dirnames, _ in os.walk(tmp):
                for dn in dirnames:
                    try:
                        os.chmod(os.path.join(dirpath, dn), 0o755)
                    except OSError:
                        pass
            shutil.rmtree(tmp, ignore_errors=True)
        left = live_workers()
        if left:
            what += f"; LEFT RUNNING: {left}"
            ok = False
        held += ok
        rows.append((name, tried, what))
        print(f"{'ok ' if ok else 'BAD'} {name}: {what}", file=sys.stderr)
    print(f"campaign: {held} of {len(CLASSES)} classes held", file=sys.stderr)
    if MARKDOWN:
        print("| class | what was tried | what happened |")
        print("| --- | --- | --- |")
        for name, tried, what in rows:
            cell = lambda s: s.replace("|", "\\|").replace("\n", " ")
            print(f"| {cell(name)} | {cell(tried)} | {cell(what)} |")
    sys.exit(0 if held == len(CLASSES) else 1)


if __name__ == "__main__":
    main()
