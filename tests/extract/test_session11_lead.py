"""Session-11 fixes found by running claimtrace on short articles written for it (wire
datelines, estimates stated by their figure, company names, research voices, media
plurals, emphatic reflexives, first-level divisions named bare). Sentences written for
these tests."""

from __future__ import annotations

from claimtrace.extract.attribution import CONTENT, SOURCE, split_at_line_breaks
from claimtrace.extract.datelines import wire_datelines
from claimtrace.extract.places import find_places
from claimtrace.extract.sources import (
    Mention,
    classify_kind,
    corporate_names,
    resolve_sources,
    voice_institution,
)
from claimtrace.model import SourceKind
from tests.extract.test_attribution import _roles, _sentencized
from tests.extract.test_attribution_session7 import _claims
from tests.extract.test_sources import _claim

# 1. wire datelines


def test_wire_datelines_open_lines_only():
    text = (
        "Floods hit the south\n\nKARACHI, Pakistan (AP) — The toll rose.\n"
        "LONDON (Reuters) - Prices fell.\nThe MP said — again — no."
    )
    found = [text[a:b] for a, b in wire_datelines(text)]
    assert found == ["KARACHI, Pakistan (AP) — ", "LONDON (Reuters) - "]


def test_a_content_run_from_a_headline_into_a_dateline_loses_the_dateline():
    text = "Toll rises in floods\n\nKARACHI, Pakistan (AP) — The toll rose to 112, the agency said."
    doc = _sentencized(text)
    roles = _roles(text, [(CONTENT, "Toll rises in floods\n\nKARACHI")])
    pieces = [text[r.start : r.end] for r in split_at_line_breaks(text, doc, roles)]
    assert pieces == ["Toll rises in floods"]
    # a dateline with story after it on the same line keeps the story
    roles = _roles(text, [(CONTENT, "Toll rises in floods\n\nKARACHI, Pakistan (AP) — The toll")])
    pieces = [text[r.start : r.end] for r in split_at_line_breaks(text, doc, roles)]
    assert pieces == ["Toll rises in floods", "The toll"]


def test_a_name_in_a_dateline_is_no_antecedent_of_a_later_nominal():
    text = "LONDON (Reuters) - Prices rose in March, the statistics office said."
    claim = _claim(text, "c1", "the statistics office", "said", "Prices rose in March")
    mentions = [Mention(0, 6, "GPE"), Mention(8, 15, "ORG")]
    (out,), _ = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_entity is not None
    assert "reuters" not in out.source_entity.id.lower()
    assert out.source_kind is SourceKind.GOVERNMENT


# 2. an estimate stated by its figure


def test_an_estimate_put_at_a_figure_is_a_claim():
    claims = _claims("The health ministry put the death toll at 112.", [])
    assert claims == [(["The health ministry"], "put", ["the death toll at 112"])]
    claims = _claims("Insurers placed the cost of the storm at about $2 billion.", [])
    assert [(s, c) for s, c, _ in claims] == [(["Insurers"], "placed")]


def test_putting_a_thing_somewhere_is_no_claim():
    assert _claims("She put the book on the table at 5 pm.", []) == []
    assert _claims("He put the toll road project on hold.", []) == []


# 3. companies


def test_a_company_is_named_by_its_designator_or_its_trade():
    text = "Shares of Norvex Semiconductor fell as Acme Corp. and The Walt Disney Co. rose."
    assert [text[a:b] for a, b in corporate_names(text)] == [
        "Norvex Semiconductor",
        "Acme Corp.",
        "Walt Disney Co.",
    ]
    assert classify_kind("Goldman Sachs Group", ner_label="PERSON") is SourceKind.ORGANIZATION
    assert classify_kind("John Smith", ner_label="PERSON") is SourceKind.PERSON


def test_a_company_named_again_by_its_first_word_is_the_same_company():
    text = "Shares of Norvex Semiconductor fell 14%. Norvex said revenue would fall."
    claim = _claim(text, "c1", "Norvex", "said", "revenue would fall", after=40)
    (out,), _ = resolve_sources(text, [claim], mentions=[Mention(41, 47, "PERSON")])
    assert out.source_entity is not None
    assert out.source_entity.name == "Norvex Semiconductor"
    assert out.source_kind is SourceKind.ORGANIZATION


def test_a_place_the_gazetteer_does_not_know_is_no_government():
    assert classify_kind("Tesla", ner_label="GPE") is not SourceKind.GOVERNMENT
    assert classify_kind("Texas", ner_label="GPE") is SourceKind.GOVERNMENT
    text = "A spokeswoman for Tesla declined to comment."
    claim = _claim(text, "c1", "A spokeswoman for Tesla", "declined", "to comment")
    (out,), _ = resolve_sources(text, [claim], mentions=[Mention(18, 23, "GPE")])
    assert out.source_kind is SourceKind.ORGANIZATION


def test_a_firms_analysts_speak_for_the_firm():
    assert voice_institution("Analysts at Morgan Stanley") == "Morgan Stanley"
    assert voice_institution("economists from Goldman Sachs") == "Goldman Sachs"
    assert voice_institution("analysts at the bank") is None
    assert voice_institution("Analysts") is None
    text = "Analysts at Jefferies said the deal was fair."
    claim = _claim(text, "c1", "Analysts at Jefferies", "said", "the deal was fair")
    (out,), _ = resolve_sources(text, [claim], mentions=[])
    assert out.source_kind is SourceKind.ORGANIZATION
    assert out.source_entity is not None and out.source_entity.name == "Jefferies"
    # unnamed analysts stay anonymous
    text = "Analysts said the deal was fair."
    claim = _claim(text, "c1", "Analysts", "said", "the deal was fair")
    (out,), _ = resolve_sources(text, [claim], mentions=[])
    assert out.source_kind is SourceKind.ANONYMOUS


# 4. kinds and names


def test_plural_outlets_are_media():
    assert classify_kind("several Spanish newspapers") is SourceKind.MEDIA
    assert classify_kind("two news agencies") is SourceKind.MEDIA
    assert classify_kind("Several outlets") is SourceKind.MEDIA


def test_an_emphatic_reflexive_says_nothing_of_who_speaks():
    text = "Lukas Berg was dropped on Monday. Berg himself said he was surprised."
    claim = _claim(text, "c1", "Berg himself", "said", "he was surprised")
    (out,), _ = resolve_sources(text, [claim], mentions=[Mention(0, 10, "PERSON")])
    assert out.source_entity is not None and out.source_entity.name == "Lukas Berg"
    assert out.source[0].text == "Berg himself"  # the span itself is kept as written
    text = "The minister herself said the plan was dead."
    claim = _claim(text, "c1", "The minister herself", "said", "the plan was dead")
    (out,), _ = resolve_sources(text, [claim], mentions=[])
    assert out.source_entity is not None and "herself" not in out.source_entity.name


def test_roles_are_unchanged_where_there_is_no_dateline():
    text = "Toll rises in floods\n\nThe toll rose to 112, the agency said."
    doc = _sentencized(text)
    roles = _roles(text, [(CONTENT, "Toll rises in floods\n\nThe toll"), (SOURCE, "the agency")])
    pieces = [text[r.start : r.end] for r in split_at_line_breaks(text, doc, roles)]
    assert pieces == ["Toll rises in floods", "The toll", "the agency"]


# 5. first-level divisions named bare


def _ents(text: str, *names: str) -> list[tuple[int, int, str]]:
    return [(text.index(n), text.index(n) + len(n), "GPE") for n in names]


def test_a_division_named_bare_is_found_where_the_ner_sees_a_place():
    text = "Floods hit Sindh on Friday, and Bavaria's premier sent help."
    places = {p.span.text: p for p in find_places(text, ents=_ents(text, "Sindh", "Bavaria's"))}
    assert (places["Sindh"].country, places["Sindh"].kind.value) == ("PK", "admin")
    assert places["Bavaria"].country == "DE"


def test_a_division_name_shared_by_two_countries_follows_the_article():
    text = "Fighting raged in Punjab, near Lahore."
    places = {p.span.text: p for p in find_places(text, ents=_ents(text, "Punjab", "Lahore"))}
    assert places["Punjab"].country == "PK"
    text = "Fighting raged in Punjab, near Amritsar."
    places = {p.span.text: p for p in find_places(text, ents=_ents(text, "Punjab", "Amritsar"))}
    assert places["Punjab"].country == "IN"


# 6. the reporter's note that a claim could not be verified


def test_a_note_that_a_claim_could_not_be_verified_is_found_where_it_stands():
    from claimtrace.extract.verification import unverified_note

    def note(text: str, after: str) -> str | None:
        span = unverified_note(text, text.index(after) + len(after))
        return text[span[0] : span[1]] if span else None

    text = "They said they took the village, a claim that could not be independently verified."
    assert note(text, "took the village") == "could not be independently verified"
    text = "They said 30 people died, though the figure could not be confirmed."
    assert note(text, "30 people died") == "could not be confirmed"
    text = "A commander said the town fell. The footage could not be independently verified."
    assert note(text, "the town fell") == "could not be independently verified"
    text = "The group said it downed a drone. Reuters could not immediately verify the claim."
    assert note(text, "it downed a drone") == "could not immediately verify"
    text = "The mayor said the bridge was safe. The engineers agreed."
    assert note(text, "the bridge was safe") is None


def test_the_note_is_a_hedge_and_no_claim_of_its_own():
    from claimtrace.extract.attribution import _cue_in_note, _no_comment_on_the_claim
    from claimtrace.extract.verification import note_spans
    from claimtrace.model import Span

    text = "Activists said 30 people died, though the figure could not be confirmed."
    content = Span.of(text, text.index("30"), text.index("."))
    raw = ((), (Span.of(text, 10, 14),), (content,), 0.9)
    _, _, (cut,), _ = _no_comment_on_the_claim(text, raw)
    assert cut.text == "30 people died"
    confirmed = text.index("could not")
    note_claim = ((), (Span.of(text, confirmed, len(text) - 1),), (), 0.9)
    assert _cue_in_note(note_claim, note_spans(text))
    assert not _cue_in_note(raw, note_spans(text))


# 7. kinds by the head noun and by office


def test_an_organisation_head_outweighs_a_government_modifier():
    assert classify_kind("The police union") is SourceKind.ORGANIZATION
    assert classify_kind("the state bar association") is SourceKind.ORGANIZATION
    assert classify_kind("the city council") is SourceKind.GOVERNMENT
    assert classify_kind("the police department") is SourceKind.GOVERNMENT


def test_local_legislators_are_government():
    assert classify_kind("Councilman Derek Haines", ner_label="PERSON") is SourceKind.GOVERNMENT
    assert classify_kind("a council member") is SourceKind.GOVERNMENT
    assert classify_kind("Alderwoman Ruth Ng", ner_label="PERSON") is SourceKind.GOVERNMENT


# 8. a quoted question before "he asked"


def test_a_quoted_question_goes_to_the_reporting_clause_after_it():
    text = (
        "Councilman Derek Haines said the increase would force cuts. "
        '"Where is the money coming from?" he asked. "Nobody has explained that."'
    )
    claims = _claims(
        text,
        [
            (SOURCE, "Councilman Derek Haines"),
            ("CUE", "said"),
            (CONTENT, "the increase would force cuts"),
            (CONTENT, '"Where is the money coming from?"'),
            (SOURCE, "he"),
            ("CUE", "asked"),
            (CONTENT, '"Nobody has explained that."'),
        ],
    )
    assert claims[0] == (["Councilman Derek Haines"], "said", ["the increase would force cuts"])
    assert claims[1][1] == "asked"
    assert claims[1][2][0] == '"Where is the money coming from?"'


def test_a_quoted_question_inside_a_sentence_is_left_where_it_is():
    text = 'He said: "Why now?" Then the vote began.'
    claims = _claims(text, [(SOURCE, "He"), ("CUE", "said"), (CONTENT, '"Why now?"')])
    assert claims == [(["He"], "said:", ['"Why now?"'])]  # the colon joins the cue


def test_european_company_designators_and_operators_are_organisations():
    text = "The port operator, Maasport BV, said. Nokia Oyj and Banco Santander S.A. rose."
    assert [text[a:b] for a, b in corporate_names(text)] == [
        "Maasport BV",
        "Nokia Oyj",
        "Banco Santander S.A.",
    ]
    assert classify_kind("The port operator") is SourceKind.ORGANIZATION


def test_may_the_month_and_may_the_name_are_no_hedges():
    from claimtrace.extract.stance import find_hedges

    def hedges(text: str, content: str) -> list[str]:
        claim = _claim(text, "c1", "The ministry", "said", content)
        return [h.span.text for h in find_hedges(text, claim)]

    assert hedges("The ministry said the talks may resume.", "the talks may resume") == ["may"]
    assert hedges("The ministry said the talks ended in May.", "the talks ended in May") == []
    assert hedges("The ministry said talks began May 3.", "talks began May 3") == []
    text = "The ministry said Theresa May had agreed."
    assert hedges(text, "Theresa May had agreed") == []


def test_a_company_named_after_its_country_is_no_government():
    assert classify_kind("France Telecom") is SourceKind.ORGANIZATION
    assert classify_kind("China Mobile", ner_label="GPE") is SourceKind.ORGANIZATION
    assert classify_kind("Russian Railways") is SourceKind.ORGANIZATION
    assert classify_kind("France") is SourceKind.GOVERNMENT
    assert classify_kind("the French government") is SourceKind.GOVERNMENT


# 9. second mentions and shared ranks (chosen on dev6's error list)


def test_a_party_and_state_epithet_names_the_politician_again():
    text = "Rep. Duncan Hunter said the money was spent. The California Republican claims more."
    first = _claim(text, "c1", "Rep. Duncan Hunter", "said", "the money was spent")
    second = _claim(text, "c2", "The California Republican", "claims", "more")
    outs, _ = resolve_sources(text, [first, second], mentions=[Mention(5, 18, "PERSON")])
    out = next(c for c in outs if c.id == "c2")
    assert out.source_entity is not None and out.source_entity.name == "Duncan Hunter"
    alone = "The Texas Democrat said nothing."
    claim = _claim(alone, "c1", "The Texas Democrat", "said", "nothing")
    (out,), _ = resolve_sources(alone, [claim], mentions=[])
    assert out.source_entity is None or out.source_entity.name != "Duncan Hunter"


def test_a_one_word_possessive_subject_is_a_shop():
    assert classify_kind("McDonald’s", ner_label="PERSON") is SourceKind.ORGANIZATION
    assert classify_kind("Macy's") is SourceKind.ORGANIZATION
    assert classify_kind("Mr. LaRue's", ner_label="PERSON") is SourceKind.PERSON


def test_unnamed_reports_are_media():
    assert classify_kind("reports") is SourceKind.MEDIA
    assert classify_kind("Some reports") is SourceKind.MEDIA
    assert classify_kind("Police reports") is SourceKind.GOVERNMENT


def test_a_shared_rank_in_a_police_story_is_a_police_officer():
    from claimtrace.extract.sources import is_police_story

    text = "A gunman fired at the plant, police said. Lt. Frank Vanore said the suspect fled."
    assert is_police_story(text)
    assert not is_police_story("Troops moved north, police said, as the army advanced.")
    claim = _claim(text, "c1", "Lt. Frank Vanore", "said", "the suspect fled")
    name = text.index("Frank Vanore")
    (out,), _ = resolve_sources(text, [claim], mentions=[Mention(name, name + 12, "PERSON")])
    assert out.source_kind is SourceKind.GOVERNMENT
    army = "Troops moved north. Lt. Col. Ann Ruiz said the army was ready."
    claim = _claim(army, "c1", "Lt. Col. Ann Ruiz", "said", "the army was ready")
    (out,), _ = resolve_sources(army, [claim], mentions=[])
    assert out.source_kind is SourceKind.MILITARY


def test_one_unnamed_office_holder_is_anonymous():
    assert classify_kind("One senator") is SourceKind.ANONYMOUS
    assert classify_kind("an officer") is SourceKind.ANONYMOUS
    assert classify_kind("two aides") is SourceKind.ANONYMOUS
    assert classify_kind("the senator") is SourceKind.GOVERNMENT
    assert classify_kind("Senator Jane Roe", ner_label="PERSON") is SourceKind.GOVERNMENT


def test_a_content_opening_with_anothers_telling_has_that_teller_as_via():
    text = "He said witnesses told the police that the driver fled."
    claim = _claim(text, "c1", "He", "said", "witnesses told the police that the driver fled")
    (out,), _ = resolve_sources(text, [claim], mentions=[])
    assert [" ".join(s.text for s in v.source) for v in out.via] == ["witnesses"]
    assert out.content[0].text.startswith("witnesses told")  # the content is kept whole
    text = "She said she told them the plan was dead."
    claim = _claim(text, "c1", "She", "said", "she told them the plan was dead")
    (out,), _ = resolve_sources(text, [claim], mentions=[])
    assert out.via == ()


def test_a_company_epithet_makes_the_person_speak_for_the_company_throughout():
    text = "Tim Cook said sales grew. The Apple CEO also said stores would open."
    first = _claim(text, "c1", "Tim Cook", "said", "sales grew")
    second = _claim(text, "c2", "The Apple CEO", "also said", "stores would open")
    outs, entities = resolve_sources(text, [first, second], mentions=[Mention(0, 8, "PERSON")])
    assert [c.source_entity.name for c in outs if c.source_entity] == ["Tim Cook", "Tim Cook"]
    assert {c.source_kind for c in outs} == {SourceKind.ORGANIZATION}
    assert {e.kind for e in entities if e.name == "Tim Cook"} == {SourceKind.ORGANIZATION}
