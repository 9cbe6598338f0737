"""Draw the candidate sentences for the quantities gold set (annotation tooling only).

Sentences come from four news corpora under ../shared/corpora. A sentence is a
candidate when it holds a digit or a number word (a generic regular expression, not
the claimtrace extractor). The annotator then marks *every* quantity in each sentence by
hand, following docs/guidelines-quantities.md, including ones this filter did not see.

Split: a sentence goes to the held-out test part when the md5 of "<corpus>/<doc>" falls
in buckets 0-1 of 5 (about 40%), so all sentences of one document stay in one part.

Usage: python eval/tools/sample_quantity_sentences.py ../shared/corpora [BATCH] > cands.jsonl
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
import sys
from pathlib import Path

NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|"
    r"half|percent)\b",
    re.I,
)
YEAR_ONLY = re.compile(r"^(1[89]\d\d|20\d\d)$")
SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘A-Z0-9])")


def split(corpus: str, doc: str) -> str:
    bucket = int(hashlib.md5(f"{corpus}/{doc}".encode()).hexdigest(), 16) % 5
    return "test" if bucket < 2 else "dev"


def sentences(text: str):
    start = 0
    for para in re.split(r"\n+", text):
        pstart = text.find(para, start)
        start = pstart + len(para)
        pos = 0
        for piece in SENT.split(para):
            off = para.find(piece, pos)
            pos = off + len(piece)
            if piece.strip():
                yield pstart + off, piece.strip()


def candidate(s: str) -> bool:
    words = s.split()
    if not (6 <= len(words) <= 55):
        return False
    hits = [m.group(0) for m in NUMBER.finditer(s)]
    if not hits:
        return False
    tokens = re.findall(r"\d[\d,.]*", s)
    # keep sentences whose only digits are years with a low probability
    if (
        tokens
        and all(YEAR_ONLY.match(t.strip(",.")) for t in tokens)
        and not re.search(NUMBER.pattern.replace(r"\d|", ""), s, re.I)
    ):
        return random.random() < 0.15
    return True


def polnear(root: Path):
    for line in (root / "polnear/dev.jsonl").read_text().splitlines():
        d = json.loads(line)
        for off, s in sentences(d["text"]):
            yield "polnear-dev", d["doc_id"], d["publisher"], off, s


def fnc1(root: Path):
    with open(root / "fnc1/train_bodies.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            for off, s in sentences(row["articleBody"]):
                yield "fnc1-train-bodies", row["Body ID"], "emergent", off, s


def timebank(root: Path):
    for path in sorted((root / "tempeval3/TimeBank").glob("*.tml")):
        raw = path.read_text()
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if not m:
            continue
        text = re.sub(r"<[^>]+>", "", m.group(1))
        for off, s in sentences(text):
            yield "timebank", path.stem, path.stem[:3], off, " ".join(s.split())


def ecbplus(root: Path):
    for path in sorted((root / "ecbplus/ECB+").glob("*/*.xml")):
        toks: dict[int, list[str]] = {}
        for m in re.finditer(
            r'<token t_id="\d+" sentence="(\d+)"[^>]*>([^<]*)</token>', path.read_text()
        ):
            toks.setdefault(int(m.group(1)), []).append(m.group(2))
        for sid, words in sorted(toks.items()):
            s = " ".join(words)
            s = re.sub(r" ([,.;:!?%)'])", r"\1", s).replace("( ", "(").replace("$ ", "$")
            s = s.replace("&amp;", "&").replace("&quot;", '"')
            yield "ecbplus", path.stem, "ecb", sid, s


def main() -> None:
    root = Path(sys.argv[1])
    random.seed(20261126)
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    quotas = {"polnear-dev": 130, "fnc1-train-bodies": 70, "timebank": 60, "ecbplus": 60}
    # batch 2 continues each shuffled pool after the batch-1 picks
    extra = {"polnear-dev": 30, "fnc1-train-bodies": 20, "timebank": 40, "ecbplus": 0}
    out = []
    for corpus, gen in (
        ("polnear-dev", polnear),
        ("fnc1-train-bodies", fnc1),
        ("timebank", timebank),
        ("ecbplus", ecbplus),
    ):
        pool = [c for c in gen(root) if candidate(c[4])]
        random.shuffle(pool)
        seen = set()
        picked = []
        for c in pool:
            if c[4] in seen:
                continue
            seen.add(c[4])
            picked.append(c)
            if len(picked) >= quotas[corpus] + (extra[corpus] if batch == 2 else 0):
                break
        out.extend(picked if batch == 1 else picked[quotas[corpus] :])
    first = 0 if batch == 1 else 320
    for i, (corpus, doc, outlet, off, s) in enumerate(out, start=first):
        print(
            json.dumps(
                {
                    "sid": f"s{i:03d}",
                    "corpus": corpus,
                    "doc": doc,
                    "outlet": outlet,
                    "offset": off,
                    "split": split(corpus, doc),
                    "text": s,
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
