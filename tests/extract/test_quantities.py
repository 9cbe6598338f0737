"""Quantities on small hand-written news sentences (blank tokenizer unless stated)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from claimtrace.extract.quantities import extract_quantities
from claimtrace.model import Change, Qualifier


@pytest.fixture(scope="module")
def nlp():
    pipe = spacy.blank("en")
    pipe.add_pipe("sentencizer")
    return pipe


def quantities(nlp, text):
    return extract_quantities(nlp(text))


def only(nlp, text):
    found = quantities(nlp, text)
    assert len(found) == 1, [q.span.text for q in found]
    return found[0]


def test_counts_with_counted_noun_event_and_ids_in_text_order(nlp):
    found = quantities(
        nlp, "Police said 14 people were arrested after about 2,500 protesters marched downtown."
    )
    assert [q.id for q in found] == ["q1", "q2"]
    first, second = found
    assert (first.value, first.qualifier, first.counted, first.event) == (
        14,
        Qualifier.EXACT,
        "people",
        "arrested",
    )
    assert (second.value, second.qualifier, second.counted) == (
        2500,
        Qualifier.APPROX,
        "protesters",
    )
    assert second.span.text == "about 2,500 protesters"


def test_number_words_and_dozens(nlp):
    found = quantities(nlp, "Twenty-five villagers and two dozen soldiers were evacuated.")
    assert [(q.value, q.counted) for q in found] == [(25, "villagers"), (24, "soldiers")]
    assert only(nlp, "The council hired a dozen inspectors.").value == 12


def test_scaled_money_with_currencies(nlp):
    found = quantities(
        nlp, "The firm lost $1.5 million in the quarter and paid 12,000 euros in fines."
    )
    assert [(q.value, q.currency) for q in found] == [(1_500_000, "USD"), (12_000, "EUR")]
    assert only(nlp, "The budget is £2.3bn this year.").value == pytest.approx(2.3e9)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("At least 30 miners were trapped underground.", 30, Qualifier.AT_LEAST),
        ("More than 200 homes lost power overnight.", 200, Qualifier.MORE_THAN),
        ("The clinic reported fewer than 10 cases this week.", 10, Qualifier.LESS_THAN),
        ("The plant could employ up to 500 workers.", 500, Qualifier.AT_MOST),
        ("Turnout reached nearly 40 percent in the north.", 40, Qualifier.APPROX),
        ("Officers seized some 80 kilograms of cocaine.", 80, Qualifier.APPROX),
    ],
)
def test_qualifiers(nlp, text, value, qualifier):
    q = only(nlp, text)
    assert (q.value, q.qualifier) == (value, qualifier)


def test_ranges(nlp):
    between = only(nlp, "Between 1,000 and 1,200 refugees crossed the river.")
    assert (between.value, between.value_high, between.qualifier) == (1000, 1200, Qualifier.RANGE)
    dash = only(nlp, "Rescuers pulled 300-400 migrants from the sea.")
    assert (dash.value, dash.value_high) == (300, 400)
    words = only(nlp, "Five or six boats capsized near the coast.")
    assert (words.value, words.value_high, words.counted) == (5, 6, "boats")
    scaled = only(nlp, "The deal is worth $17 million to $19 million.")
    assert (scaled.value, scaled.value_high) == (17_000_000, 19_000_000)


def test_a_score_is_two_numbers_not_a_range(nlp):
    found = quantities(nlp, "The senate passed the bill in a 52-48 vote.")
    assert [q.value for q in found] == [52, 48]


def test_vague_plurals_are_lower_bounds(nlp):
    hundreds = only(nlp, "Hundreds of residents fled the fighting.")
    assert (hundreds.value, hundreds.qualifier, hundreds.vague, hundreds.counted) == (
        100,
        Qualifier.AT_LEAST,
        True,
        "residents",
    )
    assert only(nlp, "Tens of thousands of people rallied in the capital.").value == 10_000


def test_percentages_units_and_fractions(nlp):
    found = quantities(nlp, "Half of the voters backed the plan and 12% opposed it.")
    assert [(q.value, q.unit) for q in found] == [(0.5, "fraction"), (12, "percent")]
    assert only(nlp, "The storm dumped 30 inches of snow.").unit == "inch"
    assert only(nlp, "A third of the budget goes to defence.").value == pytest.approx(0.3333)
    twice = only(nlp, "Prices rose twice as fast as wages.")
    assert (twice.value, twice.unit) == (2, "times")


def test_dates_years_times_durations_ages_and_names_are_not_quantities(nlp):
    text = (
        "In 2019, the 45-year-old mayor flew to Geneva on March 3 at 9 a.m. for three weeks, "
        "taking Flight 202, and came back in the 1990s-style jet; Smith, 61, stayed."
    )
    assert quantities(nlp, text) == []


def test_one_as_pronoun_is_not_a_count_but_only_one_is(nlp):
    assert quantities(nlp, "One of the guards said no one had left.") == []
    assert only(nlp, "Only one ambulance reached the village.").value == 1


def test_change_direction(nlp):
    up = quantities(nlp, "Exports rose 4.5% to $2.3 billion from $2.2 billion.")
    assert [q.change for q in up] == [Change.UP, Change.UP, Change.UP]
    price, move = quantities(nlp, "Shares closed at $12, down 30 cents.")
    assert (price.value, price.change) == (12, None)
    assert (move.value, move.unit, move.change) == (30, "cents", Change.DOWN)


def test_spans_index_the_text(nlp):
    text = "Officials said at least 3,000 soldiers and nearly $4 million were sent."
    for q in quantities(nlp, text):
        assert text[q.span.start : q.span.end] == q.span.text


def test_counted_noun_and_event_from_a_parsed_doc():
    vocab = spacy.blank("en").vocab
    doc = Doc(
        vocab,
        words=["Storms", "destroyed", "40", "wooden", "homes", "."],
        pos=["NOUN", "VERB", "NUM", "ADJ", "NOUN", "PUNCT"],
        heads=[1, 1, 4, 4, 1, 1],
        deps=["nsubj", "ROOT", "nummod", "amod", "dobj", "punct"],
    )
    (q,) = extract_quantities(doc)
    assert (q.value, q.counted, q.modifiers, q.event) == (40, "homes", ("wooden",), "destroyed")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=99_999_999).filter(lambda n: not 1000 <= n <= 2100))
def test_any_comma_grouped_integer_reads_back(n):
    nlp = spacy.blank("en")
    text = f"Officials counted {n:,} ballots on Sunday."
    (q,) = extract_quantities(nlp(text))
    assert q.value == n
    assert q.counted == "ballots"
    assert text[q.span.start : q.span.end] == q.span.text


def test_values_carry_no_binary_rounding_noise(nlp):
    assert only(nlp, "Ortel had $4.1 billion in debt.").value == 4_100_000_000


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("Nexa is in advanced talks to buy Ortel for about $20 billion.", None),
        ("Revenue advanced 4% in the quarter.", Change.UP),
        ("The plan is to reduce emissions 80 percent by 2050.", Change.DOWN),
    ],
)
def test_a_change_word_describing_a_noun_is_no_change(nlp, text, change):
    assert only(nlp, text).change == change


def test_a_phrasal_event_keeps_its_particle(nlp):
    (q,) = quantities(nlp, "About 300 workers were laid off at the plant last month.")
    assert (q.value, q.counted, q.event) == (300, "workers", "laid off")


def test_the_particle_comes_from_the_parse_when_there_is_one():
    vocab = spacy.blank("en").vocab
    doc = Doc(
        vocab,
        words=["The", "firm", "laid", "off", "40", "workers", "."],
        pos=["DET", "NOUN", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
        heads=[1, 2, 2, 2, 5, 2, 2],
        deps=["det", "nsubj", "ROOT", "prt", "nummod", "dobj", "punct"],
    )
    (q,) = extract_quantities(doc)
    assert (q.counted, q.event) == ("workers", "laid off")


def test_a_quantity_with_its_unit_at_the_very_end_of_the_text():
    """A headline or tweet with no full stop: the unit is the Doc's last token."""
    nlp = spacy.blank("en")
    (q,) = extract_quantities(nlp("Storm dumps 60 mm"))
    assert (q.value, q.unit, q.span.text) == (60, "mm", "60 mm")
    (q,) = extract_quantities(nlp("River rises about 40 km"))
    assert (q.value, q.qualifier, q.unit) == (40, Qualifier.APPROX, "km")


def test_a_range_with_the_unit_on_both_sides():
    nlp = spacy.blank("en")
    (q,) = extract_quantities(nlp("Forecasters expect 40mm to 60mm on Saturday."))
    assert (q.value, q.value_high, q.qualifier, q.unit) == (40, 60, Qualifier.RANGE, "mm")
    first, second = extract_quantities(nlp("They walked 4 km and 9 miles."))
    assert (first.unit, second.unit, first.value_high) == ("km", "miles", None)


def test_british_spellings_and_named_currencies():
    nlp = spacy.blank("en")
    (q,) = extract_quantities(nlp("The water rose 30 centimetres overnight."))
    assert q.unit == "cm"
    (q,) = extract_quantities(nlp("The fine was 40 US dollars."))
    assert (q.value, q.currency) == (40, "USD")


#: number words, qualifiers, units and currencies, cut anywhere
_PHRASE_WORDS = (
    "the about some nearly between and to from up fell rose by of at least more than "
    "40 3,000 1.5 million a dozen hundreds $ 5 per cent percent mm km miles square "
    "US dollars euros troops people - – % , . said"
)
_WORDS = st.sampled_from(_PHRASE_WORDS.split())

_BLANK = spacy.blank("en")


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12))
@example(["fell", "40", "mm"])
@example(["40", "cent"])
@example(["between", "40", "km", "and", "60", "km"])
def test_any_run_of_number_words_cut_anywhere_is_read_without_error(words):
    """Texts cut mid-phrase (headlines, tweets, truncated feeds): every quantity found lies
    inside the text, and none raises."""
    text = " ".join(words)
    for q in extract_quantities(_BLANK(text)):
        assert text[q.span.start : q.span.end] == q.span.text


def test_a_passive_event_with_a_ud_particle():
    vocab = spacy.blank("en").vocab
    doc = Doc(
        vocab,
        words=["62", "drones", "were", "shot", "down", "."],
        pos=["NUM", "NOUN", "AUX", "VERB", "ADV", "PUNCT"],
        heads=[1, 3, 3, 3, 3, 3],
        deps=["nummod", "nsubj:pass", "aux:pass", "ROOT", "compound:prt", "punct"],
    )
    (q,) = extract_quantities(doc)
    assert (q.counted, q.event) == ("drones", "shot down")
