"""Session 9: the channel of a claim is found more often (addressees of "told", venues,
broadcasters, medium nouns), without taking content or scene-setting phrases."""

from __future__ import annotations

import pytest

from claimtrace.extract.sources import find_channel, resolve_sources
from tests.extract.test_sources import _claim


def _channel(sentence: str, cue: str, *, anchor: str | None = None) -> str | None:
    at = sentence.index(cue)
    start = sentence.index(anchor) if anchor else at
    found = find_channel(sentence, (0, len(sentence)), start, cue_end=at + len(cue))
    return found.text if found else None


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        # a named outlet or person, not only "The X" or an acronym
        ("The mayor told Reuters that the bridge would reopen.", "told Reuters"),
        ("A spokesman told POLITICO the vote was delayed.", "told POLITICO"),
        ("She told the Daily Herald on Friday that she would run.", "told the Daily Herald"),
        ("He told Jane Ross of Radio Nord, “We will win.”", "told Jane Ross of Radio Nord"),
        (
            "The envoy told Norway’s NRK television on Monday that talks failed.",
            "told Norway’s NRK television",
        ),
        (
            "The coach told CNN’s Morning Desk Tuesday that he would stay.",
            "told CNN’s Morning Desk",
        ),
        ("Analysts tell @marketdesk the merger is off.", "tell @marketdesk"),
        # a common-noun audience before a clause boundary
        ("Officials told local media in Lagos that the fire was out.", "told local media in Lagos"),
        ("The senator told delegates here that the race was close.", "told delegates"),
        ("The striker told a radio interviewer that he was tired.", "told a radio interviewer"),
        # the audiences of the lexicon need no boundary after them
        ("The minister told reporters outside the court the case was weak.", "told reporters"),
        # a month after the addressee is no place of it
        ("He told the Evening Post in March that he was innocent.", "told the Evening Post"),
        ("She told a crowd in Tampa Monday that she would win.", "told a crowd in Tampa"),
    ],
)
def test_the_addressee_of_told_is_the_channel(sentence, channel):
    cue = next(w for w in sentence.split() if w in ("told", "tell"))
    assert _channel(sentence, cue) == channel


@pytest.mark.parametrize(
    "sentence",
    [
        "He told them the deal was off.",  # a pronoun names no audience
        "He told the story of the flood in detail.",  # narrated, nobody addressed
        "The candidate told a joke.",
        "She told friends the house was sold.",  # no boundary: "friends the house ..."
    ],
)
def test_told_without_a_named_audience_has_no_channel(sentence):
    assert _channel(sentence, "told") is None


def test_a_passive_told_addresses_nobody():
    sentence = "When told Ortiz had resigned, the mayor said she was surprised."
    assert _channel(sentence, "said", anchor="the mayor") is None


@pytest.mark.parametrize(
    ("sentence", "cue", "channel"),
    [
        (
            "The opposition leader declared in Parliament that the budget was illegal.",
            "declared",
            "Parliament",
        ),
        (
            "The driver admitted in federal court that he had been drinking.",
            "admitted",
            "federal court",
        ),
        (
            "The director testified before Congress that the agency was ready.",
            "testified",
            "Congress",
        ),
        ("The governors went before reporters to denounce the plan.", "went", "reporters"),
    ],
)
def test_a_venue_of_the_statement_is_the_channel(sentence, cue, channel):
    assert _channel(sentence, cue) == channel


def test_a_scene_before_the_source_is_no_venue():
    sentence = "In Parliament the Green Party accused the government of lying."
    assert _channel(sentence, "accused", anchor="the Green Party") is None


@pytest.mark.parametrize(
    ("sentence", "cue", "channel"),
    [
        ("The senator said on CNN that the bill would pass.", "said", "CNN"),
        ("The candidate appeared on Fox News to deny the report.", "appeared", "Fox News"),
        ("She said on ABC’s This Week that taxes would rise.", "said", "ABC’s This Week"),
        ("He went on national television claiming he was innocent.", "went", "national television"),
        (
            "The newspaper reported on its website that the mayor had died.",
            "reported",
            "its website",
        ),
        ("She wrote in her memoir that the war was lost.", "wrote", "her memoir"),
        ("The company said in a lawsuit that the patent was stolen.", "said", "a lawsuit"),
    ],
)
def test_a_broadcaster_or_medium_is_the_channel(sentence, cue, channel):
    assert _channel(sentence, cue) == channel


def test_a_medium_inside_the_content_is_no_channel():
    text = "The manager said the meeting was held on Facebook’s campus."
    claim = _claim(text, "c1", "The manager", "said", "the meeting was held on Facebook’s campus")
    out, _ = resolve_sources(text, [claim])
    assert out[0].channel is None


def test_a_channel_taken_for_the_content_is_still_the_channel():
    # the quote before is the real content; the tagger took the channel phrase instead
    text = "“We will win.” The mayor said at a rally in Ohio."
    claim = _claim(text, "c1", "The mayor", "said", "at a rally in Ohio")
    out, _ = resolve_sources(text, [claim])
    assert out[0].channel is not None and out[0].channel.text == "a rally in Ohio"


def test_a_relayed_report_keeps_the_channel_of_its_origin():
    text = "Ana Ruiz confirmed in court that she had lied, the Gazette reported."
    inner = _claim(text, "c1", "Ana Ruiz", "confirmed", "that she had lied")
    outer = _claim(
        text, "c2", "the Gazette", "reported", "Ana Ruiz confirmed in court that she had lied"
    )
    out, _ = resolve_sources(text, [inner, outer])
    gazette = next(c for c in out if c.id == "c2")
    assert [link.source[0].text for link in gazette.via] == ["Ana Ruiz"]
    assert gazette.channel is not None and gazette.channel.text == "court"


def test_a_medium_in_the_source_relative_clause_is_no_channel():
    text = "Ann Lee, who worked with him on the book, said in an interview that it failed."
    claim = _claim(text, "c1", "Ann Lee", "said", "that it failed")
    out, _ = resolve_sources(text, [claim])
    assert out[0].channel is not None and out[0].channel.text == "an interview"


def test_a_channel_after_an_inverted_source_counts_from_the_source_end():
    text = "The flood hit the valley, wrote local historian Maria Campos, a farmer, on Facebook."
    claim = _claim(
        text, "c1", "local historian Maria Campos, a farmer", "wrote", "The flood hit the valley"
    )
    out, _ = resolve_sources(text, [claim])
    assert out[0].channel is not None and out[0].channel.text == "Facebook"


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        (
            "The economist argued in an op-ed in The Daily Courier that rates should fall.",
            "an op-ed in The Daily Courier",
        ),
        (
            "The governor wrote in a letter to lawmakers that the budget was balanced.",
            "a letter to lawmakers",
        ),
        ("The host said on his radio program that the vote was rigged.", "his radio program"),
        ("The singer said on Jimmy Kimmel’s show that she would tour.", "Jimmy Kimmel’s show"),
        ("The minister said in a statement on Monday that talks failed.", "a statement"),
        (
            "The aide wrote in an email to Mrs. Ortega that the plan failed.",
            "an email to Mrs. Ortega",
        ),
    ],
)
def test_the_longest_medium_with_its_outlet_or_audience(sentence, channel):
    assert _channel(sentence, sentence.split()[2]) == channel


def test_a_medium_opening_the_sentence_frames_its_main_clause():
    text = (
        "In a statement released hours after the vote was counted, the mayor said the "
        "result was fair."
    )
    claim = _claim(text, "c1", "the mayor", "said", "the result was fair")
    out, _ = resolve_sources(text, [claim])
    assert out[0].channel is not None and out[0].channel.text == "a statement"


def test_an_opening_medium_of_another_clause_is_not_taken():
    text = (
        "In a statement released after the governor said he would quit, the mayor argued "
        "the city was calm."
    )
    claim = _claim(text, "c1", "the governor", "said", "he would quit")
    out, _ = resolve_sources(text, [claim])
    assert out[0].channel is None
