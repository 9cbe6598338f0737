"""Pooled non-assert figures and a document-level bootstrap for stance macro-F1.

Reads one or more (gold file, split, predictions) triples, the predictions written by
``claimtrace eval stance GOLD --split SPLIT --predictions PRED`` (same order as the gold
records of that split), and prints, over all triples together: stance macro-F1 (labels
present), pooled P/R/F1 over the five non-assert labels (a non-assert prediction is right
when it equals the gold label), and a 95% bootstrap interval of the macro-F1 resampling
documents (1,000 draws, seed 0).

Usage: PYTHONPATH=src python eval/tools/stance_pooled.py \
           eval/gold/stance-fnc1-b5.jsonl test b5-test.jsonl \
           [eval/gold/stance-polnear-dev.jsonl heldout heldout.jsonl ...]
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict

from claimtrace.evaluation.stance import LabelScores, load_gold


def pairs(args: list[str]) -> list[tuple[str, str, str]]:
    out = []
    for k in range(0, len(args), 3):
        gold_path, split, pred_path = args[k : k + 3]
        gold = load_gold(gold_path, split)
        with open(pred_path, encoding="utf-8") as fh:
            pred = [json.loads(line)["stance"] for line in fh if line.strip()]
        if len(gold) != len(pred):
            raise SystemExit(f"{pred_path}: {len(pred)} predictions for {len(gold)} gold records")
        doc = lambda r: f"{r.get('corpus', 'polnear')}:{r['doc_id']}"  # noqa: E731
        out += [(doc(g), g["stance"], p) for g, p in zip(gold, pred, strict=True)]
    return out


def macro(items: list[tuple[str, str, str]]) -> float:
    ls = LabelScores()
    for _, g, p in items:
        ls.add(g, p)
    return ls.macro_f1()


def main() -> None:
    items = pairs(sys.argv[1:])
    tp = sum(g == p != "assert" for _, g, p in items)
    fp = sum(p != "assert" and g != p for _, g, p in items)
    fn = sum(g != "assert" and g != p for _, g, p in items)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    by_doc = defaultdict(list)
    for item in items:
        by_doc[item[0]].append(item)
    docs = sorted(by_doc)
    rng = random.Random(0)
    draws = sorted(
        macro([x for d in rng.choices(docs, k=len(docs)) for x in by_doc[d]]) for _ in range(1000)
    )
    n_rare = sum(g != "assert" for _, g, _ in items)
    print(f"attributions {len(items)} (non-assert gold {n_rare}), documents {len(docs)}")
    low, high = draws[25], draws[974]
    print(f"stance macro-F1 {macro(items):.3f}  (95% document bootstrap {low:.2f}-{high:.2f})")
    print(
        f"pooled non-assert P / R / F1 {prec:.3f} / {rec:.3f} / {f1:.3f}  "
        f"(right {tp}, false {fp}, missed {fn})"
    )


if __name__ == "__main__":
    main()
