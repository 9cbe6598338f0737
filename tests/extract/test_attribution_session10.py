"""Session-10 rules: denying and minimising verbs as cues where the tagger left them
unmarked, checked on sentences of their own."""

from __future__ import annotations

from claimtrace.extract.attribution import (
    CONTENT,
    CUE,
    SOURCE,
    Span,
    _sourceless_denial,
    _stance_cue_regex,
    lexicon_cue_roles,
)
from tests.extract.test_attribution import _roles, _sentencized


def _added_cues(text: str, marks: list[tuple[str, str]]) -> list[str]:
    roles = _roles(text, marks)
    added = lexicon_cue_roles(text, _sentencized(text), roles)
    return [text[r.start : r.end] for r in added if r.label == CUE]


def test_a_finite_denying_or_minimising_verb_becomes_a_cue():
    text = "The harbour authority played down fears of a second spill."
    assert _added_cues(text, [(SOURCE, "The harbour authority")]) == ["played down"]
    text = "The league rejected the referee's account of the match."
    assert _added_cues(text, [(CONTENT, "the referee's account of the match")]) == ["rejected"]
    text = "The senator took issue with the committee's findings."
    assert _added_cues(text, []) == ["took issue with"]
    text = "The ministry has flatly denied the report."
    assert _added_cues(text, []) == ["has flatly denied"]


def test_not_a_cue_when_passive_ambiguous_or_already_tagged():
    assert _added_cues("The coach was dismissed after the defeat.", []) == []
    assert _added_cues("He was denied a visa at the border.", []) == []
    assert _added_cues("The coach has been dismissed.", []) == []
    assert _added_cues("The manager, dismissed by the board, left.", []) == []
    assert _added_cues("It was a contested election and a disputed count.", []) == []
    text = "The firm denied the claims."
    assert _added_cues(text, [(SOURCE, "The firm"), (CUE, "denied")]) == []


def test_the_base_form_is_left_to_the_tagger():
    """ "to deny", "refused to reject" name no act of denying of the source's own."""
    assert _stance_cue_regex().search("He was quick to deny it.") is None
    assert _stance_cue_regex().search("They refused to reject the plan.") is None


def test_a_denial_with_no_one_who_denies_is_dropped():
    text = "Where these moves have brushed aside the old customs"
    at = text.index("brushed aside")
    cue = (Span.of(text, at, at + len("brushed aside")),)
    content = (Span.of(text, at + len("brushed aside "), len(text)),)
    assert _sourceless_denial(((), cue, content, 0.9))
    source = (Span.of(text, text.index("these"), text.index(" have")),)
    assert not _sourceless_denial((source, cue, content, 0.9))


def test_a_source_does_not_end_with_a_dangling_relative_pronoun():
    from tests.extract.test_attribution import _source_edges_of

    text = "A port official, who asked not to be named, said the crane had failed."
    assert _source_edges_of(text, "A port official, who") == ["A port official"]
    whole = "A port official, who asked not to be named,"
    assert _source_edges_of(text, whole) == [whole]


def test_an_approximator_before_a_number_stays_in_the_content():
    from claimtrace.extract.attribution import _preposition_to_cue

    text = "The agency said about 9,000 people had left."
    cue = (Span.of(text, text.index("said"), text.index("said") + 4),)
    content = (Span.of(text, text.index("about"), len(text) - 1),)
    source = (Span.of(text, 0, len("The agency")),)
    _, new_cue, new_content, _ = _preposition_to_cue(text, (source, cue, content, 0.9))
    assert (new_cue[0].text, new_content[0].text) == ("said", "about 9,000 people had left")
    text = "The agency worried about the cost."
    cue = (Span.of(text, text.index("worried"), text.index("worried") + 7),)
    content = (Span.of(text, text.index("about"), len(text) - 1),)
    _, new_cue, new_content, _ = _preposition_to_cue(text, (source, cue, content, 0.9))
    assert (new_cue[0].text, new_content[0].text) == ("worried about", "the cost")


def _one_claim(text: str, source: str, cue: str, content: str) -> tuple:
    spans = []
    for part in (source, cue, content):
        at = text.index(part)
        spans.append((Span.of(text, at, at + len(part)),))
    return (*spans, 0.9)


def test_according_to_x_which_cited_y_is_one_claim_of_x():
    from claimtrace.extract.attribution import _according_to_relative_citation

    text = "According to the Gazette, which cited two port officials, the quay will close."
    tagged = [_one_claim(text, "which", "cited", "two port officials, the quay will close")]
    (((source,), (cue,), (content,), _),) = _according_to_relative_citation(text, tagged)
    assert (source.text, cue.text, content.text) == (
        "the Gazette, which cited two port officials",
        "According to",
        "the quay will close",
    )


def test_a_closing_according_to_takes_its_relative_clause_of_citation():
    from claimtrace.extract.attribution import _according_to_relative_citation

    text = "The quay will close, according to the Gazette, which cited U.S. port officials."
    according = _one_claim(text, "the Gazette", "according to", "The quay will close")
    relative = _one_claim(text, "which", "cited", "U.S. port officials")
    (((source,), _cue, (content,), _),) = _according_to_relative_citation(
        text, [according, relative]
    )
    assert source.text == "the Gazette, which cited U.S. port officials"
    assert content.text == "The quay will close"


def test_the_narrators_comment_on_a_claim_is_not_its_content():
    from claimtrace.extract.attribution import _no_comment_on_the_claim

    text = "The rebels claimed the airport, a claim that could not be verified."
    raw = _one_claim(text, "The rebels", "claimed", "the airport, a claim that could not be")
    _source, _cue, (content,), _conf = _no_comment_on_the_claim(text, raw)
    assert content.text == "the airport"


def test_a_quotation_running_into_the_next_paragraph_goes_to_its_speaker():
    from claimtrace.extract.attribution import paragraph_quotation_to_its_speaker

    text = (
        'The chief insisted that the plan was sound. "We have the money. We have the staff.'
        '\n\n"Nobody should doubt it," she told the board.'
    )
    first = _one_claim(text, "The chief", "insisted", "that the plan was sound")
    opening = text.index('"We have')
    first = (*first[:2], (*first[2], Span.of(text, opening, text.index("\n"))), 0.9)
    second = _one_claim(text, "she", "told", '"Nobody should doubt it,"')
    a, b = paragraph_quotation_to_its_speaker(text, [first, second])
    assert [f.text for f in a[2]] == ["that the plan was sound"]
    assert [f.text for f in b[2]] == [
        '"We have the money. We have the staff.',
        '"Nobody should doubt it,"',
    ]
    closed = 'He said "it is done." \n\n"Next," she said.'
    one = _one_claim(closed, "He", "said", '"it is done."')
    two = _one_claim(closed, "she", "said", '"Next,"')
    assert paragraph_quotation_to_its_speaker(closed, [one, two]) == [one, two]
