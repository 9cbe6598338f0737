"""Convert PolNeAR JSONL into spaCy DocBin files for the attribution role tagger.

Every attribution role fragment becomes an entity labelled SOURCE, CUE or CONTENT on a
blank English tokenisation of the article (no sentence boundaries: quotes may run over
several sentences). Overlapping fragments (PolNeAR's shared sources) keep the first.

    python training/attribution/convert.py ../shared/corpora/polnear/train.jsonl train.spacy
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import filter_spans

ROLES = {"source": "SOURCE", "cue": "CUE", "content": "CONTENT"}


def doc_from_record(nlp, record: dict):
    text = record["text"]
    doc = nlp.make_doc(text)
    spans = []
    for att in record.get("attributions", []):
        for role, label in ROLES.items():
            for start, end in att.get(role) or []:
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if start >= end:
                    continue
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                if span is not None and len(span):
                    spans.append(span)
    # keep the first annotation of any token (shared sources repeat the same span)
    seen: set[int] = set()
    kept = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        toks = set(range(span.start, span.end))
        if toks & seen:
            continue
        seen |= toks
        kept.append(span)
    doc.ents = filter_spans(kept)
    return doc


def main(src: str, dst: str) -> None:
    nlp = spacy.blank("en")
    db = DocBin(store_user_data=False)
    n = 0
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                db.add(doc_from_record(nlp, json.loads(line)))
                n += 1
    Path(dst).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(dst)
    print(f"{n} docs -> {dst}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
