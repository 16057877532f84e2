#!/usr/bin/env python3
"""Search index benchmark: time and size of `ordex index` on a corpus, `--records` parity, and
query latency of `ordex search`.

Usage: bench/index.py [CORPUS_DIR] [RUNS]   (defaults: the evaluation corpus, docs/evaluation.md; 7)

Standard library only; build first (`cargo build --release`). Prints:
- wall seconds of `ordex index CORPUS --index DIR` (median of 3 fresh indexes) and the
  folder's size on disk;
- the document counts of `ordex index --records` (from `ordex extract` of the same corpus)
  and of the PDF run, which must agree;
- for each query, the median wall milliseconds over RUNS runs of the whole `ordex search`
  process (start, open the index, search, snippets, print), and the number of matches.
"""
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from target_dir import ordex_binary

REPO = Path(__file__).resolve().parent.parent
ORDEX = ordex_binary("release")
QUERIES = [
    ["order"],
    ['"motion to seal"'],
    ["redaction", "--court", "cand"],
    ["*", "--filed-after", "2020-01-01", "--filed-before", "2020-12-31"],
    ["protective order", "--judge", "freeman"],
    ["sealed OR redacted OR confidential", "--limit", "50"],
]
SUMMARY = re.compile(r"(\d+) documents indexed, (\d+) error records skipped, (\d+) in the index")


def run(args):
    start = time.perf_counter()
    out = subprocess.run([str(ORDEX), *args], capture_output=True, text=True)
    return time.perf_counter() - start, out


def du(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def main():
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "corpus" / "pdf"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    if not ORDEX.exists():
        sys.exit("bench: build first: cargo build --release")
    with tempfile.TemporaryDirectory(prefix="ordex-index-bench-") as tmp:
        tmp = Path(tmp)
        secs = []
        for i in range(3):
            dt, out = run(["index", str(corpus), "--index", str(tmp / f"idx{i}")])
            secs.append(dt)
            pdf_counts = SUMMARY.search(out.stderr)
            if not pdf_counts:
                sys.exit(f"bench: index failed: {out.stderr}")
        idx = tmp / "idx0"
        print(f"ordex index, {corpus}: {statistics.median(secs):.2f} s wall (median of 3), "
              f"index {du(idx) / 1e6:.2f} MB on disk")
        print(f"  {pdf_counts.group(0)}")
        records = tmp / "records.jsonl"
        run(["extract", "--no-ocr", str(corpus), "-o", str(records)])
        _, out = run(["index", "--records", str(records), "--index", str(tmp / "from-records")])
        rec_counts = SUMMARY.search(out.stderr)
        same = rec_counts and rec_counts.group(3) == pdf_counts.group(3)
        print(f"  --records: {rec_counts.group(0) if rec_counts else out.stderr.strip()}"
              f" ({'same count' if same else 'COUNTS DIFFER'})")
        print(f"ordex search, median of {runs} runs (whole process):")
        for q in QUERIES:
            times = []
            for _ in range(runs):
                dt, out = run(["search", "--index", str(idx), "--json", *q])
                times.append(dt)
            total = re.search(r"(\d+) matching", out.stderr)
            print(f"  {statistics.median(times) * 1000:6.1f} ms  {total.group(1) if total else '?':>4} "
                  f"matches  {' '.join(q)}")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
