"""Stance, hedges, basis, modality and comment requests on hand-written news sentences.

Claims are built by hand from the source/cue/content strings, as the attribution
component would give them; the functions only read the text around those spans.
"""

from __future__ import annotations

import pytest
import spacy

from claimtrace.extract.stance import (
    analyze_claim,
    as_doc,
    classify_basis,
    classify_modality,
    classify_stance,
    drop_comment_requests,
    find_comment_requests,
    find_hedges,
    quantity_modality,
)
from claimtrace.model import Basis, Claim, Modality, Quantity, Span, Stance
from claimtrace.nlp.factories import StanceComponent


def span(text: str, part: str, nth: int = 1) -> Span:
    start = -1
    for _ in range(nth):
        start = text.index(part, start + 1)
    return Span.of(text, start, start + len(part))


def claim(text: str, source: str | None, cue: str, content: str | list[str]) -> Claim:
    contents = [content] if isinstance(content, str) else content
    return Claim(
        id="c1",
        source=(span(text, source),) if source else (),
        cue=(span(text, cue),),
        content=tuple(span(text, c) for c in contents if c),
    )


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "stance"),
    [
        (
            "The mayor said the bridge reopened on Friday.",
            "The mayor",
            "said",
            "the bridge reopened on Friday",
            Stance.ASSERT,
        ),
        (
            "The ministry denied that its troops had crossed the border.",
            "The ministry",
            "denied",
            "that its troops had crossed the border",
            Stance.DENY,
        ),
        (
            'The company said the allegations were "completely false."',
            "The company",
            "said",
            'the allegations were "completely false."',
            Stance.DENY,
        ),
        (
            "The governor dismissed the reports of a cover-up.",
            "The governor",
            "dismissed",
            "the reports of a cover-up",
            Stance.DOWNPLAY,
        ),
        (
            "The spokesman called the leaked memo a hoax.",
            "The spokesman",
            "called",
            "the leaked memo a hoax",
            Stance.DOWNPLAY,
        ),
        (
            "The minister said that if prices keep rising, the central bank would act.",
            "The minister",
            "said",
            "that if prices keep rising, the central bank would act",
            Stance.CONDITIONAL,
        ),
        (
            "The embassy declined to comment.",
            "The embassy",
            "declined",
            "to comment",
            Stance.NO_COMMENT,
        ),
        (
            "The company did not respond to requests for comment.",
            "The company",
            "did not respond to",
            "requests for comment",
            Stance.NO_COMMENT,
        ),
        (
            "Reporters asked whether the plant would reopen.",
            "Reporters",
            "asked",
            "whether the plant would reopen",
            Stance.QUESTION,
        ),
        (
            '"Where did the money go?" the senator asked.',
            "the senator",
            "asked",
            '"Where did the money go?"',
            Stance.QUESTION,
        ),
        (
            "A spokesman said the minister would not answer questions.",
            "A spokesman",
            "said",
            "the minister would not answer questions",
            Stance.ASSERT,
        ),
        (
            "The council rejected calls to close the library.",
            "The council",
            "rejected",
            "calls to close the library",
            Stance.ASSERT,
        ),
    ],
)
def test_stance(text, source, cue, content, stance):
    assert classify_stance(text, claim(text, source, cue, content)) == stance


def _stance(text: str, source: str | None, cue: str, content: str) -> Stance:
    return classify_stance(text, claim(text, source, cue, content))


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "stance"),
    [
        # a negated or refused deny/downplay cue is not a denial
        (
            "The aide did not deny that he met the donor.",
            "The aide",
            "did not deny",
            "that he met the donor",
            Stance.ASSERT,
        ),
        (
            "The senator has never disputed the figures.",
            "The senator",
            "has never disputed",
            "the figures",
            Stance.ASSERT,
        ),
        (
            "The mayor did not dismiss the warnings.",
            "The mayor",
            "did not dismiss",
            "the warnings",
            Stance.ASSERT,
        ),
        # a noun "dispute" describes a quarrel, it is not a cue of denial
        (
            "The two towns are in a bitter dispute over the water rights.",
            "The two towns",
            "are in a bitter dispute over",
            "the water rights",
            Stance.ASSERT,
        ),
        # disavow/repudiate/take issue with deny only a claim, not a person or a plan
        (
            "The candidate disavowed the remarks of his adviser.",
            "The candidate",
            "disavowed",
            "the remarks of his adviser",
            Stance.DENY,
        ),
        (
            "The candidate disavowed the militia.",
            "The candidate",
            "disavowed",
            "the militia",
            Stance.ASSERT,
        ),
        (
            "The union took issue with the prediction of layoffs.",
            "The union",
            "took issue with",
            "the prediction of layoffs",
            Stance.DENY,
        ),
        (
            "The union took issue with the new board.",
            "The union",
            "took issue with",
            "the new board",
            Stance.ASSERT,
        ),
        # the source denies what its words were taken to mean
        (
            "The governor said he was not talking about the teachers.",
            "The governor",
            "said",
            "he was not talking about the teachers",
            Stance.DENY,
        ),
        (
            "The coach said his remarks had been taken out of context.",
            "The coach",
            "said",
            "his remarks had been taken out of context",
            Stance.DENY,
        ),
        (
            "The banker has pleaded not guilty.",
            "The banker",
            "has pleaded",
            "not guilty",
            Stance.DENY,
        ),
        # a concession is not a denial even when the content says "inaccurate"
        (
            "The author admitted that the date in his book was inaccurate.",
            "The author",
            "admitted",
            "that the date in his book was inaccurate",
            Stance.ASSERT,
        ),
    ],
)
def test_denials(text, source, cue, content, stance):
    assert _stance(text, source, cue, content) == stance


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "stance"),
    [
        (
            "The agency waved off the delay as a formality.",
            "The agency",
            "waved off",
            "the delay",
            Stance.DOWNPLAY,
        ),
        (
            "The minister called the outbreak a routine seasonal problem.",
            "The minister",
            "called",
            "the outbreak a routine seasonal problem",
            Stance.DOWNPLAY,
        ),
        (
            "The campaign called the story bogus.",
            "The campaign",
            "called",
            "the story bogus",
            Stance.DOWNPLAY,
        ),
        (
            '"Is it a big deal? No," the mayor said.',
            "the mayor",
            "said",
            '"Is it a big deal? No,"',
            Stance.DOWNPLAY,
        ),
        # calling or dismissing a person is an attack, not a downplay
        (
            "The doctor called Smith a fake and a quack.",
            "The doctor",
            "called",
            "Smith a fake and a quack",
            Stance.ASSERT,
        ),
        (
            "Critics dismissed him as a lightweight.",
            "Critics",
            "dismissed",
            "him as a lightweight",
            Stance.ASSERT,
        ),
        # "dismissed" of an employee or a court case
        (
            "The anchor was dismissed on Monday.",
            "The anchor",
            "was dismissed on Monday",
            "",
            Stance.ASSERT,
        ),
        # "called for" is a demand, not a naming
        (
            "The group called for common rules.",
            "The group",
            "called for",
            "common rules",
            Stance.ASSERT,
        ),
    ],
)
def test_downplays(text, source, cue, content, stance):
    assert _stance(text, source, cue, content) == stance


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "stance"),
    [
        (
            "The ministry has remained silent on the talks.",
            "The ministry",
            "has remained silent on",
            "the talks",
            Stance.NO_COMMENT,
        ),
        (
            "The senator sidestepped questions about the loan.",
            "The senator",
            "sidestepped",
            "questions about the loan",
            Stance.NO_COMMENT,
        ),
        (
            "The aide declined to speculate on the outcome.",
            "The aide",
            "declined",
            "to speculate on the outcome",
            Stance.NO_COMMENT,
        ),
        (
            "She declined to delay the vote or even to address the critics.",
            "She",
            "declined",
            "to delay the vote or even to address the critics",
            Stance.NO_COMMENT,
        ),
        # the refused act is the verb after the cue, not a word deep in the content
        (
            "The board refused to fund schools that break state rules.",
            "The board",
            "refused",
            "to fund schools that break state rules",
            Stance.ASSERT,
        ),
    ],
)
def test_refusals(text, source, cue, content, stance):
    assert _stance(text, source, cue, content) == stance


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "stance"),
    [
        (
            "Investors should consider what would happen if rates rose.",
            "Investors",
            "should consider",
            "what would happen if rates rose",
            Stance.QUESTION,
        ),
        (
            "The pastor puzzled about what the candidate believed.",
            "The pastor",
            "puzzled about",
            "what the candidate believed",
            Stance.QUESTION,
        ),
        (
            "Asked to explain the delay, the official said the forms were late.",
            None,
            "Asked",
            "to explain the delay",
            Stance.QUESTION,
        ),
        # a relative pronoun before the cue is not an embedded question
        (
            "It was a loan which the bank considered too risky.",
            "the bank",
            "considered",
            "which",
            Stance.ASSERT,
        ),
    ],
)
def test_questions(text, source, cue, content, stance):
    assert _stance(text, source, cue, content) == stance


def test_hedges_in_the_content_are_the_sources():
    text = "Officials said the fire may have been set deliberately."
    (h,) = find_hedges(text, claim(text, "Officials", "said", "the fire may have been set"))
    assert (h.cue, h.carrier, h.span.text) == ("may", "source", "may")


def test_reporter_adverb_next_to_the_cue_is_the_reporters():
    text = "The suspect allegedly told police he had been lost."
    c = claim(text, "The suspect", "told", "he had been lost")
    (h,) = find_hedges(text, c)
    assert (h.cue, h.carrier) == ("allegedly", "reporter")


def test_first_person_belief_is_a_hedge_third_person_is_not():
    text = '"I think the deal is dead," the senator said. Aides think otherwise.'
    (h,) = find_hedges(text, claim(text, "the senator", "said", '"I think the deal is dead,"'))
    assert (h.cue, h.carrier) == ("think", "source")
    text = "The senator said voters think the deal is dead."
    assert (
        find_hedges(text, claim(text, "The senator", "said", "voters think the deal is dead")) == ()
    )


def test_epistemic_cue_verbs_and_non_epistemic_uses():
    text = "Analysts believe the merger will collapse."
    (h,) = find_hedges(text, claim(text, "Analysts", "believe", "the merger will collapse"))
    assert (h.cue, h.carrier) == ("believe", "source")
    text = "The pollster said 52 percent of likely voters back the measure."
    c = claim(text, "The pollster", "said", "52 percent of likely voters back the measure")
    assert find_hedges(text, c) == ()
    text = "The clerk said she could not find the file."
    assert find_hedges(text, claim(text, "The clerk", "said", "she could not find the file")) == ()


def test_hedged_cue_without_a_source_is_the_reporters():
    text = "The rebels reportedly seized the airport."
    c = claim(text, None, "reportedly", ["The rebels", "seized the airport"])
    (h,) = find_hedges(text, c)
    assert (h.cue, h.carrier) == ("reportedly", "reporter")


def test_basis():
    text = "The agency said, without providing evidence, that the plant had been attacked."
    c = claim(text, "The agency", "said", "that the plant had been attacked")
    assert classify_basis(text, c) == Basis.UNDISCLOSED
    text = "The group said, citing satellite images, that the base had been expanded."
    c = claim(text, "The group", "said", "that the base had been expanded")
    assert classify_basis(text, c) == Basis.DISCLOSED
    text = "The army said the convoy was hit. It did not say how it knew."
    c = claim(text, "The army", "said", "the convoy was hit")
    assert classify_basis(text, c) == Basis.UNDISCLOSED
    text = "The army said the convoy was hit. Rain fell all day."
    assert classify_basis(text, claim(text, "The army", "said", "the convoy was hit")) == (
        Basis.UNSTATED
    )


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "modality"),
    [
        (
            "The firm said it will cut 300 jobs.",
            "The firm",
            "said",
            "it will cut 300 jobs",
            Modality.EXPECTED,
        ),
        (
            "The union plans to strike in May.",
            "The union",
            "plans",
            "to strike in May",
            Modality.EXPECTED,
        ),
        (
            "Officials said the convoy was attacked.",
            "Officials",
            "said",
            "the convoy was attacked",
            Modality.HAPPENED,
        ),
        (
            "Activists urged the city to close the plant.",
            "Activists",
            "urged",
            "the city to close the plant",
            Modality.UNKNOWN,
        ),
        (
            "The report criticized the new policy.",
            "The report",
            "criticized",
            "the new policy",
            Modality.UNKNOWN,
        ),
    ],
)
def test_modality(text, source, cue, content, modality):
    assert classify_modality(text, claim(text, source, cue, content)) == modality


def test_quantity_modality_marks_planned_amounts_only():
    text = "The ministry will send 500 engineers. Last year it sent 200."
    doc = as_doc(text)
    planned = Quantity(id="q1", span=span(text, "500 engineers"), value=500)
    past = Quantity(id="q2", span=span(text, "200"), value=200)
    assert quantity_modality(doc, planned).modality == Modality.EXPECTED
    assert quantity_modality(doc, past).modality == Modality.UNKNOWN


def test_comment_requests():
    text = (
        "The Daily Courier reached out to the transport ministry for comment. "
        "The ministry did not respond."
    )
    (req,) = find_comment_requests(text)
    assert req.requester[0].text == "The Daily Courier"
    assert req.target[0].text == "the transport ministry"
    assert req.answered is False
    text = (
        "The Herald contacted the mayor's office with emailed requests for comment. "
        "A spokesman responded that the audit was under way."
    )
    (req,) = find_comment_requests(text)
    assert (req.target[0].text, req.answered) == ("the mayor's office", True)
    assert find_comment_requests("The mayor said the audit was under way.") == []


def test_a_comment_request_is_not_a_claim():
    text = "The Daily Courier reached out to the ministry for comment."
    requests = find_comment_requests(text)
    c = claim(text, "The Daily Courier", "reached out to", "the ministry for comment")
    assert drop_comment_requests([c], requests) == []


def test_analyze_claim_fills_every_field_and_keeps_the_spans():
    text = "The general said, citing intercepts, that the unit will probably withdraw."
    c = claim(text, "The general", "said", "that the unit will probably withdraw")
    out = analyze_claim(text, c)
    assert out.content == c.content and out.source == c.source
    assert out.stance == Stance.ASSERT
    assert [h.cue for h in out.hedges] == ["probably"]
    assert out.basis == Basis.DISCLOSED
    assert out.modality == Modality.EXPECTED


def test_component_reads_claims_and_records_comment_requests():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = (
        "The ministry denied that its jets had struck the market. "
        "The Tribune reached out to the ministry for comment."
    )
    doc = nlp(text)
    doc._.ct_claims = [
        claim(text, "The ministry", "denied", "that its jets had struck the market"),
        claim(text, "The Tribune", "reached out to", "the ministry for comment"),
    ]
    doc._.ct_quantities = []
    doc = StanceComponent()(doc)
    assert [c.stance for c in doc._.ct_claims] == [Stance.DENY]
    assert len(doc._.ct_comment_requests) == 1


def _claim_at(text: str, cid: str, cue: str, content: str, source: str = "") -> Claim:
    def span(part: str) -> Span:
        start = text.index(part)
        return Span(start, start + len(part), part)

    return Claim(
        id=cid,
        source=(span(source),) if source else (),
        cue=(span(cue),),
        content=(span(content),),
    )


def test_a_statement_about_the_basis_is_not_a_claim_but_fills_the_basis():
    from claimtrace.extract.stance import analyze_claim, drop_basis_statements

    text = (
        "The health ministry said 40 people died in the outbreak. "
        "The ministry did not disclose the basis for its figure."
    )
    claims = [
        _claim_at(text, "c1", "said", "40 people died in the outbreak", "The health ministry"),
        _claim_at(text, "c2", "did not disclose", "the basis for its figure", "The ministry"),
    ]
    analyzed = [analyze_claim(text, c) for c in claims]
    kept = drop_basis_statements(text, analyzed)
    assert [c.id for c in kept] == ["c1"]
    assert kept[0].basis is Basis.UNDISCLOSED


def test_a_claim_made_without_evidence_is_kept():
    from claimtrace.extract.stance import drop_basis_statements

    text = "The senator claimed without evidence that the vote had been rigged."
    claim = _claim_at(text, "c1", "claimed", "that the vote had been rigged", "The senator")
    assert drop_basis_statements(text, [claim]) == [claim]


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ("that he could neither confirm nor deny the strike", Stance.NO_COMMENT),
        ("that she was unable to confirm the figures", Stance.NO_COMMENT),
        ("that they could not confirm the report", Stance.NO_COMMENT),
        ("that the army could not confirm the report", Stance.ASSERT),
    ],
)
def test_a_source_that_says_it_cannot_confirm_makes_no_statement(content, stance):
    """The source itself declines to confirm: no comment. A third party's inability to
    confirm ("the army could not") is what the source asserts."""
    text = f"The spokesman told local television {content}."
    claim = _claim_at(text, "c1", "told", content, "The spokesman")
    assert classify_stance(text, claim) is stance


def test_a_basis_statement_in_the_next_sentence_belongs_to_its_own_claim():
    from claimtrace.extract.stance import classify_basis

    text = (
        "The spokesman told television that the strike failed. "
        "A source told the paper that units carried it out, but provided no evidence."
    )
    first = _claim_at(text, "c1", "told television", "that the strike failed", "The spokesman")
    second = _claim_at(text, "c2", "told the paper", "that units carried it out", "A source")
    assert classify_basis(text, first, others=[first, second]) is Basis.UNSTATED
    assert classify_basis(text, second, others=[first, second]) is Basis.UNDISCLOSED
    # alone, "He offered no evidence." after a claim is that claim's basis
    text = "The spokesman told television that the strike failed. He offered no evidence."
    first = _claim_at(text, "c1", "told television", "that the strike failed", "The spokesman")
    assert classify_basis(text, first, others=[first]) is Basis.UNDISCLOSED


def test_an_abbreviation_does_not_end_the_clause_that_sets_modality():
    from claimtrace.extract.stance import classify_modality

    text = "The U.S. Department of Agriculture is expected to cut its forecast, analysts said."
    claim = _claim_at(
        text,
        "c1",
        "said",
        "The U.S. Department of Agriculture is expected to cut its forecast",
        "analysts",
    )
    assert classify_modality(text, claim) is Modality.EXPECTED


def test_a_question_put_to_the_source_is_no_comment_request():
    text = "Asked whether more raids were planned, a police spokesman declined to comment."
    assert find_comment_requests(text) == []
    assert (
        find_comment_requests("The union was asked about the strike but refused to comment.") == []
    )
    (req,) = find_comment_requests("The Courier asked the port authority to comment.")
    assert req.target[0].text == "the port authority"


def test_a_basis_statement_at_the_end_of_the_content_is_undisclosed():
    text = "The militia said it had seized the airport, without providing evidence."
    c = claim(text, "The militia", "said", "it had seized the airport, without providing evidence")
    assert classify_basis(text, c) == Basis.UNDISCLOSED
    text = "The militia said it had seized the airport without firing a shot."
    c = claim(text, "The militia", "said", "it had seized the airport without firing a shot")
    assert classify_basis(text, c) == Basis.UNSTATED


def test_a_content_that_reports_the_sources_own_denial():
    from claimtrace.extract.stance import rule_stance

    text = 'The office said it "categorically rejects" the report.'
    c = claim(text, "The office", "said", 'it "categorically rejects" the report')
    assert rule_stance(text, c) == Stance.DENY
    text = "The firm said it rejected the bid."
    assert rule_stance(text, claim(text, "The firm", "said", "it rejected the bid")) == (
        Stance.ASSERT
    )
    text = "The firm said it welcomes the report."
    assert rule_stance(text, claim(text, "The firm", "said", "it welcomes the report")) == (
        Stance.ASSERT
    )


def test_a_basis_statement_in_the_next_sentence_is_not_a_claim_of_its_own():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "The channel reported that 30 fighters died. It did not say how it knew."
    doc = nlp(text)
    doc._.ct_quantities = []
    doc._.ct_claims = [
        claim(text, "The channel", "reported", "that 30 fighters died"),
        claim(text, "It", "did not say how", "it knew"),
    ]
    doc = StanceComponent()(doc)
    (only,) = doc._.ct_claims
    assert only.basis == Basis.UNDISCLOSED


def test_an_unverified_claim_in_apposition_is_the_reporters_hedge():
    text = "The rebels claimed the airport, a claim that could not be independently verified."
    c = claim(text, "The rebels", "claimed", "the airport")
    (hedge,) = find_hedges(text, c)
    assert (hedge.cue, hedge.carrier) == ("unverified", "reporter")


def test_the_sources_own_act_on_no_claim_stays_assert():
    from claimtrace.extract.stance import rule_stance

    text = "The club said it dismissed the coach."
    assert rule_stance(text, claim(text, "The club", "said", "it dismissed the coach")) == (
        Stance.ASSERT
    )
    text = "The firm said it dismisses the concerns as overblown."
    c = claim(text, "The firm", "said", "it dismisses the concerns as overblown")
    assert rule_stance(text, c) == Stance.DOWNPLAY
