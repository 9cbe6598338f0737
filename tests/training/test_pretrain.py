"""The raw-text builder of training/pretrain.py (no spaCy training run)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pretrain():
    spec = importlib.util.spec_from_file_location("pretrain", ROOT / "training" / "pretrain.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_paragraphs_are_cut_to_pieces_the_corpus_reader_keeps():
    pretrain = _pretrain()
    long = " ".join(f"w{i}" for i in range(700))
    text = f"Short line.\n\n{long}\nA second paragraph with enough words in it."
    pieces = pretrain.pieces(text)
    assert [len(p.split()) for p in pieces] == [300, 300, 100, 8]
    assert "Short line." not in pieces  # under five words: no context to learn from


def test_fnc1_bodies_named_by_any_gold_file_are_left_out(tmp_path):
    pretrain = _pretrain()
    (tmp_path / "stance.jsonl").write_text(
        json.dumps({"corpus": "fnc1", "doc_id": "2490"})
        + "\n"
        + json.dumps({"corpus": "polnear", "doc_id": "77"})
        + "\n"
    )
    (tmp_path / "sources.jsonl").write_text(
        json.dumps({"id": "fnc1:1523#c2", "doc": "fnc1:1523"})
        + "\n"
        + json.dumps({"id": "ecbplus:3_1ecb#c1", "doc": "ecbplus:3_1ecb"})
        + "\n\n"
    )
    assert pretrain.gold_fnc1_bodies(tmp_path) == {"2490", "1523"}


def test_pretraining_config_fits_the_fast_tier_encoder(tmp_path):
    pretrain = _pretrain()
    config = pretrain.pretrain_config(tmp_path / "raw.jsonl", max_epochs=3)
    assert config["pretraining"]["component"] == "tok2vec"
    assert config["pretraining"]["max_epochs"] == 3
    assert config["corpora"]["pretrain"]["@readers"] == "spacy.JsonlCorpus.v1"
    encoder = config["components"]["tok2vec"]["model"]["encode"]
    assert encoder["width"] == 96 and encoder["depth"] == 4
