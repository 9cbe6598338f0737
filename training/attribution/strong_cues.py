"""Reporting expressions that PolNeAR train marks as a cue almost every time they occur.

Writes src/claimtrace/data/attribution/strong_cues.json: expressions seen at least
MIN_COUNT times in train whose occurrences are a cue at least MIN_RATIO of the time.
Candidates: the cue strings of train, their first words, and ", <participle>" for a first
word ending in -ing (the participle clause after a comma, ", saying ..."). The
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


def _pattern(cue: str) -> str:
    """The regex of a cue expression; ", saying" matches "saying" right after a comma."""
    if cue.startswith(", "):
        return r"(?<=, )" + re.escape(cue[2:]) + r"(?!\w)"
    return r"(?<!\w)" + re.escape(cue) + r"(?!\w)"


def main(train: str) -> None:
    with open(train, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    cue_count: collections.Counter[str] = collections.Counter()
    for d in docs:
        for a in d["attributions"]:
            for s, e in a["cue"]:
                cue_count[d["text"][s:e].lower().strip()] += 1
    cands = {c for c, n in cue_count.items() if n >= MIN_COUNT and re.search(r"\w", c)}
    # the first word of a cue ("vowed" of "vowed to") and, for participles, the form after
    # a comma (", saying": the participle clause of a reporting verb) are candidates too
    heads = collections.Counter(
        c.split()[0] for c, n in cue_count.items() for _ in range(n) if c.split()
    )
    for head, n in heads.items():
        if n >= MIN_COUNT and head.isalpha():
            cands.add(head)
            if head.endswith("ing"):
                cands.add(", " + head)
    occ: collections.Counter[str] = collections.Counter()
    ann: collections.Counter[str] = collections.Counter()
    for d in docs:
        low = d["text"].lower()
        spans = [(s, e) for a in d["attributions"] for s, e in a["cue"]]
        for c in cands:
            for m in re.finditer(_pattern(c), low):
                occ[c] += 1
                if any(s <= m.start() and m.end() <= e for s, e in spans):
                    ann[c] += 1
    strong = sorted(c for c in cands if occ[c] >= MIN_COUNT and ann[c] / occ[c] >= MIN_RATIO)
    # a candidate the list already holds in a wider form adds nothing (", saying" when
    # "saying" is listed)
    strong = [c for c in strong if not (c.startswith(", ") and c[2:] in strong)]
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
