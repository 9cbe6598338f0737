"""Stance and hedge rules added in session 3 while developing on the dev half of gold batch
b5 (FNC-1 rumour news): general constructions, tested on sentences written for the test."""

from __future__ import annotations

import pytest

from claimtrace.extract.stance import find_hedges, rule_stance
from claimtrace.model import Claim, Span, Stance


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def claim(text: str, source: str | None, cue: str, content: str | list[str]) -> Claim:
    contents = [content] if isinstance(content, str) else content
    return Claim(
        id="c1",
        source=(span(text, source),) if source else (),
        cue=(span(text, cue),),
        content=tuple(span(text, c) for c in contents if c),
    )


CASES = [
    # the source does not state what is asked of it
    (
        "The agency has been unable to verify the footage.",
        "The agency",
        "has been unable to verify",
        "the footage",
        Stance.NO_COMMENT,
    ),
    (
        "The ministry is yet to confirm whether the envoy will attend.",
        "The ministry",
        "is yet to confirm",
        "whether the envoy will attend",
        Stance.NO_COMMENT,
    ),
    (
        "Police gave no further details about the arrest.",
        "Police",
        "gave no further details about",
        "the arrest",
        Stance.NO_COMMENT,
    ),
    (
        "Emails to the company went unanswered.",
        "the company",
        "Emails to",
        "went unanswered",
        Stance.NO_COMMENT,
    ),
    # ... but confirming, or reporting someone else's silence, asserts
    (
        "The ministry confirmed that the envoy will attend.",
        "The ministry",
        "confirmed",
        "that the envoy will attend",
        Stance.ASSERT,
    ),
    (
        "The lawyer said his client could not confirm the dates.",
        "The lawyer",
        "said",
        "his client could not confirm the dates",
        Stance.ASSERT,
    ),
    # seeking to know, and asking in the first person
    (
        "Investigators are trying to determine why the plane lost altitude.",
        "Investigators",
        "are trying to determine",
        "why the plane lost altitude",
        Stance.QUESTION,
    ),
    (
        "Regulators are looking into how the data was shared.",
        "Regulators",
        "are looking into",
        "how the data was shared",
        Stance.QUESTION,
    ),
    (
        "The court will determine whether the law applies.",
        "The court",
        "will determine",
        "whether the law applies",
        Stance.ASSERT,
    ),
    (
        '"I wonder whether anyone checked the wiring," the engineer said.',
        "the engineer",
        "said",
        '"I wonder whether anyone checked the wiring,"',
        Stance.QUESTION,
    ),
    # a declarative "that"-clause followed by a rhetorical question of its own
    (
        "The critic noted that the budget is too small. And who would fund it?",
        "The critic",
        "noted",
        "that the budget is too small. And who would fund it?",
        Stance.ASSERT,
    ),
    # a participle that goes on from a deny or downplay cue of the same source
    (
        "The embassy rejected the allegation, saying no visas had been sold.",
        "The embassy",
        "saying",
        "no visas had been sold",
        Stance.DENY,
    ),
    (
        "The coach brushed off the criticism, adding that the team was fine.",
        "The coach",
        "adding",
        "that the team was fine",
        Stance.DOWNPLAY,
    ),
    (
        "The mayor thanked the volunteers, saying the park looked better.",
        "The mayor",
        "saying",
        "the park looked better",
        Stance.ASSERT,
    ),
    (
        "The firm did not deny the report, saying only that it was reviewing it.",
        "The firm",
        "saying",
        "only that it was reviewing it",
        Stance.ASSERT,
    ),
    # a claim called untrue as a predicate, not as an attribute
    (
        'The spokesman called the allegations "groundless".',
        "The spokesman",
        "called",
        'the allegations "groundless"',
        Stance.DENY,
    ),
    ("He said the claims were unfounded.", "He", "said", "the claims were unfounded", Stance.DENY),
    (
        "The senator said an unfounded theory had spread online.",
        "The senator",
        "said",
        "an unfounded theory had spread online",
        Stance.ASSERT,
    ),
    # only the content's first sentence can make it conditional
    (
        '"We have received the letter. If it is authentic, we will respond," the office said.',
        "the office",
        "said",
        '"We have received the letter. If it is authentic, we will respond,"',
        Stance.ASSERT,
    ),
    (
        '"If it is authentic, we will respond," the office said.',
        "the office",
        "said",
        '"If it is authentic, we will respond,"',
        Stance.CONDITIONAL,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "stance"), CASES)
def test_general_stance_rules(text, source, cue, content, stance):
    assert rule_stance(text, claim(text, source, cue, content)) == stance


def test_media_called_a_hoax_is_downplayed_even_around_the_cue():
    text = "The image appears to be a hoax."
    c = claim(text, None, "appears", ["The image", "to be a hoax"])
    assert rule_stance(text, c) == Stance.DOWNPLAY
    text = "The image appears to be genuine."
    c = claim(text, None, "appears", ["The image", "to be genuine"])
    assert rule_stance(text, c) == Stance.ASSERT


def test_passive_evidential_cue_is_the_reporters_hedge():
    text = "The captain, who is said to be ill, stayed ashore."
    (h,) = find_hedges(text, claim(text, "who", "is said", "to be ill"))
    assert (h.span.text, h.carrier) == ("said", "reporter")
    text = "The vessel is believed to have sunk."
    c = claim(text, None, "is believed", "The vessel is believed to have sunk")
    (h,) = find_hedges(text, c)
    assert (h.cue, h.carrier) == ("believe", "reporter")


def test_narrators_adverb_inside_the_cue_is_the_reporters():
    text = "The singer reportedly told friends she was quitting."
    (h,) = find_hedges(text, claim(text, "The singer", "reportedly told", "she was quitting"))
    assert (h.cue, h.carrier) == ("reportedly", "reporter")


def test_speculation_is_a_hedge_and_a_finite_speculates_is_the_sources():
    text = "Traders said shares rose amid speculation about a merger."
    c = claim(text, "Traders", "said", "shares rose amid speculation about a merger")
    (h,) = find_hedges(text, c)
    assert (h.cue, h.carrier) == ("speculation", "source")
    text = "The analyst speculates that prices will fall."
    (h,) = find_hedges(text, claim(text, "The analyst", "speculates", "that prices will fall"))
    assert (h.cue, h.carrier) == ("speculate", "source")
