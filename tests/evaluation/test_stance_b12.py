"""Stance gold batch b12 (session 11): wholly held out, and reproducible from its sampler."""

from __future__ import annotations

import pytest
from tests.evaluation.test_stance_b6 import POLNEAR, STANCE_GOLD, _rows, _sampler

from claimtrace.evaluation.stance import FRESH_BATCHES, _in_split, load_gold


def test_b12_is_a_fresh_batch():
    assert "stance-b12" in FRESH_BATCHES
    for split in ("dev", "test"):
        row = {"batch": "stance-b12", "split": split}
        assert _in_split(row, "heldout")
        assert not _in_split(row, "dev")


def test_heldout_holds_every_b12_row_and_dev_none():
    b12 = [r for r in _rows() if r["batch"] == "stance-b12"]
    assert len(b12) == 350
    assert len(load_gold(STANCE_GOLD, "heldout", batch="stance-b12")) == 350
    assert not load_gold(STANCE_GOLD, "dev", batch="stance-b12")
    earlier = {(r["doc_id"], r["attr_id"]) for r in _rows() if r["batch"] != "stance-b12"}
    assert not earlier & {(r["doc_id"], r["attr_id"]) for r in b12}


def test_b12_rows_come_after_the_earlier_batches():
    batches = [r["batch"] for r in _rows()]
    first = batches.index("stance-b12")
    assert set(batches[first:]) == {"stance-b12"}
    assert len(batches) == 1899


@pytest.mark.shared
@pytest.mark.skipif(POLNEAR is None or not POLNEAR.is_file(), reason="PolNeAR not available")
def test_b12_sampler_draws_exactly_the_labelled_attributions():
    sampler = _sampler()
    drawn = sampler.pick_b12(str(POLNEAR), gold=str(STANCE_GOLD))
    labelled = {(r["doc_id"], r["attr_id"]) for r in _rows() if r["batch"] == "stance-b12"}
    assert {(d["doc_id"], a["id"]) for d, a in drawn} == labelled
    # every non-plain cue left after b1-b6 and b10 is in the batch; the rest is plain
    plain = sum(sampler.has_plain_cue(d, a) for d, a in drawn)
    assert plain == 350 - 215
