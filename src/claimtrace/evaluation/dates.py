"""``claimtrace eval dates DIR``: TIMEX3 recognition and normalisation on TimeML files.

Each ``.tml`` file's ``<TEXT>`` is reduced to plain text (tags removed, entities decoded,
exactly as ``score_timex.py dump-text`` does), so the gold TIMEX3 markup is never seen; the
document creation time (``<DCT>``) is the publication date, as article metadata would be.
Predictions are written in the JSONL format ``score_timex.py`` reads and then scored by it.

``split`` (``dev``/``test``) scores one part of a folder that has a split list: a JSON file
``{"dev": [names], "test": [names]}`` (names without ``.tml``), given as ``files`` or found
among the project's lists (``eval/splits/*.json``) as the one whose names are exactly the
folder's files. ``all`` (the default) scores every file, with or without a list.
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
SPLITS = ("all", "dev", "test")
SPLIT_DIR = Path(__file__).resolve().parents[3] / "eval" / "splits"


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


def _tml_files(folder: Path) -> list[Path]:
    files = [folder] if folder.is_file() else sorted(folder.glob("*.tml"))
    if not files:
        raise InputError(f"no .tml files in {folder}")
    return files


def iter_docs(folder: Path, names: set[str] | None = None) -> Iterator[TimeMLDoc]:
    """The folder's documents (only those in ``names`` when given)."""
    for path in _tml_files(folder):
        if names is None or path.name.removesuffix(".tml") in names:
            yield read_timeml(path)


def _read_split_list(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a readable split list ({exc})") from exc
    if not (
        isinstance(data, dict)
        and all(isinstance(data.get(k), list) for k in ("dev", "test"))
        and not set(data["dev"]) & set(data["test"])
    ):
        raise InputError(f'{path}: a split list is {{"dev": [names], "test": [names]}}, disjoint')
    return data


def find_split_list(folder: Path, search: Path = SPLIT_DIR) -> Path | None:
    """The list in ``search`` whose dev + test names are exactly the folder's files."""
    names = {p.name.removesuffix(".tml") for p in _tml_files(folder)}
    for path in sorted(search.glob("*.json")) if search.is_dir() else []:
        data = _read_split_list(path)
        if set(data["dev"]) | set(data["test"]) == names:
            return path
    return None


def split_names(folder: Path, split: str, files: Path | None = None) -> set[str] | None:
    """The document names of ``split`` (None for ``all``: every file of the folder)."""
    if split not in SPLITS:
        raise InputError(f"split must be one of {SPLITS}")
    if split == "all":
        return None
    path = files or find_split_list(folder)
    if path is None:
        raise InputError(
            f"{folder} has no split list in {SPLIT_DIR}: pass --files LIST "
            '({"dev": [names], "test": [names]}) or use --split all'
        )
    names = set(_read_split_list(path)[split])
    present = {p.name.removesuffix(".tml") for p in _tml_files(folder)}
    missing = sorted(names - present)
    if missing:
        raise InputError(f"{path}: {len(missing)} {split} files are not in {folder}: {missing[:3]}")
    return names


def predict(folder: Path, names: set[str] | None = None) -> list[dict]:
    """One prediction record per document, in score_timex.py's JSONL format."""
    out = []
    for doc in iter_docs(folder, names):
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


def evaluate(
    folder: Path,
    predictions: Path | None = None,
    *,
    split: str = "all",
    files: Path | None = None,
) -> dict:
    """Predict for the files of ``folder`` (one split), score with score_timex.py, return its
    summary (with ``split`` and ``docs``, the number of documents scored)."""
    scorer = load_scorer("score_timex")
    names = split_names(folder, split, files)
    preds = predict(folder, names)
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as fh:
            for rec in preds:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    gold = scorer.load_dir(str(folder))
    if names is not None:
        gold = {name: doc for name, doc in gold.items() if name in names}
    pred_map = {
        rec["doc"]: [
            scorer.Timex(t["start"], t["end"], t["type"], t["value"], "", t["text"])
            for t in rec["timexes"]
        ]
        for rec in preds
    }
    summary, _rows, _errs, _unknown = scorer.score(gold, pred_map)
    summary["split"] = split
    summary["docs"] = len(gold)
    header = "" if split == "all" else f"split={split} docs={len(gold)}\n"
    summary["report"] = header + scorer.fmt(summary)
    return summary
