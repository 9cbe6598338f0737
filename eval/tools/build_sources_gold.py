"""Build eval/gold/sources.jsonl from the hand labels (session 3; b8 to b17: sessions 8-12).

    PYTHONPATH=src python eval/tools/build_sources_gold.py

Inputs: eval/gold/sources-articles.jsonl (texts, from sample_sources_articles.py) and
eval/gold/annotations/sources-labels.txt (hand labels keyed by the claim ids claimtrace
gave when they were made). Only the predicted *spans* (cue, source, first content span)
are read here, to anchor each label in the text; the predicted entity, kind, via and
channel are not used. Offsets are character offsets into the stored text.

The claim ids are those of the pipeline *when the labels were made*; later sessions changed
the pipeline and with it the ids, so the rows of a document already in the gold file are
kept as stored and only documents new to it (batch b8 of session 8) are anchored afresh.

Batch b9 (session 9, split ``dev3``) was labelled blind, from the text alone, before
claimtrace was run on its articles, so its labels (eval/gold/annotations/sources-labels-b9.txt)
carry no claim ids: each label anchors its cue, source, content and channel in the text
itself (see the header of that file and :func:`parse_text_labels`); no pipeline is needed to
build those rows, and the pipeline is loaded only when a cid-keyed document is new.

Batch b11 (session 10, split ``dev4``) was labelled blind in the same way; its labels
(eval/gold/annotations/sources-labels-b11.txt) have the b9 format and give rows with ids
``<doc>#b11-<n>``; batch b13 (session 11, split ``dev5``) likewise
(eval/gold/annotations/sources-labels-b13.txt, ids ``<doc>#b13-<n>``), and batch b14 (session
11, split ``dev6``: eval/gold/annotations/sources-labels-b14.txt, ids ``<doc>#b14-<n>``),
batch b15 (session 12, split ``dev7``: eval/gold/annotations/sources-labels-b15.txt, ids
``<doc>#b15-<n>``) and batch b17 (session 12, split ``dev8``:
eval/gold/annotations/sources-labels-b17.txt, ids ``<doc>#b17-<n>``).
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
LABELS_B9 = ROOT / "eval/gold/annotations/sources-labels-b9.txt"
LABELS_B11 = ROOT / "eval/gold/annotations/sources-labels-b11.txt"
LABELS_B13 = ROOT / "eval/gold/annotations/sources-labels-b13.txt"
LABELS_B14 = ROOT / "eval/gold/annotations/sources-labels-b14.txt"
LABELS_B15 = ROOT / "eval/gold/annotations/sources-labels-b15.txt"
LABELS_B17 = ROOT / "eval/gold/annotations/sources-labels-b17.txt"
# text-anchored batches: row-id prefix -> label file
TEXT_LABELS = {
    "b9": LABELS_B9,
    "b11": LABELS_B11,
    "b13": LABELS_B13,
    "b14": LABELS_B14,
    "b15": LABELS_B15,
    "b17": LABELS_B17,
}
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
        out.setdefault(doc, []).append(
            {"cid": cid, **_label_fields(src, ent, kind, via, channel, flags)}
        )
    return out


def _label_fields(src: str, ent: str, kind: str, via: str, channel: str, flags: str) -> dict:
    """The fields both label formats share: source text, entity and aliases (``;``), kind,
    via names (``a>b``), channel, and the coreference / metonymy flags."""
    names = [n.strip() for n in ent.split(";") if n.strip()]
    return {
        "src": src,
        "entity": names[0] if names else None,
        "aliases": names[1:],
        "kind": kind,
        "via": [v.strip() for v in via.split(">") if v.strip()],
        "channel": channel or None,
        "coref": "c" in flags,
        "metonym": "m" in flags,
    }


def parse_text_labels(path: Path) -> dict[str, list[dict]]:
    """Text-anchored labels (batches b9, b11, b13, b14, b15 and b17).

    ``@doc``, then per claim ``cue|source|entity;aliases|kind|via|channel|flags|content``:
    ``cue`` is a snippet of the text that occurs exactly once in the article, with the cue
    words in brackets (``[said] prison spokesman``); ``content`` is a snippet (or ``A ... B``,
    from A to the end of the first B after it) and ``source`` / ``channel`` are texts, each
    the occurrence nearest the cue; ``-`` as source: no source. A ``@doc`` with no lines is
    an article read and found to hold no attributed claim.
    """
    out: dict[str, list[dict]] = {}
    doc = None
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            doc = line[1:].strip()
            out.setdefault(doc, [])
            continue
        fields = line.split("|")
        if len(fields) != 8:
            raise ValueError(f"{doc}: expected 8 fields: {line!r}")
        cue, src, ent, kind, via, channel, flags, content = fields
        out[doc].append(
            {"cue": cue, **_label_fields(src, ent, kind, via, channel, flags), "content": content}
        )
    return out


def cue_span(text: str, snippet: str) -> tuple[int, int]:
    """The bracketed part of ``snippet``, which must occur exactly once in ``text``."""
    m = re.fullmatch(r"(.*)\[(.+?)\](.*)", snippet, flags=re.S)
    if not m:
        raise ValueError(f"no [cue] in {snippet!r}")
    plain = m.group(1) + m.group(2) + m.group(3)
    hits = [h.start() for h in re.finditer(re.escape(plain), text)]
    if len(hits) != 1:
        raise ValueError(f"cue snippet occurs {len(hits)} times: {snippet!r}")
    start = hits[0] + len(m.group(1))
    return start, start + len(m.group(2))


def content_span(text: str, snippet: str, at: int) -> tuple[int, int]:
    if " ... " in snippet:
        first, last = snippet.split(" ... ", 1)
        s, _e = nearest(text, first, at)
        e = text.find(last, s)
        if e < 0:
            raise ValueError(f"not in text after {first!r}: {last!r}")
        return s, e + len(last)
    return nearest(text, snippet, at)


def gold_row(
    art: dict,
    cid: str,
    lab: dict,
    cue: list[int] | None,
    content: list[int] | None,
    source: list[int] | None,
    channel: list[int] | None,
) -> dict:
    """One gold row: the claim's spans in ``art``'s text and its label's resolution."""
    text = art["text"]
    return {
        "id": f"{art['doc']}#{cid}",
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


def text_anchored_rows(art: dict, labels: list[dict], batch: str = "b9") -> list[dict]:
    text = art["text"]
    rows = []
    for i, lab in enumerate(labels, 1):
        cue = list(cue_span(text, lab["cue"]))
        content = list(content_span(text, lab["content"], cue[0]))
        source = None if lab["src"] == "-" else list(nearest(text, lab["src"], cue[0]))
        channel = list(nearest(text, lab["channel"], cue[0])) if lab["channel"] else None
        rows.append(gold_row(art, f"{batch}-{i}", lab, cue, content, source, channel))
    return rows


def nearest(text: str, needle: str, at: int) -> tuple[int, int]:
    """The occurrence of ``needle`` nearest to ``at``: a whole-word one ("he" is not the
    "he" of "the") and, among those, one in the same paragraph as ``at`` when there is one
    (a name repeated in the next paragraph is not the one labelled)."""
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not hits:
        raise ValueError(f"not in text: {needle!r}")
    whole = [h for h in hits if _whole_word(text, h, h + len(needle))]
    hits = whole or hits
    same = [h for h in hits if "\n" not in text[min(h, at) : max(h, at)].strip()]
    s = min(same or hits, key=lambda h: abs(h - at))
    return s, s + len(needle)


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (
        (text[start].isalnum() and before.isalnum())
        or (text[end - 1].isalnum() and after.isalnum())
    )


def main() -> None:
    labels = parse_labels(LABELS)
    text_labels: dict[str, tuple[str, list[dict]]] = {}
    for batch, path in TEXT_LABELS.items():
        if path.exists():
            for doc, labs in parse_text_labels(path).items():
                text_labels[doc] = (batch, labs)
    nlp = None
    stored: dict[str, list[dict]] = {}
    if OUT.exists():
        for line in OUT.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                stored.setdefault(row["doc"], []).append(row)
    rows = []
    for line in ARTICLES.read_text("utf-8").splitlines():
        art = json.loads(line)
        if art["doc"] in text_labels:  # batches b9-b17: anchored in the text, no pipeline
            batch, labs = text_labels[art["doc"]]
            rows += text_anchored_rows(art, labs, batch)
            continue
        if art["doc"] not in labels:
            continue
        if art["doc"] in stored:  # anchored by an earlier pipeline: keep as it is
            rows += stored[art["doc"]]
            continue
        text = art["text"]
        if nlp is None:
            nlp = attribution_pipeline()
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
            rows.append(gold_row(art, lab["cid"], lab, cue, content, source, channel))
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = Counter(r["split"] for r in rows)
    parts = ", ".join(f"{n} {split}" for split, n in sorted(counts.items()))
    print(f"{len(rows)} labelled claims ({parts}) -> {OUT}")


if __name__ == "__main__":
    main()
