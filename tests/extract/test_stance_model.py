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
#: examples the rules (since session 11) still leave at assert, for the backup to overturn
#: (a plain "did not blame": the train labels on it are too few for a rule)
WITHHELD_BLAME = "The governor did not blame the agency for the delay."
FOUGHT = "The minister fought back against the claim that prices had doubled."


def withheld_blame() -> Claim:
    return claim(WITHHELD_BLAME, "The governor", "did not blame", "the agency for the delay")


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


def test_a_refusal_to_explain_is_caught_by_the_rules_since_session_8():
    # the backup once added it; a negated telling verb before a wh-clause is now a rule
    c = claim(UNEXPLAINED, "Her spokesman", "did not explain", "why the meeting was cancelled")
    assert rule_stance(UNEXPLAINED, c) is Stance.NO_COMMENT
    assert classify_stance(UNEXPLAINED, c, backup=True) is Stance.NO_COMMENT


def test_model_leans_to_deny_for_a_challenged_claim():
    # the rules miss it; the model's best label is deny, and classify_stance applies the
    # shipped threshold to it (session 5 raised the threshold to 0.75)
    # ("challenged the claim that" is a rule since session 8: a rebuttal the rules miss)
    c = claim(FOUGHT, "The minister", "fought back against", "the claim that prices had doubled")
    assert rule_stance(FOUGHT, c) is Stance.ASSERT
    probs = predict_proba(c, Stance.ASSERT, text=FOUGHT)
    assert max(probs, key=probs.__getitem__) == "deny"
    assert probs["deny"] > 0.5
    assert classify_stance(FOUGHT, c, backup=True) is combine(Stance.ASSERT, probs)


def test_model_adds_a_withheld_blame_that_the_rules_miss():
    c = withheld_blame()
    assert rule_stance(WITHHELD_BLAME, c) is Stance.ASSERT
    assert classify_stance(WITHHELD_BLAME, c, backup=True) is Stance.NO_COMMENT


def test_a_withheld_apology_is_caught_by_the_rules_since_session_11():
    # the backup once added it; a negated "apologize" is a rule since session 11
    text = "The governor did not apologize for his remarks."
    c = claim(text, "The governor", "did not apologize for", "his remarks")
    assert rule_stance(text, c) is Stance.NO_COMMENT
    assert classify_stance(text, c, backup=True) is Stance.NO_COMMENT


def test_plain_statement_stays_assert():
    text = "The senator said the bill would pass next week."
    c = claim(text, "The senator", "said", "the bill would pass next week")
    assert classify_stance(text, c, backup=True) is Stance.ASSERT


def test_without_a_shipped_model_the_rules_decide(monkeypatch):
    monkeypatch.setattr(stance_model, "load_model", lambda: None)
    c = withheld_blame()
    assert predict_proba(c) == {}
    assert classify_stance(WITHHELD_BLAME, c, backup=True) is Stance.ASSERT


def test_features_name_the_negated_or_refused_verb():
    text = "He did not mention Ryan. She declined to comment. He refused to admit that he lied."
    negated = claim(text, "He", "did not mention", "Ryan")
    assert "negv=mention" in stance_features(negated)
    declined = claim(text, "She", "declined", "to comment")
    assert "refv=comment" in stance_features(declined)
    refused = claim(text, "He", "refused to admit", "that he lied")
    assert "refv=admit" in stance_features(refused)
    assert not any(f.startswith("refv=") for f in stance_features(negated))


def test_untrue_head_covers_misleading_and_distorted():
    text = "The campaign said the report was misleading."
    c = claim(text, "The campaign", "said", "the report was misleading")
    assert "untrue_head" in stance_features(c)


def test_context_features_read_the_words_around_the_attribution():
    text = (
        "It rained. When asked, the mayor, through a spokesman, would not say whether "
        "the plan was dead, did he?"
    )
    c = claim(text, "the mayor", "would not say", "whether the plan was dead")
    feats = stance_features(c, Stance.ASSERT, text)
    assert {"lw=when", "lw=asked", "l1=asked", "gw=spokesman", "rw=did", "sent_q"} <= set(feats)
    assert "lw=rained" not in feats  # the previous sentence is not context
    assert not [f for f in stance_features(c, Stance.ASSERT) if f.startswith(("lw=", "gw="))]


def test_context_features_notice_a_negation_before_the_window():
    text = "Officials did not, the senator said, release the memo."
    c = claim(text, "the senator", "said", "release the memo")
    assert "ctx_neg" in stance_features(c, None, text)


def test_context_features_need_the_text_the_spans_point_into():
    c = claim(CHALLENGED, "The minister", "challenged", "the claim that prices had doubled")
    assert stance_features(c, None, "x" * len(CHALLENGED)) == stance_features(c)


def test_shipped_model_records_its_settings():
    model = load_model()
    assert model is not None
    assert model["class_weight"] in (None, "balanced")
    assert isinstance(model["context"], bool)
    assert model["C"] > 0 and model["min_count"] >= 1


def test_predict_proba_reads_context_only_for_a_context_model():
    text = "When asked, the mayor said nothing about the plan."
    c = claim(text, "the mayor", "said", "nothing about the plan")
    base = {"labels": ["assert", "question"], "intercept": [0.0, 0.0], "uses_rule": False}
    weights = {"l1=asked": [0.0, 5.0]}
    plain = predict_proba(c, model={**base, "weights": weights, "context": False}, text=text)
    ctx = predict_proba(c, model={**base, "weights": weights, "context": True}, text=text)
    assert plain["question"] == pytest.approx(0.5)
    assert ctx["question"] > 0.99


def test_the_backup_is_off_by_default_and_on_by_setting(monkeypatch):
    # session 6: the rules alone did better on held-out data, so the model only speaks
    # when asked (argument, $CLAIMTRACE_STANCE_BACKUP or the component's config)
    from claimtrace.extract.stance import BACKUP_ENV, analyze_claim

    c = withheld_blame()
    monkeypatch.delenv(BACKUP_ENV, raising=False)
    assert classify_stance(WITHHELD_BLAME, c) is Stance.ASSERT
    assert analyze_claim(WITHHELD_BLAME, c).stance is Stance.ASSERT
    assert analyze_claim(WITHHELD_BLAME, c, backup=True).stance is Stance.NO_COMMENT
    monkeypatch.setenv(BACKUP_ENV, "1")
    assert classify_stance(WITHHELD_BLAME, c) is Stance.NO_COMMENT
    assert classify_stance(WITHHELD_BLAME, c, backup=False) is Stance.ASSERT
    monkeypatch.setenv(BACKUP_ENV, "0")
    assert classify_stance(WITHHELD_BLAME, c) is Stance.ASSERT


def test_an_unknown_backup_setting_is_reported_not_silently_ignored(monkeypatch, caplog):
    from claimtrace.extract.stance import BACKUP_ENV, backup_kind

    monkeypatch.setenv(BACKUP_ENV, "tranformer")
    with caplog.at_level("WARNING", logger="claimtrace.extract.stance"):
        assert backup_kind() is None
    assert "'tranformer' names no stance backup" in caplog.text
    caplog.clear()
    monkeypatch.setenv(BACKUP_ENV, "off")
    with caplog.at_level("WARNING", logger="claimtrace.extract.stance"):
        assert backup_kind() is None
    assert caplog.text == ""


def test_the_stance_component_takes_the_backup_setting(monkeypatch):
    import spacy

    import claimtrace.nlp.factories  # noqa: F401  (registers the components)
    from claimtrace.extract.stance import BACKUP_ENV

    monkeypatch.delenv(BACKUP_ENV, raising=False)
    c = withheld_blame()
    stances = {}
    for backup in (None, True, False):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("claimtrace_stance", config={"backup": backup})
        doc = nlp.make_doc(WITHHELD_BLAME)
        doc = nlp.get_pipe("sentencizer")(doc)
        doc._.ct_claims = [c]
        stances[backup] = nlp.get_pipe("claimtrace_stance")(doc)._.ct_claims[0].stance
    assert stances == {None: Stance.ASSERT, True: Stance.NO_COMMENT, False: Stance.ASSERT}
