#!/usr/bin/env python3
"""Smoke test against hostile input: mutate PDFs and check that ordex gives one record each.

Usage: bench/mutants.py [CORPUS] [COUNT] [SEED]   (default ../shared/corpus/pdf, 3000, 11)

Makes COUNT mutants of the corpus's PDFs (truncation, byte flips, chunk deletion,
duplication, zeroed runs) in a temporary folder, runs `ordex extract` over them, and prints
the records by status and error kind. It fails (exit 1) when a mutant has no record, a line is
not JSON, or a record says panic or timeout. Standard library only; build ordex first.
"""

import collections
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def mutate(data: bytearray, rng: random.Random) -> tuple[str, bytearray]:
    op = rng.choice(["truncate", "flip", "flip", "delete", "duplicate", "zero"])
    n = len(data)
    if op == "truncate":
        return op, data[: rng.randrange(n)]
    if op == "flip":
        for _ in range(rng.randint(1, 200)):
            data[rng.randrange(n)] = rng.randrange(256)
        return op, data
    j = rng.randrange(n)
    if op == "delete":
        return op, data[:j] + data[j + rng.randint(1, 5000):]
    if op == "duplicate":
        k = rng.randint(1, 5000)
        return op, data[:j] + data[j:j + k] * 3 + data[j + k:]
    data[j:j + 2000] = bytes(min(2000, n - j))
    return op, data


def main() -> int:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".." / "shared" / "corpus" / "pdf")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 11)
    sources = [p for p in sorted(corpus.glob("*.pdf")) if 1000 < p.stat().st_size < 400_000]
    ordex = ROOT / "target" / "release" / "ordex"
    if not ordex.exists():
        print("build first: cargo build --release", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(count):
            src = rng.choice(sources)
            op, data = mutate(bytearray(src.read_bytes()), rng)
            Path(tmp, f"m{i:05d}-{op}-{src.stem}.pdf").write_bytes(data)
        out = Path(tmp, "records.jsonl")
        run = subprocess.run([str(ordex), "extract", tmp, "--timeout", "20", "-o", str(out)],
                             capture_output=True, text=True)
        kinds = collections.Counter()
        bad = []
        lines = out.read_text().splitlines() if out.exists() else []
        for line in lines:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                bad.append("not JSON: " + line[:80])
                continue
            err = rec.get("error")
            kinds[rec["status"] + (":" + err["kind"] if err else "")] += 1
            if err and err["kind"] in ("panic", "timeout"):
                bad.append(f"{os.path.basename(rec['source']['path'])}: {err['message'][:120]}")
        if len(lines) != count:
            bad.append(f"{len(lines)} records for {count} mutants")
    print(f"{count} mutants, exit status {run.returncode}: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for b in bad:
        print("FAIL", b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
