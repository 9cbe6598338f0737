"""The learned content-edge model: candidate boundaries, the shipped weights, the cut the
model makes where the tagger is unsure, and the tagger's CRF marginals it relies on.

All sentences are written for these tests (none from the corpora or the reference article).
"""

from __future__ import annotations

import itertools

import numpy
import pytest

from claimtrace.extract.attribution import extract_attributions
from claimtrace.extract.content_edges import (
    CONTENT_PROB,
    candidate_points,
    content_prob_of,
    learned_content_end,
    load_model,
    p_continue,
    sentence_end,
)
from claimtrace.model import Span
from claimtrace.nlp.tree_decode import bio_marginals, bio_viterbi
from tests.extract.test_attribution import _sentencized

CUT_WHICH = "The mayor said the bridge would reopen in May, which delighted the commuters."
CUT_PARTICIPLE = "The coach said the team played well, dialing back his criticism of the defence."
KEEP_AND = "The mayor said the bridge would reopen in May, and the ferry would stop running."
KEEP_BECAUSE = "The coach said the team played well because the defence held firm."


def _claim(text: str, cue: str, content_from: str, content_to: str | None = None):
    """(source, cue, content, confidence) with the content from ``content_from`` to the end
    of ``content_to`` (default: the end of the sentence, before its full stop)."""
    c = text.index(cue)
    lo = text.index(content_from)
    hi = text.index(content_to) + len(content_to) if content_to else text.rindex(".")
    return ((), (Span.of(text, c, c + len(cue)),), (Span.of(text, lo, hi),), 0.9)


def _unsure_at(text: str, word: str, prob: float = 0.3):
    """A tagger's content probability: ``prob`` for the token at ``word``, sure elsewhere."""
    at = text.index(word)
    return lambda start: prob if start == at else 0.99


def _content(claim_spans) -> str:
    return " ".join(s.text for s in claim_spans[2])


def test_candidate_boundaries_are_punctuation_and_linking_words():
    text = "She said prices rose; wages, which lagged, fell because demand slowed."
    start = text.index("prices")
    points = candidate_points(text, start, sentence_end(text, start), "said")
    opened = [text[after : after + 7] for _end, after, _feats in points]
    # a comma before a linking word is the boundary, not the word after it
    assert opened == ["; wages", ", which", ", fell ", "because"]
    ends = [text[:end].rsplit(" ", 1)[-1] for end, _after, _feats in points]
    assert ends == ["rose", "wages", "lagged", "fell"]


def test_a_hyphen_inside_a_word_is_no_boundary_but_a_spaced_dash_is():
    text = "He said the long-term plan works - for now."
    start = text.index("the")
    points = candidate_points(text, start, sentence_end(text, start), "said")
    assert [text[after] for _e, after, _f in points] == ["-"]


def test_sentence_end_stops_before_the_full_stop():
    text = "He said it rained. Then it stopped."
    assert text[: sentence_end(text, 3)] == "He said it rained"


def test_the_shipped_model_tells_clause_kinds_apart():
    model = load_model()
    assert model is not None and 0 < model["cut"] < 1 and 0 < model["gate"] < 1

    def p_at(text: str, opening: str) -> float:
        start = text.index("said") + 5
        for _end, after, feats in candidate_points(text, start, sentence_end(text, start), "said"):
            if text.startswith(opening, after):
                return p_continue(feats, model)
        raise AssertionError(opening)

    # a relative clause or a participle after a comma usually lies outside the content
    assert p_at(CUT_WHICH, ", which") < model["cut"]
    assert p_at(CUT_PARTICIPLE, ", dialing") < model["cut"]
    # a reason clause and a second clause with its own subject usually go on
    assert p_at(KEEP_BECAUSE, "because") > 0.9
    assert p_at(KEEP_AND, ", and") > model["cut"]


def test_an_unsure_tagger_is_overruled_at_a_relative_clause():
    claim = _claim(CUT_WHICH, "said", "the bridge")
    cut = learned_content_end(CUT_WHICH, claim, _unsure_at(CUT_WHICH, ", which"))
    assert _content(cut) == "the bridge would reopen in May"
    assert cut[:2] == claim[:2] and cut[3] == claim[3]  # source, cue, confidence kept
    participle = _claim(CUT_PARTICIPLE, "said", "the team")
    cut = learned_content_end(CUT_PARTICIPLE, participle, _unsure_at(CUT_PARTICIPLE, ", dialing"))
    assert _content(cut) == "the team played well"


def test_a_sure_tagger_is_never_overruled():
    claim = _claim(CUT_WHICH, "said", "the bridge")
    assert learned_content_end(CUT_WHICH, claim, lambda _start: 0.95) == claim


def test_an_unsure_tagger_keeps_a_clause_the_model_says_goes_on():
    for text, opening in ((KEEP_BECAUSE, "because"), (KEEP_AND, ", and")):
        claim = _claim(text, "said", "the ")
        assert learned_content_end(text, claim, _unsure_at(text, opening)) == claim


def test_no_probabilities_or_a_content_before_its_cue_is_left_alone():
    claim = _claim(CUT_WHICH, "said", "the bridge")
    assert learned_content_end(CUT_WHICH, claim, lambda _start: None) == claim
    text = "The bridge would reopen in May, which delighted the commuters, the mayor said."
    before = _claim(text, "said", "The bridge", "commuters")
    assert learned_content_end(text, before, _unsure_at(text, ", which")) == before


def test_a_cut_never_splits_a_quotation():
    text = "The mayor said the bridge would reopen “in May, which suits everyone.”"
    claim = _claim(text, "said", "the bridge", "everyone")
    assert learned_content_end(text, claim, _unsure_at(text, ", which")) == claim


def test_extraction_cuts_only_with_the_taggers_probabilities():
    def tagged(probs: bool):
        doc = _sentencized(CUT_WHICH)
        marks = [("SOURCE", "The mayor"), ("CUE", "said"), ("CONTENT", "the bridge")]
        ents = []
        for label, sub in marks:
            lo = CUT_WHICH.index(sub)
            hi = CUT_WHICH.index("commuters") + 9 if label == "CONTENT" else lo + len(sub)
            ents.append(doc.char_span(lo, hi, label=label))
        doc.ents = ents
        if probs:
            comma = CUT_WHICH.index(", which")
            doc.user_data[CONTENT_PROB] = [0.3 if t.idx == comma else 0.99 for t in doc]
        return doc

    (plain,) = extract_attributions(CUT_WHICH, tagged=tagged(False), hedge_rules=False)
    assert plain.content[-1].text.endswith("the commuters")
    (cut,) = extract_attributions(CUT_WHICH, tagged=tagged(True), hedge_rules=False)
    assert [s.text for s in cut.content] == ["the bridge would reopen in May"]
    assert [s.text for s in cut.source] == ["The mayor"]


def test_content_prob_of_reads_tokens_by_their_start():
    doc = _sentencized("He said so.")
    assert content_prob_of(doc) is None  # a tagger that leaves none (the CNN tagger)
    doc.user_data[CONTENT_PROB] = [0.1, 0.2, 0.9, None]
    prob = content_prob_of(doc)
    assert prob is not None
    assert (prob(0), prob(3), prob(8), prob(10), prob(1)) == (0.1, 0.2, 0.9, None, None)


TAGS = ("O", "B-X", "I-X")


def test_bio_marginals_match_brute_force_over_valid_sequences():
    rng = numpy.random.default_rng(7)
    scores = rng.normal(size=(4, 3))
    transitions = rng.normal(size=(3, 3))
    weights = {}
    for seq in itertools.product(range(3), repeat=4):
        tags = [TAGS[t] for t in seq]
        valid = all(
            not tag.startswith("I-") or (i > 0 and tags[i - 1] in ("B-X", "I-X"))
            for i, tag in enumerate(tags)
        )
        if valid:
            score = sum(scores[i, t] for i, t in enumerate(seq))
            score += sum(transitions[a, b] for a, b in itertools.pairwise(seq))
            weights[seq] = numpy.exp(score)
    total = sum(weights.values())
    expected = numpy.zeros((4, 3))
    for seq, w in weights.items():
        for i, t in enumerate(seq):
            expected[i, t] += w / total
    got = bio_marginals(scores, TAGS, transitions)
    assert numpy.allclose(got, expected)
    assert got[0, TAGS.index("I-X")] < 1e-9  # no sequence starts inside a span


def test_bio_marginals_agree_with_viterbi_when_scores_are_clear():
    scores = numpy.log(
        numpy.array([[0.9, 0.05, 0.05], [0.05, 0.9, 0.05], [0.05, 0.05, 0.9], [0.9, 0.05, 0.05]])
    )
    got = bio_marginals(scores, TAGS)
    assert got.argmax(axis=1).tolist() == bio_viterbi(scores, TAGS) == [0, 1, 2, 0]
    assert numpy.allclose(got.sum(axis=1), 1.0)
    assert bio_marginals(numpy.zeros((0, 3)), TAGS).shape == (0, 3)


def test_the_shipped_accurate_tagger_leaves_its_content_probabilities():
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from claimtrace.extract.attribution import load_tagger
    from claimtrace.nlp import factories

    tagger = load_tagger(factories._PACKAGED / factories.ATTRIBUTION_ACCURATE)
    text = "The harbour authority said on Tuesday that the new pier would open in May."
    doc = tagger(text)
    probs = doc.user_data[CONTENT_PROB]
    assert len(probs) == len(doc)
    by_word = {t.text: p for t, p in zip(doc, probs, strict=True)}
    assert all(0.0 <= p <= 1.0 for p in probs if p is not None)
    assert by_word["pier"] > 0.9 and by_word["authority"] < 0.1
