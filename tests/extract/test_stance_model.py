"""The learned stance signal and how it is combined with the rules."""

from __future__ import annotations

import pytest

from claimtrace.extract import stance_model
from claimtrace.extract.stance import classify_stance, rule_stance
from claimtrace.extract.stance_model import combine, load_model, predict_proba, stance_features
from claimtrace.model import Claim, Span, Stance


def claim(text: str, source: str, cue: str, content: str) -> Claim:
    def sp(words: str) -> tuple[Span, ...]:
        if not words:
            return ()
        start = text.index(words)
        return (Span.of(text, start, start + len(words)),)

    return Claim(id="t", source=sp(source), cue=sp(cue), content=sp(content))


UNEXPLAINED = "Her spokesman did not explain why the meeting was cancelled."
CHALLENGED = "The minister challenged the claim that prices had doubled."


def test_shipped_model_covers_every_stance_and_records_its_training_data():
    model = load_model()
    assert model is not None
    assert set(model["labels"]) == {s.value for s in Stance}
    assert "stance-polnear-train.jsonl" in model["trained_on"]
    assert 0.0 < model["threshold"] < 1.0


def test_probabilities_sum_to_one():
    c = claim(CHALLENGED, "The minister", "challenged", "the claim that prices had doubled")
    probs = predict_proba(c, rule_stance(CHALLENGED, c))
    assert set(probs) == {s.value for s in Stance}
    assert sum(probs.values()) == pytest.approx(1.0)


def test_features_mark_a_negated_telling_cue_and_a_question():
    text = "Did he win? the reporter asked."
    c = claim(text, "the reporter", "asked", "Did he win?")
    assert "ends_q" in stance_features(c)
    c = claim(UNEXPLAINED, "Her spokesman", "did not explain", "why the meeting was cancelled")
    feats = stance_features(c, Stance.ASSERT)
    assert {"cue_neg", "cue_not_telling", "head_wh", "rule=assert"} <= set(feats)


def test_combine_keeps_a_non_assert_rule_label():
    probs = {"assert": 0.05, "deny": 0.9, "question": 0.05}
    assert combine(Stance.QUESTION, probs, 0.5) is Stance.QUESTION


def test_combine_replaces_assert_only_when_confident():
    probs = {"assert": 0.3, "deny": 0.6, "question": 0.1}
    assert combine(Stance.ASSERT, probs, 0.5) is Stance.DENY
    assert combine(Stance.ASSERT, probs, 0.7) is Stance.ASSERT
    assert combine(Stance.ASSERT, {}, 0.5) is Stance.ASSERT


def test_model_adds_a_refusal_to_explain_that_the_rules_miss():
    c = claim(UNEXPLAINED, "Her spokesman", "did not explain", "why the meeting was cancelled")
    assert rule_stance(UNEXPLAINED, c) is Stance.ASSERT
    assert classify_stance(UNEXPLAINED, c) is Stance.NO_COMMENT


def test_model_adds_a_challenged_claim_as_a_denial():
    c = claim(CHALLENGED, "The minister", "challenged", "the claim that prices had doubled")
    assert classify_stance(CHALLENGED, c) is Stance.DENY


def test_plain_statement_stays_assert():
    text = "The senator said the bill would pass next week."
    c = claim(text, "The senator", "said", "the bill would pass next week")
    assert classify_stance(text, c) is Stance.ASSERT


def test_without_a_shipped_model_the_rules_decide(monkeypatch):
    monkeypatch.setattr(stance_model, "load_model", lambda: None)
    c = claim(UNEXPLAINED, "Her spokesman", "did not explain", "why the meeting was cancelled")
    assert predict_proba(c) == {}
    assert classify_stance(UNEXPLAINED, c) is Stance.ASSERT
