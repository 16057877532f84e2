#!/usr/bin/env python3
"""Compare the record of a scanned twin (read with --ocr) with its born-digital original's, by
the rules of the gold scorer: caption court and title similar at 0.9, parties matched at 0.85,
clauses at 0.9, signature judge and title at 0.9 and date equal, body word-bag F1.

    python3 bench/twin_compare.py DIGITAL.jsonl TWIN.jsonl

Each file holds one record (the first line is read). Prints one table row and, below it, what
differs. Standard library only.
"""

import difflib
import json
import re
import sys
import unicodedata
from collections import Counter


def norm(text):
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    for a, b in {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                 "\u2014": "-", "\u00a0": " "}.items():
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip().casefold().strip(" .,;:")


def similar(a, b):
    return difflib.SequenceMatcher(None, norm(a), norm(b), autojunk=False).ratio()


def words(text):
    return re.findall(r"[a-z0-9]+(?:['.][a-z0-9]+)*", norm(text))


def f1(a, b):
    g, p = Counter(words(a)), Counter(words(b))
    common = sum((g & p).values())
    if not g and not p:
        return 1.0
    return 2 * common / (sum(g.values()) + sum(p.values()))


def matched(want, got, threshold):
    used, hits = set(), 0
    for w in want:
        best = max(((similar(w, g), j) for j, g in enumerate(got) if j not in used), default=None)
        if best and best[0] >= threshold:
            used.add(best[1])
            hits += 1
    return hits == len(want) == len(got)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    d, s = (json.loads(open(p, encoding="utf-8").readline()) for p in sys.argv[1:3])
    diffs = []

    def check(field, ok, want, got):
        if not ok:
            diffs.append(f"  {field}: want {want!r} got {got!r}")
        return ok

    dc, sc = d["caption"], s["caption"]
    cap = all([
        check("court", similar(dc["court"], sc["court"]) >= 0.9, dc["court"], sc["court"]),
        check("court_id", dc["court_id"] == sc["court_id"], dc["court_id"], sc["court_id"]),
        check("case_numbers", dc["case_numbers_normalized"] == sc["case_numbers_normalized"],
              dc["case_numbers_normalized"], sc["case_numbers_normalized"]),
        check("title", similar(dc["title"], sc["title"]) >= 0.9, dc["title"], sc["title"]),
        check("parties", matched([f"{p['role']}|{p['name']}" for p in dc["parties"]],
                                 [f"{p['role']}|{p['name']}" for p in sc["parties"]], 0.85),
              [p["name"] for p in dc["parties"]], [p["name"] for p in sc["parties"]]),
    ])
    dcl = [c["text"] for c in d["order"]["clauses"]]
    scl = [c["text"] for c in s["order"]["clauses"]]
    clauses = check("clauses", matched(dcl, scl, 0.9), dcl, scl)
    ds, ss = d["signature"], s["signature"]
    sig = all([
        check("signature.date", ds["date"] == ss["date"], ds["date"], ss["date"]),
        check("signature.judge", similar(ds["judge"], ss["judge"]) >= 0.9, ds["judge"],
              ss["judge"]),
        check("signature.title", similar(ds["title"], ss["title"]) >= 0.9, ds["title"],
              ss["title"]),
    ])
    ecf = check("ecf", d.get("ecf") == s.get("ecf"), d.get("ecf"), s.get("ecf"))
    body = f1(d["body"]["text"], s["body"]["text"])
    name = d["source"]["path"].rsplit("/", 1)[-1]
    yes = lambda ok: "equal" if ok else "differs"  # noqa: E731
    print(f"| {name} | {body:.3f} | {yes(cap)} | {yes(clauses)} | {yes(sig)} | {yes(ecf)} |")
    for line in diffs:
        print(line)


if __name__ == "__main__":
    main()
