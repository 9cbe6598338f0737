"""Session-9 source resolution: error families seen on unseen FNC-1 and TR-News text.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimtrace.extract.sources import (
    Mention,
    classify_kind,
    is_definite_nominal,
    make_entity,
    resolve_sources,
    strip_trailing_time,
)
from claimtrace.model import SourceKind
from tests.extract.test_sources import _claim


def _mention(text: str, name: str, label: str) -> Mention:
    i = text.index(name)
    return Mention(i, i + len(name), label)


# 1. several named people with a descriptive premodifier


def test_coordinated_named_people_are_persons_whatever_the_ner_label():
    text = "Former dock workers Alan and Maria Ostrov said the ferry was late again.\n"
    claim = _claim(text, "c1", "Former dock workers Alan and Maria Ostrov", "said", "the ferry")
    # the NER may take a name for a place
    mentions = [_mention(text, "Alan", "PERSON"), _mention(text, "Maria Ostrov", "GPE")]
    (out,), _ = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_kind is SourceKind.PERSON
    assert out.source_entity is not None and out.source_entity.name == "Alan and Maria Ostrov"


def test_coordinated_bodies_are_not_people():
    text = "The World Bank and Save the Children warned of a famine.\n"
    claim = _claim(text, "c1", "The World Bank and Save the Children", "warned", "of a famine")
    (out,), _ = resolve_sources(text, [claim])
    assert out.source_kind is not SourceKind.PERSON


def test_a_family_by_its_surname_is_the_couple_named_before():
    text = (
        "Farmers Tom and Edith Varga said the storm flattened their barn.\n"
        "The Vargas said insurance would not cover it.\n"
    )
    c1 = _claim(text, "c1", "Farmers Tom and Edith Varga", "said", "the storm")
    c2 = _claim(text, "c2", "The Vargas", "said", "insurance would", after=text.index("\n"))
    out, _ = resolve_sources(text, [c1, c2])
    assert out[1].source_kind is SourceKind.PERSON
    assert out[1].source_entity == out[0].source_entity


# 2. plural pronouns


def test_they_skips_a_singular_outlet_for_a_plural_antecedent():
    text = (
        "Officials at the port said the cranes were idle.\n"
        "Speaking to NTV News, they said repairs would take a week.\n"
    )
    c1 = _claim(text, "c1", "Officials at the port", "said", "the cranes")
    c2 = _claim(text, "c2", "they", "said", "repairs would", after=text.index("\n"))
    mentions = [_mention(text, "NTV News", "ORG")]
    out, _ = resolve_sources(text, [c1, c2], mentions=mentions)
    assert out[1].source_entity == out[0].source_entity


def test_they_stays_unresolved_without_a_plural_antecedent():
    text = (
        "The ferry operator Baltline cancelled the crossing.\n"
        "They said the weather was too rough.\n"
    )
    c2 = _claim(text, "c2", "They", "said", "the weather")
    mentions = [_mention(text, "Baltline", "ORG")]
    (out,), _ = resolve_sources(text, [c2], mentions=mentions)
    assert out.source_entity is None


def test_she_does_not_take_a_couple():
    text = "Shop owners Ian and Rosa Pell said sales fell.\nShe said the rent had doubled.\n"
    c1 = _claim(text, "c1", "Shop owners Ian and Rosa Pell", "said", "sales fell")
    c2 = _claim(text, "c2", "She", "said", "the rent", after=text.index("\n"))
    out, _ = resolve_sources(text, [c1, c2])
    assert out[1].source_entity is None or "and" not in out[1].source_entity.name


# 3. titles and name particles


@pytest.mark.parametrize(
    ("source", "ner", "name"),
    [
        ("Ms Helena Brandt", "Ms Helena", "Helena Brandt"),
        ("Dr Omar Haddad", "Dr Omar Haddad", "Omar Haddad"),
        ("Mrs Ana van der Berg", "Mrs Ana", "Ana van der Berg"),
        ("Mr. de Souza", "Souza", "de Souza"),
        ("Foreign Minister Karim al-Hassan", "Karim al-Hassan", "Karim al-Hassan"),
        ("Professor Jane Ruiz-Whitley", "Jane Ruiz", "Jane Ruiz-Whitley"),
    ],
)
def test_titles_and_particles_do_not_split_a_name(source, ner, name):
    text = f"{source} said the talks had stalled.\n"
    claim = _claim(text, "c1", source, "said", "the talks")
    (out,), _ = resolve_sources(text, [claim], mentions=[_mention(text, ner, "PERSON")])
    assert out.source_entity is not None and out.source_entity.name == name


def test_a_particle_surname_with_a_role_takes_the_full_name_named_before():
    text = (
        "Mayor Luis de Souza opened the bridge.\nMr. de Souza, a Liberal, said the cost was fair.\n"
    )
    c1 = _claim(text, "c1", "Mayor Luis de Souza", "opened", "the bridge")
    c2 = _claim(text, "c2", "Mr. de Souza, a Liberal,", "said", "the cost", after=text.index("\n"))
    mentions = [_mention(text, "Luis de Souza", "PERSON")]
    out, _ = resolve_sources(text, [c1, c2], mentions=mentions)
    assert out[1].source_entity is not None and out[1].source_entity.name == "Luis de Souza"


# 4. a trailing date is not part of the source


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("Sky News on Sept. 3", "Sky News"),
        ("the ministry on Tuesday", "the ministry"),
        ("the regulator in 2019", "the regulator"),
        ("Reuters, March 4, 2015", "Reuters"),
        ("Fox News Sunday", "Fox News Sunday"),  # a programme: no preposition
        ("the 2019 report", "the 2019 report"),
    ],
)
def test_strip_trailing_time(text, stripped):
    assert strip_trailing_time(text) == stripped


def test_a_source_with_a_date_gets_the_outlet_as_entity():
    text = "Sky News on Sept. 3 reported that the plant had closed.\n"
    claim = _claim(text, "c1", "Sky News on Sept. 3", "reported", "that the plant")
    (out,), _ = resolve_sources(text, [claim], mentions=[_mention(text, "Sky News", "ORG")])
    assert out.source_entity is not None and out.source_entity.name == "Sky News"
    assert out.source_kind is SourceKind.MEDIA


# 5. a legislative committee is government


@pytest.mark.parametrize(
    "source",
    [
        "the Senate Intelligence Committee",
        "the House Armed Services Committee",
        "a parliamentary intelligence committee",
    ],
)
def test_a_legislative_committee_is_government(source):
    assert classify_kind(source, ner_label="ORG") is SourceKind.GOVERNMENT


def test_a_legislative_committee_is_no_anaphor_of_an_agency():
    text = (
        "The NSA said the program was lawful.\n"
        "The House Intelligence Committee found that it was not.\n"
    )
    c1 = _claim(text, "c1", "The NSA", "said", "the program")
    c2 = _claim(text, "c2", "The House Intelligence Committee", "found", "that it was not")
    assert not is_definite_nominal("The House Intelligence Committee")
    out, _ = resolve_sources(text, [c1, c2])
    assert out[1].source_kind is SourceKind.GOVERNMENT
    assert out[1].source_entity is not None
    assert out[1].source_entity.name == "House Intelligence Committee"


# 6. an organization-type noun before a name


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("the security consultancy Arkwell", "Arkwell"),
        ("the think tank Brightline Institute", "Brightline Institute"),
        ("investment bank Harlow Brothers", "Harlow Brothers"),
        ("the militant group Red Dawn", "Red Dawn"),
    ],
)
def test_an_organization_noun_before_a_name_gives_an_organization(source, name):
    kind = classify_kind(source, ner_label="PERSON")  # the NER may take it for a person
    assert kind is SourceKind.ORGANIZATION
    entity = make_entity(source, kind)
    assert entity is not None and entity.name == name


def test_a_capitalised_type_word_stays_in_the_name():
    entity = make_entity("the Harlow Group", SourceKind.ORGANIZATION)
    assert entity is not None and entity.name == "Harlow Group"


def test_a_repeated_name_keeps_the_kind_of_its_first_fuller_mention():
    text = (
        "The security consultancy Arkwell said the attack was planned.\n"
        "Arkwell said the group had grown.\n"
    )
    c1 = _claim(text, "c1", "The security consultancy Arkwell", "said", "the attack")
    c2 = _claim(text, "c2", "Arkwell", "said", "the group", after=text.index("\n"))
    mentions = [_mention(text, "Arkwell", "PERSON")]
    i = text.index("Arkwell", text.index("\n"))
    mentions.append(Mention(i, i + len("Arkwell"), "PERSON"))
    out, _ = resolve_sources(text, [c1, c2], mentions=mentions)
    assert out[1].source_kind is SourceKind.ORGANIZATION
    assert out[1].source_entity == out[0].source_entity


# more of the same families, found on unseen FNC-1 bodies


def test_an_acronym_ending_in_s_is_no_plural_antecedent():
    text = (
        "The Dutch and Belgian governments said the border would stay open.\n"
        "Leaders of NATS met on Friday.\n"
        "They said flights would resume.\n"
    )
    c1 = _claim(text, "c1", "The Dutch and Belgian governments", "said", "the border")
    c2 = _claim(text, "c2", "They", "said", "flights would", after=text.index("Friday"))
    mentions = [_mention(text, "NATS", "ORG")]
    out, _ = resolve_sources(text, [c1, c2], mentions=mentions)
    assert out[0].source_kind is SourceKind.GOVERNMENT
    assert out[1].source_entity == out[0].source_entity


def test_a_medium_with_a_bare_determiner_names_no_institution():
    text = "The footage, posted by an unnamed account, showed the blast.\n"
    claim = _claim(text, "c1", "The footage, posted by an unnamed account,", "showed", "the blast")
    (out,), _ = resolve_sources(text, [claim])
    assert out.source_entity is None or out.source_entity.name != "The"
    from claimtrace.extract.sources import voice_institution

    assert voice_institution("The video") is None
    assert voice_institution("a Vodafone rep") == "Vodafone"


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("The Harrogate Mail", SourceKind.MEDIA),
        ("the Globe and Mail", SourceKind.MEDIA),
        ("The 34-year-old, from Leeds, West Yorkshire,", SourceKind.PERSON),
        ("U.S. Central Command", SourceKind.MILITARY),
    ],
)
def test_more_kind_words(source, kind):
    assert classify_kind(source) is kind


def test_a_spelled_out_rank_is_a_title_not_part_of_the_name():
    text = "Army spokesman Colonel Ruth Adair said the convoy was safe.\n"
    claim = _claim(text, "c1", "Army spokesman Colonel Ruth Adair", "said", "the convoy")
    mentions = [_mention(text, "Colonel Ruth Adair", "PERSON")]
    (out,), _ = resolve_sources(text, [claim], mentions=mentions)
    assert out.source_entity is not None and out.source_entity.name == "Ruth Adair"


def test_a_kind_of_people_is_no_family():
    text = (
        "The Regional Prosecutor's Office said the inquiry was open.\n"
        "Prosecutors said a suspect was held.\n"
    )
    c1 = _claim(text, "c1", "The Regional Prosecutor's Office", "said", "the inquiry")
    c2 = _claim(text, "c2", "Prosecutors", "said", "a suspect", after=text.index("\n"))
    out, _ = resolve_sources(text, [c1, c2])
    assert out[1].source_kind is SourceKind.GOVERNMENT


def test_a_surname_after_a_title_takes_the_full_name():
    text = "Justice Mara Quint heard the appeal.\nJustice Quint said the ruling would follow.\n"
    c1 = _claim(text, "c1", "Justice Mara Quint", "heard", "the appeal")
    c2 = _claim(text, "c2", "Justice Quint", "said", "the ruling", after=text.index("\n"))
    mentions = [_mention(text, "Mara Quint", "PERSON")]
    out, _ = resolve_sources(text, [c1, c2], mentions=mentions)
    assert out[1].source_entity is not None and out[1].source_entity.name == "Mara Quint"


def test_an_honorific_is_not_part_of_an_unknown_surname():
    entity = make_entity("Mr Okafor", SourceKind.PERSON)
    assert entity is not None and entity.name == "Okafor"


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("student newspaper The Regiment", "The Regiment"),
        ("the news site Brightwire", "Brightwire"),
    ],
)
def test_an_outlet_noun_before_a_name_gives_media(source, name):
    kind = classify_kind(source)
    assert kind is SourceKind.MEDIA
    entity = make_entity(source, kind)
    assert entity is not None and entity.name == name
