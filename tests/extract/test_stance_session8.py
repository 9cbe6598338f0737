"""Stance rules added in session 8 for the rare labels (issue #4): general English coverage
of denial, dismissal, refusal, non-response and condition by docs/guidelines-stance.md.
Every sentence here was written for the test (none comes from a corpus)."""

from __future__ import annotations

import pytest

from claimtrace.extract.stance import rule_stance
from claimtrace.model import Stance
from tests.extract.test_stance_general_rules import claim

# (sentence, source, cue, content, expected stance)
CASES = [
    # no_comment: a negated telling verb before a wh-clause
    (
        "The mayor did not say whether the budget would be cut.",
        "The mayor",
        "did not say",
        "whether the budget would be cut",
        Stance.NO_COMMENT,
    ),
    (
        "The company has not explained why the plant closed.",
        "The company",
        "has not explained",
        "why the plant closed",
        Stance.NO_COMMENT,
    ),
    (
        "The coach isn't saying yet who will start on Sunday.",
        "The coach",
        "isn't saying yet",
        "who will start on Sunday",
        Stance.NO_COMMENT,
    ),
    # ... but a negated telling verb before a that-clause is an omission: assert
    (
        "The mayor did not say that the budget would be cut.",
        "The mayor",
        "did not say",
        "that the budget would be cut",
        Stance.ASSERT,
    ),
    # no_comment: a negated disclosing verb
    (
        "The league did not disclose the size of the fine.",
        "The league",
        "did not disclose",
        "the size of the fine",
        Stance.NO_COMMENT,
    ),
    (
        "The developer won't reveal the price of the tower.",
        "The developer",
        "won't reveal",
        "the price of the tower",
        Stance.NO_COMMENT,
    ),
    (
        "The senator did not spell out her plan for the tariffs.",
        "The senator",
        "did not spell out",
        "her plan for the tariffs",
        Stance.NO_COMMENT,
    ),
    # ... "has not yet released" is about timing, not withholding: assert
    (
        "The bureau has not yet released its figures for this year.",
        "The bureau",
        "has not yet released",
        "its figures for this year",
        Stance.ASSERT,
    ),
    # no_comment: an adverb inside a non-response phrase
    (
        "The airline did not directly respond to questions about the delays.",
        "The airline",
        "did not directly respond to",
        "questions about the delays",
        Stance.NO_COMMENT,
    ),
    # no_comment: refusals of more acts (-ing forms, nouns, words, apologies)
    (
        "The governor avoided direct criticism of her rival.",
        "The governor",
        "avoided direct criticism of",
        "her rival",
        Stance.NO_COMMENT,
    ),
    (
        "The manager avoids discussing the layoffs.",
        "The manager",
        "avoids discussing",
        "the layoffs",
        Stance.NO_COMMENT,
    ),
    (
        "The councilman has refrained from naming the donors.",
        "The councilman",
        "has refrained from",
        "naming the donors",
        Stance.NO_COMMENT,
    ),
    (
        "The star refused to apologize for the remark.",
        "The star",
        "refused",
        "to apologize for the remark",
        Stance.NO_COMMENT,
    ),
    (
        "The witness refused to turn over his phone records.",
        "The witness",
        "refused",
        "to turn over his phone records",
        Stance.NO_COMMENT,
    ),
    (
        "The candidate declined to call the attack terrorism.",
        "The candidate",
        "declined",
        "to call the attack terrorism",
        Stance.NO_COMMENT,
    ),
    (
        "The chairman stopped short of committing to a vote.",
        "The chairman",
        "stopped short of committing",
        "to a vote",
        Stance.NO_COMMENT,
    ),
    (
        "The author declined repeated requests for an interview.",
        "The author",
        "declined",
        "repeated requests for an interview",
        Stance.NO_COMMENT,
    ),
    (
        "The governor refused to attack his rival on her record.",
        "The governor",
        "refused",
        "to attack his rival on her record",
        Stance.NO_COMMENT,
    ),
    # ... refusing an act that is not a statement stays an assert
    (
        "The union refused to sign the contract.",
        "The union",
        "refused",
        "to sign the contract",
        Stance.ASSERT,
    ),
    # no_comment: a negated will to state (an inability is not a refusal)
    (
        "The coach would not identify the injured players.",
        "The coach",
        "would not identify",
        "the injured players",
        Stance.NO_COMMENT,
    ),
    (
        "The envoy wouldn't directly speculate about the motives of the rebels.",
        "The envoy",
        "wouldn't directly speculate about",
        "the motives of the rebels",
        Stance.NO_COMMENT,
    ),
    # no_comment: evasion cues
    (
        "The senator has waffled on whether she backs the treaty.",
        "The senator",
        "has waffled on",
        "whether she backs the treaty",
        Stance.NO_COMMENT,
    ),
    (
        "The director has been cagey about her next film.",
        "The director",
        "has been cagey about",
        "her next film",
        Stance.NO_COMMENT,
    ),
    (
        "The minister remained tight-lipped about the talks.",
        "The minister",
        "remained tight-lipped about",
        "the talks",
        Stance.NO_COMMENT,
    ),
    (
        "The nominee skirted the question of his finances.",
        "The nominee",
        "skirted",
        "the question of his finances",
        Stance.NO_COMMENT,
    ),
    (
        "The treasurer had no comment on the audit.",
        "The treasurer",
        "had no comment on",
        "the audit",
        Stance.NO_COMMENT,
    ),
    # a trying cue whose content opens with the act
    (
        "The mayor tried to dodge the question about the contract.",
        "The mayor",
        "tried",
        "to dodge the question about the contract",
        Stance.NO_COMMENT,
    ),
    (
        "The coach sought to play down the injury.",
        "The coach",
        "sought",
        "to play down the injury",
        Stance.DOWNPLAY,
    ),
    (
        "The firm moved quickly to rebut the claims in the lawsuit.",
        "The firm",
        "moved quickly",
        "to rebut the claims in the lawsuit",
        Stance.DENY,
    ),
    (
        "The coach sought to improve the defence.",
        "The coach",
        "sought",
        "to improve the defence",
        Stance.ASSERT,
    ),
    # deny: challenging, doubting or disagreeing with a claim
    (
        "The professor challenged the assertion that the tests were fair.",
        "The professor",
        "challenged",
        "the assertion that the tests were fair",
        Stance.DENY,
    ),
    (
        "The auditors questioned the accuracy of the company's figures.",
        "The auditors",
        "questioned",
        "the accuracy of the company's figures",
        Stance.DENY,
    ),
    (
        "The agency disagreed with the characterization of its role.",
        "The agency",
        "disagreed with",
        "the characterization of its role",
        Stance.DENY,
    ),
    # ... a person, a plan or a contest is not a claim
    (
        "The mayor challenged her opponent to a debate.",
        "The mayor",
        "challenged",
        "her opponent to a debate",
        Stance.ASSERT,
    ),
    (
        "The committee questioned the wisdom of the merger.",
        "The committee",
        "questioned",
        "the wisdom of the merger",
        Stance.ASSERT,
    ),
    (
        "The two parties disagree over how the money should be spent.",
        "The two parties",
        "disagree over",
        "how the money should be spent",
        Stance.ASSERT,
    ),
    # deny: the claim noun is inside the cue
    (
        "The spokeswoman rejected any suggestion that the deal was rushed.",
        "The spokeswoman",
        "rejected any suggestion that",
        "the deal was rushed",
        Stance.DENY,
    ),
    (
        "The actor has rejected the label.",
        "The actor",
        "has rejected",
        "the label",
        Stance.DENY,
    ),
    # deny: a claim called wrong, misleading or false; lies
    (
        "The lawyer said the allegations were simply wrong.",
        "The lawyer",
        "said",
        "the allegations were simply wrong",
        Stance.DENY,
    ),
    (
        "The campaign said the report is misleading.",
        "The campaign",
        "said",
        "the report is misleading",
        Stance.DENY,
    ),
    (
        "The fact-checkers deemed those claims false.",
        "The fact-checkers",
        "deemed",
        "those claims false",
        Stance.DENY,
    ),
    (
        'The owner called the story "a bald-faced lie."',
        "The owner",
        "called",
        'the story "a bald-faced lie."',
        Stance.DENY,
    ),
    (
        "The pastor said the rumours about the church were all lies.",
        "The pastor",
        "said",
        "the rumours about the church were all lies",
        Stance.DENY,
    ),
    (
        "The inspector said there was no evidence that the pipes had leaked.",
        "The inspector",
        "said",
        "there was no evidence that the pipes had leaked",
        Stance.DENY,
    ),
    (
        "The senator said the myth that tax cuts pay for themselves has to end.",
        "The senator",
        "said",
        "the myth that tax cuts pay for themselves has to end",
        Stance.DENY,
    ),
    # ... a policy called wrong is an opinion
    (
        "The bishop said the law is wrong.",
        "The bishop",
        "said",
        "the law is wrong",
        Stance.ASSERT,
    ),
    # downplay: mocking a claim, a worry or an effort (not a person)
    (
        "The minister mocked the idea that the bridge was unsafe.",
        "The minister",
        "mocked",
        "the idea that the bridge was unsafe",
        Stance.DOWNPLAY,
    ),
    (
        "The chief ridiculed concerns about the new cameras.",
        "The chief",
        "ridiculed",
        "concerns about the new cameras",
        Stance.DOWNPLAY,
    ),
    (
        "The comedian mocked the senator for his haircut.",
        "The comedian",
        "mocked",
        "the senator for his haircut",
        Stance.ASSERT,
    ),
    # downplay: phrasal minimising verbs and dismissive names
    (
        "The manager waved aside the complaints from the staff.",
        "The manager",
        "waved aside",
        "the complaints from the staff",
        Stance.DOWNPLAY,
    ),
    (
        "The coach batted away talk of a slump.",
        "The coach",
        "batted away",
        "talk of a slump",
        Stance.DOWNPLAY,
    ),
    (
        'The mayor called the audit "political theater."',
        "The mayor",
        "called",
        'the audit "political theater."',
        Stance.DOWNPLAY,
    ),
    (
        'The company called the lawsuit "preposterous."',
        "The company",
        "called",
        'the lawsuit "preposterous."',
        Stance.DOWNPLAY,
    ),
    # downplay: a worry said to be overblown, with a prepositional phrase and quotes
    (
        "The analyst told clients that fears about the housing market were 'overblown.'",
        "The analyst",
        "told clients",
        "that fears about the housing market were 'overblown.'",
        Stance.DOWNPLAY,
    ),
    # question: more asking verbs (and British spellings)
    (
        "The auditor queried whether the invoices had been paid.",
        "The auditor",
        "queried",
        "whether the invoices had been paid",
        Stance.QUESTION,
    ),
    (
        "The inspector enquired how the fire had started.",
        "The inspector",
        "enquired",
        "how the fire had started",
        Stance.QUESTION,
    ),
    # conditional: more markers and an inverted condition
    (
        "The union said it would end the strike so long as wages rise.",
        "The union",
        "said",
        "it would end the strike so long as wages rise",
        Stance.CONDITIONAL,
    ),
    (
        "The envoy said the talks would resume on condition that the shelling stops.",
        "The envoy",
        "said",
        "the talks would resume on condition that the shelling stops",
        Stance.CONDITIONAL,
    ),
    (
        "The coach said that were he to leave, the team would struggle.",
        "The coach",
        "said",
        "that were he to leave, the team would struggle",
        Stance.CONDITIONAL,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), CASES)
def test_session8_stance(text: str, source: str, cue: str, content: str, expected: Stance) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


def test_trying_cue_moves_only_the_act() -> None:
    """The act read into the cue leaves the rest as the content: rejecting "the claims"
    denies, rejecting "the plan" (not a claim) asserts."""
    for obj, expected in (("the claims", Stance.DENY), ("the plan", Stance.ASSERT)):
        text = f"The firm sought to reject {obj} of the union."
        c = claim(text, "The firm", "sought", f"to reject {obj} of the union")
        assert rule_stance(text, c) is expected
