"""Stance gold batch b5 (FNC-1 bodies): reading the bodies CSV, scoring records that say
which corpus their text comes from, and the shape of the committed gold file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace.cli import main
from claimtrace.errors import ClaimtraceError
from claimtrace.evaluation.shared import shared_dir
from claimtrace.evaluation.stance import (
    corpus_kind,
    load_fnc1_bodies,
    load_gold,
    load_row_texts,
    text_key,
)

REPO = Path(__file__).resolve().parents[2]
B5_GOLD = REPO / "eval" / "gold" / "stance-fnc1-b5.jsonl"
B16_GOLD = REPO / "eval" / "gold" / "stance-fnc1-b16.jsonl"
SHARED = shared_dir()
FNC1 = SHARED / "corpora" / "fnc1" / "train_bodies.csv" if SHARED else None

BODY_7 = 'The ministry "declined to comment" on the report.\nOfficials said the plan is fine.'
BODY_12 = "The company denied that it had sold the data."


def _write_bodies(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Body ID", "articleBody"])
        w.writerow(["7", BODY_7])  # quoted field with a line break and doubled quotes
        w.writerow(["12", BODY_12])
    return path


def _span(text: str, part: str) -> list[list[int]]:
    start = text.index(part)
    return [[start, start + len(part)]]


def _record(doc_id: str, text: str, attr_id: str, source: str, cue: str, content: str, **labels):
    return {
        "corpus": "fnc1",
        "doc_id": doc_id,
        "attr_id": attr_id,
        "split": "test",
        "batch": "stance-b5",
        "source": _span(text, source),
        "cue": _span(text, cue),
        "content": _span(text, content),
        "basis": "unstated",
        "modality": "unknown",
        "hedges": [],
        **labels,
    }


def test_fnc1_bodies_are_read_by_body_id_with_their_text_intact(tmp_path):
    bodies = _write_bodies(tmp_path / "train_bodies.csv")
    texts = load_fnc1_bodies(bodies, {"7", "12"})
    assert texts == {"7": BODY_7, "12": BODY_12}
    with pytest.raises(ClaimtraceError, match="1 gold bodies missing"):
        load_fnc1_bodies(bodies, {"7", "99"})
    assert corpus_kind(bodies) == "fnc1"
    assert corpus_kind(tmp_path / "dev.jsonl") == "polnear"


def test_texts_of_records_are_keyed_by_corpus(tmp_path):
    bodies = _write_bodies(tmp_path / "train_bodies.csv")
    rows = [{"corpus": "fnc1", "doc_id": "12"}]
    assert load_row_texts(rows, bodies) == {"fnc1:12": BODY_12}
    assert text_key(rows[0]) == "fnc1:12"
    assert text_key({"doc_id": "cnn_2016-x"}) == "cnn_2016-x"  # PolNeAR records unchanged


def test_stance_command_scores_inline_fnc1_records(tmp_path):
    bodies = _write_bodies(tmp_path / "train_bodies.csv")
    gold = tmp_path / "gold.jsonl"
    rows = [
        _record(
            "7",
            BODY_7,
            "C1",
            "The ministry",
            "declined to comment",
            "on the report",
            stance="no_comment",
        ),
        _record(
            "7",
            BODY_7,
            "C2",
            "Officials",
            "said",
            "the plan is fine",
            stance="assert",
            modality="happened",
        ),
        _record(
            "12",
            BODY_12,
            "C1",
            "The company",
            "denied",
            "that it had sold the data",
            stance="deny",
            modality="happened",
        ),
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    args = ["eval", "stance", str(gold), "--split", "test", "--model", "blank"]
    result = CliRunner().invoke(main, [*args, "--corpus", str(bodies), "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    assert "(3 attributions)" in result.output
    stances = [json.loads(line)["stance"] for line in out.read_text().splitlines()]
    assert stances == ["no_comment", "assert", "deny"]
    accuracy = next(line for line in result.output.splitlines() if "stance accuracy" in line)
    assert float(accuracy.strip("|").split("|")[1]) == 1.0
    rules = CliRunner().invoke(main, [*args, "--corpus", str(bodies), "--rules-only"])
    assert rules.exit_code == 0, rules.output
    assert "stance by the rules alone" in rules.output
    assert "stance by the rules alone" in result.output  # the default since session 6
    backup = CliRunner().invoke(main, [*args, "--corpus", str(bodies), "--backup"])
    assert backup.exit_code == 0, backup.output
    assert "stance by the rules + learned backup" in backup.output


def test_b5_gold_file_is_well_formed():
    rows = [json.loads(line) for line in B5_GOLD.open(encoding="utf-8")]
    assert len(rows) >= 300
    assert len({r["doc_id"] for r in rows}) >= 60
    assert {r["corpus"] for r in rows} == {"fnc1"}
    assert {r["batch"] for r in rows} == {"stance-b5"}
    # split by body: no body in both halves
    halves = {r["doc_id"]: set() for r in rows}
    for r in rows:
        halves[r["doc_id"]].add(r["split"])
    assert all(len(s) == 1 for s in halves.values())
    assert {r["split"] for r in rows} == {"dev", "test"}
    for r in rows:
        start, end = r["window"]
        for h in r["hedges"]:
            assert start <= h["start"] < h["end"] <= end
    assert len(load_gold(B5_GOLD, "heldout")) == len(load_gold(B5_GOLD, "test"))


@pytest.mark.shared
@pytest.mark.skipif(FNC1 is None or not FNC1.is_file(), reason="FNC-1 bodies not available")
def test_b5_gold_offsets_point_into_the_fnc1_bodies():
    rows = [json.loads(line) for line in B5_GOLD.open(encoding="utf-8")]
    texts = load_row_texts(rows, FNC1)
    for r in rows:
        text = texts[text_key(r)]
        for h in r["hedges"]:
            assert text[h["start"] : h["end"]] == h["text"]
        assert all(
            0 <= s < e <= len(text) for role in ("source", "cue", "content") for s, e in r[role]
        )


def test_b16_gold_file_is_well_formed_and_wholly_held_out():
    rows = [json.loads(line) for line in B16_GOLD.open(encoding="utf-8")]
    assert len(rows) == 308
    assert len({r["doc_id"] for r in rows}) == 165
    assert {r["corpus"] for r in rows} == {"fnc1"}
    assert {r["batch"] for r in rows} == {"stance-b16"}
    assert {r["split"] for r in rows} == {"test"}  # the whole batch is held out
    counts = {}
    for r in rows:
        counts[r["stance"]] = counts.get(r["stance"], 0) + 1
    assert counts == {
        "assert": 264,
        "no_comment": 21,
        "deny": 12,
        "question": 6,
        "conditional": 3,
        "downplay": 2,
    }
    assert sum(len(r["hedges"]) for r in rows) == 95
    for r in rows:
        start, end = r["window"]
        for h in r["hedges"]:
            assert start <= h["start"] < h["end"] <= end
    assert len(load_gold(B16_GOLD, "test")) == len(load_gold(B16_GOLD, "heldout")) == 308
    assert load_gold(B16_GOLD, "dev") == []
    # no body of b16 is a body of b5
    b5_bodies = {json.loads(line)["doc_id"] for line in B5_GOLD.open(encoding="utf-8")}
    assert not b5_bodies & {r["doc_id"] for r in rows}


@pytest.mark.shared
@pytest.mark.skipif(FNC1 is None or not FNC1.is_file(), reason="FNC-1 bodies not available")
def test_b16_gold_offsets_point_into_the_fnc1_bodies():
    rows = [json.loads(line) for line in B16_GOLD.open(encoding="utf-8")]
    texts = load_row_texts(rows, FNC1)
    for r in rows:
        text = texts[text_key(r)]
        for h in r["hedges"]:
            assert text[h["start"] : h["end"]] == h["text"]
        assert all(
            0 <= s < e <= len(text) for role in ("source", "cue", "content") for s, e in r[role]
        )
