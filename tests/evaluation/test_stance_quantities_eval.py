"""The quantities and stance runners: scoring rules, and a floor on the dev parts of the
hand-annotated gold sets (a regression gate; the test parts are only reported)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace.cli import main
from claimtrace.evaluation.quantities import match, score
from claimtrace.evaluation.shared import shared_dir
from claimtrace.model import Qualifier, Quantity, Span

REPO = Path(__file__).resolve().parents[2]
QUANTITIES_GOLD = REPO / "eval" / "gold" / "quantities.jsonl"
STANCE_GOLD = REPO / "eval" / "gold" / "stance-polnear-dev.jsonl"
SHARED = shared_dir()
POLNEAR = SHARED / "corpora" / "polnear" / "dev.jsonl" if SHARED else None


def test_quantity_matching_needs_overlap_and_equal_value():
    text = "About 40 people and 7 dogs."
    gold = [
        {"start": 0, "end": 15, "value": 40.0, "qualifier": "approx", "text": "About 40 people"},
        {"start": 20, "end": 26, "value": 7.0, "qualifier": "exact", "text": "7 dogs"},
    ]
    right = Quantity("q1", Span.of(text, 6, 15), 40.0, Qualifier.EXACT)
    wrong_value = Quantity("q2", Span.of(text, 20, 26), 8.0)
    assert match([right, wrong_value], gold) == [(0, 0)]
    s = score([({"sid": "s1", "text": text, "quantities": gold}, [right, wrong_value])])
    assert (s.value.tp, s.value.fp, s.value.fn) == (1, 1, 1)
    assert s.value_qualifier.tp == 0  # exact vs approx


def test_gold_sets_are_well_formed():
    rows = [json.loads(line) for line in QUANTITIES_GOLD.open()]
    assert sum(len(r["quantities"]) for r in rows) >= 400
    assert {r["split"] for r in rows} == {"dev", "test"}
    for r in rows:
        for q in r["quantities"]:
            assert r["text"][q["start"] : q["end"]] == q["text"]
            assert q["qualifier"] in {x.value for x in Qualifier}
    stance = [json.loads(line) for line in STANCE_GOLD.open()]
    assert len(stance) >= 300
    assert {r["split"] for r in stance} == {"dev", "test"}


def test_quantities_command_on_the_dev_part():
    result = CliRunner().invoke(
        main, ["eval", "quantities", str(QUANTITIES_GOLD), "--split", "dev", "--model", "blank"]
    )
    assert result.exit_code == 0, result.output
    value_row = next(line for line in result.output.splitlines() if line.startswith("| value |"))
    f1 = float(value_row.strip("|").split("|")[3])
    assert f1 >= 95.0


@pytest.mark.shared
@pytest.mark.skipif(POLNEAR is None or not POLNEAR.is_file(), reason="PolNeAR not available")
def test_stance_command_on_the_dev_part(tmp_path):
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(
        main,
        [
            "eval",
            "stance",
            str(STANCE_GOLD),
            "--split",
            "dev",
            "--model",
            "blank",
            "--corpus",
            str(POLNEAR),
            "--predictions",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    macro = next(line for line in result.output.splitlines() if "stance macro-F1" in line)
    assert float(macro.strip("|").split("|")[1]) >= 0.85
    from claimtrace.evaluation.stance import load_gold

    dev = load_gold(STANCE_GOLD, "dev")
    assert len(out.read_text().splitlines()) == len(dev)
    assert not {r["batch"] for r in dev} & {
        "stance-b3",
        "stance-b4",
        "stance-b6",
        "stance-b10",
        "stance-b12",
    }
