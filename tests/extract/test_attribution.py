"""Attribution: grouping of role spans, rules, claims (no trained model needed)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrace.extract.attribution import (
    CONTENT,
    CUE,
    SOURCE,
    RoleSpan,
    extract_attributions,
    group_roles,
    hedge_attributions,
    quote_type,
    roles_from_doc,
    rule_attributions,
)
from claimtrace.model import QuoteType, SourceKind, Span


def _sentencized(text: str):
    """``text`` as a blank Doc with sentences, tokenized as the role tagger does."""
    from claimtrace.extract.attribution import split_dashes

    nlp = split_dashes(spacy.blank("en"))
    nlp.add_pipe("sentencizer")
    return nlp(text)


def _roles(text: str, marks: list[tuple[str, str]]) -> list[RoleSpan]:
    """Role spans from (label, substring) pairs on a sentencized blank Doc."""
    doc = _sentencized(text)
    ents, pos = [], 0
    for label, sub in marks:
        start = text.index(sub, pos)
        pos = start + len(sub)
        ents.append(doc.char_span(start, start + len(sub), label=label))
    doc.ents = ents
    return roles_from_doc(doc)


def _completed_source(text: str, cue_text: str) -> str | None:
    """The source :func:`complete_source` finds for the cue ``cue_text`` alone."""
    from claimtrace.extract.attribution import Attribution, complete_source, sentence_bounds

    roles = _roles(text, [(CUE, cue_text)])
    cue = next(r for r in roles if r.label == CUE)
    sentences = sentence_bounds(_sentencized(text))
    found = complete_source(text, Attribution(cue=cue), sentences, roles)
    return text[found[0] : found[1]] if found else None


def _texts(text, att):
    return (
        [text[s.start : s.end] for s in att.source],
        text[att.cue.start : att.cue.end],
        [text[c.start : c.end] for c in att.content],
    )


def test_group_one_attribution_per_cue_with_nearest_roles():
    text = 'Officials said that the bridge was closed. "It is unsafe," the engineer told us.'
    roles = _roles(
        text,
        [
            (SOURCE, "Officials"),
            (CUE, "said"),
            (CONTENT, "that the bridge was closed"),
            (CONTENT, '"It is unsafe,"'),
            (SOURCE, "the engineer"),
            (CUE, "told"),
        ],
    )
    atts = group_roles(roles)
    assert [_texts(text, a) for a in atts] == [
        (["Officials"], "said", ["that the bridge was closed"]),
        (["the engineer"], "told", ['"It is unsafe,"']),
    ]


def test_group_shared_source_and_split_content():
    text = "The mayor said the road, which is old, would reopen, adding that repairs cost more."
    roles = _roles(
        text,
        [
            (SOURCE, "The mayor"),
            (CUE, "said"),
            (CONTENT, "the road, which is old, would reopen"),
            (CUE, "adding"),
            (CONTENT, "that repairs cost more"),
        ],
    )
    atts = group_roles(roles)
    assert len(atts) == 2
    assert _texts(text, atts[1]) == (["The mayor"], "adding", ["that repairs cost more"])


def test_group_discontinuous_content_goes_to_one_cue():
    text = '"The plan," she said, "is final."'
    roles = _roles(
        text, [(CONTENT, '"The plan,"'), (SOURCE, "she"), (CUE, "said"), (CONTENT, '"is final."')]
    )
    (att,) = group_roles(roles)
    assert len(att.content) == 2


def test_group_without_cues_is_empty_and_cues_without_content_are_dropped():
    assert group_roles([]) == []
    text = "He smiled and said nothing."
    roles = _roles(text, [(SOURCE, "He"), (CUE, "said")])
    assert group_roles(roles) == []
    assert len(group_roles(roles, keep_cues_without_content=True)) == 1


def test_quote_type():
    text = '"We will win," he said; he said that "victory" is near; he said it was over.'

    def q(sub):
        i = text.index(sub)
        return quote_type(text, [Span.of(text, i, i + len(sub))])

    assert q('"We will win,"') is QuoteType.DIRECT
    assert q('that "victory" is near') is QuoteType.MIXED
    assert q("it was over") is QuoteType.INDIRECT


def test_rule_fallback_patterns():
    text = (
        "The minister said that taxes would rise. Prices will fall, the bank said. "
        "According to the survey, most voters are undecided."
    )
    found = [(text[c[0] : c[1]], text[k[0] : k[1]]) for _s, c, k in rule_attributions(text)]
    assert ("said", "that taxes would rise") in found
    assert ("said", "Prices will fall") in found
    assert ("According to", "most voters are undecided") in found


def test_hedged_sourceless_claims():
    text = (
        "The convoy was reportedly hit by drones, while others waited. "
        "Several ships were believed to have left port."
    )
    found = [(text[c[0] : c[1]], text[k[0] : k[1]]) for c, k in hedge_attributions(text)]
    assert ("reportedly", "hit by drones") in found
    assert ("were believed", "Several ships were believed to have left port") in found


def test_extract_without_tagger_gives_ordered_ids_and_sourceless_claims():
    text = "The ministry said the dam held. Water was reportedly rising downstream."
    claims = extract_attributions(text, tagger=None)
    assert [c.id for c in claims] == ["c1", "c2"]
    assert claims[0].source[0].text == "The ministry"
    assert claims[1].source == ()
    assert claims[1].source_kind is SourceKind.UNATTRIBUTED
    assert claims[1].cue[0].text == "reportedly"
    for claim in claims:
        for span in (*claim.source, *claim.cue, *claim.content):
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text",
    [
        '"This never closes, he said. And then nothing.',
        'He said: "one" "two" "three',
        "”Backwards quotes“ she wrote",
        "",
        "\n\n\n",
    ],
)
def test_unbalanced_quotes_never_abort(text):
    claims = extract_attributions(text, tagger=None)
    assert isinstance(claims, list)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*list('ab ,."“”\n'), "said", "He", "reportedly", " "])))
def test_any_text_gives_valid_spans(pieces):
    text = "".join(pieces)
    for claim in extract_attributions(text, tagger=None):
        for span in (*claim.source, *claim.cue, *claim.content):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text


def test_tagger_architecture_builds_and_tags():
    from spacy.training import Example

    import claimtrace.extract.attribution_model  # noqa: F401

    nlp = spacy.blank("en")
    t2v = nlp.add_pipe(
        "tok2vec",
        config={
            "model": {
                "@architectures": "spacy.Tok2Vec.v2",
                "embed": {
                    "@architectures": "spacy.MultiHashEmbed.v2",
                    "width": 16,
                    "attrs": ["NORM", "SHAPE"],
                    "rows": [100, 50],
                    "include_static_vectors": False,
                },
                "encode": {
                    "@architectures": "claimtrace.CNNBiLSTMEncoder.v1",
                    "width": 16,
                    "depth": 1,
                    "window_size": 1,
                    "maxout_pieces": 2,
                },
            }
        },
    )
    text = "She said it rained."
    doc = nlp.make_doc(text)
    gold = nlp.make_doc(text)
    gold.ents = [gold.char_span(0, 3, "SOURCE"), gold.char_span(4, 8, "CUE")]
    nlp.initialize(lambda: [Example(doc, gold)])
    vectors = t2v.model.predict([nlp.make_doc(text)])
    assert vectors[0].shape == (len(doc), 16)


def _claim_spans(text: str, source: str | None, cue: str, content: str):
    """The raw ``(source, cue, content, confidence)`` spans of a claim, each role the first
    occurrence of its words in ``text`` (no source when ``source`` is None)."""

    def span(x):
        return Span.of(text, text.index(x), text.index(x) + len(x))

    return ((span(source),) if source else (), (span(cue),), (span(content),), 0.9)


def _source_edges_of(text: str, source: str, verb: str = " said") -> list[str]:
    """The source ``_source_edges`` leaves of ``source`` before the cue ``verb``."""
    from claimtrace.extract.attribution import _source_edges

    lo = text.index(source)
    at = text.index(verb) + 1
    cue = Span.of(text, at, at + len(verb) - 1)
    out = _source_edges(text, ((Span.of(text, lo, lo + len(source)),), (cue,), (), 0.9))
    return [s.text for s in out[0]]


def _att(text, marks):
    roles = _roles(text, marks)
    groups = group_roles(roles, text=text, keep_cues_without_content=True)
    return roles, groups


def test_complete_content_takes_the_clause_before_a_final_cue():
    from claimtrace.extract.attribution import complete_content, sentence_bounds

    text = "The harbour will reopen next week, according to the port authority."
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    roles, (att,) = _att(text, [(CUE, "according to"), (SOURCE, "the port authority")])
    lo, hi = complete_content(text, att, sentence_bounds(doc), roles)
    assert text[lo:hi] == "The harbour will reopen next week"


def test_complete_content_takes_the_words_after_a_verb_cue():
    from claimtrace.extract.attribution import complete_content, sentence_bounds

    text = "The union said on Friday that the strike would go on."
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    roles, (att,) = _att(text, [(SOURCE, "The union"), (CUE, "said")])
    lo, hi = complete_content(text, att, sentence_bounds(nlp(text)), roles)
    assert text[lo:hi] == "on Friday that the strike would go on"


def test_a_quotation_continued_in_the_next_paragraph_keeps_its_speaker():
    """A paragraph left without its closing mark continues into the next one, which opens
    with a quotation mark: that paragraph is the same speaker's, not the next cue's."""
    from claimtrace.extract.attribution import group_roles

    text = (
        '"We will not retreat," the minister said. "Our forces are ready.\n\n'
        '"The people support us and will not be intimidated."\n\n'
        "Officials in Moscow declined to comment."
    )
    first, second, third = (
        '"We will not retreat,"',
        '"Our forces are ready.',
        '"The people support us and will not be intimidated."',
    )
    roles = _roles(
        text,
        [
            (CONTENT, first),
            (SOURCE, "the minister"),
            (CUE, "said"),
            (CONTENT, second),
            (CONTENT, third),
            (SOURCE, "Officials in Moscow"),
            (CUE, "declined"),
            (CONTENT, "to comment"),
        ],
    )
    groups = group_roles(roles, text=text)
    assert [[text[c.start : c.end] for c in g.content] for g in groups] == [
        [first, second, third],
        ["to comment"],
    ]


def test_a_that_clause_belongs_to_the_verb_before_it():
    """ "X told reporters that A and warned that B": A is told, B is warned, even though
    "warned" is the nearer cue to A."""
    from claimtrace.extract.attribution import group_roles

    text = (
        "The governor told reporters in the capital that the damage was severe "
        "and warned that the toll could rise."
    )
    roles = _roles(
        text,
        [
            (SOURCE, "The governor"),
            (CUE, "told"),
            (CONTENT, "that the damage was severe"),
            (CUE, "warned"),
            (CONTENT, "that the toll could rise"),
        ],
    )
    found = {
        text[g.cue.start : g.cue.end]: [text[c.start : c.end] for c in g.content]
        for g in group_roles(roles, text=text)
    }
    assert found == {
        "told": ["that the damage was severe"],
        "warned": ["that the toll could rise"],
    }


def test_a_source_after_according_to_ends_at_the_comma_before_a_clause():
    from claimtrace.extract.attribution import split_swallowed_subjects

    text = "According to the agency, some 15,000 people have been forced from their homes."
    tagged = _roles(
        text,
        [
            (CUE, "According to"),
            (SOURCE, "the agency, some 15,000 people"),
            (CONTENT, "have been forced from their homes"),
        ],
    )
    roles = split_swallowed_subjects(text, _sentencized(text), tagged)
    assert sorted((r.label, text[r.start : r.end]) for r in roles) == [
        (CONTENT, "some 15,000 people have been forced from their homes"),
        (CUE, "According to"),
        (SOURCE, "the agency"),
    ]
    # an apposition followed by the reported clause's own subject stays in the source
    text = "According to John Roe, a spokesman, the talks have failed."
    tagged = _roles(text, [(CUE, "According to"), (SOURCE, "John Roe, a spokesman")])
    assert split_swallowed_subjects(text, _sentencized(text), tagged) == tagged


def test_only_a_cue_of_saying_gets_the_rest_of_its_sentence():
    """A tagged "said" without content is completed; a tagged "support" (PolNeAR's
    broader attributions) is dropped rather than given a guessed content."""
    from claimtrace.extract.attribution import _completed, group_roles, sentence_bounds

    for cue, kept in (("said", True), ("support", False), ("did not respond to", True)):
        text = f"The mayors {cue} the new plan for the river banks."
        roles = _roles(text, [(SOURCE, "The mayors"), (CUE, cue)])
        groups = group_roles(roles, text=text, keep_cues_without_content=True)
        done = _completed(text, groups, sentence_bounds(_sentencized(text)), roles)
        assert [text[c.start : c.end] for a in done for c in a.content] == (
            ["the new plan for the river banks"] if kept else []
        )
    # a refusal may have a one-word content; the tagger's missing cue is found by lexicon
    text = "The embassy did not immediately reply to questions."
    roles = _roles(text, [(CUE, "did not immediately reply to")])
    groups = group_roles(roles, text=text, keep_cues_without_content=True)
    (done,) = _completed(text, groups, sentence_bounds(_sentencized(text)), roles)
    assert [text[c.start : c.end] for c in (*done.source, *done.content)] == [
        "The embassy",
        "questions",
    ]
    from claimtrace.extract.attribution import lexicon_cue_roles

    found = lexicon_cue_roles(text, _sentencized(text), [])
    assert [text[r.start : r.end] for r in found] == ["did not immediately reply to"]
    # any cue followed by a complement clause has that clause as content
    text = "The mayors concluded that the plan works."
    roles = _roles(text, [(SOURCE, "The mayors"), (CUE, "concluded")])
    groups = group_roles(roles, text=text, keep_cues_without_content=True)
    done = _completed(text, groups, sentence_bounds(_sentencized(text)), roles)
    assert [text[c.start : c.end] for a in done for c in a.content] == ["that the plan works"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "LIMA, Peru (AP) — Rains have killed 40 people since Monday, the agency said on "
            "Wednesday, as rescuers searched for the missing.",
            "Rains have killed 40 people since Monday",
        ),
        (
            "In a statement issued late, the agency said on Wednesday that the dam would hold.",
            "on Wednesday that the dam would hold",
        ),
        (
            "In addition, the campaign will release more medical records, the agency said.",
            "In addition, the campaign will release more medical records",
        ),
    ],
)
def test_a_reporting_clause_after_a_comma_reports_the_clause_before(text, content):
    """Wire leads put the report first ("X, the agency said on Wednesday, as ..."); an
    opening phrase before the source ("In a statement, ...") is not what is reported, nor
    is the dateline."""
    from claimtrace.extract.attribution import complete_content, sentence_bounds

    roles, (att,) = _att(text, [(SOURCE, "the agency"), (CUE, "said")])
    lo, hi = complete_content(text, att, sentence_bounds(_sentencized(text)), roles)
    assert text[lo:hi] == content


def test_a_subject_before_a_relative_clause_is_the_source():
    """ "NP, who ..., said X": NP is the source, also when the tagger took it for content."""
    from claimtrace.extract.attribution import _completed, group_roles, sentence_bounds

    text = (
        "Two people familiar with the talks, who spoke on condition of anonymity because "
        "they were not authorized to speak, said the deal was close."
    )
    roles = _roles(
        text,
        [
            (CONTENT, "Two people familiar with the talks"),
            (CUE, "said"),
            (CONTENT, "the deal was close"),
        ],
    )
    groups = group_roles(roles, text=text)
    (att,) = _completed(text, groups, sentence_bounds(_sentencized(text)), roles)
    assert [text[r.start : r.end] for r in att.source] == ["Two people familiar with the talks"]
    assert [text[r.start : r.end] for r in att.content] == ["the deal was close"]


def test_a_citing_phrase_between_source_and_cue_is_not_a_claim_of_its_own():
    from claimtrace.extract.attribution import group_roles, merge_citing, sentence_bounds

    text = "Reuters, citing a local official, reported that the dam had partially collapsed."
    roles = _roles(
        text,
        [
            (CUE, "citing"),
            (CONTENT, "a local official"),
            (CUE, "reported"),
            (CONTENT, "that the dam had partially collapsed"),
        ],
    )
    groups = merge_citing(text, group_roles(roles, text=text), sentence_bounds(_sentencized(text)))
    assert [
        (
            [text[r.start : r.end] for r in g.source],
            text[g.cue.start : g.cue.end],
            [text[r.start : r.end] for r in g.content],
        )
        for g in groups
    ] == [(["Reuters"], "reported", ["that the dam had partially collapsed"])]

    # "X reported, citing Y, that Z": Z is what X reported
    text = "The Post reported last week, citing two officials, that the talks had failed."
    roles = _roles(
        text,
        [
            (SOURCE, "The Post"),
            (CUE, "reported last week"),
            (CUE, "citing"),
            (CONTENT, "two officials, that the talks had failed"),
        ],
    )
    grouped = group_roles(roles, text=text, keep_cues_without_content=True)
    (merged,) = merge_citing(text, grouped, sentence_bounds(_sentencized(text)))
    assert text[merged.cue.start : merged.cue.end] == "reported last week"
    assert [text[r.start : r.end] for r in merged.source] == ["The Post"]
    assert [text[r.start : r.end] for r in merged.content] == ["that the talks had failed"]


def test_a_reported_clause_may_hold_an_attribution_of_its_own():
    """ "EU governments are considering sanctions, three diplomats said": the diplomats'
    content is the whole clause, the inner attribution nested in it."""
    from claimtrace.extract.attribution import complete_content, sentence_bounds

    text = "EU governments are considering new sanctions, three diplomats said on Tuesday."
    roles, groups = _att(
        text,
        [
            (SOURCE, "EU governments"),
            (CUE, "are considering"),
            (CONTENT, "new sanctions"),
            (SOURCE, "three diplomats"),
            (CUE, "said"),
        ],
    )
    outer = next(g for g in groups if text[g.cue.start : g.cue.end] == "said")
    lo, hi = complete_content(text, outer, sentence_bounds(_sentencized(text)), roles)
    assert text[lo:hi] == "EU governments are considering new sanctions"


def test_a_closing_reporting_clause_is_a_cue_the_tagger_may_miss():
    from claimtrace.extract.attribution import lexicon_cue_roles

    text = (
        "Several explosions were heard near the port overnight, state media reported on "
        "Saturday, and a depot was set on fire. Prices rose, which was reported widely."
    )
    found = [text[r.start : r.end] for r in lexicon_cue_roles(text, _sentencized(text), [])]
    assert found == ["reported"]


def test_tidy_roles_moves_an_opening_quote_and_drops_a_leading_conjunction():
    from claimtrace.extract.attribution import tidy_roles

    text = 'Prices rose as traders worried that rain would stop. "Funds are chasing it," one said.'
    last_week = "Last week the company reported a loss."
    tidy = tidy_roles(
        last_week, _sentencized(last_week), _roles(last_week, [(SOURCE, "Last week the company")])
    )
    assert [last_week[r.start : r.end] for r in tidy] == ["the company"]
    wire = "SAN FRANCISCO, June 3 (Reuters) - Nexa is in talks to buy Ortel, sources said."
    for tagged, left in (
        (wire[: wire.index(",", 20)], ["Nexa is in talks to buy Ortel"]),
        ("SAN FRANCISCO, June 3 (Reuters) -", []),
    ):
        tidy = tidy_roles(wire, _sentencized(wire), _roles(wire, [(CONTENT, tagged)]))
        assert [wire[r.start : r.end] for r in tidy] == left
    tagged = _roles(
        text,
        [
            (SOURCE, "as traders"),
            (CUE, "worried"),
            (CONTENT, 'that rain would stop. "'),
            (CONTENT, 'Funds are chasing it,"'),
        ],
    )
    tidy = tidy_roles(text, _sentencized(text), tagged)
    assert [(r.label, text[r.start : r.end]) for r in tidy] == [
        (SOURCE, "traders"),
        (CUE, "worried"),
        (CONTENT, "that rain would stop."),
        (CONTENT, '"Funds are chasing it,"'),
    ]


def test_a_sentence_opening_with_a_quoted_word_does_not_continue_a_quotation():
    from claimtrace.extract.attribution import group_roles

    text = (
        '"We have completed the transition," the chairman said. '
        '"Transition" is a reference to the five-year restructuring effort.'
    )
    roles = _roles(
        text,
        [
            (CONTENT, '"We have completed the transition,"'),
            (SOURCE, "the chairman"),
            (CUE, "said"),
            (CONTENT, '"Transition" is a reference to the five-year restructuring effort'),
        ],
    )
    (att,) = group_roles(roles, text=text)
    assert [text[c.start : c.end] for c in att.content] == ['"We have completed the transition,"']


@pytest.mark.parametrize(
    ("fragment", "quotation"),
    [
        ('"It\'s all about creating some enthusiasm," he said', True),
        ("“We will not retreat from the region,”", True),
        ("''The sooner he releases his returns, the better,''", True),
        ('"Transition" is a reference to the restructuring effort', False),
        ("“Shark Tank” is a show on television these days", False),
    ],
)
def test_is_quote_start(fragment, quotation):
    from claimtrace.extract.attribution import _is_quote_start

    role = RoleSpan(CONTENT, 0, len(fragment), 0, 1, 0, 0)
    assert _is_quote_start(role, fragment) is quotation


def test_a_that_clause_never_goes_to_a_cue_of_a_later_sentence():
    from claimtrace.extract.attribution import group_roles

    text = "Covenants require that the company meet a test. Last week the company reported."
    roles = _roles(text, [(CONTENT, "that the company meet a test"), (CUE, "reported")])
    assert group_roles(roles, text=text) == []


def test_a_content_cut_short_runs_on_to_the_reporting_clause():
    from claimtrace.extract.attribution import _completed, group_roles, sentence_bounds

    text = (
        "Last week alone, $1.6 billion flowed out of the funds, or 5% of assets, "
        "according to estimates by a research firm."
    )
    roles = _roles(
        text,
        [(CONTENT, "Last week alone"), (CUE, "according to"), (SOURCE, "a research firm")],
    )
    groups = group_roles(roles, text=text)
    (att,) = _completed(text, groups, sentence_bounds(_sentencized(text)), roles)
    assert [text[c.start : c.end] for c in att.content] == [
        "Last week alone, $1.6 billion flowed out of the funds, or 5% of assets"
    ]


def test_a_report_opening_a_content_is_a_claim_of_its_own():
    from claimtrace.extract.attribution import nested_reports

    text = "The mayor told residents that the water was safe, officials said."

    def span(part: str) -> Span:
        return Span.of(text, text.index(part), text.index(part) + len(part))

    outer = (
        (span("officials"),),
        (span("said"),),
        (span("The mayor told residents that the water was safe"),),
        0.9,
    )
    ((source, cue, content, _),) = nested_reports(text, [outer], confidence=0.6)
    assert [s.text for s in (*source, *cue, *content)] == [
        "The mayor",
        "told residents",
        "that the water was safe",
    ]
    # a claim already found there is not made twice
    assert nested_reports(text, [outer, (source, cue, content, 0.9)], confidence=0.6) == []


def test_cited_as_saying_is_not_the_content():
    from claimtrace.extract.attribution import _repair_cited

    text = "Prices rose again, the daily paper cited bankers as saying on Monday."

    def sp(sub):
        i = text.index(sub)
        return Span.of(text, i, i + len(sub))

    claim = ((sp("the daily paper"),), (sp("cited"),), (sp("bankers as saying on Monday"),), 0.9)
    _source, _cue, content, _ = _repair_cited(text, claim)
    assert [c.text for c in content] == ["Prices rose again"]


def test_quote_roles_add_the_speaker_of_an_untagged_quotation():
    from claimtrace.extract.attribution import quote_roles

    text = 'The talks ended. "We are not finished with this yet," the envoy said on Friday.'
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    found = {(r.label, text[r.start : r.end]) for r in quote_roles(text, doc, [])}
    assert found == {
        (CUE, "said"),
        (SOURCE, "the envoy"),
        (CONTENT, '"We are not finished with this yet,"'),
    }
    # a role the tagger already found is left alone
    tagged = _roles(text, [(CUE, "said")])
    assert quote_roles(text, doc, tagged) == tagged


def test_quote_roles_read_signed_quotations_in_a_list():
    """'“...” ― Name' lines: each signature is the cue and speaker of its own line's
    quotation, also when the quotation opens with a mis-typed ” and when the tagger
    found only a fragment of the quotation or of the name."""
    from claimtrace.extract.attribution import group_roles, quote_roles

    text = (
        "Voters told us what they think.\n\n"
        "”The plan is a disaster for farmers. Nobody asked us.” ― Ann Lee\n"
        "“We will vote anyway, whatever happens in the debate.”― Carl Ruiz Diaz.\n"
    )
    doc = _sentencized(text)
    tagged = _roles(text, [(CONTENT, "a disaster for farmers"), (SOURCE, "Diaz")])
    roles = quote_roles(text, doc, tagged)
    groups = group_roles(roles, text=text)
    found = [
        (
            [text[r.start : r.end] for r in g.source],
            text[g.cue.start : g.cue.end],
            [text[r.start : r.end] for r in g.content],
        )
        for g in groups
    ]
    assert found == [
        (["Ann Lee"], "―", ["”The plan is a disaster for farmers. Nobody asked us.”"]),
        (["Carl Ruiz Diaz"], "―", ["“We will vote anyway, whatever happens in the debate.”"]),
    ]


def test_passive_attribution_with_an_agent():
    from claimtrace.extract.attribution import agent_attributions

    text = "The mine will close next year, as first reported by the Daily Courier on Monday."
    ((src, cue, content),) = agent_attributions(text)
    assert text[slice(*src)] == "the Daily Courier"
    assert text[slice(*cue)] == "reported"
    assert text[slice(*content)] == "The mine will close next year"
    assert agent_attributions("The mine will close, the owner said.") == []


def test_lexicon_cues_fill_gaps_the_tagger_left():
    from claimtrace.extract.attribution import lexicon_cue_roles

    text = "The council said the bridge would close. It was old."
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    added = lexicon_cue_roles(text, doc, [])
    assert [(r.label, text[r.start : r.end]) for r in added] == [(CUE, "said")]
    taken = _roles(text, [(CONTENT, "The council said the bridge would close")])
    assert lexicon_cue_roles(text, doc, taken) == []


@pytest.mark.parametrize(
    ("text", "marks", "source"),
    [
        (
            "The plan is fair, Mr. Ortiz said.",
            [(CONTENT, "The plan is fair"), (CUE, "said")],
            "Mr. Ortiz",
        ),
        (
            "The plan is fair, said the mayor.",
            [(CONTENT, "The plan is fair"), (CUE, "said")],
            "the mayor",
        ),
        ("The plan is fair, and said nothing.", [(CUE, "said")], None),
    ],
)
def test_complete_source(text, marks, source):
    from claimtrace.extract.attribution import complete_source, sentence_bounds

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    roles, groups = _att(text, marks)
    found = complete_source(text, groups[0], sentence_bounds(nlp(text)), roles)
    assert (text[found[0] : found[1]] if found else None) == source


def test_source_swallowed_by_a_content_is_split_off():
    from claimtrace.extract.attribution import split_swallowed_sources

    text = "Ten ships left the port, the coast guard wrote on Monday."
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    roles = _roles(text, [(CONTENT, "Ten ships left the port, the coast guard"), (CUE, "wrote")])
    out = split_swallowed_sources(text, doc, roles)
    assert [(r.label, text[r.start : r.end]) for r in out] == [
        (CONTENT, "Ten ships left the port"),
        (SOURCE, "the coast guard"),
        (CUE, "wrote"),
    ]


def test_participle_with_that_is_a_cue_with_its_content():
    from claimtrace.extract.attribution import lexicon_cue_roles

    text = "Prices rose, with one trader warning on the radio that supplies were short."
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    found = [(r.label, text[r.start : r.end]) for r in lexicon_cue_roles(text, doc, [])]
    assert (CUE, "warning") in found
    assert (CONTENT, "that supplies were short") in found
    claims = extract_attributions(text, tagged=doc)
    assert [(c.source[0].text, c.cue[0].text) for c in claims if c.source] == [
        ("one trader", "warning")
    ]


def test_nested_attribution_without_its_own_source_is_dropped():
    from claimtrace.extract.attribution import _drop_nested_repeats

    text = "The agency said troops are reportedly moving north, while officials claimed calm."

    def sp(part: str) -> tuple:
        start = text.index(part)
        return (Span(start, start + len(part), part),)

    outer = (sp("The agency"), sp("said"), sp("troops are reportedly moving north"), 0.9)
    hedge = ((), sp("reportedly"), sp("moving north"), 0.6)
    repeat = (sp("The agency"), sp("reportedly"), sp("moving north"), 0.6)
    other = (sp("officials"), sp("claimed"), sp("calm"), 0.9)
    assert _drop_nested_repeats([outer, hedge, repeat, other]) == [outer, other]


def test_nested_attribution_with_a_different_source_stays():
    from claimtrace.extract.attribution import _drop_nested_repeats

    text = "The paper said the minister claimed the talks had failed."

    def sp(part: str) -> tuple:
        start = text.index(part)
        return (Span(start, start + len(part), part),)

    outer = (sp("The paper"), sp("said"), sp("the minister claimed the talks had failed"), 0.9)
    inner = (sp("the minister"), sp("claimed"), sp("the talks had failed"), 0.9)
    assert _drop_nested_repeats([outer, inner]) == [outer, inner]


def test_a_hedge_cue_takes_no_subject_as_its_source():
    from claimtrace.extract.attribution import _hedge_without_subject_source
    from claimtrace.model import Span

    text = "The minister reportedly met rebels, a rival was quoted as saying."
    subject = Span.of(text, 0, 12)
    cue = Span.of(text, 13, 23)
    content = Span.of(text, 24, 34)
    source, _cue, _content, _conf = _hedge_without_subject_source(
        text, ((subject,), (cue,), (content,), 0.9)
    )
    assert cue.text == "reportedly" and source == ()

    text = "Some troops were purported by officials to have fought, a man said."
    cue = Span.of(text, 12, 26)
    agent = Span.of(text, 30, 39)
    after = Span.of(text, 56, 61)
    assert (cue.text, agent.text, after.text) == ("were purported", "officials", "a man")
    kept = _hedge_without_subject_source(text, ((agent, after), (cue,), (content,), 0.9))[0]
    assert kept == (agent,)
    # an ordinary cue keeps its subject
    said = Span.of(text, 62, 66)
    assert _hedge_without_subject_source(text, ((after,), (said,), (content,), 0.9))[0] == (after,)


def test_a_headline_that_a_name_opens_with_a_colon_is_a_claim():
    from claimtrace.extract.attribution import labelled_line_roles

    text = "Mayor Ortiz: Bridge Repairs Will Take Two Years.\n\nThe council met on Monday."
    roles = labelled_line_roles(text, _sentencized(text), [])
    (att,) = group_roles(roles, text=text)
    assert _texts(text, att) == (["Mayor Ortiz"], ":", ["Bridge Repairs Will Take Two Years"])


def test_transcript_speakers_are_sources_and_labels_or_lists_are_not():
    from claimtrace.extract.attribution import labelled_line_roles

    text = (
        "The interview ran as follows.\n\n"
        "HOST: Will the plant close this year?\n\n"
        "DIAZ: No. The plant stays open until the contract ends.\n\n"
        "HOST: And after that?\n\n"
        "DIAZ: That depends on the state budget.\n\n"
        "UPDATE: This story was changed to add the mayor's reply.\n\n"
        "Ohio: three plants, all of them open since the spring."
    )
    doc = _sentencized(text)
    # a content the tagger found over a whole transcript line loses the speaker label
    whole = text.index("DIAZ: No.")
    tagged = [RoleSpan.of(CONTENT, doc.char_span(whole, text.index(" ends.") + 6), [0] * len(doc))]
    groups = group_roles(labelled_line_roles(text, doc, tagged), text=text)
    found = sorted(_texts(text, a) for a in groups)
    assert found == [
        (["DIAZ"], ":", ["No. The plant stays open until the contract ends."]),
        (["DIAZ"], ":", ["That depends on the state budget"]),
        (["HOST"], ":", ["And after that?"]),
        (["HOST"], ":", ["Will the plant close this year?"]),
    ]


def test_according_to_opening_a_sentence_reports_what_follows_not_an_earlier_quote():
    text = (
        '"We are out of money," she said. "The shelter closes in May."\n\n'
        "According to the mayor, the city will find a new building because many donors left."
    )
    roles = _roles(
        text,
        [
            (CONTENT, '"We are out of money,"'),
            (SOURCE, "she"),
            (CUE, "said"),
            (CONTENT, '"The shelter closes in May."'),
            (CUE, "According to"),
            (SOURCE, "many donors"),
            (CUE, "left"),
        ],
    )
    groups = group_roles(roles, text=text, keep_cues_without_content=True)
    by_cue = {text[a.cue.start : a.cue.end]: a for a in groups}
    # the quotation of the paragraph before stays with "she said"
    assert _texts(text, by_cue["said"])[2] == [
        '"We are out of money,"',
        '"The shelter closes in May."',
    ]
    # "many donors" is the subject of "left", not what "according to" names
    assert by_cue["According to"].source == () and by_cue["According to"].content == ()


def test_according_to_takes_the_phrase_before_its_comma_as_source():
    from claimtrace.extract.attribution import _completed, sentence_bounds

    text = "According to local fire officials, the blaze started in a kitchen."
    roles = _roles(text, [(CUE, "According to")])
    groups = group_roles(roles, text=text, keep_cues_without_content=True)
    (done,) = _completed(text, groups, sentence_bounds(_sentencized(text)), roles)
    assert _texts(text, done) == (
        ["local fire officials"],
        "According to",
        ["the blaze started in a kitchen"],
    )


def test_a_participle_of_saying_after_a_comma_is_a_cue_without_its_comma():
    from claimtrace.extract.attribution import lexicon_cue_roles

    text = "The mayor left the meeting early, saying the budget was final. Saying no is hard."
    found = lexicon_cue_roles(text, _sentencized(text), [])
    assert [text[r.start : r.end] for r in found if r.label == CUE] == ["saying"]


def test_a_source_with_an_apposition_takes_its_closing_comma_and_no_dateline():
    edges = _source_edges_of
    text = "Rep. Elijah Cummings, the top Democrat on the panel, said the bill would fail."
    assert edges(text, "Rep. Elijah Cummings, the top Democrat on the panel") == [
        "Rep. Elijah Cummings, the top Democrat on the panel,"
    ]
    text = "European Council President Donald Tusk, in Brussels, said talks would resume."
    assert edges(text, "European Council President Donald Tusk,") == [
        "European Council President Donald Tusk"
    ]
    text = "BRUSSELS - European leaders said on Friday that talks would resume."
    assert edges(text, "BRUSSELS - European leaders") == ["European leaders"]
    # a source without an apposition or dateline is left as it is
    assert edges(text, "European leaders") == ["European leaders"]


def test_a_pronoun_before_a_cue_is_its_source_unless_the_cue_makes_no_act_of_it():
    source = _completed_source
    assert source("The report came out. It shows that wages fell.", "shows") == "It"
    assert source("The mayor, who expects a deficit, left.", "expects") == "who"
    assert source("The ad ran. It’s denouncing the press.", "denouncing") == "It"
    assert source("Wages fell, she said.", "said") == "she"
    assert source("The report came out. It seems that wages fell.", "seems") is None
    assert source("The report came out. It was said that wages fell.", "was said") is None


def test_the_subject_of_a_passive_or_raising_cue_is_content_not_source():
    from claimtrace.extract.attribution import _passive_subject

    def moved(text, source, cue, content):
        sp = [Span.of(text, text.index(x), text.index(x) + len(x)) for x in (source, cue, content)]
        out = _passive_subject(text, ((sp[0],), (sp[1],), (sp[2],), 0.9))
        return [s.text for s in out[0]], [s.text for s in out[2]]

    text = "Trump is expected to deliver a speech tonight."
    assert moved(text, "Trump", "is expected", "to deliver a speech tonight") == (
        [],
        ["Trump", "to deliver a speech tonight"],
    )
    text = "Peacekeepers have sometimes been accused of abuse."
    assert moved(text, "Peacekeepers", "have sometimes been accused of", "abuse")[0] == []
    text = "Republicans seem confident they have the votes."
    assert moved(text, "Republicans", "seem confident", "they have the votes")[0] == []
    text = "Now Melania seems to have vanished from the trail."
    assert moved(text, "Now Melania", "seems", "to have vanished from the trail")[0] == []
    # an active cue, a stance ("is convinced") or a speech act after "appeared" keeps it
    text = "Trump expected to deliver a speech tonight."
    assert moved(text, "Trump", "expected", "to deliver a speech tonight")[0] == ["Trump"]
    text = "Voters are convinced that the race is over."
    assert moved(text, "Voters", "are convinced", "that the race is over")[0] == ["Voters"]
    text = "He appeared to suggest that the race is over."
    assert moved(text, "He", "appeared", "that the race is over")[0] == ["He"]
    # an adjective ending like "said" is no participle: "are afraid"
    text = "Many growers are afraid that the frost will return."
    assert moved(text, "Many growers", "are afraid", "that the frost will return")[0] == [
        "Many growers"
    ]
    text = "The rumour was said to be false."
    assert moved(text, "The rumour", "was said", "to be false")[0] == []
    # "Asked about X, Clinton said": the one asked is no source of "Asked"
    text = "Asked about the deal, Clinton said it was fine."
    assert moved(text, "Clinton", "Asked", "about the deal")[0] == []


def test_a_passive_cue_takes_no_source_from_a_later_clause():
    from claimtrace.extract.attribution import _passive_source_beyond_comma

    def source_of(text, source, cue, content):
        claim = _claim_spans(text, source, cue, content)
        return [s.text for s in _passive_source_beyond_comma(text, claim)[0]]

    text = "While a ban was announced for the weekend, the mayor did not say why."
    assert source_of(text, "the mayor", "was announced", "a ban") == []
    # a "by" agent, an active cue, or a source before the cue: kept
    text = "The ban was announced on Friday, and later by the mayor himself."
    assert source_of(text, "the mayor", "was announced", "The ban") == ["the mayor"]
    text = "The ban ends on Sunday, declared, to loud applause, the mayor."
    assert source_of(text, "the mayor", "declared", "The ban ends on Sunday") == ["the mayor"]
    text = "The mayor, asked on Friday, was expected to sign the ban."
    assert source_of(text, "The mayor", "was expected", "to sign the ban") == ["The mayor"]


def test_the_named_agent_of_a_passive_cue_is_its_source():
    from claimtrace.extract.attribution import _passive_agent

    def roles(text, cue, content, source=None):
        out = _passive_agent(text, _claim_spans(text, source, cue, content))
        return [s.text for s in out[0]], [s.text for s in out[2]]

    text = '"American Skin" was written by Springsteen after the shooting.'
    assert roles(text, "was written", '"American Skin"') == (["Springsteen"], ['"American Skin"'])
    # a subject the tagger took for the source is the passive subject: content
    text = "The leak was reported by The Washington Post on Monday."
    assert roles(text, "was reported", "on Monday", source="The leak") == (
        ["The Washington Post"],
        ["The leak", "on Monday"],
    )
    # no name after "by", an active cue, or an agent already in a role: unchanged
    text = "The plan was criticized by many in the party."
    assert roles(text, "was criticized", "The plan") == ([], ["The plan"])
    text = "Officials reported by Monday that the dam held."
    assert roles(text, "reported", "that the dam held", source="Officials") == (
        ["Officials"],
        ["that the dam held"],
    )
    text = "It was written by Springsteen, the singer said."
    assert roles(text, "was written", "It was written by Springsteen") == (
        [],
        ["It was written by Springsteen"],
    )


def test_a_name_with_its_apposition_swallowed_by_a_quotation_is_split_off():
    from claimtrace.extract.attribution import split_swallowed_sources

    text = '"The plan is dead," Flynn, a top Trump surrogate, said on Monday.'
    doc = _sentencized(text)
    roles = _roles(
        text, [(CONTENT, '"The plan is dead," Flynn, a top Trump surrogate,'), (CUE, "said")]
    )
    out = split_swallowed_sources(text, doc, roles)
    assert [(r.label, text[r.start : r.end]) for r in out] == [
        (CONTENT, '"The plan is dead,"'),
        (SOURCE, "Flynn, a top Trump surrogate,"),
        (CUE, "said"),
    ]


def test_a_conjoined_cue_shares_the_source_of_the_cue_before_it():
    from claimtrace.extract.attribution import _completed, sentence_bounds

    text = "China said it was opposed to the test and warned Pyongyang to stop."
    roles = _roles(  # the tagger found no source: "said" gets one from complete_source
        text,
        [
            (CUE, "said"),
            (CONTENT, "it was opposed to the test"),
            (CUE, "warned"),
            (CONTENT, "Pyongyang to stop"),
        ],
    )
    groups = group_roles(roles, text=text)
    done = _completed(text, groups, sentence_bounds(_sentencized(text)), roles)
    assert [_texts(text, a) for a in done] == [
        (["China"], "said", ["it was opposed to the test"]),
        (["China"], "warned", ["Pyongyang to stop"]),
    ]


def test_a_preposition_between_cue_and_content_belongs_to_the_cue():
    from claimtrace.extract.attribution import _preposition_to_cue

    def moved(text, cue, content):
        c = text.index(cue)
        q = text.index(content, c + len(cue))
        out = _preposition_to_cue(
            text, ((), (Span.of(text, c, c + len(cue)),), (Span.of(text, q, q + len(content)),), 1)
        )
        return out[1][0].text, out[2][0].text

    text = "Voters worried about the cost of the plan."
    assert moved(text, "worried", "about the cost of the plan") == (
        "worried about",
        "the cost of the plan",
    )
    assert moved(text, "worried", "the cost of the plan") == (
        "worried about",
        "the cost of the plan",
    )
    text = "He accused the mayor of lying."
    assert moved(text, "accused", "the mayor of lying") == ("accused", "the mayor of lying")
    text = "The agency announced on Friday that it would close."
    assert moved(text, "announced", "on Friday that it would close")[0] == "announced"


def test_a_colon_right_after_a_cue_belongs_to_it():
    from claimtrace.extract.attribution import _preposition_to_cue

    text = "The paper reports: the mayor resigned."
    cue, content = Span.of(text, 10, 17), Span.of(text, 19, 37)
    assert (cue.text, content.text) == ("reports", "the mayor resigned")
    out = _preposition_to_cue(text, ((), (cue,), (content,), 1))
    assert (out[1][0].text, out[2][0].text) == ("reports:", "the mayor resigned")


def test_a_long_noun_phrase_before_a_cue_is_its_source_but_not_a_clause():
    from claimtrace.extract.attribution import Attribution, complete_source, sentence_bounds

    def source(text, cue_text):
        roles = _roles(text, [(CUE, cue_text)])
        cue = next(r for r in roles if r.label == CUE)
        found = complete_source(
            text, Attribution(cue=cue), sentence_bounds(_sentencized(text)), roles
        )
        return text[found[0] : found[1]] if found else None

    text = "A document on the Trump campaign's website states that leave is paid."
    assert source(text, "states") == "A document on the Trump campaign's website"
    text = "The move against the aide took place despite warnings from his lawyer."
    assert source(text, "warnings") is None


def test_a_signed_quotation_takes_over_the_roles_tagged_inside_it():
    from claimtrace.extract.attribution import group_roles, quote_roles

    text = "Voters spoke.\n\n”Trump said it over and over, and nobody believed him.” ― Ann Lee\n"
    doc = _sentencized(text)
    tagged = _roles(
        text,
        [(SOURCE, "Trump"), (CUE, "said"), (CONTENT, "it over and over, and nobody believed him")],
    )
    groups = group_roles(quote_roles(text, doc, tagged), text=text)
    assert [_texts(text, g) for g in groups] == [
        (["Ann Lee"], "―", ["”Trump said it over and over, and nobody believed him.”"])
    ]


def _claim(text: str, cue: str, source: str = "", content: str = ""):
    from claimtrace.model import Claim

    def sp(sub):
        at = text.index(sub)
        return (Span.of(text, at, at + len(sub)),) if sub else ()

    return Claim(id=cue, source=sp(source), cue=sp(cue), content=sp(content))


def test_the_polnear_view_leaves_out_claims_inside_a_quotation():
    from claimtrace.extract.attribution import polnear_view

    text = (
        'The senator recalled, "Out of nowhere, he said the plan had failed for good."\n'
        'An "odd" choice, he said, and "a bad one" too.'
    )
    outer, inner = _claim(text, "recalled"), _claim(text, "said the plan")
    assert polnear_view(text, [outer, inner]) == [outer]
    # quotation marks around short phrases are no quotation to look inside
    free = _claim(text, "said, and")
    assert polnear_view(text, [free]) == [free]


def test_the_polnear_view_leaves_out_nested_claims_that_claimtrace_keeps():
    from claimtrace.extract.attribution import polnear_view

    text = "Officials said Russia denied sending troops on Thursday."
    outer = _claim(text, "said", "Officials", "Russia denied sending troops")
    inner = _claim(text, "denied", "Russia", "sending troops")
    assert polnear_view(text, [outer, inner]) == [outer]
    assert polnear_view(text, [inner]) == [inner]
    # the extraction itself keeps the denial, a claim of its own
    roles = _roles(
        text,
        [
            (SOURCE, "Officials"),
            (CUE, "said"),
            (SOURCE, "Russia"),
            (CUE, "denied"),
            (CONTENT, "sending troops"),
        ],
    )
    doc = _sentencized(text)
    doc.ents = [doc.char_span(r.start, r.end, label=r.label) for r in roles]
    cues = [text[c.cue[0].start : c.cue[0].end] for c in extract_attributions(text, tagged=doc)]
    assert "denied" in cues


def test_in_a_statement_after_a_cue_of_saying_joins_it():
    from claimtrace.extract.attribution import _statement_to_cue

    text = "The agency said in a brief statement that prices would rise."
    said = Span.of(text, 11, 15)
    content = Span.of(text, text.index("that"), len(text) - 1)
    out = _statement_to_cue(text, ((), (said,), (content,), 0.9))
    assert out[1][0].text == "said in a brief statement"
    text = "The agency wrote to us in a statement that prices would rise."
    wrote = Span.of(text, 11, 16)
    assert _statement_to_cue(text, ((), (wrote,), (), 0.9))[1] == (wrote,)


def test_a_content_that_is_no_quotation_ends_with_its_sentence():
    from claimtrace.extract.attribution import split_at_sentence_end

    text = 'A poll shows that Clinton leads by 5 points. This is "the same lead," Reuters said.'
    doc = _sentencized(text)
    roles = _roles(
        text,
        [(CUE, "shows"), (CONTENT, 'that Clinton leads by 5 points. This is "the same lead,"')],
    )
    out = split_at_sentence_end(text, doc, roles)
    assert [(r.label, text[r.start : r.end]) for r in out] == [
        (CUE, "shows"),
        (CONTENT, "that Clinton leads by 5 points"),
    ]
    text = '"Clinton leads. It is the same lead," Reuters said.'
    quoted = _roles(text, [(CONTENT, '"Clinton leads. It is the same lead,"')])
    assert split_at_sentence_end(text, _sentencized(text), quoted) == quoted


def test_a_signed_quotation_goes_to_the_signature_after_it_not_the_one_before():
    text = "“The rent doubled.” ― Ann Lee “We were never asked. Nobody came.” ― Bo Park"
    roles = _roles(
        text,
        [
            (CONTENT, "“The rent doubled.”"),
            (CUE, "―"),
            (SOURCE, "Ann Lee"),
            (CONTENT, "“We were never asked. Nobody came.”"),
            (CUE, "―"),
            (SOURCE, "Bo Park"),
        ],
    )
    found = [_texts(text, a) for a in group_roles(roles, text=text)]
    assert found == [
        (["Ann Lee"], "―", ["“The rent doubled.”"]),
        (["Bo Park"], "―", ["“We were never asked. Nobody came.”"]),
    ]


def test_a_short_lower_case_noun_phrase_before_a_cue_is_its_source():
    source = _completed_source
    assert source("Wages fell, economists said.", "said") == "economists"
    assert source("The vote came. state regulators did not consider it.", "did not consider") == (
        "state regulators"
    )
    assert source("Wages fell, and then said nothing.", "said") is None
    assert source("Wages fell, officials were told.", "were told") is None
    assert source("Wages fell, quickly said the mayor.", "said") != "quickly"


def test_a_quotation_after_a_participle_with_its_own_content_resumes_the_broken_quotation():
    text = (
        "“We will rebuild the bridge,” the mayor said, adding that the work starts in May. "
        "“It will take two years.”"
    )
    marks = [
        (CONTENT, "“We will rebuild the bridge,”"),
        (SOURCE, "the mayor"),
        (CUE, "said"),
        (CUE, "adding"),
        (CONTENT, "that the work starts in May"),
        (CONTENT, "“It will take two years.”"),
    ]
    said, adding = group_roles(_roles(text, marks), text=text)
    assert _texts(text, said)[2] == ["“We will rebuild the bridge,”", "“It will take two years.”"]
    assert _texts(text, adding)[2] == ["that the work starts in May"]

    # without a broken quotation before it, the quotation stays with the nearer cue
    text = "The mayor said the bridge will close, adding that it is old. “It will take years.”"
    marks = [
        (SOURCE, "The mayor"),
        (CUE, "said"),
        (CONTENT, "the bridge will close"),
        (CUE, "adding"),
        (CONTENT, "that it is old"),
        (CONTENT, "“It will take years.”"),
    ]
    said, adding = group_roles(_roles(text, marks), text=text)
    assert _texts(text, said)[2] == ["the bridge will close"]
    assert _texts(text, adding)[2] == ["that it is old", "“It will take years.”"]


def test_a_time_phrase_between_a_source_and_its_cue_is_outside_the_source():
    edges = _source_edges_of
    text = "David Axelrod on Wednesday said the plan would fail."
    assert edges(text, "David Axelrod on Wednesday") == ["David Axelrod"]
    text = "An arbitration panel in 2001 said the contract was void."
    assert edges(text, "An arbitration panel in 2001") == ["An arbitration panel"]
    # a dated document or a participle keeps its time phrase
    text = "A Quinnipiac poll last week said voters were split."
    assert edges(text, "A Quinnipiac poll last week") == ["A Quinnipiac poll last week"]
    text = "A report released in March said costs rose."
    assert edges(text, "A report released in March") == ["A report released in March"]
    # a time phrase not right before the cue is left alone
    text = "Voters in 2016, he said, were angry."
    assert edges(text, "Voters in 2016") == ["Voters in 2016"]


def test_an_aside_between_a_source_and_its_cue_is_outside_the_source():
    edges = _source_edges_of
    text = "Ms. Okafor, speaking at a town hall in Leeds, said the depot would close."
    assert edges(text, "Ms. Okafor, speaking at a town hall in Leeds,") == ["Ms. Okafor"]
    text = "The mayor, for her part, said the bridge was safe."
    assert edges(text, "The mayor, for her part,") == ["The mayor"]
    text = "The union, however, has denied the report."
    assert edges(text, "The union, however,", " has denied") == ["The union"]
    # an apposition before the aside keeps its closing comma
    text = "Lena Berg, the city's treasurer, in a letter, said the fund was empty."
    assert edges(text, "Lena Berg, the city's treasurer, in a letter,") == [
        "Lena Berg, the city's treasurer,"
    ]
    # "like" and "at" asides stay (PolNeAR keeps them), as does one after a relative clause
    text = "Most farmers, like their neighbours, said the rain came late."
    assert edges(text, "Most farmers, like their neighbours,") == [
        "Most farmers, like their neighbours,"
    ]
    text = "Tom Reyes, who moved to Ohio, in 2019, said he missed the coast."
    assert edges(text, "Tom Reyes, who moved to Ohio, in 2019,") == [
        "Tom Reyes, who moved to Ohio, in 2019,"
    ]


def test_a_lone_function_word_is_no_source():
    from claimtrace.extract.attribution import _function_word_source

    def roles(text, source, cue):
        s, c = text.index(source), text.index(cue)
        content = Span.of(text, c + len(cue) + 1, len(text) - 1)
        spans = ((Span.of(text, s, s + len(source)),), (Span.of(text, c, c + len(cue)),))
        out = _function_word_source(text, (*spans, (content,), 0.9))
        return [x.text for x in out[0]], [x.text for x in out[1]]

    # a determiner right before a nominal cue is part of the cue
    text = "The refusal to discuss the budget angered the council."
    assert roles(text, "The", "refusal to discuss") == ([], ["The refusal to discuss"])
    # any other function word is dropped
    text = "The vote came amid complaints about the count."
    assert roles(text, "amid", "complaints about") == ([], ["complaints about"])
    # a real source, or an interview's "A:" label, stays
    text = "The mayor warned that the bridge was unsafe."
    assert roles(text, "The mayor", "warned") == (["The mayor"], ["warned"])
    text = "Q: Why?\nA: Because the rain came late."
    assert roles(text, "A", ":") == (["A"], [":"])


def test_a_role_does_not_end_with_a_parenthesis_it_did_not_open():
    from claimtrace.extract.attribution import _balanced_edges

    text = "The plant stays shut (the owner said that repairs will take a year) for now."
    lo = text.index("that repairs")
    hi = text.index(" for now")
    cue_at = text.index("said")
    claim = (
        (Span.of(text, text.index("the owner"), cue_at - 1),),
        (Span.of(text, cue_at, cue_at + 4),),
        (Span.of(text, lo, hi),),
        0.9,
    )
    source, cue, content, _ = _balanced_edges(text, claim)
    assert [c.text for c in content] == ["that repairs will take a year"]
    assert [s.text for s in source] == ["the owner"] and [c.text for c in cue] == ["said"]
    # an opening parenthesis the span does not close goes too; a balanced pair stays
    text = "(Reporters were told the vote is final. Rep. Ana Ruiz (D-Ore.) agreed."
    claim = (
        (Span.of(text, text.index("Rep."), text.index(" agreed")),),
        (Span.of(text, text.index("agreed"), text.index("agreed") + 6),),
        (Span.of(text, 0, text.index(" were")),),
        0.9,
    )
    source, _cue, content, _ = _balanced_edges(text, claim)
    assert [c.text for c in content] == ["Reporters"]
    assert [s.text for s in source] == ["Rep. Ana Ruiz (D-Ore.)"]


def test_the_full_stop_of_a_sentence_is_outside_a_plain_content():
    from claimtrace.extract.attribution import _balanced_edges

    def content_of(text, content):
        at = text.index(" said") + 1
        lo = text.index(content)
        claim = (
            (Span.of(text, 0, at - 1),),
            (Span.of(text, at, at + 4),),
            (Span.of(text, lo, lo + len(content)),),
            0.9,
        )
        return [c.text for c in _balanced_edges(text, claim)[2]]

    text = "The clerk said that the office closes early."
    assert content_of(text, "that the office closes early.") == ["that the office closes early"]
    # an abbreviation keeps its point, a quotation its stop
    text = "The clerk said that the parcel came from the U.S."
    assert content_of(text, "that the parcel came from the U.S.") == [
        "that the parcel came from the U.S."
    ]
    text = 'The clerk said "We close early."'
    assert content_of(text, '"We close early."') == ['"We close early."']


def test_a_short_subject_before_a_reporting_clause_is_content():
    from claimtrace.extract.attribution import _opening_subject

    def contents(text, source, cue, rest):
        sp = [Span.of(text, text.index(x), text.index(x) + len(x)) for x in (source, cue, rest)]
        return [c.text for c in _opening_subject(text, ((sp[0],), (sp[1],), (sp[2],), 0.9))[2]]

    text = "Rain fell. The new depot, the mayor said, will open in May."
    assert contents(text, "the mayor", "said", "will open in May") == [
        "The new depot",
        "will open in May",
    ]
    text = "It was, she said, a hard winter."
    assert contents(text, "she", "said", "a hard winter") == ["It was", "a hard winter"]
    text = "The answer, she told us on Monday, is more pumps."
    assert contents(text, "she", "told", "is more pumps") == ["The answer", "is more pumps"]
    # a name or an adverbial opening, or a longer phrase, is left to the tagger
    text = "Last spring, the mayor said, the depot flooded."
    assert contents(text, "the mayor", "said", "the depot flooded") == ["the depot flooded"]
    text = "The depot on the north side of the old river port, he said, will open."
    assert contents(text, "he", "said", "will open") == ["will open"]


def test_a_content_takes_the_opening_quote_it_closes():
    from claimtrace.extract.attribution import _balanced_edges

    text = "She said “the pumps failed” to keep the river out."
    lo = text.index("the pumps")
    claim = (
        (Span.of(text, 0, 3),),
        (Span.of(text, 4, 8),),
        (Span.of(text, lo, len(text) - 1),),
        0.9,
    )
    assert [c.text for c in _balanced_edges(text, claim)[2]] == [
        "“the pumps failed” to keep the river out"
    ]
    # ... and the closing mark of the quotation it opened, in any style
    for opened, closed in (("“", "”"), ("''", "''")):
        text = f"He said {opened}the pumps failed,{closed} and left."
        left_open = f"{opened}the pumps failed,"
        lo = text.index(left_open)
        spans = ((Span.of(text, 0, 2),), (Span.of(text, 3, 7),))
        claim = (*spans, (Span.of(text, lo, lo + len(left_open)),), 0.9)
        assert _balanced_edges(text, claim)[2][0].text == left_open + closed
    # a content that does not close the quotation is left alone
    text = "She said “the pumps failed to keep the river out."
    lo = text.index("the pumps")
    claim = (claim[0], claim[1], (Span.of(text, lo, len(text) - 1),), 0.9)
    assert [c.text for c in _balanced_edges(text, claim)[2]] == [
        "the pumps failed to keep the river out"
    ]


def test_a_speaker_label_takes_its_whole_line():
    from claimtrace.extract.attribution import _labelled_line_content

    text = "HOST: Welcome back.\nOKAFOR: We lost the vote. We will try again in May.\nHOST: Thanks."
    lo = text.index("We lost")
    colon = text.index(":", text.index("OKAFOR"))
    claim = (
        (Span.of(text, text.index("OKAFOR"), colon),),
        (Span.of(text, colon, colon + 1),),
        (Span.of(text, lo, text.index(". We will")),),
        0.9,
    )
    content = _labelled_line_content(text, claim)[2]
    assert [c.text for c in content] == ["We lost the vote. We will try again in May."]
    # a cue other than a speaker's colon is left alone
    said = Span.of(text, lo, lo + 2)
    other = (claim[0], (said,), claim[2], 0.9)
    assert _labelled_line_content(text, other) == other


def test_the_one_asked_is_part_of_the_content():
    from claimtrace.extract.attribution import _object_of_asking

    def contents(text, cue, content):
        c, lo = text.index(cue), text.index(content)
        claim = (
            (Span.of(text, 0, c - 1),),
            (Span.of(text, c, c + len(cue)),),
            (Span.of(text, lo, lo + len(content)),),
            0.9,
        )
        return [x.text for x in _object_of_asking(text, claim)[2]]

    text = "The mayor urged residents to leave the valley."
    assert contents(text, "urged", "to leave the valley") == ["residents to leave the valley"]
    text = "The coach asked the players to stay calm."
    assert contents(text, "asked", "to stay calm") == ["the players to stay calm"]
    # a content that already starts elsewhere, or another cue, is left alone
    assert contents(text, "asked", "the players to stay calm") == ["the players to stay calm"]
    text = "The coach said the players to watch were young."
    assert contents(text, "said", "to watch were young") == ["to watch were young"]


def test_a_cue_after_a_relative_clause_takes_the_noun_phrase_not_who():
    from claimtrace.extract.attribution import (
        CONTENT,
        CUE,
        SOURCE,
        Attribution,
        RoleSpan,
        _relative_clause_subject,
    )

    text = "The coach, who knew that the team was tired, told reporters the game was lost."
    who, told = text.index("who"), text.index("told")
    content = text.index("the game")
    att = Attribution(
        cue=RoleSpan(CUE, told, told + 4, -1, -1, 0, 0),
        source=(RoleSpan(SOURCE, who, who + 3, -1, -1, 0, 0),),
        content=(RoleSpan(CONTENT, content, len(text) - 1, -1, -1, 0, 0),),
    )
    span = _relative_clause_subject(text, att, [(0, len(text))])
    assert span is not None and text[span[0] : span[1]] == "The coach"
    # a "who" inside the clause of its own verb keeps it
    knew = text.index("knew")
    inner = Attribution(cue=RoleSpan(CUE, knew, knew + 4, -1, -1, 0, 0), source=att.source)
    assert _relative_clause_subject(text, inner, [(0, len(text))]) is None


def test_a_colon_reporting_clause_reports_only_its_quotation():
    from claimtrace.extract.attribution import _colon_quotation_only

    text = "The pumps will fail again, Okafor warned: “We have no spare parts.”"
    src, cue = text.index("Okafor"), text.index("warned")
    quote = text.index("“")
    claim = (
        (Span.of(text, src, src + 6),),
        (Span.of(text, cue, cue + 6),),
        (Span.of(text, 0, text.index(",")), Span.of(text, quote, len(text))),
        0.9,
    )
    assert [c.text for c in _colon_quotation_only(text, claim)[2]] == ["“We have no spare parts.”"]
    # without the colon the clause before is the reported one too
    text2 = text.replace("warned:", "warned,")
    claim2 = (
        (Span.of(text2, src, src + 6),),
        (Span.of(text2, cue, cue + 6),),
        (Span.of(text2, 0, text2.index(",")), Span.of(text2, quote, len(text2))),
        0.9,
    )
    assert _colon_quotation_only(text2, claim2) == claim2


def test_the_subject_of_a_hedging_adverb_is_content():
    from claimtrace.extract.attribution import _hedge_without_subject_source

    text = "The ministry said the dam held. He was allegedly seen near the dam after it broke."
    claims = extract_attributions(text, tagger=None)
    hedged = next(c for c in claims if c.cue[0].text == "allegedly")
    assert hedged.source == ()
    assert [c.text for c in hedged.content] == ["He was", "seen near the dam after it broke"]

    text = "A man was shot on Friday after he reportedly drew a pistol."
    claims = extract_attributions(text, tagger=None)
    hedged = next(c for c in claims if c.cue[0].text == "reportedly")
    assert hedged.content[0].text == "he"

    # a hedging adverb opening its clause has no subject before it
    text = "Reportedly, the dam broke."
    claims = extract_attributions(text, tagger=None)
    hedged = next(c for c in claims if c.cue[0].text == "Reportedly")
    assert [c.text for c in hedged.content] == ["the dam broke"]

    # a tagged subject of a hedging adverb leaves the source for the content
    text = "The Club for Growth is reportedly spending $1.5 million."
    lo = text.index("reportedly")
    spans = (
        (Span.of(text, 0, len("The Club for Growth")),),
        (Span.of(text, lo, lo + len("reportedly")),),
        (Span.of(text, lo + len("reportedly "), len(text) - 1),),
        0.9,
    )
    source, _cue, content, _conf = _hedge_without_subject_source(text, spans)
    assert source == ()
    assert [c.text for c in content] == ["The Club for Growth is", "spending $1.5 million"]


def test_an_untagged_subject_of_a_passive_cue_is_content():
    from claimtrace.extract.attribution import _passive_subject

    def content_of(text, cue_text, content_text):
        lo = text.index(cue_text)
        c = text.index(content_text)
        spans = (
            (),
            (Span.of(text, lo, lo + len(cue_text)),),
            (Span.of(text, c, c + len(content_text)),),
            0.9,
        )
        return [s.text for s in _passive_subject(text, spans)[2]]

    text = "The claim went viral. It was labeled “Mostly True.”"
    assert content_of(text, "was labeled", "“Mostly True.”") == ["It", "“Mostly True.”"]
    text = "Voters asked why the fee is cited on the website."
    assert content_of(text, "is cited", "on the website") == ["the fee", "on the website"]
    # an expletive before a that-clause is no subject of the claim
    text = "It appeared that the talks had failed."
    assert content_of(text, "appeared", "that the talks had failed") == [
        "that the talks had failed"
    ]


def test_a_straight_quote_glued_to_the_word_before_it_closes_a_quotation():
    from claimtrace.extract.attribution import tidy_roles

    text = 'He told them that "terror is the answer." Birchers viewed it as a threat.'
    marks = [
        (CONTENT, 'that "terror is the answer'),
        (CONTENT, '" Birchers viewed it as a threat'),
    ]
    doc = _sentencized(text)
    roles = tidy_roles(text, doc, _roles(text, marks))
    assert [text[r.start : r.end] for r in roles] == [
        'that "terror is the answer."',
        "Birchers viewed it as a threat",
    ]
    # an opening quote after a space is left where it is
    text = 'He said: "Terror is the answer." Birchers agreed.'
    roles = tidy_roles(
        text, _sentencized(text), _roles(text, [(CONTENT, '"Terror is the answer."')])
    )
    assert [text[r.start : r.end] for r in roles] == ['"Terror is the answer."']


def test_a_headline_opened_by_a_name_and_a_colon_is_one_claim_whatever_the_tagger_found():
    from claimtrace.extract.attribution import labelled_line_roles

    text = "Pat Caddell: Voters Worried About Clinton's Health.\n\nThe pollster spoke on Monday."
    doc = _sentencized(text)
    tagged = _roles(
        text, [(SOURCE, "Voters"), (CUE, "Worried About"), (CONTENT, "Clinton's Health")]
    )
    roles = labelled_line_roles(text, doc, tagged)
    assert sorted((r.label, text[r.start : r.end]) for r in roles) == sorted(
        [
            (SOURCE, "Pat Caddell"),
            (CUE, ":"),
            (CONTENT, "Voters Worried About Clinton's Health"),
        ]
    )
    # a name and a colon later in the article is no headline
    text = "The pollster spoke.\nPat Caddell: Voters Worried About Clinton's Health."
    tagged = _roles(text, [(CUE, "Worried About")])
    roles = labelled_line_roles(text, _sentencized(text), tagged)
    assert [(r.label, text[r.start : r.end]) for r in roles] == [(CUE, "Worried About")]


def test_a_participle_cue_takes_the_pronoun_opening_its_sentence_as_source():
    from claimtrace.extract.attribution import _participle_subject, sentence_bounds

    def subject(text, cue_text):
        roles = _roles(text, [(CUE, cue_text)])
        cue = next(r for r in roles if r.label == CUE)
        found = _participle_subject(text, cue, sentence_bounds(_sentencized(text)))
        return text[found[0] : found[1]] if found else None

    assert (
        subject("He made the criticism while showing support for the plan.", "showing support for")
        == "He"
    )
    assert (
        subject("The vote passed. She escalated her attack, saying it was unfair.", "saying")
        == "She"
    )
    assert subject("It was clear, saying nothing helped.", "saying") is None  # "It was": a cleft
    assert subject("The mayor made the criticism, saying it was unfair.", "saying") is None
    assert subject("He spoke, according to aides.", "according to") is None


def test_what_before_a_source_is_the_object_of_the_cue_and_so_content():
    from claimtrace.extract.attribution import _what_object

    def content_of(text, source, cue, content):
        def span(sub):
            lo = text.index(sub)
            return Span.of(text, lo, lo + len(sub))

        out = _what_object(text, ((span(source),), (span(cue),), (span(content),), 0.9))
        return [c.text for c in out[2]]

    text = "He denounced what Trump calls corruption in the party."
    assert content_of(text, "Trump", "calls", "corruption in the party") == [
        "what",
        "corruption in the party",
    ]
    text = "The plan is what the senators said was gerrymandering."
    assert content_of(text, "the senators", "said", "was gerrymandering") == [
        "what",
        "was gerrymandering",
    ]
    # no "what" before the source, or a word between source and cue: nothing added
    text = "He denounced the fraud Trump calls corruption."
    assert content_of(text, "Trump", "calls", "corruption") == ["corruption"]
    text = "He denounced what Trump often calls corruption."
    assert content_of(text, "Trump", "calls", "corruption") == ["corruption"]


def test_a_channel_other_than_a_statement_is_not_part_of_a_cue_of_saying():
    from claimtrace.extract.attribution import _channel_out_of_cue

    def cue_of(text, cue):
        lo = text.index(cue)
        out = _channel_out_of_cue(text, ((), (Span.of(text, lo, lo + len(cue)),), (), 0.9))
        return [c.text for c in out[1]]

    assert cue_of("Mr. Holm said in the letter that the ad was false.", "said in the letter") == [
        "said"
    ]
    assert cue_of("Ms. Ditto said via email that he would.", "said via email") == ["said"]
    assert cue_of("He said in a phone interview that he would.", "said in a phone interview") == [
        "said"
    ]
    # "said in a statement" keeps its channel; other cues are left alone
    assert cue_of("She said in a statement that it was over.", "said in a statement") == [
        "said in a statement"
    ]
    assert cue_of("She spoke in an interview about it.", "spoke in an interview") == [
        "spoke in an interview"
    ]


def test_a_content_ends_before_a_conjoined_verb_of_saying_which_is_a_cue():
    from claimtrace.extract.attribution import split_conjoined_reports

    text = "Trump said he would order a review of the defenses and warned against hackers."
    doc = _sentencized(text)
    tagged = _roles(
        text,
        [
            (SOURCE, "Trump"),
            (CUE, "said"),
            (CONTENT, "he would order a review of the defenses and warned against hackers"),
        ],
    )
    roles = split_conjoined_reports(text, doc, tagged)
    assert [(r.label, text[r.start : r.end]) for r in roles] == [
        (SOURCE, "Trump"),
        (CUE, "said"),
        (CONTENT, "he would order a review of the defenses"),
        (CUE, "warned"),
        (CONTENT, "against hackers"),
    ]
    tagged_doc = _sentencized(text)
    tagged_doc.ents = [
        tagged_doc.char_span(text.index(sub), text.index(sub) + len(sub), label=label)
        for label, sub in [
            (SOURCE, "Trump"),
            (CUE, "said"),
            (CONTENT, "he would order a review of the defenses and warned against hackers"),
        ]
    ]
    claims = extract_attributions(text, tagged=tagged_doc)
    warned = next(c for c in claims if c.cue[0].text == "warned")
    assert [s.text for s in warned.source] == ["Trump"]

    # inside a quotation, or a verb that is not one of saying, the content stays whole
    text = 'He said "we will fight and said no more" today.'
    tagged = _roles(text, [(CONTENT, '"we will fight and said no more"')])
    assert split_conjoined_reports(text, _sentencized(text), tagged) == tagged
    text = "He said prices rose sharply and fell again."
    tagged = _roles(text, [(CONTENT, "prices rose sharply and fell again")])
    assert split_conjoined_reports(text, _sentencized(text), tagged) == tagged
