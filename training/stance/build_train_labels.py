"""Join the hand labels (annotations.txt) with the drawn attributions' spans.

Writes ``training/stance/stance-polnear-train.jsonl``: one object per labelled attribution
with ``doc_id``, ``attr_id``, ``publisher``, ``stratum`` (see sample_train.py), the PolNeAR
``source``/``cue``/``content`` spans (offsets into the train article text, which is not
copied) and ``stance``.

Usage: python training/stance/build_train_labels.py ../shared/corpora/polnear/train.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sample_round5 import pick5
from sample_train import pick

HERE = Path(__file__).resolve().parent
LABELS = frozenset(["assert", "deny", "downplay", "conditional", "no_comment", "question"])


def main(corpus: str) -> None:
    labels = {}
    for line in (HERE / "annotations.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, label = line.split()
            labels[key] = label
    # session 5: a fifth draw (sample_round5.py), labels in annotations-s5.txt
    for line in (HERE / "annotations-s5.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, label, _stratum = line.split()
            labels[key] = label
    rows = []
    for d, a, name in pick(corpus) + pick5(corpus):
        label = labels[f"{d['doc_id']}#{a['id']}"]
        if label not in LABELS:
            continue  # a comment request: not a claim
        rows.append(
            {
                "doc_id": d["doc_id"],
                "attr_id": a["id"],
                "publisher": d["publisher"],
                "stratum": name,
                "source": a["source"],
                "cue": a["cue"],
                "content": a["content"],
                "stance": label,
            }
        )
    out = HERE / "stance-polnear-train.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {out} ({len(rows)} rows)")


if __name__ == "__main__":
    main(sys.argv[1])
