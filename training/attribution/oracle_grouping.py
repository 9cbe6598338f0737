"""Score the grouping step alone: gold role spans (relation ids hidden) -> group_roles.

python training/attribution/oracle_grouping.py ../shared/corpora/polnear/dev.jsonl
"""

from __future__ import annotations

import json
import sys
import tempfile

import spacy

from claimtrace.evaluation.shared import load_scorer
from claimtrace.extract.attribution import RoleSpan, group_roles

sys.path.insert(0, "training/attribution")
from convert import doc_from_record


def roles_of(doc) -> list[RoleSpan]:
    sent_of = {}
    for i, sent in enumerate(doc.sents):
        for t in sent:
            sent_of[t.i] = i
    return [
        RoleSpan(
            e.label_, e.start_char, e.end_char, e.start, e.end, sent_of[e.start], sent_of[e.end - 1]
        )
        for e in doc.ents
    ]


def main(gold: str) -> None:
    nlp = spacy.blank("en")
    senter = nlp.add_pipe("sentencizer")
    preds = []
    with open(gold, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    for rec in records:
        doc = senter(doc_from_record(nlp, rec))
        atts = group_roles(roles_of(doc), text=rec["text"])
        preds.append(
            {
                "doc_id": rec["doc_id"],
                "attributions": [
                    {
                        "source": [[s.start, s.end] for s in a.source],
                        "cue": [[a.cue.start, a.cue.end]],
                        "content": [[c.start, c.end] for c in a.content],
                    }
                    for a in atts
                ],
            }
        )
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for p in preds:
            fh.write(json.dumps(p) + "\n")
    scorer = load_scorer("score_attribution")
    res = scorer.score_files(gold, fh.name, breakdown=True)
    print(scorer.format_table(res))


if __name__ == "__main__":
    main(sys.argv[1])
