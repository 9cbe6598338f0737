"""``claimtrace eval dates DIR``: TIMEX3 recognition and normalisation on TimeML files.

Each ``.tml`` file's ``<TEXT>`` is reduced to plain text (tags removed, entities decoded,
exactly as ``score_timex.py dump-text`` does), so the gold TIMEX3 markup is never seen; the
document creation time (``<DCT>``) is the publication date, as article metadata would be.
Predictions are written in the JSONL format ``score_timex.py`` reads and then scored by it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimtrace.errors import InputError
from claimtrace.evaluation.shared import load_scorer
from claimtrace.extract.dates import find_timexes

_TAG = re.compile(r"<[^>]*>", re.S)


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    text: str
    dct: dt.date | None


def read_timeml(path: Path) -> TimeMLDoc:
    """The plain text of ``<TEXT>`` and the creation date of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if body is None:
        raise InputError(f"{path}: no <TEXT> element")
    text = html.unescape(_TAG.sub("", body.group(1)))
    dct = None
    m = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S)
    if m:
        dct = dt.date.fromisoformat(m.group(1))
    return TimeMLDoc(path.name.removesuffix(".tml"), text, dct)


def iter_docs(folder: Path) -> Iterator[TimeMLDoc]:
    files = [folder] if folder.is_file() else sorted(folder.glob("*.tml"))
    if not files:
        raise InputError(f"no .tml files in {folder}")
    for path in files:
        yield read_timeml(path)


def predict(folder: Path) -> list[dict]:
    """One prediction record per document, in score_timex.py's JSONL format."""
    out = []
    for doc in iter_docs(folder):
        timexes = find_timexes(doc.text, anchor=doc.dct)
        out.append(
            {
                "doc": doc.name,
                "timexes": [
                    {
                        "start": t.span.start,
                        "end": t.span.end,
                        "type": str(t.type),
                        "value": t.value or "",
                        "text": t.span.text,
                    }
                    for t in timexes
                ],
            }
        )
    return out


def evaluate(folder: Path, predictions: Path | None = None) -> dict:
    """Predict for every file in ``folder``, score with score_timex.py, return its summary."""
    scorer = load_scorer("score_timex")
    preds = predict(folder)
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as fh:
            for rec in preds:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    gold = scorer.load_dir(str(folder))
    pred_map = {
        rec["doc"]: [
            scorer.Timex(t["start"], t["end"], t["type"], t["value"], "", t["text"])
            for t in rec["timexes"]
        ]
        for rec in preds
    }
    summary, _rows, _errs, _unknown = scorer.score(gold, pred_map)
    summary["report"] = scorer.fmt(summary)
    return summary
