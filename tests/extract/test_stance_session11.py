"""Stance rules added in session 11 from the hand-labelled PolNeAR train attributions:
refusals to state, open questions, and denials by contradiction, retreat or insistence
(docs/guidelines-stance.md, "Session 11 conventions"). Every sentence here was written for
the test (none comes from a corpus); each family has cases that must stay ``assert``."""

from __future__ import annotations

import pytest

from claimtrace.extract.stance import rule_stance
from claimtrace.model import Stance
from tests.extract.test_stance_general_rules import claim

A, Q, N, D = Stance.ASSERT, Stance.QUESTION, Stance.NO_COMMENT, Stance.DENY

# (sentence, source, cue, content, expected stance)
NO_COMMENT_CASES = [
    # a refused statement: "declined to offer an estimate", "refused to take a firm stand"
    (
        "The treasurer declined to offer her own estimate of the shortfall.",
        "The treasurer",
        "declined to offer",
        "her own estimate of the shortfall",
        N,
    ),
    (
        "The bishop has refused to take a clear stand on the merger.",
        "The bishop",
        "has refused to",
        "take a clear stand on the merger",
        N,
    ),
    (
        "The striker declined to claim credit for the late goal.",
        "The striker",
        "declined to claim",
        "credit for the late goal",
        N,
    ),
    # ... but refusing an offer of help or a claim for money is an action
    (
        "The farmers refused to pay the insurance claim.",
        "The farmers",
        "refused",
        "to pay the insurance claim",
        A,
    ),
    (
        "The town declined to offer shelter to the visitors.",
        "The town",
        "declined to offer",
        "shelter to the visitors",
        A,
    ),
    # a negated will to rule out: the source does not state
    (
        "The governor would not rule out a second term.",
        "The governor",
        "would not rule out",
        "a second term",
        N,
    ),
    (
        "The governor did not rule out a second term.",
        "The governor",
        "did not rule out",
        "a second term",
        A,
    ),
    # a withheld apology
    (
        "The chef did not apologize for the remarks about his rivals.",
        "The chef",
        "did not apologize for",
        "the remarks about his rivals",
        N,
    ),
    (
        "The chef has never apologised for the menu.",
        "The chef",
        "has never apologised for",
        "the menu",
        N,
    ),
    (
        "The chef apologized for the remarks about his rivals.",
        "The chef",
        "apologized for",
        "the remarks about his rivals",
        A,
    ),
    # a piece of information not released or announced
    (
        "The club did not release the amount of the transfer fee.",
        "The club",
        "did not release",
        "the amount of the transfer fee",
        N,
    ),
    (
        "The organisers have not publicly announced their choice of venue.",
        "The organisers",
        "have not publicly announced",
        "their choice of venue",
        N,
    ),
    (
        "The ministry has not yet announced the date of the vote.",
        "The ministry",
        "has not yet announced",
        "the date of the vote",
        A,
    ),
    (
        "The army did not release the hostages on Friday.",
        "The army",
        "did not release",
        "the hostages on Friday",
        A,
    ),
    # avoiding an explicit statement: "did not directly criticize", "did not mention X by name"
    (
        "The senator did not directly criticize her colleague.",
        "The senator",
        "did not directly criticize",
        "her colleague",
        N,
    ),
    (
        "The pastor did not mention the mayor by name.",
        "The pastor",
        "did not mention",
        "the mayor by name",
        N,
    ),
    (
        "The pastor did not mention the new hymn book.",
        "The pastor",
        "did not mention",
        "the new hymn book",
        A,
    ),
    (
        "The senator criticized her colleague directly.",
        "The senator",
        "criticized",
        "her colleague directly",
        A,
    ),
]

CASES = NO_COMMENT_CASES


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), CASES)
def test_session11_stance(
    text: str, source: str | None, cue: str, content: str, expected: Stance
) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected
