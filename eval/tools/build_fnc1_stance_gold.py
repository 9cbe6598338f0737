"""Turn the hand annotations of stance batch b5 (FNC-1 bodies) into a stance gold JSONL.

Reads the candidates (``eval/gold/annotations/candidates-b5.jsonl``, spans proposed by the
attribution tagger, see ``sample_fnc1_stance.py``) and the annotator's lines
(``eval/gold/annotations/fnc1-stance-b5.txt``; format in its header). Every label, every
dropped candidate, every span fix and every added attribution was written by the annotator;
this script only resolves the written strings to offsets: a fixed role is the occurrence of
its text nearest to the candidate (or to the ``at=`` text of an added attribution), and a
hedge is the n-th whole-word occurrence of its word inside the attribution's window (from
its first to its last role character). The body texts are not copied: offsets point into
``train_bodies.csv`` (``doc_id`` = FNC-1 Body ID, ``corpus`` = ``fnc1``).

Batch b16 is built the same way from ``candidates-b16.jsonl`` and ``fnc1-stance-b16.txt``
(third argument ``b16``); its records carry ``batch`` ``stance-b16`` and every one is in
``test`` (the whole batch is held out; b5 keeps its md5 half split).

Usage: python eval/tools/build_fnc1_stance_gold.py ../shared/corpora/fnc1/train_bodies.csv \
           eval/gold/annotations > eval/gold/stance-fnc1-b5.jsonl
       python eval/tools/build_fnc1_stance_gold.py ../shared/corpora/fnc1/train_bodies.csv \
           eval/gold/annotations b16 > eval/gold/stance-fnc1-b16.jsonl
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from build_stance_gold import BASIS, MODALITY, STANCE
from sample_fnc1_stance import read_bodies, split_of_body
from sample_stance_attributions import window

ROLES = ("source", "cue", "content")


def nearest(text: str, needle: str, anchor: int) -> list[int]:
    """[start, end] of the occurrence of ``needle`` in ``text`` nearest to ``anchor``."""
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not hits:
        raise ValueError(f"{needle!r} not found")
    start = min(hits, key=lambda h: (abs(h - anchor), h))
    return [start, start + len(needle)]


def hedge_of(text: str, start: int, end: int, item: str) -> dict[str, Any]:
    word, carrier = item.rsplit(":", 1)
    nth = 1
    if "#" in word:
        word, n = word.split("#")
        nth = int(n)
    hits = list(re.finditer(rf"\b{re.escape(word)}\b", text[start:end], re.IGNORECASE))
    if len(hits) < nth:
        raise ValueError(f"hedge {word!r} #{nth} not in window {text[start:end]!r}")
    m = hits[nth - 1]
    if carrier not in ("source", "reporter"):
        raise ValueError(f"bad carrier {carrier!r}")
    return {
        "start": start + m.start(),
        "end": start + m.end(),
        "text": m.group(0),
        "cue": word.lower(),
        "carrier": carrier,
    }


def parse(
    lines: list[str],
    cands: dict[tuple[str, str], dict],
    texts: dict[str, str],
    batch: str = "b5",
):
    """Yield (gold record or None for a dropped candidate, candidate key)."""
    doc_id = None
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("==="):
            doc_id = line[3:].strip()
            continue
        try:
            head = line.split()
            attr_id = head[0].lstrip("+")
            if head[1] == "X":  # the rest of the line is the annotator's reason
                yield None, (doc_id, attr_id)
                continue
            parts = shlex.split(line)
            text = texts[doc_id]
            fixes = dict(p.split("=", 1) for p in parts[4:] if "=" in p)
            hedge_items = [p for p in parts[4:] if "=" not in p]
            if parts[0].startswith("+"):
                cand = {"id": attr_id, "part": "added", "source": [], "cue": [], "content": []}
                anchor = nearest(text, fixes.pop("at"), 0)[0]
                if set(fixes) != set(ROLES):
                    raise ValueError("an added attribution names all three roles")
            else:
                cand = dict(cands[(doc_id, attr_id)])
                anchor = window(cand)[0]
            fixed = []
            for role in ROLES:
                if role in fixes:
                    value = fixes[role]
                    cand[role] = [] if value == "-" else [nearest(text, value, anchor)]
                    fixed.append(role)
            start, end = window(cand)
            record = {
                "corpus": "fnc1",
                "doc_id": doc_id,
                "attr_id": attr_id,
                "publisher": None,
                "split": split_of_body(doc_id) if batch == "b5" else "test",
                "window": [start, end],
                "type": "attribution",
                "source": cand["source"],
                "cue": cand["cue"],
                "content": cand["content"],
                "batch": f"stance-{batch}",
                "part": cand["part"],
                "fixed": fixed,
                "stance": STANCE[parts[1]],
                "basis": BASIS[parts[2]],
                "modality": MODALITY[parts[3]],
                "hedges": [hedge_of(text, start, end, item) for item in hedge_items],
            }
        except (KeyError, ValueError, IndexError) as exc:
            raise SystemExit(f"line {lineno}: {line!r}: {exc}") from exc
        yield record, (doc_id, attr_id)


def build(bodies: str | Path, annotations: str | Path, batch: str = "b5") -> list[dict[str, Any]]:
    annotations = Path(annotations)
    cand_rows = [
        json.loads(x)
        for x in (annotations / f"candidates-{batch}.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    cands = {(c["doc_id"], c["id"]): c for c in cand_rows}
    texts = read_bodies(bodies)
    lines = (annotations / f"fnc1-stance-{batch}.txt").read_text(encoding="utf-8").splitlines()
    records, seen = [], set()
    for record, key in parse(lines, cands, texts, batch):
        if key in seen:
            raise SystemExit(f"{key} annotated twice")
        seen.add(key)
        if record is not None:
            records.append(record)
    missing = set(cands) - seen
    if missing:
        raise SystemExit(f"{len(missing)} candidates not annotated, e.g. {sorted(missing)[:3]}")
    return records


def main() -> None:
    batch = sys.argv[3] if len(sys.argv) > 3 else "b5"
    for record in build(sys.argv[1], sys.argv[2], batch):
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
