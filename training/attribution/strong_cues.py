"""Reporting expressions that PolNeAR train marks as a cue almost every time they occur.

Writes src/claimtrace/data/attribution/strong_cues.json: expressions seen at least
MIN_COUNT times in train whose occurrences are a cue at least MIN_RATIO of the time. The
attribution step adds one as a cue where the tagger left it unmarked.

    python training/attribution/strong_cues.py ../shared/corpora/polnear/train.jsonl
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

MIN_COUNT = 25
MIN_RATIO = 0.8
OUT = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "claimtrace"
    / "data"
    / "attribution"
    / "strong_cues.json"
)


def main(train: str) -> None:
    with open(train, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    cue_count: collections.Counter[str] = collections.Counter()
    for d in docs:
        for a in d["attributions"]:
            for s, e in a["cue"]:
                cue_count[d["text"][s:e].lower().strip()] += 1
    cands = [c for c, n in cue_count.items() if n >= MIN_COUNT and re.search(r"\w", c)]
    occ: collections.Counter[str] = collections.Counter()
    ann: collections.Counter[str] = collections.Counter()
    for d in docs:
        low = d["text"].lower()
        spans = [(s, e) for a in d["attributions"] for s, e in a["cue"]]
        for c in cands:
            for m in re.finditer(r"(?<!\w)" + re.escape(c) + r"(?!\w)", low):
                occ[c] += 1
                if any(s <= m.start() and m.end() <= e for s, e in spans):
                    ann[c] += 1
    strong = sorted(c for c in cands if occ[c] >= MIN_COUNT and ann[c] / occ[c] >= MIN_RATIO)
    OUT.write_text(
        json.dumps(
            {
                "_doc": "Cue expressions marked as cues in >= "
                f"{MIN_RATIO:.0%} of their >= {MIN_COUNT} occurrences in PolNeAR train "
                "(training/attribution/strong_cues.py).",
                "cues": strong,
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        "utf-8",
    )
    print(f"{len(strong)} cues -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
