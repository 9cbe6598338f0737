"""The cue inventory of PolNeAR train and what the stance rules say about it.

Runs ``rule_stance`` over every gold attribution of ``../shared/corpora/polnear/train.jsonl``
(never an evaluation set) and writes one JSON line per attribution: its key, the cue text,
the first content words, the rules' label and, where it is one of the hand-labelled train
rows, that label. With ``--cues`` it prints the normalised cue strings with their frequency
and how often the rules give each label to them; with ``--grep REGEX`` the attributions whose
cue + content head match, to check what a new lexicon entry or pattern would fire on.

Usage: PYTHONPATH=src OMP_NUM_THREADS=1 python training/stance/cue_inventory.py OUT.jsonl
       [--cues] [--min N] [--grep REGEX] [--label LABEL]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from claimtrace.evaluation.stance import claim_of, default_corpus
from claimtrace.extract.stance import _content_head, _joined, _norm, rule_stance

HERE = Path(__file__).resolve().parent


def inventory(corpus: Path) -> list[dict[str, str]]:
    """One row per train attribution: key, cue, content head, rules' label, hand label."""
    labels = {
        f"{r['doc_id']}#{r['attr_id']}": r["stance"]
        for r in map(json.loads, (HERE / "stance-polnear-train.jsonl").read_text().splitlines())
    }
    rows = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            for a in doc["attributions"]:
                if not a.get("cue"):
                    continue
                key = f"{doc['doc_id']}#{a['id']}"
                c = claim_of({**a, "doc_id": doc["doc_id"], "attr_id": a["id"]}, doc["text"])
                rows.append(
                    {
                        "key": key,
                        "cue": _norm(_joined(c.cue)),
                        "head": _content_head(c, 14),
                        "rules": rule_stance(doc["text"], c).value,
                        "label": labels.get(key, ""),
                    }
                )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path, help="cache of the inventory (JSONL); reused if present")
    ap.add_argument("--corpus", type=Path, default=None, help="PolNeAR train.jsonl")
    ap.add_argument("--cues", action="store_true", help="print cue frequencies and labels")
    ap.add_argument("--min", type=int, default=3, help="least frequency printed by --cues")
    ap.add_argument("--grep", default=None, help="print rows whose cue + head match")
    ap.add_argument("--label", default=None, help="with --grep: only rows the rules give this")
    args = ap.parse_args()
    if args.out.exists():
        rows = [json.loads(x) for x in args.out.read_text().splitlines()]
    else:
        rows = inventory(args.corpus or default_corpus().with_name("train.jsonl"))
        args.out.write_text("".join(json.dumps(r) + "\n" for r in rows))
    if args.cues:
        by_cue: dict[str, Counter[str]] = defaultdict(Counter)
        for r in rows:
            by_cue[" ".join(r["cue"].split())][r["rules"]] += 1
        for cue, counts in sorted(by_cue.items(), key=lambda kv: -sum(kv[1].values())):
            if sum(counts.values()) >= args.min:
                print(f"{sum(counts.values()):>6}  {cue:<40} {dict(counts)}")
    if args.grep:
        rx = re.compile(args.grep)
        hits = [r for r in rows if rx.search(f"{r['cue']} || {r['head']}")]
        hits = [r for r in hits if args.label is None or r["rules"] == args.label]
        print(f"{len(hits)} attributions match", Counter(r["rules"] for r in hits))
        for r in hits:
            print(f"{r['rules']:>11} {r['label'] or '-':>11}  [{r['cue']}] {r['head']}")


if __name__ == "__main__":
    main()
