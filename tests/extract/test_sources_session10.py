"""Session-10 source resolution: error families of dev3 (source kinds of people in
institutional roles, pronoun salience, datelines, "X quoted Y saying"). Sentences written
for these tests."""

from __future__ import annotations

from claimtrace.extract.sources import (
    Mention,
    _OfficeKinds,
    acronym_kinds,
    classify_kind,
    is_dateline,
    is_game_report,
    resolve_sources,
    role_kind,
)
from claimtrace.model import SourceKind
from tests.extract.test_sources import _claim


def _mention(text: str, name: str, label: str, after: int = 0) -> Mention:
    i = text.index(name, after)
    return Mention(i, i + len(name), label)


# 1. people in institutional roles: the office the article states, wherever it stands


def test_an_office_stated_later_by_a_copula_gives_the_earlier_claim_its_kind():
    text = (
        "Marta Quell said the harvest festival would go ahead.\n"
        "Quell, 61, is president of the Lindholm Growers Cooperative.\n"
    )
    claim = _claim(text, "c1", "Marta Quell", "said", "the harvest festival")
    mentions = [_mention(text, "Marta Quell", "PERSON"), _mention(text, "Quell", "PERSON", 20)]
    (out,), _ = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_kind is SourceKind.ORGANIZATION
    assert out.source_entity is not None and out.source_entity.name == "Marta Quell"


def test_a_pronoun_for_a_person_with_an_office_keeps_the_office_kind():
    text = (
        "Marta Quell, president of the Lindholm Growers Cooperative, said prices would rise.\n"
        "She said members were worried.\n"
    )
    c1 = _claim(
        text, "c1", "Marta Quell, president of the Lindholm Growers Cooperative", "said", "prices"
    )
    c2 = _claim(text, "c2", "She", "said", "members")
    mentions = [_mention(text, "Marta Quell", "PERSON")]
    out, _ = resolve_sources(text, [c1, c2], mentions=mentions)
    assert out[1].source_entity == out[0].source_entity
    assert out[1].source_kind is SourceKind.ORGANIZATION


def test_a_private_person_stays_a_person():
    text = "Marta Quell said the harvest festival would go ahead.\nQuell, 61, is a retired nurse.\n"
    claim = _claim(text, "c1", "Marta Quell", "said", "the harvest festival")
    mentions = [_mention(text, "Marta Quell", "PERSON")]
    (out,), _ = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_kind is SourceKind.PERSON


def test_a_surname_two_people_share_with_different_offices_gives_no_office():
    offices = _OfficeKinds()
    offices.add("Ann Brill", SourceKind.ORGANIZATION)
    offices.add("Tom Brill", SourceKind.GOVERNMENT)
    assert offices.kind_of("Brill") is None
    assert offices.kind_of("Ann Brill") is SourceKind.ORGANIZATION
    assert offices.kind_of("Mr. Brill") is None


def test_team_roles_are_organization_named_team_or_not():
    assert role_kind("interim coach") is SourceKind.ORGANIZATION
    assert role_kind("the Hawks' starting quarterback") is SourceKind.ORGANIZATION
    assert role_kind("goalkeeper for the Rovers") is SourceKind.ORGANIZATION
    assert role_kind("a retired nurse") is None


def test_a_coach_named_before_speaks_for_the_team():
    text = (
        "Assistant coach Len Harrow had cheered from the bench.\n"
        "“We earned this one,” Harrow said.\n"
    )
    claim = _claim(text, "c1", "Harrow", "said", "We earned", after=text.index("\n"))
    mentions = [_mention(text, "Len Harrow", "PERSON")]
    (out,), _ = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_kind is SourceKind.ORGANIZATION
    assert out.source_entity is not None and out.source_entity.name == "Len Harrow"


# 2. datelines


_STORY = (
    "A bridge over the river collapsed on Sunday after days of rain. "
    "Nobody was hurt, the city said.\n"
)


def test_a_place_before_a_colon_at_the_article_start_is_a_dateline():
    text = "Kolkata: " + _STORY
    claim = _claim(text, "c1", "Kolkata", ":", "A bridge over the river")
    (out,), _ = resolve_sources(text, [claim], mentions=[_mention(text, "Kolkata", "GPE")])
    assert out.source == ()
    assert out.source_kind is SourceKind.UNATTRIBUTED
    assert out.source_entity is None


def test_a_dateline_is_found_by_the_gazetteer_when_the_ner_misses_it():
    text = "Kolkata: " + _STORY
    claim = _claim(text, "c1", "Kolkata", ":", "A bridge over the river")
    assert is_dateline(text, claim.source[0])


def test_a_person_before_a_colon_is_a_source():
    text = "Obama: " + _STORY
    claim = _claim(text, "c1", "Obama", ":", "A bridge over the river")
    (out,), _ = resolve_sources(text, [claim], mentions=[_mention(text, "Obama", "PERSON")])
    assert out.source_kind is SourceKind.PERSON


def test_a_headline_place_before_a_colon_is_a_source():
    text = "Moscow: sanctions will fail\n" + _STORY
    claim = _claim(text, "c1", "Moscow", ":", "sanctions will fail")
    assert not is_dateline(text, claim.source[0], [_mention(text, "Moscow", "GPE")])
    (out,), _ = resolve_sources(text, [claim], mentions=[_mention(text, "Moscow", "GPE")])
    assert out.source_kind is SourceKind.GOVERNMENT


def test_a_place_before_a_colon_later_in_the_article_is_not_a_dateline():
    text = "Floods hit the region.\nKolkata: " + _STORY
    claim = _claim(text, "c1", "Kolkata", ":", "A bridge over the river")
    assert not is_dateline(text, claim.source[0], [_mention(text, "Kolkata", "GPE")])


# 3. "X quoted Y saying Z"


def test_the_quoted_party_of_a_bare_participle_is_a_via_link():
    text = (
        "The Harbour Gazette quoted a ferry pilot, Lena Ostby, saying that the fog had come "
        "in fast.\n"
    )
    outer = _claim(text, "c1", "The Harbour Gazette", "quoted", "a ferry pilot")
    inner = _claim(text, "c2", "Lena Ostby", "saying", "that the fog")
    mentions = [_mention(text, "Lena Ostby", "PERSON"), _mention(text, "Harbour Gazette", "ORG")]
    out, _ = resolve_sources(text, [outer, inner], mentions=mentions)
    said = out[1]
    assert said.source[0].text == "The Harbour Gazette"
    assert said.source_kind is SourceKind.MEDIA
    assert len(said.via) == 1 and said.via[0].source[0].text == "Lena Ostby"
    assert said.via[0].entity is not None and said.via[0].entity.name == "Lena Ostby"


def test_a_participle_after_a_source_with_no_citing_cue_keeps_its_source():
    text = "Lena Ostby wrote to the council, saying that the fog had come in fast.\n"
    inner = _claim(text, "c1", "Lena Ostby", "saying", "that the fog")
    (out,), _ = resolve_sources(text, [inner], mentions=[_mention(text, "Lena Ostby", "PERSON")])
    assert out.source[0].text == "Lena Ostby"
    assert out.via == ()


def test_the_reporter_opening_the_sentence_when_quoted_has_no_claim():
    text = "The Harbour Gazette quoted a ferry pilot, Lena Ostby, saying that the fog was thick.\n"
    inner = _claim(text, "c1", "Lena Ostby", "saying", "that the fog")
    mentions = [_mention(text, "Lena Ostby", "PERSON"), _mention(text, "Harbour Gazette", "ORG")]
    (out,), _ = resolve_sources(text, [inner], mentions=mentions)
    assert out.source[0].text == "The Harbour Gazette"
    assert out.source_kind is SourceKind.MEDIA
    assert out.via[0].entity is not None and out.via[0].entity.name == "Lena Ostby"


# 4. pronouns: surnames named before and the gender the text states


def test_a_surname_the_ner_takes_for_a_place_is_the_person_named_before():
    text = (
        "Defence lawyer Ruth Kessler questioned the skipper, Omar Haddad.\n"
        "Later, Kessler showed the jury a chart, which he said proved the crew was tired.\n"
    )
    second = text.index("\n")
    claim = _claim(text, "c1", "he", "said", "proved the crew", after=text.index("which he"))
    mentions = [
        _mention(text, "Ruth Kessler", "PERSON"),
        _mention(text, "Omar Haddad", "PERSON"),
        _mention(text, "Kessler", "GPE", after=second),  # an NER error
    ]
    (out,), _ = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_entity is not None and out.source_entity.name == "Ruth Kessler"


def test_a_surname_ending_in_s_is_one_person_not_a_family():
    text = (
        "Warden Paul Jennings met inspector Dan Roe on Monday.\n"
        "Roe read a note by Jennings in which he said the cells were full.\n"
    )
    second = text.index("\n")
    claim = _claim(text, "c1", "he", "said", "the cells", after=text.index("which he"))
    mentions = [
        _mention(text, "Paul Jennings", "PERSON"),
        _mention(text, "Dan Roe", "PERSON"),
        _mention(text, "Roe", "PERSON", after=second),
        _mention(text, "Jennings", "PERSON", after=second),
    ]
    (out,), _ = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_entity is not None and out.source_entity.name == "Paul Jennings"


def test_he_skips_a_woman_named_by_her_honorific():
    text = (
        "Fire chief Tom Okafor said the blaze started in the kitchen.\n"
        "Nobody knew whether Mrs Lindqvist had been at home.\n"
        "“We are still looking,” he said.\n"
    )
    c1 = _claim(text, "c1", "Fire chief Tom Okafor", "said", "the blaze")
    c2 = _claim(text, "c2", "he", "said", "We are still", after=text.index("“We"))
    mentions = [
        _mention(text, "Tom Okafor", "PERSON"),
        _mention(text, "Mrs Lindqvist", "PERSON"),
    ]
    out, _ = resolve_sources(text, [c1, c2], mentions=mentions)
    assert out[1].source_entity == out[0].source_entity


def test_a_pronoun_opening_its_sentence_takes_the_subject_of_the_sentence_before():
    text = (
        "In the video, Imam Yusuf Darr speaks for an hour, quoting the poet Rumi.\n"
        "He says the mosque will open a school.\n"
    )
    claim = _claim(text, "c1", "He", "says", "the mosque", after=text.index("\n"))
    mentions = [_mention(text, "Yusuf Darr", "PERSON"), _mention(text, "Rumi", "PERSON")]
    (out,), _ = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_entity is not None and out.source_entity.name == "Yusuf Darr"


def test_a_pronoun_inside_its_sentence_keeps_the_nearest_antecedent():
    text = (
        "In the video, Imam Yusuf Darr speaks for an hour.\n"
        "Later the poet Omar Rumi reads, and he says the mosque will open a school.\n"
    )
    claim = _claim(text, "c1", "he", "says", "the mosque", after=text.index("and he"))
    mentions = [_mention(text, "Yusuf Darr", "PERSON"), _mention(text, "Omar Rumi", "PERSON")]
    (out,), _ = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_entity is not None and out.source_entity.name == "Omar Rumi"


# 5. broadcasters the NER takes for people


def test_a_broadcaster_of_the_lexicon_is_media_whatever_the_ner_label():
    assert classify_kind("CNBC", ner_label="PERSON") is SourceKind.MEDIA
    assert classify_kind("Sky News", ner_label="PERSON") is SourceKind.MEDIA
    assert classify_kind("Michael Fox", ner_label="PERSON") is SourceKind.PERSON


# 6. game reports: the people quoted by name are players and coaches


_GAME = (
    "Rovers beat United 3-1 to reach the playoffs.\n"
    "Tom Haller scored twice after halftime, and the striker added a penalty in overtime.\n"
    "Their coach praised a season of hard work.\n"
    "“We never stopped running,” Haller said.\n"
)


def test_a_match_report_is_told_by_its_score_and_game_terms():
    assert is_game_report(_GAME)
    assert not is_game_report("The council voted 7-2 to close the library this season.\n")


def test_a_player_quoted_in_a_match_report_speaks_for_the_team():
    claim = _claim(_GAME, "c1", "Haller", "said", "We never", after=_GAME.index("“We"))
    mentions = [_mention(_GAME, "Tom Haller", "PERSON")]
    (out,), _ = resolve_sources(_GAME, [claim], mentions=mentions)
    assert out.source_kind is SourceKind.ORGANIZATION
    assert out.source_entity is not None and out.source_entity.name == "Tom Haller"


# 7. state bodies and the acronyms the text defines for them


def test_a_body_a_country_owns_is_government():
    assert classify_kind("Peru's Institute of Water Studies") is SourceKind.GOVERNMENT
    assert classify_kind("Kenya's Wildlife Service") is SourceKind.GOVERNMENT
    assert classify_kind("Hartley's Institute of Dance") is SourceKind.ORGANIZATION


def test_an_acronym_defined_in_brackets_takes_the_kind_of_its_name():
    text = "Officials at Peru's Institute of Water Studies (Inagua) met on Monday.\n"
    assert acronym_kinds(text) == {"inagua": SourceKind.GOVERNMENT}


def test_a_person_titled_by_a_defined_acronym_speaks_for_that_body():
    text = (
        "Peru's Institute of Water Studies (Inagua) measured the flood.\n"
        "Inagua hydrologist Rosa Quispe said the river had peaked.\n"
        "She said more rain was expected.\n"
    )
    c1 = _claim(text, "c1", "Inagua hydrologist Rosa Quispe", "said", "the river")
    c2 = _claim(text, "c2", "She", "said", "more rain")
    mentions = [_mention(text, "Rosa Quispe", "PERSON")]
    out, _ = resolve_sources(text, [c1, c2], mentions=mentions)
    assert [c.source_kind for c in out] == [SourceKind.GOVERNMENT, SourceKind.GOVERNMENT]
    assert out[1].source_entity is not None and out[1].source_entity.name == "Rosa Quispe"


# 8. a participle after the head noun


def test_a_participle_ends_the_head_of_an_unnamed_group():
    assert classify_kind("Experts examining the wreck") is SourceKind.ANONYMOUS
    assert classify_kind("Residents fleeing the fire") is SourceKind.PERSON
    assert classify_kind("the building manager") is not SourceKind.ANONYMOUS


def test_a_participle_before_the_head_is_no_boundary():
    assert classify_kind("the acting director of the Fish Agency") is not SourceKind.OTHER
    assert role_kind("the Hawks' starting quarterback") is SourceKind.ORGANIZATION


# lead, session 10: armed groups, aid agencies, people described but not named


def test_armed_groups_and_aid_agencies_have_their_kinds():
    assert classify_kind("the country's paramilitary Coastal Defence Forces") is SourceKind.MILITARY
    assert classify_kind("a local militia") is SourceKind.MILITARY
    assert classify_kind("aid agencies") is SourceKind.ORGANIZATION


def test_people_described_but_not_named_are_anonymous():
    assert classify_kind("two people briefed on the talks") is SourceKind.ANONYMOUS
    assert classify_kind("a person close to the governor") is SourceKind.ANONYMOUS
    assert classify_kind("A man involved in the crash") is SourceKind.PERSON


def test_the_person_refers_back_to_the_unnamed_source():
    text = (
        "A person familiar with the talks said a deal was near. "
        "The person said the final text would come on Monday."
    )
    first = _claim(text, "c1", "A person familiar with the talks", "said", "a deal was near")
    second = _claim(text, "c2", "The person", "said", "the final text would come on Monday")
    (a, b), _ = resolve_sources(text, [first, second])
    assert b.source_entity == a.source_entity
    assert b.source_kind is SourceKind.ANONYMOUS


def test_the_army_is_not_the_paramilitary_named_before_it():
    text = (
        "The paramilitary Border Guard Brigades said they had taken the bridge. "
        "The army said its units still held the crossing."
    )
    first = _claim(text, "c1", "The paramilitary Border Guard Brigades", "said", "they had")
    second = _claim(text, "c2", "The army", "said", "its units still held the crossing")
    (a, b), _ = resolve_sources(text, [first, second])
    assert b.source_kind is SourceKind.MILITARY
    assert b.source_entity != a.source_entity


def test_a_source_holding_its_clause_of_citation_gets_the_via_link():
    text = "According to the Gazette, which cited two port officials, the quay will close."
    claim = _claim(
        text, "c1", "the Gazette, which cited two port officials", "According to", "the quay"
    )
    (out,), _ = resolve_sources(text, [claim])
    assert out.source[0].text == "the Gazette"
    assert [link.source[0].text for link in out.via] == ["two port officials"]


def test_web_addresses_platforms_and_commentators_have_their_kinds():
    assert classify_kind("harbournews.com") is SourceKind.MEDIA
    assert classify_kind("Weibo, China's version of Twitter", ner_label="ORG") is (
        SourceKind.SOCIAL_MEDIA
    )
    assert classify_kind("Outside commentators") is SourceKind.ANONYMOUS
    assert classify_kind("an individual") is SourceKind.ANONYMOUS
    assert classify_kind("the company's website") is not SourceKind.MEDIA


def test_a_newspaper_named_by_its_last_word_is_the_one_named_in_full():
    text = (
        "The story was first reported by The Harbour Post on Monday.\n"
        "The Post said the mayor had known for weeks."
    )
    claim = _claim(text, "c1", "The Post", "said", "the mayor had known for weeks")
    mentions = [_mention(text, "The Harbour Post", "ORG")]
    (out,), _ = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_entity is not None and out.source_entity.name == "Harbour Post"
    assert out.source_kind is SourceKind.MEDIA


def test_a_word_inside_an_institutions_name_is_no_kind_term():
    professor = "Ann Lee, a professor of nutrition at King's College London"
    assert classify_kind(professor, ner_label="PERSON") is SourceKind.PERSON
    assert classify_kind("the Army War College") is SourceKind.ORGANIZATION
    assert classify_kind("King Charles") is SourceKind.GOVERNMENT


def test_a_company_office_before_a_name_gives_organization():
    assert role_kind("Chief Executive") is SourceKind.ORGANIZATION
    assert role_kind("Chief Financial Officer") is SourceKind.ORGANIZATION
    assert role_kind("the bank's chief economist") is SourceKind.ORGANIZATION
    text = "Chief Executive Dana Holt said sales had doubled."
    first = _claim(text, "c1", "Chief Executive Dana Holt", "said", "sales had doubled")
    (a,), _ = resolve_sources(text, [first], mentions=[_mention(text, "Dana Holt", "PERSON")])
    assert a.source_kind is SourceKind.ORGANIZATION


def test_she_after_an_office_holder_named_by_office_is_that_holder():
    text = (
        'The governor said the bridge would reopen. "We are ahead of schedule," she told reporters.'
    )
    first = _claim(text, "c1", "The governor", "said", "the bridge would reopen")
    second = _claim(text, "c2", "she", "told", '"We are ahead of schedule,"')
    (a, b), _ = resolve_sources(text, [first, second])
    assert b.source_entity == a.source_entity
    assert b.source_kind is SourceKind.GOVERNMENT
