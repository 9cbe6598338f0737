"""The TimeML and LGL-scheme runners, on a few files of the shared corpora."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from claimtrace.evaluation.shared import shared_dir

SHARED = shared_dir()
TIMEBANK = SHARED / "corpora" / "tempeval3" / "TimeBank" if SHARED else None
TRNEWS = SHARED / "corpora" / "geoparsing" / "TR-News.xml" if SHARED else None

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        TIMEBANK is None or not TIMEBANK.is_dir() or not TRNEWS.is_file(),
        reason="../shared corpora are not available",
    ),
]


def test_dates_runner_reads_plain_text_and_scores(tmp_path: Path) -> None:
    from claimtrace.evaluation.dates import evaluate, read_timeml

    tml = sorted(TIMEBANK.glob("*.tml"))[0]
    doc = read_timeml(tml)
    assert "<TIMEX3" not in doc.text and doc.dct is not None
    out = tmp_path / "pred.jsonl"
    summary = evaluate(tml, out)
    record = json.loads(out.read_text().splitlines()[0])
    assert record["doc"] == tml.stem
    for t in record["timexes"]:
        assert doc.text[t["start"] : t["end"]] == t["text"]
    assert summary["counts"]["gold"] > 0
    assert summary["relaxed"]["F1"] > 0.5


def test_places_runner_scores_a_small_file(tmp_path: Path) -> None:
    from claimtrace.evaluation.places import evaluate

    root = ET.parse(TRNEWS).getroot()
    small = ET.Element(root.tag)
    small.extend(list(root)[:4])
    gold = tmp_path / "small.xml"
    ET.ElementTree(small).write(gold, encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    summary = evaluate(gold, out, split="all")
    lines = out.read_text().splitlines()
    assert len(lines) == 4
    assert summary["matched"] > 0
    assert summary["recognition"]["F1"] > 50
