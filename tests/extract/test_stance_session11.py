"""Stance rules added in session 11 from the hand-labelled PolNeAR train attributions:
refusals to state, open questions, denials by contradiction, retreat or insistence, and
conditions (a fronted "even if"; a discourse "if you look at" is none)
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

QUESTION_CASES = [
    # an act of asking or questioning about a noun phrase
    (
        "The coach was questioned about the injury.",
        "The coach",
        "was questioned about",
        "the injury",
        Q,
    ),
    (
        "The host challenged the senator about his voting record.",
        "The host",
        "challenged the senator about",
        "his voting record",
        Q,
    ),
    (
        "Pressed on what would change his mind, the judge smiled.",
        None,
        "Pressed",
        "on what would change his mind",
        Q,
    ),
    (
        "The mayor was asked a pointed question about the budget.",
        "The mayor",
        "was asked",
        "a pointed question about the budget",
        Q,
    ),
    (
        "A reporter asked about the missing files.",
        "A reporter",
        "asked",
        "about the missing files",
        Q,
    ),
    # ... but questioning a claim is a denial, raising questions is doubt, asking for a thing
    # or someone to act is a request
    (
        "The lawyer questioned the statements about the contract.",
        "The lawyer",
        "questioned",
        "the statements about the contract",
        D,
    ),
    (
        "The audit raised questions about the budget.",
        "The audit",
        "raised questions about",
        "the budget",
        A,
    ),
    (
        "The union asked the board to take over the pension fund.",
        "The union",
        "asked",
        "the board to take over the pension fund",
        A,
    ),
    (
        "The team pushed on with the plan.",
        "The team",
        "pushed",
        "on with the plan",
        A,
    ),
    (
        "Pressed on the deal, the minister smiled.",
        None,
        "Pressed",
        "on the deal",
        Q,
    ),
    # an open question stated as such
    (
        "It is unclear whether the bridge will reopen.",
        None,
        "It is unclear",
        "whether the bridge will reopen",
        Q,
    ),
    (
        "The engineer said it was not clear why the pump failed.",
        "The engineer",
        "said",
        "it was not clear why the pump failed",
        Q,
    ),
    (
        "How many people attended cannot be determined.",
        None,
        "cannot be determined",
        "How many people attended",
        Q,
    ),
    (
        "It remains uncertain whether the dam will hold.",
        None,
        "It remains uncertain",
        "whether the dam will hold",
        Q,
    ),
    # ... but a source uncertain itself states its own state
    (
        "Geologists are uncertain whether the dam will hold.",
        "Geologists",
        "are uncertain",
        "whether the dam will hold",
        A,
    ),
    # ... and a clear statement, or "unclear" without a wh-clause, asserts
    (
        "The engineer said it was clear that the pump failed.",
        "The engineer",
        "said",
        "it was clear that the pump failed",
        A,
    ),
    (
        "The engineer said the cause of the failure was unclear.",
        "The engineer",
        "said",
        "the cause of the failure was unclear",
        A,
    ),
]

DENY_CASES = [
    # contradicting a person or what was said
    ("The aide contradicted him.", "The aide", "contradicted", "him", D),
    (
        "The witness flatly contradicted what the mayor said about the crash.",
        "The witness",
        "flatly contradicted",
        "what the mayor said about the crash",
        D,
    ),
    (
        "The new figures contradicted the forecast.",
        "The new figures",
        "contradicted",
        "the forecast",
        A,
    ),
    # retreating from a claim, defending oneself against one
    (
        "The candidate backed away from a suggestion that he would pay the fines.",
        "The candidate",
        "backed away from",
        "a suggestion that he would pay the fines",
        D,
    ),
    (
        "The candidate backed away from the pipeline project.",
        "The candidate",
        "backed away from",
        "the pipeline project",
        A,
    ),
    (
        "The coach defended herself against charges of favouritism.",
        "The coach",
        "defended",
        "herself against charges of favouritism",
        D,
    ),
    (
        "The coach defended her decision to bench the captain.",
        "The coach",
        "defended",
        "her decision to bench the captain",
        A,
    ),
    # rejecting attacks, a term, or a rejection of an idea
    (
        "The governor rejected attacks from his rivals that he was soft on crime.",
        "The governor",
        "rejected",
        "attacks from his rivals that he was soft on crime",
        D,
    ),
    (
        "The minister rejected the term recession.",
        "The minister",
        "rejected",
        "the term recession",
        D,
    ),
    (
        "The union rejected the terms of the contract.",
        "The union",
        "rejected",
        "the terms of the contract",
        A,
    ),
    (
        "Her platform rests on a rejection of that notion.",
        "Her platform",
        "rests on a rejection of",
        "that notion",
        D,
    ),
    # no evidence in the cue
    (
        "Investigators have no evidence to suggest that the files were copied.",
        "Investigators",
        "have no evidence to suggest",
        "that the files were copied",
        D,
    ),
    # insisting on a negated main clause
    (
        "The club insisted that the payment was not a bribe.",
        "The club",
        "insisted",
        "that the payment was not a bribe",
        D,
    ),
    (
        "The club insists there is no rift in the dressing room.",
        "The club",
        "insists",
        "there is no rift in the dressing room",
        D,
    ),
    # ... but insisting on a positive, a refusal to come, or not knowing asserts
    (
        "The club insisted that the payment was legal.",
        "The club",
        "insisted",
        "that the payment was legal",
        A,
    ),
    (
        "The club insisted it won't sell its best player.",
        "The club",
        "insisted",
        "it won't sell its best player",
        A,
    ),
    (
        "The club insists it does not know where the player is.",
        "The club",
        "insists",
        "it does not know where the player is",
        A,
    ),
    # a plain negated statement with a plain cue stays assert (the guideline's default)
    (
        "The club said that the payment was not a bribe.",
        "The club",
        "said",
        "that the payment was not a bribe",
        A,
    ),
]

C = Stance.CONDITIONAL
CONDITIONAL_CASES = [
    # a fronted concessive condition
    (
        "The economist said even if the plant closed, most jobs would survive.",
        "The economist",
        "said",
        "even if the plant closed, most jobs would survive",
        C,
    ),
    (
        "The economist said that even if the plant closed, most jobs would survive.",
        "The economist",
        "said",
        "that even if the plant closed, most jobs would survive",
        C,
    ),
    # ... "even if" later in the content stays excluded
    (
        "The economist said most jobs would survive even if the plant closed.",
        "The economist",
        "said",
        "most jobs would survive even if the plant closed",
        A,
    ),
    # a discourse "if" conditions the telling, not the statement
    (
        'The analyst said, "If you look at the polls, the race is tied."',
        "The analyst",
        "said",
        '"If you look at the polls, the race is tied."',
        A,
    ),
    (
        'The analyst said, "If you noticed, she never answered."',
        "The analyst",
        "said",
        '"If you noticed, she never answered."',
        A,
    ),
    # ... a real condition on the statement stays conditional
    (
        'The analyst said, "If you raise taxes, the race is lost."',
        "The analyst",
        "said",
        '"If you raise taxes, the race is lost."',
        C,
    ),
    # a condition inside a noun phrase, or a concessive "if" + adverb, is no condition
    (
        "The report makes clear the risks ahead for the club if it wins the title.",
        "The report",
        "makes clear",
        "the risks ahead for the club if it wins the title",
        A,
    ),
    (
        'The blogger wrote, "Odd that they are so openly, if quietly, planning the move."',
        "The blogger",
        "wrote",
        '"Odd that they are so openly, if quietly, planning the move."',
        A,
    ),
]

P = Stance.DOWNPLAY
DOWNPLAY_CASES = [
    # a speaking cue read like "said" for a claim or issue called a joke or no problem
    (
        "The coach told reporters that the rumour was a joke.",
        "The coach",
        "told reporters",
        "that the rumour was a joke",
        P,
    ),
    (
        "The chair argued that the long primary was not a problem.",
        "The chair",
        "argued",
        "that the long primary was not a problem",
        P,
    ),
    # ... telling a joke, calling people ridiculous or a named person a joke is no downplay
    ("The coach told a joke.", "The coach", "told", "a joke", A),
    (
        "The coach told the fans that they were being ridiculous.",
        "The coach",
        "told the fans",
        "that they were being ridiculous",
        A,
    ),
    (
        'The senator said, "Governor Smith is a joke."',
        "The senator",
        "said",
        '"Governor Smith is a joke."',
        A,
    ),
]

CASES = NO_COMMENT_CASES + QUESTION_CASES + DENY_CASES + CONDITIONAL_CASES + DOWNPLAY_CASES

#: (sentence, source, cue, the content's quotations, expected stance)
QUOTATION_CASES = [
    # the first of two quotations is the main statement when it is one of its own
    (
        '"We will keep the old stadium," the mayor said. "If it rains, we play indoors."',
        "the mayor",
        "said",
        ['"We will keep the old stadium,"', '"If it rains, we play indoors."'],
        A,
    ),
    (
        '"If it rains," the mayor said, "we play indoors."',
        "the mayor",
        "said",
        ['"If it rains,"', '"we play indoors."'],
        C,
    ),
    # ... a short opening fragment is not: the condition in the second quotation counts
    (
        '"As mayor," she said, "I will close the road unless the council objects."',
        "she",
        "said",
        ['"As mayor,"', '"I will close the road unless the council objects."'],
        C,
    ),
    # the first quotation is read for a downplay too
    (
        '"Well, it is a silly rumour," the mayor said. "I have known him for years."',
        "the mayor",
        "said",
        [
            '"Well, it is a silly rumour,"',
            '"I have known him for years."',
        ],
        P,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), CASES)
def test_session11_stance(
    text: str, source: str | None, cue: str, content: str, expected: Stance
) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


@pytest.mark.parametrize(("text", "source", "cue", "quotes", "expected"), QUOTATION_CASES)
def test_session11_quotations(
    text: str, source: str, cue: str, quotes: list[str], expected: Stance
) -> None:
    assert rule_stance(text, claim(text, source, cue, quotes)) is expected


def test_a_source_who_asks_and_answers_herself_asserts() -> None:
    """A question answered in the next quotation asserts (the guideline's "asks and answers
    herself"); an elliptical "Neither do I." is no answer, and a lone question stays one."""
    text = '"Is the bridge safe?" the engineer asked. "It is safe for cars."'
    quotes = ['"Is the bridge safe?"', '"It is safe for cars."']
    assert rule_stance(text, claim(text, "the engineer", "asked", quotes)) is A
    text = '"Does anyone know the schedule?" the engineer asked. "Neither do I."'
    quotes = ['"Does anyone know the schedule?"', '"Neither do I."']
    assert rule_stance(text, claim(text, "the engineer", "asked", quotes)) is Q
    text = '"Is the bridge safe?" the engineer asked.'
    assert rule_stance(text, claim(text, "the engineer", "asked", '"Is the bridge safe?"')) is Q


def test_the_first_quotation_or_a_long_contents_opening_can_deny() -> None:
    """A first quotation that calls something untrue denies; a long content denies when it
    opens with a claim called wrong, not for a denial phrase deep inside it."""
    text = '"When I am called a spy, it is not true," the envoy said. "I am a diplomat."'
    quotes = ['"When I am called a spy, it is not true,"', '"I am a diplomat."']
    assert rule_stance(text, claim(text, "the envoy", "said", quotes)) is D
    long = (
        "the minister met farmers, teachers, nurses and local officials across the northern "
        "provinces during the two years before the election, and some say it is not true that "
        "she ignored the south"
    )
    text = f"The ministry said {long}."
    assert rule_stance(text, claim(text, "The ministry", "said", long)) is A
    content = (
        "the report was misleading because it left out the many meetings the minister held "
        "with farmers, teachers, nurses and local officials across the northern provinces "
        "during the two years before the election"
    )
    text = f"The ministry said {content}."
    assert rule_stance(text, claim(text, "The ministry", "said", content)) is D
