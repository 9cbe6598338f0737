"""Session 5: a fifth draw of PolNeAR *train* attributions to label by hand for the stance model.

Taken from what :func:`sample_train.pick` left (never an attribution labelled before; PolNeAR
dev is never read). Each stratum targets one rare stance by broad surface words of the cue or
the content (head = first 15 content words, plus the cue's sentence window of 60 characters
before the content) and is drawn in seeded random order (seed :data:`SEED` + stratum index), at
most one attribution per article per stratum; an attribution drawn by an earlier stratum is not
drawn again. The words are hints for *sampling* only; every drawn item was labelled by hand from
the text (docs/guidelines-stance.md), blind to any model or rule output. ``random`` (any cue,
no filter) keeps the natural, mostly ``assert`` text represented.

Strata (in draw order) and sizes: :data:`STRATA`.

Usage: python training/stance/sample_round5.py ../shared/corpora/polnear/train.jsonl [--show]
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from sample_train import _content, _cue, pick, report

SEED = 20261207
W = r"\w*"
STRATA: list[tuple[str, int, re.Pattern[str] | None, str]] = [
    # (name, size, pattern, where: "cue" | "head" | "both")
    (
        "s5deny",
        75,
        re.compile(
            r"\b(deni\w*|deny\w*|refut\w*|rebut\w*|disput\w*|contested|push\w* back|"
            r"reject\w* (the|that|this|those|these|any|such|his|her|their|claims?|reports?|"
            r"accusations?|suggestions?|notion|idea|characteri)\w*|contradict\w*|"
            r"not true|untrue|false(ly)?|a lie|lies|lying|never happened|nothing to do with|"
            r"no truth|wrong|incorrect|inaccurate|misleading|mischaracteri\w*|baseless|"
            r"unfounded|not the case|no evidence)\b",
            re.I,
        ),
        "both",
    ),
    (
        "s5down",
        75,
        re.compile(
            r"\b(dismiss\w*|downplay\w*|play\w* down|brush\w* (off|aside)|shrug\w*|wav\w* off|"
            r"laugh\w* off|scoff\w*|mock\w*|ridicul\w*|belittl\w*|minimi[sz]\w*|pooh\w*|"
            r"make\w* light|made light|nonsense|ridiculous|absurd|silly|hoax|fake|overblown|"
            r"exaggerat\w*|no big deal|not a big deal|distraction|non-?story|joke|witch hunt|"
            r"hype\w*|much ado|sideshow|phony|bogus|garbage|trivial|irrelevant|crazy)\b",
            re.I,
        ),
        "both",
    ),
    (
        "s5cond",
        60,
        re.compile(r"^\W*(if|unless|as long as|provided|should|only if|even if|once|when)\b", re.I),
        "start",
    ),
    (
        "s5cond2",
        25,
        re.compile(r"\b(if|unless|as long as|provided that|only if)\b", re.I),
        "head",
    ),
    (
        "s5refuse",
        75,
        re.compile(
            r"\b(declin\w*|refus\w*|would not|wouldn't|will not|won't|did not|didn't|"
            r"has not|hasn't|have not|haven't|could not|couldn't|can't|cannot|no comment|"
            r"avoid\w*|sidestep\w*|dodg\w*|evad\w*|silent|mum|stopp\w* short|"
            r"not respond\w*|not return\w*|unavailable|not be reached|deflect\w*)\b",
            re.I,
        ),
        "cue",
    ),
    (
        "s5quest",
        40,
        re.compile(
            r"\?|\b(ask\w*|wonder\w*|whether|question\w*|unclear|puzzl\w*|pondere?\w*)\b", re.I
        ),
        "both",
    ),
    ("random", 90, None, "any"),
    # a second pass (after labelling the above: deny, downplay and no_comment were still
    # under 50), narrower and on the cue alone
    (
        "s5deny2",
        45,
        re.compile(
            r"\b(deni\w*|deny\w*|refut\w*|rebut\w*|disput\w*|push\w* back|contradict\w*|"
            r"reject\w*|disagree\w*|counter\w*|correct\w*|insist\w*)\b",
            re.I,
        ),
        "cue",
    ),
    (
        "s5down2",
        45,
        re.compile(
            r"\b(dismiss\w*|downplay\w*|play\w* down|brush\w*|shrug\w*|wav\w* off|laugh\w*|"
            r"scoff\w*|minimi[sz]\w*|belittl\w*|ridicul\w*|pooh\w*|joke\w*|joking)\b",
            re.I,
        ),
        "cue",
    ),
    (
        "s5refuse2",
        35,
        re.compile(
            r"\b(declin\w*|refus\w*|would not (say|comment|discuss|answer)|wouldn't (say|comment)|"
            r"not (immediately )?(respond|return|reply|comment)\w*|no comment|not be reached)\b",
            re.I,
        ),
        "cue",
    ),
]


def _text(d: dict, a: dict, where: str) -> str:
    cue = _cue(d, a)
    content = _content(d, a)
    head = " ".join(content.split()[:15])
    if where == "cue":
        return cue
    if where == "start":
        return content
    if where == "head":
        return head
    return f"{cue} {head} {content[-3:]}"


def pick5(path: str) -> list[tuple[dict, dict, str]]:
    docs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    taken = {(d["doc_id"], a["id"]) for d, a, _ in pick(path)}
    pool = [
        (d, a)
        for d in sorted(docs, key=lambda d: d["doc_id"])
        for a in d["attributions"]
        if a["cue"] and a["content"] and (d["doc_id"], a["id"]) not in taken
    ]
    chosen: list[tuple[dict, dict, str]] = []
    for k, (name, size, pattern, where) in enumerate(STRATA):
        cands = [
            (d, a)
            for d, a in pool
            if (d["doc_id"], a["id"]) not in taken
            and (pattern is None or pattern.search(_text(d, a, where)))
        ]
        random.Random(SEED + k).shuffle(cands)
        per_doc: Counter[str] = Counter()
        n = 0
        for d, a in cands:
            if per_doc[d["doc_id"]] >= 1:
                continue
            per_doc[d["doc_id"]] += 1
            taken.add((d["doc_id"], a["id"]))
            chosen.append((d, a, name))
            n += 1
            if n >= size:
                break
    return chosen


def main(argv: list[str]) -> None:
    report(pick5(argv[1]), "--show" in argv)


if __name__ == "__main__":
    main(sys.argv)
