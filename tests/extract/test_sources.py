"""Source resolution: kinds, entities, metonymy, coreference, via-chains, channels."""

from __future__ import annotations

import pytest

from claimtrace.extract.sources import (
    Mention,
    classify_kind,
    find_channel,
    find_via,
    make_entity,
    metonym_country,
    resolve_sources,
)
from claimtrace.model import Claim, SourceKind, Span


def _claim(
    text: str, cid: str, source: str | None, cue: str, content: str, after: int = 0
) -> Claim:
    """A claim whose roles are the first occurrences of the given strings after ``after``
    (no source when ``source`` is None or empty)."""

    def sp(sub: str) -> Span:
        i = text.index(sub, after)
        return Span.of(text, i, i + len(sub))

    return Claim(
        id=cid,
        source=(sp(source),) if source else (),
        cue=(sp(cue),),
        content=(sp(content),),
    )


@pytest.mark.parametrize(
    ("mention", "entity_id"),
    [
        ("Moscow", "russia/government"),
        ("the Kremlin", "russia/government"),
        ("The White House", "united-states/government"),
        ("Beijing", "china/government"),
        ("Downing Street", "united-kingdom/government"),
        ("the U.S.", "united-states/government"),
        ("Tehran", "iran/government"),
    ],
)
def test_metonymy_and_country_names_stand_for_the_government(mention, entity_id):
    assert metonym_country(mention) is not None
    ent = make_entity(mention, classify_kind(mention))
    assert ent.id == entity_id
    assert ent.kind is SourceKind.GOVERNMENT


def test_us_pronoun_is_not_the_united_states():
    assert metonym_country("us") is None


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("Germany's foreign intelligence service", SourceKind.INTELLIGENCE),
        ("the Israeli army", SourceKind.MILITARY),
        ("Reuters", SourceKind.MEDIA),
        ("French media", SourceKind.MEDIA),
        ("Turkish sources", SourceKind.ANONYMOUS),
        ("two senior officials", SourceKind.ANONYMOUS),
        ("Foreign Minister Ana Pereira", SourceKind.GOVERNMENT),
        ("a local resident", SourceKind.PERSON),
        ("the company", SourceKind.ORGANIZATION),
        ("", SourceKind.UNATTRIBUTED),
    ],
)
def test_source_kinds(mention, kind):
    assert classify_kind(mention) is kind


def test_unnamed_person_on_social_media_is_social_media():
    assert classify_kind("a retired teacher", social_channel=True) is SourceKind.SOCIAL_MEDIA


def test_person_entity_drops_titles_and_uses_ner():
    ent = make_entity("Foreign Minister Ana Pereira", SourceKind.GOVERNMENT)
    assert ent.id == "ana-pereira"
    ent = make_entity("Dr. Karl Moser", SourceKind.PERSON, mentions=[("Karl Moser", "PERSON")])
    assert ent.id == "karl-moser"


def test_media_outlet_with_country_prefix():
    ent = make_entity("Germany's Deutsche Welle", SourceKind.MEDIA)
    assert ent.id == "deutsche-welle"
    assert ent.country == "DE"


def test_via_cited_as_saying():
    text = "Poland's PAP news agency cited border guards as saying the fence was breached."
    cue_at = text.index("cited")
    link, region = find_via(text, (cue_at, len(text)))
    assert link.source[0].text == "border guards"
    assert link.cue[0].text == "as saying"
    assert text[region[0] : region[1]] == "border guards as saying"


def test_via_citing():
    text = "The newspaper reported the deal was off, citing two diplomats."
    link, _ = find_via(text, (text.index("reported"), len(text)))
    assert link.source[0].text == "two diplomats"


def test_via_citing_before_the_cue():
    text = "Reuters, citing a local official, reported that the dam had collapsed."
    claim = _claim(text, "c1", "Reuters", "reported", "that the dam had collapsed")
    (out,), _entities = resolve_sources(text, [claim])
    assert [link.source[0].text for link in out.via] == ["a local official"]
    assert out.source_kind is SourceKind.MEDIA


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        (
            "The ministry said in a statement on Telegram that the port was shelled.",
            "a statement on Telegram",
        ),
        ("The singer claimed on social media that the tour was cancelled.", "social media"),
        (
            "The chancellor told reporters in Berlin that talks would continue.",
            "told reporters in Berlin",
        ),
        ("The mayor said the road would reopen.", None),
    ],
)
def test_channel(sentence, channel):
    found = find_channel(sentence, (0, len(sentence)), sentence.index(" ") + 1)
    assert (found.text if found else None) == channel


def test_resolve_coreference_of_pronoun_and_nominal():
    text = (
        "Norway's police security service said the threat was rising. "
        "The agency added that arrests were likely. "
        "Prime Minister Erik Dahl said the country was ready. He said talks would follow."
    )
    claims = [
        _claim(text, "c1", "Norway's police security service", "said", "the threat was rising"),
        _claim(text, "c2", "The agency", "added", "that arrests were likely"),
        _claim(text, "c3", "Prime Minister Erik Dahl", "said", "the country was ready"),
        _claim(text, "c4", "He", "said", "talks would follow"),
    ]
    out, entities = resolve_sources(text, claims)
    assert out[1].source_entity == out[0].source_entity
    assert out[0].source_entity.country == "NO"
    assert out[3].source_entity.id == "erik-dahl"
    assert {e.id for e in entities} >= {"erik-dahl"}


def test_a_whole_government_is_not_an_agency_named_before_it():
    text = (
        "The state's civil defense agency said 40 people had died. "
        "The federal government denied that it had delayed help."
    )
    claims = [
        _claim(text, "c1", "The state's civil defense agency", "said", "40 people had died"),
        _claim(text, "c2", "The federal government", "denied", "that it had delayed help"),
    ]
    out, _entities = resolve_sources(text, claims)
    assert out[0].source_entity != out[1].source_entity
    assert out[1].source_kind is SourceKind.GOVERNMENT


def test_entity_ids_fold_accents():
    from claimtrace.extract.sources import slugify

    assert slugify("José Múcio") == "jose-mucio"
    assert slugify("Łukasz Świątek") == "lukasz-swiatek"


def test_resolve_fills_via_and_trims_content():
    text = "Italian media quoted a judge as saying the trial would resume."
    claim = _claim(
        text, "c1", "Italian media", "quoted", "a judge as saying the trial would resume"
    )
    claim = Claim(
        id="c1",
        source=claim.source,
        cue=claim.cue,
        content=(
            Span.of(text, text.index("a judge"), text.index(" the trial")),
            Span.of(text, text.index("the trial"), len(text) - 1),
        ),
    )
    (out,), _entities = resolve_sources(text, [claim])
    assert out.source_kind is SourceKind.MEDIA
    assert out.source_entity.id == "italy/media"
    assert [v.source[0].text for v in out.via] == ["a judge"]
    assert [c.text for c in out.content] == ["the trial would resume"]
    assert out.origin == out.via[0].entity


def test_sourceless_claim_stays_unattributed_and_ner_mentions_help():
    text = "Troops were reportedly moved. Lena Ortiz said the vote was fair."
    claims = [
        _claim(text, "c1", None, "reportedly", "moved"),
        _claim(text, "c2", "Lena Ortiz", "said", "the vote was fair"),
    ]
    start = text.index("Lena")
    out, _ = resolve_sources(text, claims, mentions=[Mention(start, start + 10, "PERSON")])
    assert out[0].source_kind is SourceKind.UNATTRIBUTED and out[0].source_entity is None
    assert out[1].source_kind is SourceKind.PERSON
    assert out[1].source_entity.id == "lena-ortiz"


def test_relative_pronoun_takes_the_phrase_before_it():
    text = "Food went to the displaced families, who said the aid came late."
    claim = _claim(text, "c1", "who", "said", "the aid came late")
    (out,), _ = resolve_sources(text, [claim])
    assert out.source_entity is not None
    assert out.source_entity.name == "displaced families"


def test_unresolved_pronoun_gets_a_kind_but_no_entity():
    text = "She said the plan was sound."
    (out,), entities = resolve_sources(
        text, [_claim(text, "c1", "She", "said", "the plan was sound")]
    )
    assert out.source_entity is None and out.source_kind is SourceKind.PERSON
    assert entities == []


def test_channel_far_from_the_cue_is_not_its_channel():
    text = (
        "Rescuers said the river was rising, while a farmer who lives far upstream near "
        "the old mill posted on social media that the bridge had gone."
    )
    found = find_channel(text, (0, len(text)), text.index("said"), cue_end=text.index("said") + 4)
    assert found is None


def test_ner_person_span_with_a_title_gives_the_bare_name():
    text = "Interior Minister Sara Holm"
    ent = make_entity(text, SourceKind.GOVERNMENT, mentions=[(text, "PERSON")])
    assert ent.id == "sara-holm"


# --------------------------------------------------------------- session 3: unseen news


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("officials in Moscow", SourceKind.ANONYMOUS),
        ("Industry experts", SourceKind.ANONYMOUS),
        ("sources close to the minister", SourceKind.ANONYMOUS),
        ("Others", SourceKind.ANONYMOUS),
        ("a senior official, John Smith", SourceKind.GOVERNMENT),
        ("the US Geological Survey", SourceKind.GOVERNMENT),
        ("An eyewitness", SourceKind.PERSON),
        ("Pizza House delivery manager Brian LeFevre", SourceKind.PERSON),  # no "House"
    ],
)
def test_unnamed_people_and_new_terms(mention, kind):
    assert classify_kind(mention) is kind


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        (
            "Rajesh Chharia, president of the Traders' Association,",
            "Rajesh Chharia",
            "president of the Traders' Association",
        ),
        ("the county fire chief, James Steele", "James Steele", "the county fire chief"),
        ("Mark Oberholtzer, who has owned a shop for 32 years,", "Mark Oberholtzer", ""),
        (
            "Mr Abdulla, from Keighley, West Yorkshire,",
            "Mr Abdulla",
            "from Keighley, West Yorkshire",
        ),
        ("Reuters", "Reuters", ""),
    ],
)
def test_split_apposition(phrase, name, role):
    from claimtrace.extract.sources import split_apposition

    assert split_apposition(phrase) == (name, role)


@pytest.mark.parametrize(
    ("phrase", "institution"),
    [
        ("a spokesperson for Interoute", "Interoute"),
        ("a CBS News report", "CBS News"),
        ("The AMD statement", "AMD"),
        ("a statement of the event organisers", "the event organisers"),
        ("a local resident", None),
        ("Her spokesman", None),
    ],
)
def test_voice_institution(phrase, institution):
    from claimtrace.extract.sources import voice_institution

    assert voice_institution(phrase) == institution


def test_role_gives_the_kind_of_a_named_person():
    from claimtrace.extract.sources import role_kind

    assert role_kind("president of the Traders' Association") is SourceKind.ORGANIZATION
    assert role_kind("Utah Department of Corrections spokesman") is SourceKind.GOVERNMENT
    assert role_kind("team leader of Keller Williams") is SourceKind.ORGANIZATION
    assert role_kind("a friend of the family") is None


def test_apposition_voice_and_surname_in_resolution():
    text = (
        "Prices rose, said Rajesh Chharia, president of the Traders' Association. "
        "Delays are rare, said a spokesperson for Interoute, the networks company. "
        "Chharia said more was coming."
    )
    claims = [
        _claim(
            text,
            "c1",
            "Rajesh Chharia, president of the Traders' Association",
            "said",
            "Prices rose",
        ),
        _claim(
            text,
            "c2",
            "a spokesperson for Interoute, the networks company",
            "said a",
            "Delays are rare",
        ),
        _claim(text, "c3", "Chharia", "said more", "more was coming", text.index("Chharia said")),
    ]
    claims[1] = Claim(
        id="c2",
        source=claims[1].source,
        cue=(Span.of(text, text.index("said a"), text.index("said a") + 4),),
        content=claims[1].content,
    )
    out, _ = resolve_sources(text, claims)
    c1, c2, c3 = out
    assert (c1.source_entity.id, c1.source_kind) == ("rajesh-chharia", SourceKind.ORGANIZATION)
    assert (c2.source_entity.id, c2.source_kind) == ("interoute", SourceKind.ORGANIZATION)
    assert c3.source_entity.id == "rajesh-chharia"  # the surname takes the full name
    assert c3.source_kind is SourceKind.ORGANIZATION


def test_nominal_station_and_media_name_after_descriptors():
    text = (
        "A man was hurt, according to a report from WCCO-TV. "
        "The station said he was taken to hospital."
    )
    claims = [
        _claim(text, "c1", "a report from WCCO-TV", "according to", "A man was hurt"),
        _claim(text, "c2", "The station", "said", "he was taken to hospital"),
    ]
    out, _ = resolve_sources(text, claims)
    assert out[0].source_entity.id == "wcco-tv"
    assert out[1].source_entity.id == "wcco-tv"
    ent = make_entity("film industry publication Variety", SourceKind.MEDIA)
    assert ent.id == "variety"


def test_unqualified_government_is_the_articles_country_and_places_qualify_officials():
    text = (
        "Brazil's economy grew. Brazilian exporters cheered. The federal government said "
        "growth would continue. Officials in Moscow said nothing had changed."
    )
    claims = [
        _claim(text, "c1", "The federal government", "said", "growth would continue"),
        _claim(text, "c2", "Officials in Moscow", "said nothing", "nothing had changed"),
    ]
    out, _ = resolve_sources(text, claims)
    assert out[0].source_entity.id == "brazil/government"
    assert out[1].source_kind is SourceKind.ANONYMOUS
    assert out[1].source_entity.id == "russia/anonymous"


def test_no_home_country_without_a_clear_one():
    from claimtrace.extract.sources import article_country

    assert article_country("France and Germany met. The government said so.") is None
    assert article_country("Kenya voted. Kenyan voters queued in Nairobi.").slug == "kenya"


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        ("The doctor told AFP that a child had died.", "told AFP"),
        ("Industry experts told The Times that two cables broke.", "told The Times"),
        ("Speaking to reporters, the minister said talks went well.", "Speaking to reporters"),
    ],
)
def test_channel_named_outlet_and_speaking_to(sentence, channel):
    cue = "said" if "said" in sentence else "told"
    at = sentence.index(cue)
    found = find_channel(
        sentence,
        (0, len(sentence)),
        min(at, 0 if "Speaking" in sentence else at),
        cue_end=at + len(cue),
    )
    assert found is not None and found.text == channel


def test_house_in_a_name_is_no_legislature():
    assert classify_kind("Pizza House manager Ann Lee") is not SourceKind.GOVERNMENT
    assert classify_kind("House Speaker Paul Ryan") is SourceKind.GOVERNMENT
    assert classify_kind("A House panel") is SourceKind.GOVERNMENT


def test_titles_and_parentheses_are_no_institution():
    from claimtrace.extract.sources import role_kind, split_apposition

    assert role_kind("Former President ") is None
    assert split_apposition("Rep. Ann Lee (D-N.Y.), chairman of the caucus")[0] == "Rep. Ann Lee"


def test_pronoun_finds_a_person_speaking_for_a_company_but_not_the_company():
    text = (
        "Sales fell, said Stacey McVey, team leader of Keller Williams. "
        "She said more was coming. U.N. Women said it disagreed. He said no."
    )
    claims = [
        _claim(text, "c1", "Stacey McVey, team leader of Keller Williams", "said", "Sales fell"),
        _claim(text, "c2", "She", "said more", "more was coming"),
        _claim(text, "c3", "U.N. Women", "said it", "it disagreed"),
        _claim(text, "c4", "He", "said no", "no", text.index("He said")),
    ]
    un = text.index("U.N. Women")
    out, _ = resolve_sources(text, claims, mentions=[Mention(un, un + 10, "ORG")])
    assert out[0].source_kind is SourceKind.ORGANIZATION
    assert out[1].source_entity.id == "stacey-mcvey"
    assert out[3].source_entity is None or out[3].source_entity.id != "u-n-women"


def test_citing_an_abbreviated_name():
    text = "The Post reported last week, citing two U.S. officials, that talks had failed."
    link, _ = find_via(text, (text.index("reported"), len(text)))
    assert link.source[0].text == "two U.S. officials"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A spokesperson for the attorney general", SourceKind.GOVERNMENT),
        ("the company's general counsel", SourceKind.ORGANIZATION),
        ("Gen. Mark Milley", SourceKind.MILITARY),
    ],
)
def test_a_civil_general_is_no_army_rank(text, kind):
    from claimtrace.extract.sources import classify_kind

    assert classify_kind(text) is kind


def test_a_description_with_a_possessor_is_no_anaphor():
    from claimtrace.extract.sources import is_definite_nominal

    assert is_definite_nominal("the office")
    assert not is_definite_nominal("The governor's office")


def test_a_report_of_a_report_reaches_back_to_its_origin():
    text = "The minister confirmed that two drones fell, The Guardian reported."
    inner = _claim(text, "c1", "The minister", "confirmed", "that two drones fell")
    outer = _claim(
        text, "c2", "The Guardian", "reported", "The minister confirmed that two drones fell"
    )
    out, _entities = resolve_sources(text, [inner, outer])
    guardian = next(c for c in out if c.id == "c2")
    assert [link.source[0].text for link in guardian.via] == ["The minister"]
    assert guardian.origin == next(c for c in out if c.id == "c1").source_entity


def test_a_relayed_belief_or_assessment_reaches_back_to_its_holder():
    text = "Investigators believe the fire was set on purpose, the Courier-Journal reported."
    inner = _claim(text, "c1", "Investigators", "believe", "the fire was set on purpose")
    outer = _claim(
        text,
        "c2",
        "the Courier-Journal",
        "reported",
        "Investigators believe the fire was set on purpose",
    )
    out, _ = resolve_sources(text, [inner, outer])
    paper = next(c for c in out if c.id == "c2")
    assert [link.source[0].text for link in paper.via] == ["Investigators"]


def test_a_denial_does_not_relay_the_claim_it_rejects():
    text = "The ministry denied that the envoy told the court the deal was off."
    inner = _claim(text, "c1", "the envoy", "told", "the deal was off")
    outer = _claim(
        text, "c2", "The ministry", "denied", "that the envoy told the court the deal was off"
    )
    out, _ = resolve_sources(text, [inner, outer])
    assert next(c for c in out if c.id == "c2").via == ()


def test_a_person_by_office_is_not_the_institution_named_before():
    text = "Police said the road was shut. The mayor said it would reopen on Friday."
    claims = [
        _claim(text, "c1", "Police", "said", "the road was shut"),
        _claim(text, "c2", "The mayor", "said", "it would reopen on Friday"),
    ]
    out, _ = resolve_sources(text, claims)
    assert out[1].source_entity is not None
    assert out[1].source_entity != out[0].source_entity
    # an institution's spokesperson still stands for it
    text = "The Interior Ministry said the road was shut. The spokesman said it would reopen."
    claims = [
        _claim(text, "c1", "The Interior Ministry", "said", "the road was shut"),
        _claim(text, "c2", "The spokesman", "said", "it would reopen"),
    ]
    out, _ = resolve_sources(text, claims)
    assert out[1].source_entity == out[0].source_entity


@pytest.mark.parametrize("chief", ["the county fire chief, Ann Roe", "Fire Marshal Jo Fry"])
def test_fire_chiefs_and_marshals_are_government(chief):
    from claimtrace.extract.sources import classify_kind

    assert classify_kind(chief) is SourceKind.GOVERNMENT


@pytest.mark.parametrize("paper", ["the Tribune", "The Daily Gazette", "the Herald"])
def test_mastheads_are_media(paper):
    from claimtrace.extract.sources import classify_kind

    assert classify_kind(paper) is SourceKind.MEDIA


def test_via_citing_at_the_sentence_start():
    text = "Officials met. Quoting two harbour pilots, the weekly said that the channel was shut."
    claim = _claim(text, "c1", "the weekly", "said", "that the channel was shut")
    (out,), _entities = resolve_sources(text, [claim])
    assert [link.source[0].text for link in out.via] == ["two harbour pilots"]


def test_a_citation_of_another_clause_is_not_borrowed():
    text = "At the hearing, citing the audit, the mayor said that taxes would rise."
    claim = _claim(text, "c1", "the mayor", "said", "that taxes would rise")
    (out,), _entities = resolve_sources(text, [claim])
    assert out.via == ()


@pytest.mark.parametrize(
    ("mention", "anaphoric"),
    [("the Xinhua news agency", False), ("the BBC report", False), ("the news agency", True)],
)
def test_a_description_that_names_its_outlet_is_not_an_anaphor(mention, anaphoric):
    from claimtrace.extract.sources import is_definite_nominal

    assert is_definite_nominal(mention) is anaphoric


def test_an_outlet_relaying_a_ministry_keeps_its_own_name():
    text = "The interior ministry said the road was closed, according to the Xinhua news agency."
    inner = _claim(text, "c1", "The interior ministry", "said", "the road was closed")
    outer = _claim(
        text,
        "c2",
        "the Xinhua news agency",
        "according to",
        "The interior ministry said the road was closed",
    )
    (_, out), _entities = resolve_sources(text, [inner, outer])
    assert out.source_entity is not None and out.source_entity.id.startswith("xinhua")
    assert out.source_kind is SourceKind.MEDIA


def test_a_passive_citation_reads_as_the_active_one():
    text = "The harbour master was quoted by the Baltic Times as saying that two ships collided."
    claim = Claim(
        id="c1",
        source=(Span.of(text, text.index("the Baltic"), text.index(" as saying")),),
        cue=(Span.of(text, text.index("was quoted"), text.index(" by the")),),
        content=(Span.of(text, text.index("that two"), len(text) - 1),),
    )
    (out,), _entities = resolve_sources(text, [claim])
    assert [s.text for s in out.source] == ["the Baltic Times"]
    assert [link.source[0].text for link in out.via] == ["The harbour master"]
    assert out.via[0].entity is not None
    assert [c.text for c in out.content] == ["that two ships collided"]


def test_a_citation_between_source_and_cue_is_the_via_link():
    text = "The weekly, which quoted two port workers, said that the cranes had stopped."
    claim = _claim(text, "c1", "The weekly", "said", "that the cranes had stopped")
    (out,), _entities = resolve_sources(text, [claim])
    assert [link.source[0].text for link in out.via] == ["two port workers"]


def test_a_relative_citation_tagged_as_the_source_is_split():
    text = "The audit, which cited four accountants, said that the funds were missing."
    claim = _claim(
        text, "c1", "which cited four accountants", "said", "that the funds were missing"
    )
    (out,), _entities = resolve_sources(text, [claim])
    assert [s.text for s in out.source] == ["which"]
    assert [link.source[0].text for link in out.via] == ["four accountants"]


def test_a_cited_document_stands_for_its_issuer():
    text = "The paper reported, citing a statement from the city council, that the bridge was shut."
    claim = _claim(text, "c1", "The paper", "reported", "that the bridge was shut")
    (out,), _entities = resolve_sources(text, [claim])
    (link,) = out.via
    assert link.entity is not None and link.entity.name.lower() == "city council"


def test_a_name_inside_quoted_words_is_no_antecedent():
    from claimtrace.extract.sources import Mention

    text = 'Coach Dale Moss spoke. "Ask Tom Reyes about the trade," he said.'
    claim = _claim(text, "c1", "he", "said", '"Ask Tom Reyes about the trade,"')
    mentions = [
        Mention(text.index("Dale"), text.index(" spoke"), "PERSON"),
        Mention(text.index("Tom"), text.index(" about"), "PERSON"),
    ]
    (out,), _entities = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_entity is not None and "moss" in out.source_entity.id


def test_quoted_stretches_need_both_marks():
    from claimtrace.extract.sources import quoted_stretches

    assert quoted_stretches('He said "yes" and “no”.') == [(8, 13), (18, 22)]
    assert quoted_stretches('An open "quote runs on') == []


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("Villagers", SourceKind.PERSON),
        ("Her neighbours", SourceKind.PERSON),
        ("A shop worker in Lagos", SourceKind.PERSON),
        ("a lawyer for the ministry", SourceKind.GOVERNMENT),
        ("Industry experts", SourceKind.ANONYMOUS),
    ],
)
def test_private_people_by_their_head_noun(mention, kind):
    from claimtrace.extract.sources import classify_kind

    assert classify_kind(mention) is kind


def test_what_is_cited_as_evidence_is_no_via_link():
    text = "The regulator ordered a recall on Friday, citing a fault in the steering column."
    claim = _claim(text, "c1", "The regulator", "ordered", "a recall")
    (out,), _entities = resolve_sources(text, [claim])
    assert out.via == ()
    text = "The regulator said, citing two reasons, that the recall would widen."
    claim = _claim(text, "c1", "The regulator", "said", "that the recall would widen")
    (out,), _entities = resolve_sources(text, [claim])
    assert out.via == ()
    text = "The regulator said, citing three engineers, that the recall would widen."
    claim = _claim(text, "c1", "The regulator", "said", "that the recall would widen")
    (out,), _entities = resolve_sources(text, [claim])
    assert [link.source[0].text for link in out.via] == ["three engineers"]
