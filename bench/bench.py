#!/usr/bin/env python3
"""Throughput and memory benchmark: ordex extract -j1 / -jN against pdftotext -layout.

Usage: bench/run.sh [CORPUS_DIR] [RUNS]   (defaults: the evaluation corpus, docs/evaluation.md; 3)

Standard library only. Needs cargo, pdfinfo and pdftotext (poppler-utils), qpdf.
Every figure is the median over RUNS runs; the three tools are interleaved in each run so
that background load (say, someone compiling) hits them alike. CPU = user+sys of the
measured process and its children (os.wait4); peak RSS = its ru_maxrss (for pdftotext,
one process per file, the largest of them).
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from target_dir import ordex_binary

REPO = Path(__file__).resolve().parent.parent
ORDEX = ordex_binary("release")
NPROC = len(os.sched_getaffinity(0))
SCALE = 20          # how many times the corpus list is repeated on stdin (x5 shown too)
BIG_PAGES = 200     # pages of the concatenated document


def die(msg):
    sys.exit(f"bench: {msg}")


def run(cmd, stdin_text=None):
    """Run cmd with output discarded; return (exit code, wall s, cpu s, peak RSS MB)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if stdin_text is not None:
        try:
            p.stdin.write(stdin_text.encode())
            p.stdin.close()
        except BrokenPipeError:  # ordex stopped early: its exit code tells
            pass
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
    return p.returncode, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024  # KB -> MB


def ordex(args, stdin_text=None):
    # --no-ocr: pdftotext reads no scan either, and a machine with tesseract would OCR them.
    code, wall, cpu, rss = run([str(ORDEX), "extract", "--no-ocr", *args, "-o", "/dev/null"], stdin_text)
    if code not in (0, 1):  # 1 = some document failed (e.g. the zero-byte file): expected
        print(f"  warning: ordex {' '.join(args)} exited {code}", file=sys.stderr)
    return wall, cpu, rss


def pdftotext_each(files):
    """pdftotext -layout once per file, one process each (as a pipeline would)."""
    wall = cpu = rss = 0.0
    for f in files:
        _, w, c, r = run(["pdftotext", "-layout", str(f), "-"])  # failures are ignored
        wall, cpu, rss = wall + w, cpu + c, max(rss, r)
    return wall, cpu, rss


def pages_of(f):
    r = subprocess.run(["pdfinfo", str(f)], capture_output=True, text=True, errors="replace")
    for line in r.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0  # unreadable (zero-byte, broken): counts as a document, no pages


def has_text_layer(f, pages):
    """At least ~400 letters per page in pdftotext's output (skips scans and stubs)."""
    r = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True, errors="replace")
    return r.returncode == 0 and sum(ch.isalpha() for ch in r.stdout) >= 400 * pages


def median_row(samples):
    """samples: list of (wall, cpu, rss) -> medians."""
    return tuple(statistics.median(s[i] for s in samples) for i in range(3))


def machine():
    model = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return f"{NPROC} cores ({os.cpu_count()} online), CPU: {model}, RAM: {mem_kb / 2**20:.1f} GiB"


def load():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def busy_secs():
    """(CPU seconds used by the whole machine, by this script's children) so far."""
    t = [int(x) / os.sysconf("SC_CLK_TCK") for x in Path("/proc/stat").read_text().split()[1:9]]
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return sum(t) - t[3] - t[4], ru.ru_utime + ru.ru_stime  # less idle and iowait


def table(title, rows, docs, pages):
    print(f"\n{title}")
    print(f"  {'':<22}{'docs/s':>9}{'pages/s':>10}{'CPU s':>9}{'wall s':>9}{'peak RSS MB':>13}")
    for name, (wall, cpu, rss) in rows:
        print(f"  {name:<22}{docs / wall:>9.1f}{pages / wall:>10.1f}{cpu:>9.2f}{wall:>9.2f}{rss:>13.1f}")


def qpdf_damaged(f):
    """qpdf --check exit 2 = errors (3 = warnings only): such a file can spoil the merge."""
    return subprocess.run(["qpdf", "--check", str(f)], capture_output=True).returncode == 2


def build_big(pdf_pages, tmp):
    """Concatenate text-layer corpus pages into one BIG_PAGES-page PDF with qpdf."""
    if not shutil.which("qpdf"):
        print("bench: qpdf missing, installing it (apt-get install -y qpdf)", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "qpdf"], stdout=subprocess.DEVNULL)
        if not shutil.which("qpdf"):
            die("qpdf is needed for the 200-page document: apt-get install qpdf")
    spec, total, used = [], 0, []
    for f, n in pdf_pages:
        if total >= BIG_PAGES:
            break
        if n == 0 or not has_text_layer(f, n) or qpdf_damaged(f):
            continue
        take = min(n, BIG_PAGES - total)
        spec += [str(f), f"1-{take}"]
        total += take
        used.append(f.name)
    out = Path(tmp) / f"big-{BIG_PAGES}.pdf"
    r = subprocess.run(["qpdf", "--empty", "--pages", *spec, "--", str(out)],
                       capture_output=True, text=True)
    if r.returncode not in (0, 3) or not out.exists():  # 3 = warnings only
        die(f"qpdf exited {r.returncode}: {r.stderr.strip()[:500]}")
    return out, pages_of(out), used


def main():
    argv = sys.argv[1:]
    corpus = Path(argv[0]) if argv else REPO.parent / "shared" / "corpus" / "pdf"
    runs = int(argv[1]) if len(argv) > 1 else 3
    if not corpus.is_dir():
        die(f"no such folder: {corpus}")
    for tool in ("pdfinfo", "pdftotext"):
        if not shutil.which(tool):
            die(f"{tool} not found: apt-get install poppler-utils")

    print("bench: cargo build --release", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)

    # The same files, in the same order, as `ordex extract DIR` takes them.
    files = sorted((p for p in corpus.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file()),
                   key=lambda p: str(p))
    pdf_pages = [(f, pages_of(f)) for f in files]
    docs, pages = len(files), sum(n for _, n in pdf_pages)
    unreadable = [f.name for f, n in pdf_pages if n == 0]
    if not docs:
        die(f"no PDF in {corpus}")

    print(f"machine: {machine()}")
    print(f"load average at start: {load()}")
    print(f"corpus: {corpus} - {docs} documents, {pages} pages (pdfinfo), "
          f"{len(unreadable)} unreadable: {', '.join(unreadable) or '-'}")
    print(f"runs: {runs}, medians shown; ordex: {ORDEX}")

    t0, busy0 = time.monotonic(), busy_secs()
    jn = f"-j{NPROC}"
    s = {"j1": [], "jN": [], "ptt": []}
    for i in range(runs):
        print(f"bench: run {i + 1}/{runs}", file=sys.stderr)
        s["j1"].append(ordex([str(corpus), "-j1"]))
        s["jN"].append(ordex([str(corpus), jn]))
        s["ptt"].append(pdftotext_each(files))
    j1, jN, ptt = (median_row(s[k]) for k in ("j1", "jN", "ptt"))
    table("Corpus", [("ordex -j1", j1), (f"ordex {jn}", jN),
                     ("pdftotext -layout", ptt)], docs, pages)
    print("  ratios:")
    print(f"    ordex -j1 CPU / pdftotext CPU        {j1[1] / ptt[1]:6.2f}")
    print(f"    ordex -j1 wall / pdftotext wall      {j1[0] / ptt[0]:6.2f}")
    print(f"    ordex {jn} wall / pdftotext wall      {jN[0] / ptt[0]:6.2f}")
    print(f"    ordex {jn} wall / ordex -j1 wall      {jN[0] / j1[0]:6.2f}"
          f"   (speed-up {j1[0] / jN[0]:.2f}x on {NPROC} cores)")
    print(f"    ordex -j1 peak RSS / pdftotext peak  {j1[2] / ptt[2]:6.2f}")

    # Scaling: the list of files on stdin, once and SCALE times.
    once = "".join(f"{f}\n" for f in files)
    sc = {1: [], 5: [], SCALE: []}
    for i in range(runs):
        print(f"bench: scaling run {i + 1}/{runs}", file=sys.stderr)
        for k in sc:
            sc[k].append(ordex(["-", jn], once * k))
    print(f"\nScaling (ordex extract - {jn}, list of paths on stdin)")
    print(f"  {'':<22}{'docs':>7}{'docs/s':>9}{'CPU s':>9}{'wall s':>9}{'peak RSS MB':>13}")
    for k in sc:
        wall, cpu, rss = median_row(sc[k])
        print(f"  {f'corpus x{k}':<22}{docs * k:>7}{docs * k / wall:>9.1f}{cpu:>9.2f}{wall:>9.2f}{rss:>13.1f}")
    ratio = median_row(sc[SCALE])[2] / median_row(sc[1])[2]
    print(f"  peak RSS x{SCALE} / x1: {ratio:.2f}")

    # One long document.
    with tempfile.TemporaryDirectory(prefix="ordex-bench-") as tmp:
        big, big_pages, used = build_big(pdf_pages, tmp)
        os.sync()  # the new file's writeback is not to land in the timed runs
        size_mb = big.stat().st_size / 2**20
        b = {"j1": [], "ptt": []}
        for i in range(runs):
            print(f"bench: {BIG_PAGES}-page run {i + 1}/{runs}", file=sys.stderr)
            b["j1"].append(ordex([str(big), "-j1"]))
            b["ptt"].append(pdftotext_each([big]))
        bj1, bptt = median_row(b["j1"]), median_row(b["ptt"])
        # The long document as a batch: listed once and SCALE times on stdin, so that the
        # -jN speed-up and the flat memory are shown for long documents too (one document
        # runs on one core: -jN spreads documents, not pages).
        bb = {"x1": [], "j1": [], "jN": []}
        for i in range(runs):
            print(f"bench: {BIG_PAGES}-page batch run {i + 1}/{runs}", file=sys.stderr)
            bb["x1"].append(ordex(["-", jn], f"{big}\n"))
            bb["j1"].append(ordex(["-", "-j1"], f"{big}\n" * SCALE))
            bb["jN"].append(ordex(["-", jn], f"{big}\n" * SCALE))
        bx1, bbj1, bbjN = (median_row(bb[k]) for k in ("x1", "j1", "jN"))
    table(f"One {big_pages}-page document ({size_mb:.1f} MB, qpdf from {len(used)} corpus files)",
          [("ordex -j1", bj1), ("pdftotext -layout", bptt)], 1, big_pages)
    print("  ratios:")
    print(f"    ordex -j1 CPU / pdftotext CPU        {bj1[1] / bptt[1]:6.2f}")
    print(f"    ordex -j1 peak RSS / pdftotext peak  {bj1[2] / bptt[2]:6.2f}")
    print(f"\nThe {big_pages}-page document as a batch (ordex extract -, listed once and {SCALE} times)")
    print(f"  {'':<22}{'docs':>7}{'docs/s':>9}{'CPU s':>9}{'wall s':>9}{'peak RSS MB':>13}")
    for name, k, (wall, cpu, rss) in ((f"x1 {jn}", 1, bx1), (f"x{SCALE} -j1", SCALE, bbj1),
                                      (f"x{SCALE} {jn}", SCALE, bbjN)):
        print(f"  {name:<22}{k:>7}{k / wall:>9.1f}{cpu:>9.2f}{wall:>9.2f}{rss:>13.1f}")
    print("  ratios:")
    print(f"    x{SCALE} {jn} wall / x{SCALE} -j1 wall        {bbjN[0] / bbj1[0]:6.2f}"
          f"   (speed-up {bbj1[0] / bbjN[0]:.2f}x on {NPROC} cores)")
    print(f"    peak RSS x{SCALE} / x1 at {jn}           {bbjN[2] / bx1[2]:6.2f}")
    print(f"    CPU per document, x{SCALE} -j1 / pdftotext {bbj1[1] / SCALE / bptt[1]:6.2f}")
    print(f"\nload average at end: {load()}")
    (all1, ours1), elapsed = busy_secs(), time.monotonic() - t0
    other = max(0.0, (all1 - busy0[0]) - (ours1 - busy0[1]))
    print(f"other processes used {other:.0f} CPU s in {elapsed:.0f} s "
          f"({other / elapsed:.2f} of {NPROC} cores) during the benchmark"
          + (": wall times and -j speed-ups are understated" if other / elapsed > 0.2 else ""))


if __name__ == "__main__":
    main()
