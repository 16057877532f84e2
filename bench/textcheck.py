#!/usr/bin/env python3
"""Label-free checks of cleaned text over every record of a run (issue 19, item 6).

Usage: bench/textcheck.py RECORDS.jsonl [RECORDS.jsonl ...] [--words data/words/en.txt] [--show N]

For each ok record it counts, in `body.text` (or, for papers whose body is short, the page
texts):
  margin_numbers  a run of three or more consecutive integers 1..32, each standing alone between
                  words (left-over pleading or transcript line numbers)
  ecf_stamp       a CM/ECF stamp line ("Case 2:17-cv-01666 Document 34 Filed 04/20/22 Page 1 of 2")
  split_word      two word pieces joined by a line-end hyphen that the reflow did not undo, whose
                  join is a word of the list and which are not a compound ("presump-tion")
  suffix_party    a caption party whose name is only a corporate suffix ("LLC", "Inc.")
and prints, per check, the number of documents hit and the first N documents with the
offending snippet, so that each can be read against its page. Standard library only.
"""

import json
import os
import re
import sys

WORD = re.compile(r"[A-Za-z]+")
NUMBER_RUN = re.compile(r"(?<![\w./:-])(\d{1,2})(?![\w./:%-])")
STAMP = re.compile(
    r"\bCase\s*:?\s*\d{1,2}:\d{2}-[a-z]{2,4}-\d{2,6}\S*\s+Doc(?:ument)?\s*:?\s*[\d-]+\s+(?:Filed|Page)",
    re.I,
)
HYPHEN_SPLIT = re.compile(r"\b([A-Za-z]{2,})-([a-z]{2,})\b")
SUFFIXES = {"inc", "inc.", "llc", "l.l.c.", "llp", "lp", "l.p.", "corp", "corp.", "co", "co.",
            "ltd", "ltd.", "n.a.", "p.c.", "pllc", "et al", "et al.", "jr", "jr.", "sr.",
            "incorporated", "limited", "chartered", "p.a.", "l.l.p.", "s.a.", "s.a.u.", "n.v.",
            "b.v.", "gmbh", "ag", "plc"}
COMPOUNDING = {"non", "self", "co", "pre", "post", "anti", "cross", "counter", "quasi", "semi",
               "multi", "ex", "mid", "pro", "re", "sub", "inter", "intra", "over", "under",
               "well", "third", "first", "second", "long", "short", "full", "part", "half", "court"}


def load_words(path):
    try:
        with open(path, encoding="utf-8") as f:
            return {w.strip() for w in f if w.strip()}
    except OSError:
        return set()


def margin_run(text):
    """The first run of 3+ consecutive integers 1..32 standing alone, as a snippet."""
    tokens = text.split()
    run = []
    for i, tok in enumerate(tokens):
        if tok.isdigit() and 1 <= int(tok) <= 32 and len(tok) <= 2:
            if run and int(tok) == int(tokens[run[-1]]) + 1:
                run.append(i)
            else:
                run = [i]
            if len(run) >= 3:
                a, b = max(0, run[0] - 3), min(len(tokens), run[-1] + 4)
                return " ".join(tokens[a:b])
        elif run and tok.isalpha():
            # words between numbers keep a run going only if they are single words
            continue
        else:
            run = []
    return None


def split_word(text, words):
    for m in HYPHEN_SPLIT.finditer(text):
        head, tail = m.group(1), m.group(2)
        if head.lower() in COMPOUNDING:
            continue
        joined = (head + tail).lower()
        compound = (head + "-" + tail).lower()
        if joined in words and compound not in text.lower().replace(m.group(0).lower(), "", 1):
            if head.lower() in words and tail.lower() in words:
                continue  # both halves are words: a compound as likely as a break
            return m.group(0)
    return None


def main():
    args = sys.argv[1:]
    show = 5
    words_path = os.path.join(os.path.dirname(__file__), "..", "data", "words", "en.txt")
    files = []
    i = 0
    while i < len(args):
        if args[i] == "--show":
            show = int(args[i + 1])
            i += 2
        elif args[i] == "--words":
            words_path = args[i + 1]
            i += 2
        else:
            files.append(args[i])
            i += 1
    if not files:
        sys.exit(__doc__)
    words = load_words(words_path)
    hits = {"margin_numbers": [], "ecf_stamp": [], "split_word": [], "suffix_party": []}
    n = 0
    for path in files:
        for line in open(path, encoding="utf-8", errors="replace"):
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue
            if r.get("status") != "ok":
                continue
            n += 1
            name = os.path.basename(str(r["source"]["path"]))
            body = (r.get("body") or {}).get("text") or ""
            text = body if len(body) > 200 else "\n".join(p.get("text", "") for p in r.get("pages", []))
            m = margin_run(text)
            if m:
                hits["margin_numbers"].append((name, m))
            s = STAMP.search(body)
            if s:
                hits["ecf_stamp"].append((name, s.group(0)))
            w = split_word(body, words) if words else None
            if w:
                hits["split_word"].append((name, w))
            for p in (r.get("caption") or {}).get("parties") or []:
                if (p.get("name") or "").strip().lower().strip(",;") in SUFFIXES:
                    hits["suffix_party"].append((name, p["name"]))
                    break
    print(f"records: {n}")
    for check, found in hits.items():
        print(f"{check:16} {len(found):4} documents")
        for name, snippet in found[:show]:
            print(f"    {name}: {snippet[:140]!r}")


if __name__ == "__main__":
    main()
