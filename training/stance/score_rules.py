"""Score the stance rules alone on the hand-labelled PolNeAR *train* attributions.

Prints the confusion matrix, per-label P / R / F1, macro-F1 and accuracy of
``claimtrace.extract.stance.rule_stance`` on ``stance-polnear-train.jsonl`` (texts from
``../shared/corpora/polnear/train.jsonl``), then the macro-F1 on the *dev* split of the stance
gold; with ``--errors`` also every train error with its cue and content head. The held-out
gold split is not read.

Usage: PYTHONPATH=src OMP_NUM_THREADS=1 python training/stance/score_rules.py [--errors]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from claimtrace.evaluation.stance import claim_of, default_corpus, load_gold, load_texts
from claimtrace.extract.stance import _content_head, _joined, rule_stance

HERE = Path(__file__).resolve().parent
LABELS = ("assert", "question", "no_comment", "deny", "downplay", "conditional")
GOLD = HERE.parents[1] / "eval" / "gold" / "stance-polnear-dev.jsonl"


def scores(gold: list[str], pred: list[str]) -> tuple[dict[str, tuple[float, float, float]], float]:
    """Per-label (P, R, F1) and the macro-F1 over the labels that occur in gold or pred."""
    out = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[label] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    present = [x for x in LABELS if x in gold or x in pred]
    return out, sum(out[x][2] for x in present) / len(present)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=None, help="PolNeAR train.jsonl")
    ap.add_argument("--errors", action="store_true", help="list the train errors")
    args = ap.parse_args()
    corpus = args.corpus or default_corpus().with_name("train.jsonl")
    rows = [json.loads(x) for x in (HERE / "stance-polnear-train.jsonl").read_text().splitlines()]
    texts = load_texts(corpus, {r["doc_id"] for r in rows})
    gold, pred, errors = [], [], []
    for r in rows:
        text = texts[r["doc_id"]]
        c = claim_of(r, text)
        p = rule_stance(text, c).value
        gold.append(r["stance"])
        pred.append(p)
        if p != r["stance"]:
            errors.append((r["stance"], p, f"{r['doc_id']}#{r['attr_id']}", c))
    matrix = Counter(zip(gold, pred, strict=True))
    print("gold \\ pred  " + " ".join(f"{x[:7]:>7}" for x in LABELS))
    for g in LABELS:
        print(f"{g:>11}  " + " ".join(f"{matrix[(g, p)]:>7}" for p in LABELS))
    per, macro = scores(gold, pred)
    for label, (p, r, f) in per.items():
        print(f"{label:>11}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  n {gold.count(label)}")
    right = sum(g == p for g, p in zip(gold, pred, strict=True))
    print(f"train labels ({len(gold)}): macro-F1 {macro:.3f}, accuracy {right / len(gold):.3f}")
    dev = load_gold(GOLD, "dev", None)
    dev_texts = load_texts(default_corpus(), {r["doc_id"] for r in dev})
    dev_pred = [
        rule_stance(dev_texts[r["doc_id"]], claim_of(r, dev_texts[r["doc_id"]])).value for r in dev
    ]
    print(f"gold dev ({len(dev)}): macro-F1 {scores([r['stance'] for r in dev], dev_pred)[1]:.3f}")
    if args.errors:
        for g, p, key, c in sorted(errors, key=lambda e: e[:2]):
            print(f"gold {g} pred {p} {key} cue=[{_joined(c.cue)}] head=[{_content_head(c, 10)}]")


if __name__ == "__main__":
    main()
