"""Stance rules added in session 12 for the rare stances of unseen news text: refusals
reported in the source's own words and failed attempts to reach it (no_comment), rebuffs
and untrue predicates (deny), dismissive verbs and words (downplay), inverted and fronted
conditions (conditional), and asking acts after a trying cue (question). Every sentence
here was written for the test (none comes from a corpus); each family has cases that must
stay ``assert``."""

from __future__ import annotations

import pytest

from claimtrace.extract.stance import rule_stance
from claimtrace.model import Stance
from tests.extract.test_stance_general_rules import claim

A, Q, N = Stance.ASSERT, Stance.QUESTION, Stance.NO_COMMENT
D, P, C = Stance.DENY, Stance.DOWNPLAY, Stance.CONDITIONAL

# (sentence, source, cue, content, expected stance)
NO_COMMENT_CASES = [
    # the source's own refusal, reported in its content
    (
        "The ministry said it would not speculate on the cause of the crash.",
        "The ministry",
        "said",
        "it would not speculate on the cause of the crash",
        N,
    ),
    (
        "The palace said it would not discuss private matters.",
        "The palace",
        "said",
        "it would not discuss private matters",
        N,
    ),
    (
        "A spokesman said they would not be commenting at this stage.",
        "A spokesman",
        "said",
        "they would not be commenting at this stage",
        N,
    ),
    (
        "Google said it does not comment on unannounced products.",
        "Google",
        "said",
        "it does not comment on unannounced products",
        N,
    ),
    (
        "The club said it did not wish to comment.",
        "The club",
        "said",
        "it did not wish to comment",
        N,
    ),
    (
        "The company said it was not in a position to comment.",
        "The company",
        "said",
        "it was not in a position to comment",
        N,
    ),
    (
        'Asked about the rumours, the actor said: "I\'m not going to talk about that."',
        "the actor",
        "said",
        '"I\'m not going to talk about that."',
        N,
    ),
    (
        "The police said they would not be releasing further details.",
        "The police",
        "said",
        "they would not be releasing further details",
        N,
    ),
    (
        "The department said it would be inappropriate to comment on an ongoing case.",
        "The department",
        "said",
        "it would be inappropriate to comment on an ongoing case",
        N,
    ),
    (
        "The ministry said it had nothing further to add.",
        "The ministry",
        "said",
        "it had nothing further to add",
        N,
    ),
    (
        'The label said it had "no comment at this time".',
        "The label",
        "said",
        'it had "no comment at this time"',
        N,
    ),
    (
        "A spokesman for the club said it was a private matter and would not comment further.",
        "A spokesman for the club",
        "said",
        "it was a private matter and would not comment further",
        N,
    ),
    # ... but someone else's refusal, a past discussion, a refused act or a denial asserts
    (
        "The lawyer said his client would not comment on the case.",
        "The lawyer",
        "said",
        "his client would not comment on the case",
        A,
    ),
    (
        "Police said the suspect refused to answer questions.",
        "Police",
        "said",
        "the suspect refused to answer questions",
        A,
    ),
    (
        'The aide said: "We didn\'t discuss that."',
        "The aide",
        "said",
        '"We didn\'t discuss that."',
        A,
    ),
    (
        'The mayor said: "We\'re not going to raise taxes."',
        "The mayor",
        "said",
        '"We\'re not going to raise taxes."',
        A,
    ),
    (
        "The club said it would not sell the striker.",
        "The club",
        "said",
        "it would not sell the striker",
        A,
    ),
    (
        "The minister said he had nothing to hide.",
        "The minister",
        "said",
        "he had nothing to hide",
        A,
    ),
    # a failed attempt to reach the source
    (
        "Messages left for the mayor were not returned.",
        "the mayor",
        "Messages left for",
        "were not returned",
        N,
    ),
    (
        "An email seeking comment from the council was not answered.",
        "the council",
        "An email seeking comment from",
        "was not answered",
        N,
    ),
    (
        "Attempts to contact the landlord were unsuccessful.",
        "the landlord",
        "Attempts to contact",
        "were unsuccessful",
        N,
    ),
    (
        "Efforts to reach the family have so far failed.",
        "the family",
        "Efforts to reach",
        "have so far failed",
        N,
    ),
    # ... not a failure of something else, nor a successful reply
    (
        "Calls from the coach were answered within minutes.",
        "the coach",
        "Calls from",
        "were answered within minutes",
        A,
    ),
    (
        "Efforts by the council to cut costs have failed.",
        "the council",
        "Efforts by",
        "to cut costs have failed",
        A,
    ),
    # not yet commented, stayed silent, referred questions, declined interviews
    (
        "The team has not yet commented on the report.",
        "The team",
        "has not yet commented on",
        "the report",
        N,
    ),
    ("The studio has so far stayed silent.", "The studio", "has so far stayed silent", "", N),
    (
        "The player has kept his silence since the match.",
        "The player",
        "has kept his silence",
        "since the match",
        N,
    ),
    (
        "The White House referred questions to the Pentagon.",
        "The White House",
        "referred questions to",
        "the Pentagon",
        N,
    ),
    (
        "The Army has declined requests for interviews.",
        "The Army",
        "has declined",
        "requests for interviews",
        N,
    ),
    ("His agent has not returned calls.", "His agent", "has not returned", "calls", N),
    (
        "The ministry offered no explanation for the delay.",
        "The ministry",
        "offered",
        "no explanation for the delay",
        N,
    ),
    (
        "The company gave no indication of when the phone would go on sale.",
        "The company",
        "gave no indication of",
        "when the phone would go on sale",
        N,
    ),
    # ... but a return to a place, or a return not yet made, asserts
    (
        "The striker did not return to the squad after the break.",
        "The striker",
        "did not return to",
        "the squad after the break",
        A,
    ),
    (
        "The team said the captain has not yet returned to training.",
        "The team",
        "said",
        "the captain has not yet returned to training",
        A,
    ),
    (
        "The ministry offered no support to the farmers.",
        "The ministry",
        "offered",
        "no support to the farmers",
        A,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), NO_COMMENT_CASES)
def test_no_comment(text: str, source: str, cue: str, content: str, expected: Stance) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


DENY_CASES = [
    # rebuffing, quashing, scotching or shooting down a claim
    (
        "The White House rebuffed the accusations.",
        "The White House",
        "rebuffed",
        "the accusations",
        D,
    ),
    (
        "The club quickly quashed rumours of a takeover.",
        "The club",
        "quickly quashed",
        "rumours of a takeover",
        D,
    ),
    ("The studio shot down the report.", "The studio", "shot down", "the report", D),
    (
        "The palace scotched speculation that the prince would attend.",
        "The palace",
        "scotched",
        "speculation that the prince would attend",
        D,
    ),
    # ... but not an offer, a conviction or an aircraft
    ("The airline rebuffed a takeover offer.", "The airline", "rebuffed", "a takeover offer", A),
    ("The court quashed the conviction.", "The court", "quashed", "the conviction", A),
    ("Rebels shot down a helicopter.", "Rebels", "shot down", "a helicopter", A),
    # a claim called a fabrication, without foundation, 100 per cent false, not correct
    (
        'The embassy called the report "a fabrication".',
        "The embassy",
        "called",
        'the report "a fabrication"',
        D,
    ),
    (
        "Pyongyang dismissed the claims as fabrications.",
        "Pyongyang",
        "dismissed",
        "the claims as fabrications",
        D,
    ),
    (
        'Her agent said the story was "100 per cent false".',
        "Her agent",
        "said",
        'the story was "100 per cent false"',
        D,
    ),
    (
        'The Pentagon said the claims were "without foundation".',
        "The Pentagon",
        "said",
        'the claims were "without foundation"',
        D,
    ),
    (
        'The family said the reports were "completely wrong".',
        "The family",
        "said",
        'the reports were "completely wrong"',
        D,
    ),
    (
        'The mayor\'s office said the account was "not factually correct".',
        "The mayor's office",
        "said",
        'the account was "not factually correct"',
        D,
    ),
    (
        "The agency said the letter was not genuine.",
        "The agency",
        "said",
        "the letter was not genuine",
        D,
    ),
    (
        'The club said the reports were "wide of the mark".',
        "The club",
        "said",
        'the reports were "wide of the mark"',
        D,
    ),
    # ... but not a forecast called correct, "politically correct" or a fabrication plant
    (
        "The minister said the forecast was correct.",
        "The minister",
        "said",
        "the forecast was correct",
        A,
    ),
    (
        "The host said he was not politically correct.",
        "The host",
        "said",
        "he was not politically correct",
        A,
    ),
    (
        "The campaign said the fabrication plant would close.",
        "The campaign",
        "said",
        "the fabrication plant would close",
        A,
    ),
    # insisting on a negative subject: "insisted that none of its soldiers were there"
    (
        "Moscow insisted that none of its soldiers were in Ukraine.",
        "Moscow",
        "insisted",
        "that none of its soldiers were in Ukraine",
        D,
    ),
    (
        "The ministry insisted no such plan existed.",
        "The ministry",
        "insisted",
        "no such plan existed",
        D,
    ),
    # ... but not a prediction or a not-knowing
    (
        "The coach insisted nothing would change.",
        "The coach",
        "insisted",
        "nothing would change",
        A,
    ),
    (
        "The official insisted nobody knows the answer.",
        "The official",
        "insisted",
        "nobody knows the answer",
        A,
    ),
    # hitting back at claims, "100% false", "no such incident took place"
    (
        "The company has hit back at claims that its phones are unsafe.",
        "The company",
        "has hit back at claims",
        "that its phones are unsafe",
        D,
    ),
    (
        'The rep slammed the reports as "100% false".',
        "The rep",
        "slammed",
        'the reports as "100% false"',
        D,
    ),
    (
        "Officials said no such incident took place.",
        "Officials",
        "said",
        "no such incident took place",
        D,
    ),
    ("The reports were denied by the embassy.", "the embassy", "were denied by", "The reports", D),
    # ... but hitting back at critics, refusing someone entry or bail, or a future "no such"
    (
        "The coach hit back at critics after the win.",
        "The coach",
        "hit back at",
        "critics after the win",
        A,
    ),
    ("The couple were denied bail.", "The couple", "were denied", "bail", A),
    (
        "The firm said no such product would be launched.",
        "The firm",
        "said",
        "no such product would be launched",
        A,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), DENY_CASES)
def test_deny(text: str, source: str, cue: str, content: str, expected: Stance) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


DOWNPLAY_CASES = [
    # British "rubbished", a split phrasal verb, a trying cue that ends in "to"
    (
        "The manager has rubbished claims he is set to quit.",
        "The manager",
        "has rubbished",
        "claims he is set to quit",
        P,
    ),
    ("The firm played the incident down.", "The firm", "played", "the incident down", P),
    (
        "The minister brushed the criticism aside.",
        "The minister",
        "brushed",
        "the criticism aside",
        P,
    ),
    (
        "The minister was quick to play down the significance of the figures.",
        "The minister",
        "was quick to",
        "play down the significance of the figures",
        P,
    ),
    # ... not a song played, a tune played down the line, nor a firing or a court's dismissal
    ("The band played the new song.", "The band", "played", "the new song", A),
    (
        "The striker played the ball down the line.",
        "The striker",
        "played",
        "the ball down the line",
        A,
    ),
    ("The judge dismissed the jury.", "The judge", "dismissed", "the jury", A),
    ("The company dismissed three employees.", "The company", "dismissed", "three employees", A),
    (
        "The minister was quick to praise the figures.",
        "The minister",
        "was quick to",
        "praise the figures",
        A,
    ),
    # a report or worry called speculation, gossip, unwarranted; no cause for alarm
    (
        'The chairman said the reports were "pure speculation".',
        "The chairman",
        "said",
        'the reports were "pure speculation"',
        P,
    ),
    (
        'The club described the rumours as "idle speculation".',
        "The club",
        "described",
        'the rumours as "idle speculation"',
        P,
    ),
    (
        'The band\'s label said the rumours were "just gossip".',
        "The band's label",
        "said",
        'the rumours were "just gossip"',
        P,
    ),
    (
        'The company said the fears were "unwarranted".',
        "The company",
        "said",
        'the fears were "unwarranted"',
        P,
    ),
    (
        'Experts said there was "no cause for alarm".',
        "Experts",
        "said",
        'there was "no cause for alarm"',
        P,
    ),
    (
        "The mayor said there was no need to panic.",
        "The mayor",
        "said",
        "there was no need to panic",
        P,
    ),
    (
        "Police said it was an isolated incident.",
        "Police",
        "said",
        "it was an isolated incident",
        P,
    ),
    (
        'The official described the threat as "minimal".',
        "The official",
        "described",
        'the threat as "minimal"',
        P,
    ),
    # ... but speculation reported, a real risk, or a warning stay assert
    (
        "The analyst said speculation about a merger had lifted the shares.",
        "The analyst",
        "said",
        "speculation about a merger had lifted the shares",
        A,
    ),
    (
        "Scientists said the risk was low but real.",
        "Scientists",
        "said",
        "the risk was low but real",
        A,
    ),
    (
        "The mayor said residents should not panic-buy.",
        "The mayor",
        "said",
        "residents should not panic-buy",
        A,
    ),
    (
        "The report said the funds had been misplaced.",
        "The report",
        "said",
        "the funds had been misplaced",
        A,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), DOWNPLAY_CASES)
def test_downplay(text: str, source: str, cue: str, content: str, expected: Stance) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


CONDITIONAL_CASES = [
    # an inverted condition with a noun phrase, fronted or after the main clause
    (
        "Should the rumours prove true, it would be the biggest deal yet, analysts said.",
        "analysts",
        "said",
        "Should the rumours prove true, it would be the biggest deal yet",
        C,
    ),
    (
        "Were the allegations to be proven, the player would face a ban, lawyers said.",
        "lawyers",
        "said",
        "Were the allegations to be proven, the player would face a ban",
        C,
    ),
    (
        "The union warned that strikes would follow should talks fail.",
        "The union",
        "warned",
        "that strikes would follow should talks fail",
        C,
    ),
    (
        "He said he would resign were the report to be proved true.",
        "He",
        "said",
        "he would resign were the report to be proved true",
        C,
    ),
    # ... and in a content split by its cue
    (
        '"Should talks fail," the union warned, "strikes would follow."',
        "the union",
        "warned",
        ['"Should talks fail,"', '"strikes would follow."'],
        C,
    ),
    (
        '"Otherwise," the bank said, "it would have to close branches."',
        "the bank",
        "said",
        ['"Otherwise,"', '"it would have to close branches."'],
        C,
    ),
    # fronted "If so," / "In that case," and "in the event of", "assuming", "provided"
    (
        "If so, it would be the first such case in Britain, the doctor said.",
        "the doctor",
        "said",
        "If so, it would be the first such case in Britain",
        C,
    ),
    (
        "In that case, the deal would collapse, the source said.",
        "the source",
        "said",
        "In that case, the deal would collapse",
        C,
    ),
    (
        "The club said the player would be sold in the event of relegation.",
        "The club",
        "said",
        "the player would be sold in the event of relegation",
        C,
    ),
    (
        "Officials said the bridge would reopen assuming the weather held.",
        "Officials",
        "said",
        "the bridge would reopen assuming the weather held",
        C,
    ),
    (
        "Analysts said a deal could be reached provided both sides compromise.",
        "Analysts",
        "said",
        "a deal could be reached provided both sides compromise",
        C,
    ),
    # ... but not "were the first to", an obligation, "assuming the presidency", or the verb
    (
        "The charity said the video asks families what they would do in the event of a flood.",
        "The charity",
        "said",
        "the video asks families what they would do in the event of a flood",
        A,
    ),
    (
        "The fans said they were the first to arrive at the stadium.",
        "The fans",
        "said",
        "they were the first to arrive at the stadium",
        A,
    ),
    (
        "The mayor said prices would rise and the council should act.",
        "The mayor",
        "said",
        "prices would rise and the council should act",
        A,
    ),
    (
        "The senator said she would be assuming the chairmanship next year.",
        "The senator",
        "said",
        "she would be assuming the chairmanship next year",
        A,
    ),
    (
        "The charity said it would have provided the funds earlier.",
        "The charity",
        "said",
        "it would have provided the funds earlier",
        A,
    ),
    (
        "The charity said the state provided the funds.",
        "The charity",
        "said",
        "the state provided the funds",
        A,
    ),
    (
        "Otherwise healthy, the patient recovered quickly, doctors said.",
        "doctors",
        "said",
        "Otherwise healthy, the patient recovered quickly",
        A,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), CONDITIONAL_CASES)
def test_conditional(
    text: str, source: str, cue: str, content: str | list[str], expected: Stance
) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


QUESTION_CASES = [
    # an asking act after a trying cue
    (
        "Users on social media were quick to ask how the picture was taken.",
        "Users on social media",
        "were quick to",
        "ask how the picture was taken",
        Q,
    ),
    (
        "Fans rushed to question whether the video was real.",
        "Fans",
        "rushed",
        "to question whether the video was real",
        Q,
    ),
    # demanding answers or an explanation + a wh-clause
    (
        "Residents are demanding answers about why the alarm failed.",
        "Residents",
        "are demanding answers about",
        "why the alarm failed",
        Q,
    ),
    (
        "The MP called for an explanation of why the contract was awarded.",
        "The MP",
        "called for an explanation of",
        "why the contract was awarded",
        Q,
    ),
    # trying to work out + a wh-clause
    (
        "Investigators are still trying to work out how the fire started.",
        "Investigators",
        "are still trying to work out",
        "how the fire started",
        Q,
    ),
    # ... but not an act, a demand for money, or knowing why
    (
        "The minister was quick to praise the volunteers.",
        "The minister",
        "was quick to",
        "praise the volunteers",
        A,
    ),
    (
        "Residents are demanding answers from the council.",
        "Residents",
        "are demanding answers from",
        "the council",
        A,
    ),
    (
        "Engineers are trying to work out a new timetable.",
        "Engineers",
        "are trying to work out",
        "a new timetable",
        A,
    ),
    (
        "The coach said he knew why the team had lost.",
        "The coach",
        "said",
        "he knew why the team had lost",
        A,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), QUESTION_CASES)
def test_question(text: str, source: str, cue: str, content: str, expected: Stance) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


NOBODY_ANSWERED_CASES = [
    # a negative source with an answering cue: nobody answered
    (
        "Neither the company nor its founder responded to requests for comment.",
        "Neither the company nor its founder",
        "responded to",
        "requests for comment",
        N,
    ),
    (
        "Neither the club nor the player could be reached for comment.",
        "Neither the club nor the player",
        "could be reached for comment",
        "",
        N,
    ),
    (
        "None of the officials contacted would comment.",
        "None of the officials contacted",
        "would comment",
        "",
        N,
    ),
    # ... not a negative source that states something, nor a positive one that answered
    (
        "Neither the club nor the player said the fee was too high.",
        "Neither the club nor the player",
        "said",
        "the fee was too high",
        A,
    ),
    (
        "Both the club and the player responded to the criticism.",
        "Both the club and the player",
        "responded to",
        "the criticism",
        A,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), NOBODY_ANSWERED_CASES)
def test_nobody_answered(text: str, source: str, cue: str, content: str, expected: Stance) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


NOT_PROVIDED_CASES = [
    # a negated giving verb + a statement noun, over the cue and the content's first words
    (
        "The agency did not provide further details.",
        "The agency",
        "did not provide",
        "further details",
        N,
    ),
    (
        "The club would not give any information about the fee.",
        "The club",
        "would not give",
        "any information about the fee",
        N,
    ),
    # ... not giving something else
    (
        "The agency did not provide funding for the project.",
        "The agency",
        "did not provide",
        "funding for the project",
        A,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), NOT_PROVIDED_CASES)
def test_not_provided(text: str, source: str, cue: str, content: str, expected: Stance) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


OPEN_QUESTION_CASES = [
    # an open question stated as such: "remains to be seen", "anyone's guess", "no one knows"
    (
        "It remains to be seen whether the plan will work.",
        "It",
        "remains to be seen",
        "whether the plan will work",
        Q,
    ),
    (
        "It is anyone's guess whether the talks will succeed, the diplomat said.",
        "the diplomat",
        "said",
        "It is anyone's guess whether the talks will succeed",
        Q,
    ),
    (
        "No one knows whether the creature really exists, the expert said.",
        "the expert",
        "said",
        "No one knows whether the creature really exists",
        Q,
    ),
    (
        "The question now is whether the board will act, the analyst said.",
        "the analyst",
        "said",
        "The question now is whether the board will act",
        Q,
    ),
    # ... without a wh-clause it is a statement
    ("It remains to be seen, the coach said.", "the coach", "said", "It remains to be seen", A),
    (
        "No one knows the area better than the guide, the mayor said.",
        "the mayor",
        "said",
        "No one knows the area better than the guide",
        A,
    ),
    (
        "The question is a fair one, the minister said.",
        "the minister",
        "said",
        "The question is a fair one",
        A,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), OPEN_QUESTION_CASES)
def test_open_question(text: str, source: str, cue: str, content: str, expected: Stance) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


DENY_MORE_CASES = [
    # setting the record straight; "not based on fact"; a forgery or a doctored picture
    (
        "The actress has set the record straight on the split rumours.",
        "The actress",
        "has set the record straight on",
        "the split rumours",
        D,
    ),
    (
        'He said the report was "not based on fact".',
        "He",
        "said",
        'the report was "not based on fact"',
        D,
    ),
    (
        "The company said the letter was a forgery.",
        "The company",
        "said",
        "the letter was a forgery",
        D,
    ),
    (
        "The spokesman said the photo had been photoshopped.",
        "The spokesman",
        "said",
        "the photo had been photoshopped",
        D,
    ),
    (
        "Police said the image had been doctored.",
        "Police",
        "said",
        "the image had been doctored",
        D,
    ),
    # a passive "denied" keeps a claim named in the content
    (
        "Press reports of the flight have been denied by a spokesperson.",
        "a spokesperson",
        "have been denied by",
        "Press reports of the flight",
        D,
    ),
    # ... but a film based on fact, a record-setting run, an athlete denied a medal
    (
        "The studio said a photoshopped picture of the star had gone viral.",
        "The studio",
        "said",
        "a photoshopped picture of the star had gone viral",
        A,
    ),
    (
        "The director said the film was based on fact.",
        "The director",
        "said",
        "the film was based on fact",
        A,
    ),
    ("The runner set the record in Berlin.", "The runner", "set", "the record in Berlin", A),
    ("The athlete was denied a medal.", "The athlete", "was denied", "a medal", A),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), DENY_MORE_CASES)
def test_deny_more(text: str, source: str, cue: str, content: str, expected: Stance) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


DOWNPLAY_MORE_CASES = [
    # mocking or joking about rumours and stories
    (
        "The actor made fun of the rumours on Twitter.",
        "The actor",
        "made fun of",
        "the rumours on Twitter",
        P,
    ),
    (
        "She joked about the reports of her death.",
        "She",
        "joked about",
        "the reports of her death",
        P,
    ),
    # ... not a joke about one's cooking; "made up" of a panel or of one's mind is no claim
    ("She joked about her cooking.", "She", "joked about", "her cooking", A),
    (
        "The voters said they have made up their minds.",
        "The voters",
        "said",
        "they have made up their minds",
        A,
    ),
    (
        "He said the panel was made up of experts.",
        "He",
        "said",
        "the panel was made up of experts",
        A,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), DOWNPLAY_MORE_CASES)
def test_downplay_more(text: str, source: str, cue: str, content: str, expected: Stance) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected


PARENTHETICAL_IF_CASES = [
    # a condition set off by commas between the subject and its modal
    (
        "The deal, if approved, would create the largest airline, analysts said.",
        "analysts",
        "said",
        "The deal, if approved, would create the largest airline",
        C,
    ),
    # ... not a condition on a verbless noun phrase (session 11)
    (
        "The headwinds ahead for the party if they win, he said.",
        "he",
        "said",
        "The headwinds ahead for the party if they win",
        A,
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), PARENTHETICAL_IF_CASES)
def test_parenthetical_if(text: str, source: str, cue: str, content: str, expected: Stance) -> None:
    assert rule_stance(text, claim(text, source, cue, content)) is expected
