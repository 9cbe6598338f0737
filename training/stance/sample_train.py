"""Draw the PolNeAR *train* attributions that are labelled by hand for the stance classifier.

PolNeAR train is never an evaluation set, so the sample may be enriched for the rare stances.
Three strata, drawn with a fixed seed (at most 3 attributions per article per stratum):

- ``hint``: a non-plain cue (not said/told/according to/added/wrote, the criterion of
  eval/tools/sample_stance_attributions.py) whose cue or content head shows a broad surface
  hint of a non-assert stance (a negation, a question mark, "if"/"unless", a refusal, asking or
  rejecting verb ...); the hint list is deliberately broad and is not the stance lexicon;
- ``other``: non-plain cues without such a hint;
- ``plain``: plain reporting cues (the bulk of real text);
- ``rare``: then, from what is left (any cue), a narrower hint of a denial, dismissal,
  refusal or condition in the cue or content head (:data:`RARE_HINT`), at most 2 per article;
- ``more`` (a second labelling round): from what is still left, the rare hint or a question
  hint (:data:`QUESTION_HINT`), at most 2 per article counting the ``rare`` ones;
- ``rebut`` (a third round): from what is still left, a rebutting or minimising cue
  (:data:`REBUT_CUE`) or a content head calling something untrue or trivial
  (:data:`UNTRUE_HEAD`), at most 2 per article.

``--show`` prints each item for the annotator (``[S ...]`` source, ``[C ...]`` cue,
``{...}`` content) with its key ``doc_id#attr_id``.

Usage: python training/stance/sample_train.py ../shared/corpora/polnear/train.jsonl --show
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

# the same "plain cue" test as the gold batches (b2, b4)
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval" / "tools"))
from sample_stance_attributions import has_plain_cue

HINT = re.compile(
    r"\?|\b(not|n't|never|no|nothing|if|unless|whether|why|how|what|deni\w*|deny\w*|reject\w*|"
    r"refus\w*|declin\w*|dismiss\w*|ask\w*|wonder\w*|question\w*|disput\w*|rebut\w*|"
    r"brush\w*|shrug\w*|scoff\w*|mock\w*|false|lie|lies|fake|hoax|nonsense|ridiculous|"
    r"absurd|avoid\w*|silent|respond\w*|comment\w*|play\w* down|downplay\w*|"
    r"contest\w*|challeng\w*|insist\w*|countered|pushed back)\b",
    re.I,
)
SIZES = {"hint": 270, "other": 90, "plain": 60}
#: a second, narrower draw for the rarest stances (deny, downplay, refusals, conditionals),
#: taken after the first three strata from what they left (any cue)
RARE_HINT = re.compile(
    r"\b(deni\w*|deny\w*|reject\w*|refut\w*|rebut\w*|disput\w*|dismiss\w*|brush\w*|"
    r"shrug\w*|scoff\w*|laugh\w* off|wav\w* off|play\w* down|downplay\w*|minimi[sz]\w*|"
    r"not true|untrue|false|a lie|lies|lying|fake|hoax|nonsense|ridiculous|absurd|overblown|"
    r"exaggerat\w*|no evidence|never happened|declin\w*|refus\w*|would not|wouldn't|"
    r"did not respond|didn't respond|unless|only if|as long as)\b",
    re.I,
)
RARE_SIZE = 130
#: a third draw (``more``), after the first labelling round: the rare hint or a question hint
QUESTION_HINT = re.compile(r"\?|\b(ask\w*|wonder\w*|whether|question\w*|unclear|puzzl\w*)\b", re.I)
MORE_SIZE = 200
#: a fourth draw (``rebut``, third labelling round) for the stances still rarest in the labels:
#: a rebutting or minimising cue, or a content head that calls something untrue or trivial
REBUT_CUE = re.compile(
    r"\b(insist\w*|contend\w*|maintain\w*|counter\w*|respond\w*|rebut\w*|push\w* back|"
    r"fir\w* back|hit\w* back|dismiss\w*|deni\w*|deny\w*|reject\w*|disput\w*|refut\w*|"
    r"challeng\w*|contradict\w*|defend\w*|brush\w*|shrug\w*|wav\w* off|laugh\w*|scoff\w*|"
    r"mock\w*|ridicul\w*|downplay\w*|play\w* down|minimi[sz]\w*|belittl\w*)\b",
    re.I,
)
UNTRUE_HEAD = re.compile(
    r"\b(not true|untrue|false|lie|lies|lying|nonsense|ridiculous|absurd|no evidence|never|"
    r"fake|hoax|overblown|exaggerat\w*|no big deal|distraction|baseless|myth|wrong|silly|"
    r"crazy|not a problem|no problem|nothing to do with)\b",
    re.I,
)
REBUT_SIZE = 120


def _cue(doc: dict, a: dict) -> str:
    return " ".join(doc["text"][s:e] for s, e in a["cue"]).lower()


def _content(doc: dict, a: dict) -> str:
    return " ".join(doc["text"][s:e] for s, e in a["content"])


def stratum(doc: dict, a: dict) -> str:
    if has_plain_cue(doc, a):
        return "plain"
    cue = _cue(doc, a)
    head = " ".join(_content(doc, a).split()[:12])
    tail = _content(doc, a).rstrip(" \"'”’)")[-1:]
    return "hint" if HINT.search(f"{cue} {head} {tail}") else "other"


def pick(path: str) -> list[tuple[dict, dict, str]]:
    docs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    pools: dict[str, list[tuple[dict, dict]]] = {k: [] for k in SIZES}
    for d in sorted(docs, key=lambda d: d["doc_id"]):
        for a in d["attributions"]:
            if a["cue"] and a["content"]:
                pools[stratum(d, a)].append((d, a))
    rng = random.Random(20261126)
    chosen = []
    for name, n in SIZES.items():
        pool = pools[name]
        rng.shuffle(pool)
        per_doc: Counter[str] = Counter()
        for d, a in pool:
            if per_doc[d["doc_id"]] >= 3:
                continue
            per_doc[d["doc_id"]] += 1
            chosen.append((d, a, name))
            if per_doc.total() >= n:
                break
    taken = {(d["doc_id"], a["id"]) for d, a, _ in chosen}
    rare = [
        (d, a)
        for name in SIZES
        for d, a in pools[name]
        if (d["doc_id"], a["id"]) not in taken
        and RARE_HINT.search(f"{_cue(d, a)} {' '.join(_content(d, a).split()[:15])}")
    ]
    rare.sort(key=lambda da: (da[0]["doc_id"], da[1]["id"]))
    random.Random(20261128).shuffle(rare)
    per_doc = Counter()
    for d, a in rare:
        if per_doc[d["doc_id"]] >= 2:
            continue
        per_doc[d["doc_id"]] += 1
        chosen.append((d, a, "rare"))
        if per_doc.total() >= RARE_SIZE:
            break
    taken = {(d["doc_id"], a["id"]) for d, a, _ in chosen}
    more = []
    for d, a in rare + [da for name in SIZES for da in pools[name]]:
        key = (d["doc_id"], a["id"])
        text = f"{_cue(d, a)} {' '.join(_content(d, a).split()[:15])} {_content(d, a)[-3:]}"
        if key not in taken and (RARE_HINT.search(text) or QUESTION_HINT.search(text)):
            taken.add(key)
            more.append((d, a))
    more.sort(key=lambda da: (da[0]["doc_id"], da[1]["id"]))
    random.Random(20261129).shuffle(more)
    per_doc = Counter(d["doc_id"] for d, _, name in chosen if name == "rare")
    for d, a in more:
        if per_doc[d["doc_id"]] >= 2:
            continue
        per_doc[d["doc_id"]] += 1
        chosen.append((d, a, "more"))
        if sum(1 for *_, name in chosen if name == "more") >= MORE_SIZE:
            break
    taken = {(d["doc_id"], a["id"]) for d, a, _ in chosen}
    rebut = []
    for name in SIZES:
        for d, a in pools[name]:
            head = " ".join(_content(d, a).split()[:12])
            if (d["doc_id"], a["id"]) not in taken and (
                REBUT_CUE.search(_cue(d, a)) or UNTRUE_HEAD.search(head)
            ):
                rebut.append((d, a))
    rebut.sort(key=lambda da: (da[0]["doc_id"], da[1]["id"]))
    random.Random(20261130).shuffle(rebut)
    per_doc = Counter()
    for d, a in rebut:
        if per_doc[d["doc_id"]] >= 2:
            continue
        per_doc[d["doc_id"]] += 1
        chosen.append((d, a, "rebut"))
        if per_doc.total() >= REBUT_SIZE:
            break
    return chosen


def window(a: dict) -> tuple[int, int]:
    spans = [s for role in ("source", "cue", "content") for s in a[role]]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def render(doc: dict, a: dict, limit: int = 420) -> str:
    text = doc["text"]
    start, end = window(a)
    marks = []
    for role, (o, c) in (("source", ("[S ", "]")), ("cue", ("[C ", "]")), ("content", ("{", "}"))):
        for s, e in a[role]:
            marks += [(s, 1, o), (e, 0, c)]
    out, pos = [], start
    for off, _, mark in sorted(marks):
        out += [text[pos:off], mark]
        pos = off
    out.append(text[pos:end])
    shown = "".join(out).replace("\n", " ")
    if len(shown) > limit:
        shown = shown[: limit - 80] + " … " + shown[-80:]
    return f"{shown}  ⟫{text[end : end + 60]!r}"


def report(chosen: list[tuple[dict, dict, str]], show: bool) -> None:
    """Print each drawn attribution for labelling (``show``), or the count per stratum."""
    if show:
        for k, (d, a, name) in enumerate(chosen):
            print(f"{k} {d['doc_id']}#{a['id']} [{name}]: {render(d, a)}")
    else:
        print(Counter(name for *_, name in chosen))


def main(argv: list[str]) -> None:
    report(pick(argv[1]), "--show" in argv)


if __name__ == "__main__":
    main(sys.argv)
