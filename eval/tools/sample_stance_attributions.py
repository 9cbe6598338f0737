"""Pick the PolNeAR dev articles whose gold attributions make the stance gold set.

Two articles per publisher with 12-35 attributions each (topped up with a third
article of the first publishers until there are 320 attributions), drawn with a fixed seed, every
attribution of an article annotated (the natural distribution of stances, no keyword
filtering). An article goes to the held-out test part when md5(doc_id) % 5 < 2.

``--show`` prints each attribution's window (from its first to its last role character)
with the roles marked, for the annotator: [S ...] source, [C ...] cue, {...} content.

Usage: python eval/tools/sample_stance_attributions.py \
           ../shared/corpora/polnear/dev.jsonl [--show|--enriched|--fresh|--b4|--b6|--b10|--b12]
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path


def split_of(doc_id: str) -> str:
    return "test" if int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 5 < 2 else "dev"


def pick(path: str, per_publisher: int = 2, min_total: int = 320) -> list[dict]:
    docs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    by_pub: dict[str, list[dict]] = defaultdict(list)
    for d in docs:
        if 12 <= len(d["attributions"]) <= 35:
            by_pub[d["publisher"]].append(d)
    rng = random.Random(20261126)
    chosen, spare = [], []
    for pub in sorted(by_pub):
        pool = sorted(by_pub[pub], key=lambda d: d["doc_id"])
        rng.shuffle(pool)
        chosen.extend(pool[:per_publisher])
        spare.extend(pool[per_publisher : per_publisher + 1])
    # top up with each publisher's next article until there are min_total attributions
    for d in spare:
        if sum(len(c["attributions"]) for c in chosen) >= min_total:
            break
        chosen.append(d)
    return chosen


def window(attr: dict) -> tuple[int, int]:
    spans = [s for role in ("source", "cue", "content") for s in attr[role]]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def show(doc: dict, attrs: list[dict] | None = None, header: bool = True) -> None:
    text = doc["text"]
    if header:
        print(f"=== {doc['doc_id']} ({split_of(doc['doc_id'])})")
    for a in (
        attrs if attrs is not None else sorted(doc["attributions"], key=lambda a: window(a)[0])
    ):
        start, end = window(a)
        marks = []
        for role, (o, c) in (
            ("source", ("[S ", "]")),
            ("cue", ("[C ", "]")),
            ("content", ("{", "}")),
        ):
            for s, e in a[role]:
                marks.append((s, 1, o))
                marks.append((e, 0, c))
        out, pos = [], start
        for off, _, mark in sorted(marks):
            out.append(text[pos:off])
            out.append(mark)
            pos = off
        out.append(text[pos:end])
        tail = text[end : end + 80].replace("\n", " ")
        print(f"{a['id']}: {''.join(out)}  ⟫{tail}")


PLAIN_CUE_WORDS = frozenset(
    [
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "tell",
        "according",
        "to",
        "added",
        "adds",
        "adding",
        "wrote",
        "writes",
        "write",
        "has",
        "have",
        "had",
        "also",
        "later",
        "then",
        "in",
        "a",
        "an",
        "statement",
        "interview",
        "reporters",
        ":",
        ",",
        "on",
    ]
)


def has_plain_cue(doc: dict, att: dict) -> bool:
    """Whether the attribution's cue is made only of plain reporting words ("said", "told
    reporters", "according to"): the selection criterion of batches b2 and b4. An empty cue
    counts as plain."""
    cue = " ".join(doc["text"][s:e] for s, e in att["cue"]).lower()
    words = set(cue.replace(":", " : ").split())
    return not words or words <= PLAIN_CUE_WORDS


def pick_enriched(path: str, n: int = 160) -> list[tuple[dict, dict]]:
    """Batch 2: attributions from the other dev articles whose cue is not a plain
    reporting cue (said/told/according to/added/wrote). The filter knows nothing of the
    stance lexicon; it only skips the plain cues that make up most of batch 1."""
    docs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    taken = {d["doc_id"] for d in pick(path)}
    pool = []
    for d in sorted(docs, key=lambda d: d["doc_id"]):
        if d["doc_id"] in taken:
            continue
        for a in d["attributions"]:
            if not has_plain_cue(d, a):
                pool.append((d, a))
    rng = random.Random(20261127)
    rng.shuffle(pool)
    chosen = pool[:n]
    chosen.sort(key=lambda da: (da[0]["doc_id"], window(da[1])[0]))
    return chosen


def pick_fresh(path: str, n: int = 150) -> list[tuple[dict, dict]]:
    """Batch 3, drawn after the rules were frozen: attributions at random (any cue) from
    the articles of neither batch 1 nor batch 2's picks."""
    docs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    taken_docs = {d["doc_id"] for d in pick(path)}
    taken = {(d["doc_id"], a["id"]) for d, a in pick_enriched(path)}
    pool = [
        (d, a)
        for d in sorted(docs, key=lambda d: d["doc_id"])
        if d["doc_id"] not in taken_docs
        for a in d["attributions"]
        if (d["doc_id"], a["id"]) not in taken
    ]
    rng = random.Random(20261128)
    rng.shuffle(pool)
    chosen = pool[:n]
    chosen.sort(key=lambda da: (da[0]["doc_id"], window(da[1])[0]))
    return chosen


EARLIER_BATCHES = frozenset(["stance-b1", "stance-b2", "stance-b3"])


def _annotated(
    gold: str, batches: frozenset[str] = EARLIER_BATCHES
) -> tuple[set[str], set[tuple[str, str]]]:
    """(articles that gave dev-split attributions to the development batches b1/b2,
    every (doc_id, attr_id) of ``batches`` in the gold file)."""
    rows = [json.loads(line) for line in Path(gold).read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["batch"] in batches]  # reproducible once later batches are in
    developed = {
        r["doc_id"]
        for r in rows
        if r["split"] == "dev" and r["batch"] in ("stance-b1", "stance-b2")
    }
    return developed, {(r["doc_id"], r["attr_id"]) for r in rows}


def pick_b4(
    path: str, gold: str = "eval/gold/stance-polnear-dev.jsonl", n_enriched: int = 132
) -> list[tuple[dict, dict]]:
    """Batch 4, drawn after the session-2 rules were frozen, to make the held-out figure less
    noisy. PolNeAR dev has only 10 articles that no earlier batch touched (78 attributions),
    so the batch is (a) every attribution of those 10 articles (natural distribution) plus
    (b) ``n_enriched`` attributions drawn at random among the not yet annotated attributions
    with a non-plain cue (the batch-2 criterion, :data:`PLAIN_CUE_WORDS`) of the articles that
    only held-out batches used (never an article whose attributions served to develop rules).
    The criterion reads only the cue's words, nothing of the stance lexicon or the model."""
    docs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    developed, annotated = _annotated(gold)
    used = {doc_id for doc_id, _ in annotated}
    whole, pool = [], []
    for d in sorted(docs, key=lambda d: d["doc_id"]):
        if d["doc_id"] in developed:
            continue
        for a in d["attributions"]:
            if (d["doc_id"], a["id"]) in annotated:
                continue
            if d["doc_id"] not in used:
                whole.append((d, a))
                continue
            if not has_plain_cue(d, a):
                pool.append((d, a))
    rng = random.Random(20261129)
    rng.shuffle(pool)
    chosen = whole + pool[:n_enriched]
    chosen.sort(key=lambda da: (da[0]["doc_id"], window(da[1])[0]))
    return chosen


#: The batches that precede batch 6 (what it must not draw again).
BEFORE_B6 = frozenset(["stance-b1", "stance-b2", "stance-b3", "stance-b4"])


def pick_b6(
    path: str,
    gold: str = "eval/gold/stance-polnear-dev.jsonl",
    n_random: int = 120,
    n_enriched: int = 180,
) -> list[tuple[dict, dict]]:
    """Batch 6 (session 6), drawn with the session-5 rules and backup frozen, to decide
    whether the learned backup stays on. From every PolNeAR dev attribution that no earlier
    batch (b1-b4) labelled: (a) ``n_random`` at random, any cue (the natural distribution of
    what is left), then (b) ``n_enriched`` at random among the rest whose cue is not a plain
    reporting cue (the b2/b4 criterion, :func:`has_plain_cue`, which reads only the cue's
    words). PolNeAR dev has no untouched article left, so the draw is over attributions; the
    whole batch is held out. Seed 20261207, recorded here."""
    return _fresh_draw(path, gold, BEFORE_B6, 20261207, n_random, n_enriched)


def _fresh_draw(
    path: str,
    gold: str,
    before: frozenset[str],
    seed: int,
    n_random: int,
    n_enriched: int,
    total: int | None = None,
) -> list[tuple[dict, dict]]:
    """The draw of batches b6, b10 and b12: from every PolNeAR dev attribution that no batch
    in ``before`` labelled, ``n_random`` at random, then ``n_enriched`` at random among the
    rest whose cue is not a plain reporting cue; in document and text order. With ``total``
    (b12) the order is the other way round: first ``n_enriched`` non-plain cues, then random
    attributions among the rest until the batch has ``total`` (``n_random`` is ignored)."""
    docs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    _developed, annotated = _annotated(gold, before)
    pool = [
        (d, a)
        for d in sorted(docs, key=lambda d: d["doc_id"])
        for a in sorted(d["attributions"], key=lambda a: a["id"])
        if (d["doc_id"], a["id"]) not in annotated
    ]
    rng = random.Random(seed)
    rng.shuffle(pool)
    if total is None:
        natural, rest = pool[:n_random], pool[n_random:]
        chosen = natural + [(d, a) for d, a in rest if not has_plain_cue(d, a)][:n_enriched]
    else:
        enriched = [(d, a) for d, a in pool if not has_plain_cue(d, a)][:n_enriched]
        rest = [(d, a) for d, a in pool if has_plain_cue(d, a)]
        chosen = enriched + rest[: max(0, total - len(enriched))]
    chosen.sort(key=lambda da: (da[0]["doc_id"], window(da[1])[0]))
    return chosen


#: The batches that precede batch 10 (what it must not draw again).
BEFORE_B10 = BEFORE_B6 | {"stance-b6"}


def pick_b10(
    path: str,
    gold: str = "eval/gold/stance-polnear-dev.jsonl",
    n_random: int = 200,
    n_enriched: int = 200,
) -> list[tuple[dict, dict]]:
    """Batch 10 (session 10), drawn to enlarge the held-out set, whose rare stances (deny,
    downplay, no_comment, conditional, question) had very few examples. From every PolNeAR dev
    attribution that no earlier batch (b1-b6) labelled: (a) ``n_random`` at random, any cue
    (the natural distribution of what is left), then (b) ``n_enriched`` at random among the
    rest whose cue is not a plain reporting cue (the b2/b4/b6 criterion, :func:`has_plain_cue`,
    which reads only the cue's words). The draw is over attributions, as for b6; the whole
    batch is held out. Seed 20261208, recorded here."""
    return _fresh_draw(path, gold, BEFORE_B10, 20261208, n_random, n_enriched)


#: The batches that precede batch 12 (what it must not draw again).
BEFORE_B12 = BEFORE_B10 | {"stance-b10"}


def pick_b12(
    path: str,
    gold: str = "eval/gold/stance-polnear-dev.jsonl",
    total: int = 350,
) -> list[tuple[dict, dict]]:
    """Batch 12 (session 11), drawn to enlarge the held-out counts of the rare stances again.
    From every PolNeAR dev attribution that no earlier batch (b1-b6, b10) labelled: (a) every
    one whose cue is not a plain reporting cue (the b2/b4/b6/b10 criterion,
    :func:`has_plain_cue`, which reads only the cue's words), then (b) attributions at random
    among the rest until the batch has ``total`` (all that remain if fewer). The whole batch
    is held out. Seed 20261210, recorded here."""
    return _fresh_draw(path, gold, BEFORE_B12, 20261210, 0, 10**9, total=total)


if __name__ == "__main__":
    if any(flag in sys.argv for flag in ("--b4", "--b6", "--b10", "--b12")):
        last = None
        picker = next(
            p
            for flag, p in (
                ("--b12", pick_b12),
                ("--b10", pick_b10),
                ("--b6", pick_b6),
                ("--b4", pick_b4),
            )
            if flag in sys.argv
        )
        for d, a in picker(sys.argv[1]):
            show(d, [a], header=d["doc_id"] != last)
            last = d["doc_id"]
        sys.exit(0)
    if "--enriched" in sys.argv or "--fresh" in sys.argv:
        last = None
        picker = pick_fresh if "--fresh" in sys.argv else pick_enriched
        for d, a in picker(sys.argv[1]):
            show(d, [a], header=d["doc_id"] != last)
            last = d["doc_id"]
        sys.exit(0)
    chosen = pick(sys.argv[1])
    if "--show" in sys.argv:
        for d in chosen:
            show(d)
    else:
        for d in chosen:
            print(d["doc_id"], split_of(d["doc_id"]), len(d["attributions"]))
