"""Build eval/gold/sources.jsonl from the hand labels (session 3; batch b8 of session 8).

    PYTHONPATH=src python eval/tools/build_sources_gold.py

Inputs: eval/gold/sources-articles.jsonl (texts, from sample_sources_articles.py) and
eval/gold/annotations/sources-labels.txt (hand labels keyed by the claim ids claimtrace
gave when they were made). Only the predicted *spans* (cue, source, first content span)
are read here, to anchor each label in the text; the predicted entity, kind, via and
channel are not used. Offsets are character offsets into the stored text.

The claim ids are those of the pipeline *when the labels were made*; later sessions changed
the pipeline and with it the ids, so the rows of a document already in the gold file are
kept as stored and only documents new to it (batch b8 of session 8) are anchored afresh.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from claimtrace.evaluation.attribution import attribution_pipeline

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "eval/gold/sources-articles.jsonl"
LABELS = ROOT / "eval/gold/annotations/sources-labels.txt"
OUT = ROOT / "eval/gold/sources.jsonl"


def parse_labels(path: Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    doc = None
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            doc = line[1:].strip()
            continue
        cid, src, ent, kind, via, channel, flags = (line.split("|") + [""] * 7)[:7]
        names = [n.strip() for n in ent.split(";") if n.strip()]
        out.setdefault(doc, []).append(
            {
                "cid": cid,
                "src": src,
                "entity": names[0] if names else None,
                "aliases": names[1:],
                "kind": kind,
                "via": [v.strip() for v in via.split(">") if v.strip()],
                "channel": channel or None,
                "coref": "c" in flags,
                "metonym": "m" in flags,
            }
        )
    return out


def nearest(text: str, needle: str, at: int) -> tuple[int, int]:
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not hits:
        raise ValueError(f"not in text: {needle!r}")
    s = min(hits, key=lambda h: abs(h - at))
    return s, s + len(needle)


def main() -> None:
    labels = parse_labels(LABELS)
    nlp = attribution_pipeline()
    stored: dict[str, list[dict]] = {}
    if OUT.exists():
        for line in OUT.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                stored.setdefault(row["doc"], []).append(row)
    rows = []
    for line in ARTICLES.read_text("utf-8").splitlines():
        art = json.loads(line)
        if art["doc"] not in labels:
            continue
        if art["doc"] in stored:  # anchored by an earlier pipeline: keep as it is
            rows += stored[art["doc"]]
            continue
        text = art["text"]
        claims = {c.id: c for c in nlp(text)._.ct_claims}
        for lab in labels[art["doc"]]:
            c = claims[lab["cid"]]
            cue = [c.cue[0].start, c.cue[-1].end] if c.cue else None
            content = [c.content[0].start, c.content[0].end] if c.content else None
            anchor = cue[0] if cue else content[0]
            if lab["src"] == "=":
                source = [c.source[0].start, c.source[-1].end]
            elif lab["src"] == "-":
                source = None
            else:
                source = list(nearest(text, lab["src"], anchor))
            channel = None
            if lab["channel"]:
                channel = list(nearest(text, lab["channel"], anchor))
            rows.append(
                {
                    "id": f"{art['doc']}#{lab['cid']}",
                    "doc": art["doc"],
                    "split": art["split"],
                    "cue": cue,
                    "content": content,
                    "source": source,
                    "source_text": text[source[0] : source[1]] if source else "",
                    "entity": lab["entity"],
                    "aliases": lab["aliases"],
                    "kind": lab["kind"],
                    "coref": lab["coref"],
                    "metonym": lab["metonym"],
                    "via": lab["via"],
                    "channel": channel,
                    "channel_text": lab["channel"],
                }
            )
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = Counter(r["split"] for r in rows)
    parts = ", ".join(f"{n} {split}" for split, n in sorted(counts.items()))
    print(f"{len(rows)} labelled claims ({parts}) -> {OUT}")


if __name__ == "__main__":
    main()
