"""Stance gold batch b10 (session 10): wholly held out, and reproducible from its sampler."""

from __future__ import annotations

import pytest
from tests.evaluation.test_stance_b6 import POLNEAR, STANCE_GOLD, _rows, _sampler

from claimtrace.evaluation.stance import FRESH_BATCHES, _in_split, load_gold


def test_b10_is_a_fresh_batch():
    assert "stance-b10" in FRESH_BATCHES
    for split in ("dev", "test"):
        row = {"batch": "stance-b10", "split": split}
        assert _in_split(row, "heldout")
        assert not _in_split(row, "dev")


def test_heldout_holds_every_b10_row_and_dev_none():
    b10 = [r for r in _rows() if r["batch"] == "stance-b10"]
    assert len(b10) == 400
    assert len(load_gold(STANCE_GOLD, "heldout", batch="stance-b10")) == 400
    assert not load_gold(STANCE_GOLD, "dev", batch="stance-b10")
    earlier = {(r["doc_id"], r["attr_id"]) for r in _rows() if r["batch"] != "stance-b10"}
    assert not earlier & {(r["doc_id"], r["attr_id"]) for r in b10}


def test_b10_rows_come_after_the_earlier_batches():
    batches = [r["batch"] for r in _rows()]
    first = batches.index("stance-b10")
    last = len(batches) - batches[::-1].index("stance-b10")
    assert set(batches[first:last]) == {"stance-b10"}
    assert set(batches[last:]) <= {"stance-b12"}  # only later batches follow


@pytest.mark.shared
@pytest.mark.skipif(POLNEAR is None or not POLNEAR.is_file(), reason="PolNeAR not available")
def test_b10_sampler_draws_exactly_the_labelled_attributions():
    sampler = _sampler()
    drawn = sampler.pick_b10(str(POLNEAR), gold=str(STANCE_GOLD))
    labelled = {(r["doc_id"], r["attr_id"]) for r in _rows() if r["batch"] == "stance-b10"}
    assert {(d["doc_id"], a["id"]) for d, a in drawn} == labelled
    plain = sum(sampler.has_plain_cue(d, a) for d, a in drawn)
    assert 0 < plain <= 200  # only the random part may hold plain cues
