"""Draw stance gold batch b5 from FNC-1 article bodies (Emergent rumour news, 2014-15).

PolNeAR dev has no untouched articles left, so batch b5 comes from another corpus: the
FNC-1 training bodies (``../shared/corpora/fnc1/train_bodies.csv``; research use, see its
PROVENANCE.md). FNC-1 has no attribution annotation, so claimtrace's own attribution
extractor (the packaged role tagger, ``claimtrace_attribution``) proposes CANDIDATE
attributions; only their source/cue/content spans are kept, never a predicted stance,
hedge, basis or modality, so the annotator labels blind. The annotator then fixes a clearly
wrong span or drops a candidate that is not an attribution (``eval/gold/annotations``).

Selection (seed 20261130), over the bodies of 300-6,000 characters in random order:
- (a) ``--whole`` bodies (default 20): every candidate of the body (natural distribution);
- (b) from the next bodies, candidates whose cue is not a plain reporting cue
  (:func:`sample_stance_attributions.has_plain_cue`, the b2/b4 criterion, which reads only the
  cue's words), at most ``--per-body`` (2) per body, until ``--enriched`` (280) are drawn.
A body goes to the held-out **test** half when md5("fnc1:<Body ID>") % 2 == 0, else to
**dev** (rules may be developed on b5-dev only).

Batch b16 (``--b16``, seed 20261214), the same way, for a fresh held-out batch: the bodies of
every earlier FNC-1 gold set are left out (every body of ``candidates-b5.jsonl`` and
``stance-fnc1-b5.jsonl``, every ``fnc1:`` doc of the other gold files in ``eval/gold``, and
the Body IDs of ``--exclude`` files, e.g. the 6 bodies of sources batch b15), and so is
every body whose first 200 characters equal an excluded body's (FNC-1 repeats articles);
then ``--whole`` (10) whole bodies and up to 2 non-plain-cue candidates per body of the next
bodies until ``--enriched`` (330) are drawn. Every b16 body goes to **test** (the whole batch
is held out; no md5 half split).

Usage: PYTHONPATH=src python eval/tools/sample_fnc1_stance.py \
           ../shared/corpora/fnc1/train_bodies.csv > eval/gold/annotations/candidates-b5.jsonl
       python eval/tools/sample_fnc1_stance.py --show eval/gold/annotations/candidates-b5.jsonl \
           ../shared/corpora/fnc1/train_bodies.csv
       PYTHONPATH=src python eval/tools/sample_fnc1_stance.py --b16 --exclude B15_IDS \
           ../shared/corpora/fnc1/train_bodies.csv > eval/gold/annotations/candidates-b16.jsonl
       python eval/tools/sample_fnc1_stance.py --show eval/gold/annotations/candidates-b16.jsonl \
           ../shared/corpora/fnc1/train_bodies.csv
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_stance_attributions import has_plain_cue, show

SEED = 20261130
SEED_B16 = 20261214
GOLD = Path(__file__).resolve().parents[1] / "gold"


def split_of_body(doc_id: str) -> str:
    """dev or test half of batch b5, by body (seeded by the prefix, reproducible)."""
    return "test" if int(hashlib.md5(f"fnc1:{doc_id}".encode()).hexdigest(), 16) % 2 == 0 else "dev"


def read_bodies(path: str | Path) -> dict[str, str]:
    """FNC-1 bodies by Body ID (as a string); the text exactly as in the CSV."""
    csv.field_size_limit(10**7)
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return {row["Body ID"].strip(): row["articleBody"] for row in csv.DictReader(fh)}


def candidates(texts: dict[str, str], model: str = "blank") -> dict[str, list[dict]]:
    """Candidate attributions per body: spans only (no stance, hedge or basis is kept)."""
    from claimtrace.nlp.pipeline import build_pipeline

    nlp = build_pipeline(model, components=("claimtrace_attribution",))
    out = {}
    ids = list(texts)
    for doc_id, doc in zip(ids, nlp.pipe(texts[i] for i in ids), strict=True):
        attrs = []
        for n, c in enumerate(doc._.ct_claims, 1):
            attrs.append(
                {
                    "id": f"C{n}",
                    "source": [[s.start, s.end] for s in c.source],
                    "cue": [[s.start, s.end] for s in c.cue],
                    "content": [[s.start, s.end] for s in c.content],
                }
            )
        out[doc_id] = attrs
    return out


def earlier_bodies(extra: list[str | Path] = ()) -> set[str]:
    """Body IDs of every FNC-1 body an earlier gold set uses (b5, the sources gold, ...)."""
    ids: set[str] = set()
    for path in sorted(GOLD.rglob("*")):
        if not path.is_file() or path.suffix not in (".jsonl", ".txt"):
            continue
        if "b16" in path.name:
            continue
        text = path.read_text(encoding="utf-8")
        ids.update(re.findall(r"\bfnc1:(\d+)\b", text))
        if path.suffix == ".jsonl" and ("fnc1" in path.name or path.name == "candidates-b5.jsonl"):
            ids.update(str(json.loads(x)["doc_id"]) for x in text.splitlines() if x.strip())
    for path in extra:
        ids.update(re.findall(r"\d+", Path(path).read_text(encoding="utf-8")))
    return ids


def without_near_duplicates(texts: dict[str, str], excluded: set[str]) -> set[str]:
    """``excluded`` plus every body whose first 200 characters equal an excluded body's."""
    heads = {texts[i][:200] for i in excluded if i in texts}
    return excluded | {i for i, t in texts.items() if t[:200] in heads}


def draw(
    texts: dict[str, str],
    *,
    whole: int = 20,
    enriched: int = 280,
    per_body: int = 2,
    seed: int = SEED,
    excluded: set[str] = frozenset(),
    split: str | None = None,
) -> list[dict]:
    eligible = sorted(
        (i for i, t in texts.items() if 300 <= len(t) <= 6000 and i not in excluded), key=int
    )
    rng = random.Random(seed)
    rng.shuffle(eligible)
    whole_ids = eligible[:whole]
    chosen: list[dict] = []
    for doc_id, attrs in candidates({i: texts[i] for i in whole_ids}).items():
        for a in attrs:
            chosen.append({"doc_id": doc_id, "part": "whole", **a})
    rest = eligible[whole:]
    n = 0
    for start in range(0, len(rest), 40):  # extract in chunks until enough are drawn
        chunk = rest[start : start + 40]
        for doc_id, attrs in candidates({i: texts[i] for i in chunk}).items():
            doc = {"text": texts[doc_id]}
            pool = [a for a in attrs if a["cue"] and not has_plain_cue(doc, a)]
            rng.shuffle(pool)
            for a in sorted(pool[:per_body], key=lambda a: a["id"]):
                if n < enriched:
                    chosen.append({"doc_id": doc_id, "part": "enriched", **a})
                    n += 1
        if n >= enriched:
            break
    for c in chosen:
        c["split"] = split or split_of_body(c["doc_id"])
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", default=None, help="candidates JSONL to print for annotation")
    ap.add_argument("bodies")
    ap.add_argument("--whole", type=int, default=None)
    ap.add_argument("--enriched", type=int, default=None)
    ap.add_argument("--b16", action="store_true", help="draw batch b16 (seed 20261214, all test)")
    ap.add_argument("--exclude", action="append", default=[], help="file of Body IDs to leave out")
    ap.add_argument("--context", type=int, default=0, help="with --show: characters before each")
    args = ap.parse_args()
    texts = read_bodies(args.bodies)
    if args.show:
        rows = [json.loads(x) for x in Path(args.show).read_text(encoding="utf-8").splitlines()]
        last = None
        for r in rows:
            doc = {"doc_id": r["doc_id"], "text": texts[r["doc_id"]]}
            if r["doc_id"] != last:
                print(f"=== {r['doc_id']} ({r['split']}, {r['part']})")
            if args.context:
                from sample_stance_attributions import window

                start = window(r)[0]
                before = texts[r["doc_id"]][max(0, start - args.context) : start]
                print("   ⟪" + before.replace("\n", " "))
            show(doc, [r], header=False)
            last = r["doc_id"]
        return
    if args.b16:
        excluded = without_near_duplicates(texts, earlier_bodies(args.exclude))
        print(f"b16: {len(excluded)} bodies excluded", file=sys.stderr)
        chosen = draw(
            texts,
            whole=10 if args.whole is None else args.whole,
            enriched=330 if args.enriched is None else args.enriched,
            seed=SEED_B16,
            excluded=excluded,
            split="test",
        )
    else:
        chosen = draw(
            texts,
            whole=20 if args.whole is None else args.whole,
            enriched=280 if args.enriched is None else args.enriched,
        )
    for c in chosen:
        print(json.dumps(c))


if __name__ == "__main__":
    main()
