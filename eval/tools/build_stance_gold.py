"""Turn the hand annotations (eval/gold/annotations/stance-*.txt) into the stance gold JSONL.

Annotation lines under a ``=== doc_id`` header: ``<attr id> <stance> <basis> <modality>
[word[#n]:carrier ...]`` with one-letter codes (see the file header). This script only
looks up the PolNeAR spans of each attribution and the offsets of the hedge words the
annotator named (the n-th whole-word, case-insensitive occurrence inside the
attribution's window); every label was written by the annotator. The article texts are
not copied: offsets point into ../shared/corpora/polnear/dev.jsonl.

Usage: python eval/tools/build_stance_gold.py ../shared/corpora/polnear/dev.jsonl \
           eval/gold/annotations > eval/gold/stance-polnear-dev.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_stance_attributions import split_of, window

STANCE = {
    "A": "assert",
    "D": "deny",
    "P": "downplay",
    "C": "conditional",
    "N": "no_comment",
    "Q": "question",
}
BASIS = {"n": "unstated", "d": "disclosed", "x": "undisclosed"}
MODALITY = {"h": "happened", "e": "expected", "u": "unknown"}


def batch_order(path: Path) -> tuple[int, str]:
    """Sort key of an annotation file: by batch number ("stance-b10" after "stance-b6", not
    between b1 and b2 as a plain string sort would put it), then by name."""
    digits = "".join(ch for ch in path.stem.rsplit("-b", 1)[-1] if ch.isdigit())
    return (int(digits) if digits else 0, path.name)


def main() -> None:
    corpus = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
    docs = {d["doc_id"]: d for d in map(json.loads, corpus)}
    doc = None
    for path in sorted(Path(sys.argv[2]).glob("stance-*.txt"), key=batch_order):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("==="):
                doc = docs[line[3:].strip()]
                attrs = {a["id"]: a for a in doc["attributions"]}
                continue
            parts = line.split()
            attr = attrs[parts[0]]
            start, end = window(attr)
            hedges = []
            for item in parts[4:]:
                word, carrier = item.rsplit(":", 1)
                nth = 1
                if "#" in word:
                    word, n = word.split("#")
                    nth = int(n)
                hits = [
                    m
                    for m in re.finditer(
                        rf"\b{re.escape(word)}\b", doc["text"][start:end], re.IGNORECASE
                    )
                ]
                m = hits[nth - 1]
                hedges.append(
                    {
                        "start": start + m.start(),
                        "end": start + m.end(),
                        "text": m.group(0),
                        "cue": word.lower(),
                        "carrier": carrier,
                    }
                )
            print(
                json.dumps(
                    {
                        "doc_id": doc["doc_id"],
                        "attr_id": attr["id"],
                        "publisher": doc["publisher"],
                        "split": split_of(doc["doc_id"]),
                        "window": [start, end],
                        "type": attr["type"],
                        "source": attr["source"],
                        "cue": attr["cue"],
                        "content": attr["content"],
                        "batch": path.stem,
                        "stance": STANCE[parts[1]],
                        "basis": BASIS[parts[2]],
                        "modality": MODALITY[parts[3]],
                        "hedges": hedges,
                    }
                )
            )


if __name__ == "__main__":
    main()
