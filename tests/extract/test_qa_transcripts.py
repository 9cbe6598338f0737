"""Interview transcripts (Q&A pieces): each answer is a claim of the interviewee, each
question one of the interviewer (claimtrace.extract.transcripts). Texts written for these
tests."""

from __future__ import annotations

from claimtrace.extract.attribution import CONTENT, CUE, SOURCE, extract_attributions
from claimtrace.extract.sources import Mention, resolve_sources
from claimtrace.extract.stance import rule_stance
from claimtrace.extract.transcripts import ANSWER, QUESTION, qa_turns
from claimtrace.model import SourceKind, Stance
from tests.extract.test_attribution import _sentencized
from tests.extract.test_attribution_session7 import _claims

INTRO = (
    "Q&A: The engineer who wants to rebuild the old canal\n\n"
    "Dr. Clara Benning, an engineer at the Delft water institute, has studied canals for "
    "twenty years. We spoke to her about her plan.\n\n"
)
TURNS = (
    "Q: Why rebuild the canal at all?\n\n"
    "A: Because the river can no longer carry the boats. The locks are failing.\n\n"
    "The repairs would take a decade.\n\n"
    "Q: Tell us what it costs.\n\n"
    "A: Less than the new road would.\n"
)
ARTICLE = INTRO + TURNS


def _turns(text: str) -> list[tuple[str, str, str, list[str]]]:
    return [(t.role, t.label.text, t.cue.text, [c.text for c in t.content]) for t in qa_turns(text)]


def _resolved(text: str, mentions=(), outlet=None):
    doc = _sentencized(text)
    claims = extract_attributions(text, tagged=doc)
    out, _ = resolve_sources(text, claims, mentions=list(mentions), outlet=outlet)
    return out


def _person(text: str, name: str, after: int = 0) -> Mention:
    start = text.index(name, after)
    return Mention(start, start + len(name), "PERSON")


def _tagged_claims(text: str, marks: list[tuple[str, str, str]]):
    """The claims of ``text`` on a Doc tagged with (label, substring, after) marks: each
    substring is the first after the first occurrence of ``after``."""
    doc = _sentencized(text)
    ents = []
    for label, sub, after in marks:
        start = text.index(sub, text.index(after))
        ents.append(doc.char_span(start, start + len(sub), label=label))
    doc.ents = ents
    return extract_attributions(text, tagged=doc)


def _texts(claims) -> list[tuple[list[str], str, list[str]]]:
    return [
        ([s.text for s in c.source], " ".join(s.text for s in c.cue), [s.text for s in c.content])
        for c in claims
    ]


# detection


def test_two_questions_and_two_answers_make_a_transcript():
    assert _turns(ARTICLE) == [
        (QUESTION, "Q", ":", ["Why rebuild the canal at all?"]),
        (
            ANSWER,
            "A",
            ":",
            [
                "Because the river can no longer carry the boats. The locks are failing",
                "The repairs would take a decade",
            ],
        ),
        (QUESTION, "Q", ":", ["Tell us what it costs"]),
        (ANSWER, "A", ":", ["Less than the new road would"]),
    ]


def test_full_stop_and_word_labels_are_read_too():
    text = "Q. What is the plan?\nA. Two schools.\nQ. Who pays?\nA. The district pays.\n"
    assert [(r, lab, cue) for r, lab, cue, _ in _turns(text)] == [
        (QUESTION, "Q", "."),
        (ANSWER, "A", "."),
        (QUESTION, "Q", "."),
        (ANSWER, "A", "."),
    ]
    text = (
        "Question: Is the bridge safe?\n\nAnswer: It is, for now.\n\n"
        "Question: And next year?\n\nAnswer: Ask me then.\n"
    )
    assert [c for *_, c in _turns(text)] == [
        ["Is the bridge safe?"],
        ["It is, for now"],
        ["And next year?"],
        ["Ask me then"],
    ]


def test_a_single_answer_line_or_a_lettered_list_is_no_transcript():
    single = "The quiz had one hard question.\n\nQ: Who won?\n\nA: Nobody knows yet.\n"
    assert qa_turns(single) == ()
    listed = (
        "The options are these.\n\nA. Close the school.\nB. Merge it with another.\n"
        "C. Keep it open.\n"
    )
    assert qa_turns(listed) == ()
    # no turns: the tagger's roles stay as they were
    marks = [(SOURCE, "Q"), (CUE, ":"), (CONTENT, "Who won?")]
    assert _claims(single, marks) == [(["Q"], ":", ["Who won?"])]


def test_an_editors_note_or_a_separator_ends_the_last_answer():
    text = TURNS + "\nThis interview has been edited for length and clarity.\n"
    assert _turns(text)[-1][3] == ["Less than the new road would"]
    text = TURNS + "\n* * *\n\nThe canal reopens in May, the city said.\n"
    assert _turns(text)[-1][3] == ["Less than the new road would"]


# claims


def test_each_turn_is_a_claim_and_the_taggers_label_claims_are_replaced():
    # the tagger took "Q" for a source and "A: Less" for a cue
    marks = [
        (SOURCE, "Q", "Q: Why"),
        (CUE, ":", "Q: Why"),
        (CONTENT, "Why rebuild the canal at all", "Q: Why"),
        (CUE, "A: Less", "A: Less"),
    ]
    claims = _texts(_tagged_claims(ARTICLE, marks))
    turn_claims = [c for c in claims if c[0] in (["Q"], ["A"])]
    assert turn_claims == [
        (["Q"], ":", ["Why rebuild the canal at all?"]),
        (
            ["A"],
            ":",
            [
                "Because the river can no longer carry the boats. The locks are failing",
                "The repairs would take a decade",
            ],
        ),
        (["Q"], ":", ["Tell us what it costs"]),
        (["A"], ":", ["Less than the new road would"]),
    ]
    assert all("A: Less" not in cue for _, cue, _ in claims)
    assert all(c[1] != ":" or c[0] for c in claims)  # the "Q&A:" headline is no claim


def test_a_report_inside_an_answer_stays_a_claim_of_its_own():
    text = INTRO + TURNS.replace("Less than", "The mayor said it costs less than")
    marks = [(SOURCE, "The mayor"), (CUE, "said"), (CONTENT, "it costs less than the new road")]
    claims = _claims(text, marks)
    assert (["The mayor"], "said", ["it costs less than the new road"]) in claims
    assert (["A"], ":", ["The mayor said it costs less than the new road would"]) in claims


# sources


def test_answers_are_the_interviewee_the_introduction_names():
    mentions = [_person(ARTICLE, "Clara Benning")]
    claims = _resolved(ARTICLE, mentions)
    answers = [c for c in claims if [s.text for s in c.source] == ["A"]]
    assert len(answers) == 2
    for c in answers:
        assert c.source_entity is not None
        assert c.source_entity.name == "Clara Benning"
        assert c.source_kind is SourceKind.PERSON


def test_the_person_the_introduction_spoke_to_is_preferred_over_the_first_named():
    text = (
        "Ana Ruiz wrote the first study of the canal. Its builder Clara Benning still "
        "defends it, and we talked with Clara Benning last week.\n\n" + TURNS
    )
    mentions = [
        _person(text, "Ana Ruiz"),
        _person(text, "Clara Benning"),
        _person(text, "Clara Benning", text.index("talked")),
    ]
    claims = _resolved(text, mentions)
    answer = next(c for c in claims if [s.text for s in c.source] == ["A"])
    assert answer.source_entity is not None
    assert answer.source_entity.name == "Clara Benning"


def test_without_a_named_person_the_answers_have_no_entity_and_kind_person():
    claims = _resolved(TURNS)
    answers = [c for c in claims if [s.text for s in c.source] == ["A"]]
    assert answers
    assert all(c.source_entity is None for c in answers)
    assert all(c.source_kind is SourceKind.PERSON for c in answers)


def test_questions_are_the_outlet_or_an_unnamed_interviewer():
    questions = [c for c in _resolved(ARTICLE) if [s.text for s in c.source] == ["Q"]]
    assert len(questions) == 2
    assert all(c.source_entity is None and c.source_kind is SourceKind.MEDIA for c in questions)
    questions = [
        c for c in _resolved(ARTICLE, outlet="The Harbour Gazette") if c.source[0].text == "Q"
    ]
    assert {c.source_entity.name for c in questions} == {"Harbour Gazette"}
    assert all(c.source_kind is SourceKind.MEDIA for c in questions)


def test_a_named_answer_label_between_interviewer_lines_is_the_interviewee():
    text = (
        "The novelist Maria Esposito has a new book out. We asked her about it.\n\n"
        "INTERVIEWER: Where did the idea come from?\n\n"
        "ESPOSITO: From my grandmother, who told stories every night.\n\n"
        "INTERVIEWER: Was it hard to write?\n\n"
        "ESPOSITO: Yes. It took me nine years.\n"
    )
    assert [(r, lab) for r, lab, *_ in _turns(text)] == [
        (QUESTION, "INTERVIEWER"),
        (ANSWER, "ESPOSITO"),
        (QUESTION, "INTERVIEWER"),
        (ANSWER, "ESPOSITO"),
    ]
    claims = _resolved(text, [_person(text, "Maria Esposito")])
    answers = [c for c in claims if c.source and c.source[0].text == "ESPOSITO"]
    assert [c.content[-1].text for c in answers] == [
        "From my grandmother, who told stories every night",
        "Yes. It took me nine years",
    ]
    assert {c.source_entity.name for c in answers} == {"Maria Esposito"}


def test_an_i_reporting_inside_an_answer_is_the_interviewee():
    text = INTRO + TURNS.replace("Less than", "I told the council it costs less than")
    marks = [
        (SOURCE, "I", "I told"),
        (CUE, "told", "I told"),
        (CONTENT, "it costs less than the new road", "I told"),
    ]
    claims = _tagged_claims(text, marks)
    out, _ = resolve_sources(text, claims, mentions=[_person(text, "Clara Benning")])
    told = next(c for c in out if c.cue and c.cue[0].text == "told")
    assert told.source_entity is not None and told.source_entity.name == "Clara Benning"


# stance


def test_a_question_turn_is_a_question_even_without_a_question_mark():
    claims = _resolved(ARTICLE)
    stances = {c.content[0].text: rule_stance(ARTICLE, c) for c in claims if c.source[:1] and c.cue}
    assert stances["Why rebuild the canal at all?"] is Stance.QUESTION
    assert stances["Tell us what it costs"] is Stance.QUESTION
    assert stances["Less than the new road would"] is Stance.ASSERT


# the debate transcript form is unchanged


def test_a_debate_transcript_is_no_qa_transcript_and_keeps_its_speakers():
    text = (
        "The candidates met in Ohio.\n\n"
        "PENCE: Well, the plan will cut taxes for every family in the state.\n\n"
        "KAINE: That plan will cut taxes for the richest families only.\n\n"
        "PENCE: The numbers say otherwise, and so do the economists.\n\n"
        "KAINE: The economists say the deficit will grow by a trillion.\n"
    )
    assert qa_turns(text) == ()
    claims = _claims(text, [])
    assert [c[0] for c in claims if c[1] == ":"] == [["PENCE"], ["KAINE"], ["PENCE"], ["KAINE"]]
    assert (["PENCE"], ":", ["Well, the plan will cut taxes for every family in the state"]) in (
        claims
    )
