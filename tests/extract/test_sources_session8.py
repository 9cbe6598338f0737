"""Session-8 source resolution: the office stated with a person's name carries over to
later mentions, and more kind words of English news. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimtrace.extract.sources import Mention, classify_kind, resolve_sources
from claimtrace.model import Claim, SourceKind, Span


def _claim(text: str, cid: str, source: str, cue: str, content: str, after: int = 0) -> Claim:
    def sp(sub: str) -> Span:
        i = text.index(sub, after)
        return Span.of(text, i, i + len(sub))

    return Claim(id=cid, source=(sp(source),), cue=(sp(cue),), content=(sp(content),))


def _person(text: str, name: str) -> Mention:
    i = text.index(name)
    return Mention(i, i + len(name), "PERSON")


@pytest.mark.parametrize(
    ("intro", "name", "kind"),
    [
        (
            "The plan was unveiled by Transport Secretary Helen Marsh on Monday.",
            "Helen Marsh",
            SourceKind.GOVERNMENT,
        ),
        (
            "Reporters spoke with Sen. Oscar Delgado about the vote.",
            "Oscar Delgado",
            SourceKind.GOVERNMENT,
        ),
        (
            "The figures came from Leeds police spokesperson Dan Rowe.",
            "Dan Rowe",
            SourceKind.GOVERNMENT,
        ),
        (
            "The report was read by Reuters correspondent Ana Beltran.",
            "Ana Beltran",
            SourceKind.MEDIA,
        ),
    ],
)
def test_a_surname_takes_the_office_stated_before_the_full_name(intro, name, kind):
    surname = name.split()[-1]
    text = f"{intro}\n{surname} said the decision would stand.\n"
    claim = _claim(text, "c1", surname, "said", "the decision would stand", after=len(intro))
    (out,), _ = resolve_sources(text, [claim], mentions=[_person(text, name)])
    assert out.source_entity is not None and out.source_entity.name == name
    assert out.source_kind is kind


def test_an_office_in_apposition_after_the_name_carries_over():
    intro = "Lena Ortiz, president of the Harbour Rowing Club, opened the season."
    text = f"{intro}\nOrtiz said the boats were ready.\n"
    claim = _claim(text, "c1", "Ortiz", "said", "the boats were ready", after=len(intro))
    (out,), _ = resolve_sources(text, [claim], mentions=[_person(text, "Lena Ortiz")])
    assert out.source_kind is SourceKind.ORGANIZATION


@pytest.mark.parametrize(
    "intro",
    [
        "Police arrested Tom Hale on Friday.",  # a verb before the name is no title
        "The award went to Tom Hale.",
        "The station spoke to the police. Tom Hale was not there.",  # another sentence
    ],
)
def test_no_office_without_a_title_next_to_the_name(intro):
    text = f"{intro}\nHale said he was innocent.\n"
    claim = _claim(text, "c1", "Hale", "said", "he was innocent", after=len(intro))
    (out,), _ = resolve_sources(text, [claim], mentions=[_person(text, "Tom Hale")])
    assert out.source_kind is SourceKind.PERSON


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("the Denver Post", SourceKind.MEDIA),  # a masthead name
        ("Sydney Morning Herald", SourceKind.MEDIA),
        ("Morning show cohost Jill Park", SourceKind.MEDIA),
        ("radio host Sam Drake", SourceKind.MEDIA),
        ("Investigators", SourceKind.ANONYMOUS),  # unnamed people, like "officials"
        ("Some", SourceKind.ANONYMOUS),
        ("Conservation groups", SourceKind.ORGANIZATION),
        ("two companies", SourceKind.ORGANIZATION),
    ],
)
def test_session8_kind_words(mention, kind):
    assert classify_kind(mention) is kind


@pytest.mark.parametrize("mention", ["He called three times", "a neighbour who read the post"])
def test_lower_case_masthead_words_are_no_outlet(mention):
    assert classify_kind(mention) is not SourceKind.MEDIA


def test_an_outlet_the_source_spoke_to_is_the_channel_not_the_source():
    text = "“The water rose fast,” said farmer Joe Kamau to Reuters.\n"
    claim = _claim(text, "c1", "farmer Joe Kamau to Reuters", "said", "The water rose fast")
    (out,), _ = resolve_sources(text, [claim], mentions=[_person(text, "Joe Kamau")])
    assert out.source[0].text == "farmer Joe Kamau"
    assert out.channel is not None and out.channel.text == "Reuters"
    assert out.source_kind is SourceKind.PERSON


def test_a_name_holding_to_is_not_split():
    text = "“Two were held,” said a member of the Committee to Protect Journalists.\n"
    source = "a member of the Committee to Protect Journalists"
    claim = _claim(text, "c1", source, "said", "Two were held")
    (out,), _ = resolve_sources(text, [claim])
    assert out.source[0].text == source
    assert out.channel is None


def test_the_government_is_not_the_officials_of_its_country():
    text = (
        "Chilean government officials said talks had begun.\n"
        "Later the Chilean government announced a truce.\n"
    )
    claims = [
        _claim(text, "c1", "Chilean government officials", "said", "talks had begun"),
        _claim(text, "c2", "the Chilean government", "announced", "a truce"),
    ]
    out, _ = resolve_sources(text, claims)
    assert out[0].source_kind is SourceKind.ANONYMOUS
    assert out[1].source_kind is SourceKind.GOVERNMENT
    assert out[1].source_entity is not None and out[1].source_entity.id == "chile/government"
