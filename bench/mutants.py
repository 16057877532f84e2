#!/usr/bin/env python3
"""Mutation test against hostile input: mutate PDFs, run ordex over them, check every mutant.

Usage: bench/mutants.py [--source DIR] [--count N] [--seed S] [--ordex BIN] [--jobs J]
                        [--memory-mb MB]
  defaults: the evaluation corpus (docs/evaluation.md), 10000 mutants, seed 11, the release build's ordex (in
  cargo's target folder, bench/target_dir.py), cores, 1024 MB

Makes COUNT mutants of the source PDFs in a temporary folder:
  truncate   cut at a random offset            flip        1..200 random bytes changed
  delete     a chunk of 1..5000 bytes removed  duplicate   a chunk repeated three times
  zero       2000 bytes zeroed                 length      a /Length made huge, tiny or wrong
  bomb       a stream replaced by a zlib bomb that inflates past the memory cap
  deep       50,000 nested arrays put into the page dictionary
  loop       the page tree's first kid pointed back at the page tree (a cycle)
then runs `ordex extract` over the folder (worker processes, memory cap MEMORY_MB) and checks
what the issue asks: every mutant has exactly one record, every line is JSON, the run ends, and
the largest process stayed under the cap. It prints the records by status and error kind and
lists the findings to look at (panic, crashed, timeout records). Exit 1 when a check fails.
Standard library only. CI runs a short form over fixtures/ (see .ci/run).
"""

import argparse
import collections
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from target_dir import ordex_binary

ROOT = Path(__file__).resolve().parent.parent
OPS = ["truncate", "flip", "flip", "delete", "duplicate", "zero", "length", "length",
       "deep", "loop"]


def make_bomb(inflated: int) -> bytes:
    """A zlib stream of `inflated` spaces (about 1 KB per MB)."""
    z = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [z.compress(chunk) for _ in range(inflated >> 20)]
    parts.append(z.flush())
    return b"".join(parts)


def mutate(data: bytearray, op: str, rng: random.Random, bomb: bytes) -> bytearray:
    n = len(data)
    if op == "truncate":
        return data[: rng.randrange(n)]
    if op == "flip":
        for _ in range(rng.randint(1, 200)):
            data[rng.randrange(n)] = rng.randrange(256)
        return data
    if op == "length":
        found = list(re.finditer(rb"/Length\s+(\d+)", data))
        if found:
            m = rng.choice(found)
            new = rng.choice([b"999999999999", b"2147483648", b"0", b"1",
                              str(int(m.group(1)) * 7 + 3).encode()])
            return data[: m.start(1)] + new + data[m.end(1):]
    if op == "bomb":
        found = list(re.finditer(rb"stream\r?\n", data))
        if found:
            m = rng.choice(found)
            end = data.find(b"endstream", m.end())
            if end > 0:
                # The dictionary before the stream keeps its filters; the bomb's own
                # /FlateDecode is set by replacing the dictionary's filter when there is one.
                head = re.sub(rb"/Filter\s*(/\w+|\[[^\]]*\])", b"/Filter /FlateDecode",
                              bytes(data[: m.end()]))
                return bytearray(head) + bomb + b"\n" + data[end:]
    if op == "deep":
        m = re.search(rb"/Type\s*/Page\b", data)
        if m:
            depth = 50_000
            return data[: m.start()] + b"/Deep " + b"[" * depth + b"]" * depth + b" " + data[m.start():]
    if op == "loop":
        pages = re.search(rb"(\d+)\s+0\s+obj\s*<<[^>]*?/Type\s*/Pages\b", data)
        kids = re.search(rb"/Kids\s*\[\s*(\d+)\s+0\s+R", data)
        if pages and kids:
            return data[: kids.start(1)] + pages.group(1) + data[kids.end(1):]
    j = rng.randrange(n)
    if op == "delete":
        return data[:j] + data[j + rng.randint(1, 5000):]
    if op == "duplicate":
        k = rng.randint(1, 5000)
        return data[:j] + data[j:j + k] * 3 + data[j + k:]
    data[j:j + 2000] = bytes(min(2000, n - j))
    return data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", default=str(ROOT / ".." / "shared" / "corpus" / "pdf"))
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--ordex", help="the binary (default: the release build's)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--memory-mb", type=int, default=1024)
    ap.add_argument("--keep", help="keep the mutants and records in this folder")
    args = ap.parse_args()
    args.ordex = args.ordex or str(ordex_binary("release"))
    rng = random.Random(args.seed)
    sources = [p for p in sorted(Path(args.source).glob("*.pdf")) if 1000 < p.stat().st_size < 400_000]
    if not sources:
        print(f"no PDFs between 1 KB and 400 KB in {args.source}", file=sys.stderr)
        return 2
    if not Path(args.ordex).exists():
        print(f"no ordex binary at {args.ordex}: cargo build --release", file=sys.stderr)
        return 2
    # Inflates to 1.5 times the cap: a worker that decodes it whole must hit the cap.
    bomb = make_bomb(args.memory_mb * 3 // 2 << 20)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        ops = collections.Counter()
        for i in range(args.count):
            src = rng.choice(sources)
            # Bombs are slow to inflate: one mutant in a hundred (at least one in any run).
            op = "bomb" if i % 100 == 50 or (args.count < 100 and i == 0) else rng.choice(OPS)
            ops[op] += 1
            data = mutate(bytearray(src.read_bytes()), op, rng, bomb)
            Path(folder, f"m{i:05d}-{op}-{src.stem}.pdf").write_bytes(data)
        out = Path(folder, "records.jsonl")
        start = time.monotonic()
        run = subprocess.run([args.ordex, "extract", "--no-ocr", str(folder), "-j", str(args.jobs),
                              "--timeout", "20", "--max-memory-mb", str(args.memory_mb),
                              "-o", str(out)], capture_output=True, text=True)
        secs = time.monotonic() - start
        # ru_maxrss of waited children: the largest resident set of ordex or any worker.
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        kinds = collections.Counter()
        fails, findings = [], []
        seen = collections.Counter()
        lines = out.read_text().splitlines() if out.exists() else []
        for line in lines:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                fails.append("not JSON: " + line[:80])
                continue
            seen[rec["source"]["path"]] += 1
            err = rec.get("error")
            kinds[rec["status"] + (":" + err["kind"] if err else "")] += 1
            if err and err["kind"] in ("panic", "crashed", "timeout"):
                findings.append(f"{os.path.basename(rec['source']['path'])}: {err['kind']}: {err['message'][:160]}")
        mutants = {str(p) for p in folder.glob("*.pdf")}
        if set(seen) != mutants:
            fails.append(f"{len(mutants - set(seen))} mutants without a record, "
                         f"{len(set(seen) - mutants)} records for no mutant")
        doubled = [p for p, n in seen.items() if n > 1]
        if doubled:
            fails.append(f"{len(doubled)} mutants with more than one record")
        if run.returncode not in (0, 1):
            fails.append(f"ordex exited with status {run.returncode}: {run.stderr[-300:]}")
        if peak_mb > args.memory_mb:
            fails.append(f"peak RSS {peak_mb:.0f} MB over the {args.memory_mb} MB cap")
    print(f"{args.count} mutants of {len(sources)} PDFs ({', '.join(f'{k} {v}' for k, v in sorted(ops.items()))})")
    print(f"ordex -j{args.jobs}: {secs:.1f} s, {args.count / secs:.1f} mutants/s, exit status "
          f"{run.returncode}, peak RSS {peak_mb:.0f} MB (cap {args.memory_mb} MB)")
    print("records: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for f in findings:
        print("finding", f)
    for f in fails:
        print("FAIL", f)
    if not fails:
        print("ok: one JSON record per mutant, run finished, memory under the cap")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
