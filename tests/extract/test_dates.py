"""TIMEX3 tagging and normalisation, on sentences written for these tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrace.extract.dates import (
    TextSentences,
    _sentence_bounds,
    duration_value,
    find_timexes,
    iso_week,
    said_on_for,
)
from claimtrace.model import Claim, Span, TimexType
from claimtrace.nlp.extensions import register_extensions

# Wednesday 6 March 2024 (ISO week 10)
ANCHOR = dt.date(2024, 3, 6)


def one(text: str, anchor: dt.date | None = ANCHOR):
    found = find_timexes(text, anchor=anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "typ", "value"),
    [
        ("The mayor spoke on Monday about the budget.", "Monday", "DATE", "2024-03-04"),
        ("The board met last week in private.", "last week", "DATE", "2024-W09"),
        ("Prices rose earlier this week, traders said.", "earlier this week", "DATE", "2024-W10"),
        ("The factory closed two years ago.", "two years ago", "DATE", "2022"),
        ("The vote was held in June.", "June", "DATE", "2023-06"),
        ("The bridge reopened on January 12, 2021.", "January 12, 2021", "DATE", "2021-01-12"),
        ("Talks resume next month in Geneva.", "next month", "DATE", "2024-04"),
        ("Sales will fall in the third quarter.", "the third quarter", "DATE", "2024-Q3"),
        ("The strike lasted several weeks.", "several weeks", "DURATION", "PXW"),
        ("The trial lasted the past two months.", "the past two months", "DURATION", "P2M"),
        (
            "The market opens at 9:30 a.m. tomorrow.",
            "9:30 a.m. tomorrow",
            "TIME",
            "2024-03-07T09:30",
        ),
        ("Inspectors visit every week.", "every week", "SET", "P1W"),
        ("Harvests were poor last summer.", "last summer", "DATE", "2023-SU"),
        ("Housing boomed in the 1990s.", "the 1990s", "DATE", "199"),
        ("Officials met yesterday.", "yesterday", "DATE", "2024-03-05"),
        ("The law is now in force.", "now", "DATE", "PRESENT_REF"),
    ],
)
def test_recognises_and_normalises(text: str, span: str, typ: str, value: str) -> None:
    tx = one(text)
    assert tx.span.text == span
    assert tx.span.text == text[tx.span.start : tx.span.end]
    assert tx.type is TimexType(typ)
    assert tx.value == value


def test_since_early_month_has_mod_start() -> None:
    tx = one("Fighting has continued since early August.")
    assert (tx.span.text, tx.value, tx.mod) == ("early August", "2023-08", "START")


def test_future_context_picks_the_coming_weekday() -> None:
    tx = one("The committee will vote on Friday.")
    assert tx.value == "2024-03-08"


def test_without_publication_date_relative_values_stay_unresolved() -> None:
    found = find_timexes("Last week the council met, and on 3 May 2022 it voted.", anchor=None)
    assert [t.span.text for t in found] == ["Last week", "3 May 2022"]
    assert found[0].value is None  # relative: never guessed
    assert found[1].value == "2022-05-03"  # absolute: still known


def test_ids_follow_text_order() -> None:
    found = find_timexes("On Tuesday and again on Thursday the pumps failed.", anchor=ANCHOR)
    assert [t.id for t in found] == ["t1", "t2"]
    assert [t.span.text for t in found] == ["Tuesday", "Thursday"]


def test_day_after_counts_back_from_the_previous_date() -> None:
    found = find_timexes(
        "The report appeared on Tuesday. It came a day after the minister resigned.",
        anchor=ANCHOR,
    )
    assert [(t.span.text, t.value) for t in found] == [
        ("Tuesday", "2024-03-05"),
        ("a day after", "2024-03-04"),
    ]


def test_modal_may_is_not_a_month() -> None:
    assert find_timexes("Officials may resign, and the march went ahead.", anchor=ANCHOR) == []


def test_amounts_are_not_years() -> None:
    assert find_timexes("The plant employs 1990 people.", anchor=ANCHOR) == []


def test_helpers() -> None:
    assert iso_week(dt.date(2024, 10, 17)) == "2024-W42"
    assert duration_value(3, "months") == "P3M"
    assert duration_value(None, "hours") == "PTXH"
    assert duration_value(0.5, "year") == "P6M"


def _claim(text: str, cue: str, content: str) -> Claim:
    c0 = text.index(cue)
    k0 = text.index(content)
    return Claim(
        id="c1",
        source=(),
        cue=(Span.of(text, c0, c0 + len(cue)),),
        content=(Span.of(text, k0, k0 + len(content)),),
    )


def test_said_on_takes_the_date_of_the_cue_clause() -> None:
    text = "The ministry wrote in a statement on Monday that the dam failed in June."
    claim = _claim(text, "wrote", "the dam failed in June")
    timexes = find_timexes(text, anchor=ANCHOR)
    assert said_on_for(claim, timexes, text) == "2024-03-04"


def test_said_on_sentence_initial_date() -> None:
    text = "Last week, local media cited police as saying the road was closed."
    claim = _claim(text, "cited", "the road was closed")
    assert said_on_for(claim, find_timexes(text, anchor=ANCHOR), text) == "2024-W09"


def test_said_on_is_none_without_a_date() -> None:
    text = "The ministry said the dam failed in June."
    claim = _claim(text, "said", "the dam failed in June")
    assert said_on_for(claim, find_timexes(text, anchor=ANCHOR), text) is None


def test_said_on_is_none_for_a_date_far_from_cue_and_source() -> None:
    text = (
        "Nexa is in advanced talks to acquire Ortel for about $20 billion, according to "
        "people familiar with the matter, in what would be the industry's largest deal this year."
    )
    claim = _claim(text, "according to", "Nexa is in advanced talks to acquire Ortel")
    source = text.index("people familiar with the matter")
    claim = dataclasses.replace(claim, source=(Span.of(text, source, source + 31),))
    assert said_on_for(claim, find_timexes(text, anchor=ANCHOR), text) is None


def test_dates_component_reads_the_publication_date() -> None:
    import claimtrace.nlp.factories  # noqa: F401

    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("claimtrace_dates")
    doc = nlp.make_doc("Shares fell yesterday.")
    doc._.ct_meta = {"published": "2024-03-06"}
    doc = nlp(doc)
    assert [(t.span.text, t.value) for t in doc._.ct_timexes] == [("yesterday", "2024-03-05")]


def test_said_on_leaves_a_date_to_the_nearer_cue() -> None:
    text = "The company has denied the leak, first reported last week by a trade paper."
    denied = _claim(text, "has denied", "the leak")
    reported = _claim(text, "reported", "the leak")
    timexes = find_timexes(text, anchor=ANCHOR)
    assert said_on_for(reported, timexes, text, others=[denied, reported]) == "2024-W09"
    assert said_on_for(denied, timexes, text, others=[denied, reported]) is None


def test_said_on_ignores_dates_beyond_the_content() -> None:
    text = "The report noted that the plant had closed, where strikes began in early May."
    claim = _claim(text, "noted", "the plant had closed")
    assert said_on_for(claim, find_timexes(text, anchor=ANCHOR), text) is None


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        ("Prices rose late last year.", "late last year", "2023", "END"),
        ("They met this past weekend.", "this past weekend", "2024-W09-WE", None),
        ("Growth slowed in the first half of 2022.", "the first half of 2022", "2022-H1", None),
        ("He left earlier today.", "earlier today", "2024-03-06", None),
        ("Rates peaked in June last year.", "June last year", "2023-06", None),
    ],
)
def test_compound_expressions(text: str, span: str, value: str, mod: str | None) -> None:
    tx = one(text)
    assert (tx.span.text, tx.value, tx.mod) == (span, value, mod)


def test_anaphoric_days_and_years_count_from_the_previous_date() -> None:
    found = find_timexes(
        "The bridge closed on Monday and reopened the next day. The mine opened in 1990 "
        "and closed the following year.",
        anchor=ANCHOR,
    )
    assert [(t.span.text, t.value) for t in found] == [
        ("Monday", "2024-03-04"),
        ("the next day", "2024-03-05"),
        ("1990", "1990"),
        ("the following year", "1991"),
    ]
    alone = find_timexes("He called that day.", anchor=ANCHOR)
    assert [(t.span.text, t.value) for t in alone] == [("that day", None)]


# --------------------------------------------------------------------------- sentence breaks


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=".!?\"”’' \n\nAb0", max_size=40))
def test_text_sentences_agree_with_a_fresh_scan(text: str) -> None:
    sentences = TextSentences(text)
    for offset in range(len(text) + 1):
        assert sentences.bounds(offset) == _sentence_bounds(text, offset)


def test_text_sentences_find_the_sentence_of_an_offset() -> None:
    text = 'He spoke. "Yes," she said.\n\nThen 3 more came!'
    sentences = TextSentences(text)
    assert text[slice(*sentences.bounds(text.index("she")))] == '"Yes," she said.'
    assert text[slice(*sentences.bounds(0))] == "He spoke."
    assert text[slice(*sentences.bounds(text.index("more")))] == "Then 3 more came!"


# --------------------------------------------------------------------------- clause tense


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the modal governs the month even when a passive participle stands nearer to it
        ("She will be named commander of the shuttle for a mission in December.", "2024-12"),
        # a past verb after the month dates it backwards when no verb precedes it
        ("In May, the company brought in a new chief executive.", "2023-05"),
        ("The talks are supposed to conclude by September.", "2024-09"),
        # a closing expected in a month to come
        ("The sale, which is expected in October, needs approval.", "2024-10"),
    ],
)
def test_clause_tense_resolves_a_bare_month(text: str, value: str) -> None:
    found = [t for t in find_timexes(text, anchor=ANCHOR) if t.type is TimexType.DATE]
    assert [t.value for t in found] == [value]


def test_clause_tense_cues() -> None:
    from claimtrace.extract.timex_rules import clause_tense

    def tense(text: str, target: str) -> str | None:
        i = text.index(target)
        return clause_tense(text, i, i + len(target))

    assert tense("The king met Bush on Monday.", "Monday") == "past"
    assert tense("The monarch will meet Bush on Thursday in Maine.", "Thursday") == "future"
    # the clause ends at the full stop: the previous sentence's verb does not count
    assert tense("Prices rose. Delivery in June is likely.", "June") is None
    # "until"/"through" + date: a past verb does not put the end point in the past; the
    # nearest such date is taken
    assert tense("The bank extended the loans through January.", "January") == "near"


def test_clause_tense_near_present_and_modal_cues() -> None:
    from claimtrace.extract.timex_rules import clause_tense

    def tense(text: str, target: str) -> str | None:
        i = text.index(target)
        return clause_tense(text, i, i + len(target))

    # a future seen from the past ("would", "planned to") says nothing about the direction
    assert tense("She said the board would meet on Friday.", "Friday") == "near"
    assert tense("The team planned to leave Rome on Thursday.", "Thursday") == "near"
    # "as soon as" is the earliest of what is still to come
    assert tense("The group had said it was ready to go as soon as Tuesday.", "Tuesday") == (
        "future"
    )
    # "can"/"may" look forward; the capitalised month "May" is not a modal
    assert tense("Members can take part in the summit in April.", "April") == "future"
    assert tense("Prices fell in May and June.", "June") == "past"
    # a participle after "is" is a present passive, not a past form
    assert tense("The relatives signed a deal, and the case is heard in May.", "May") is None


def test_deadlines_and_future_in_the_past_take_the_nearest_date() -> None:
    # published on Monday 2000-04-03
    monday = dt.date(2000, 4, 3)

    def values(text: str) -> list[tuple[str, str | None]]:
        return [(t.span.text, t.value) for t in find_timexes(text, anchor=monday)]

    assert values("The agency extended its deadline until 9 a.m. Tuesday.") == [
        ("9 a.m. Tuesday", "2000-04-04T09:00")
    ]
    assert values("The father said he could travel as soon as Wednesday.") == [
        ("Wednesday", "2000-04-05")
    ]
    # "would" on a past day: the nearer Saturday is two days back
    assert values("Officials said the talks would end on Saturday.") == [("Saturday", "2000-04-01")]
    # published on 2000-01-15: "by Jan. 14" is the day before, not a year later
    later = find_timexes(
        "They said they would return the boy by Jan. 14.", anchor=dt.date(2000, 1, 15)
    )
    assert [(t.span.text, t.value) for t in later] == [("Jan. 14", "2000-01-14")]
    # published in October: "by February" is the coming one
    oct_ = find_timexes(
        "The plan is to pay down the loan by February.", anchor=dt.date(1989, 10, 30)
    )
    assert [(t.span.text, t.value) for t in oct_] == [("February", "1990-02")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Net rose 5% from $3 million for the quarter a year ago.", "the quarter a year ago"),
        (
            "Net rose 5% from $3 million for the corresponding period last year.",
            "the corresponding period last year",
        ),
        ("Sales for last year's quarter were about $3 million.", "last year's quarter"),
    ],
)
def test_the_quarter_a_year_ago_is_one_date(text: str, span: str) -> None:
    # published on 1 November 1989: the quarter reported on is 1989-Q3, a year earlier 1988-Q3
    found = find_timexes(text, anchor=dt.date(1989, 11, 1))
    assert [(t.span.text, t.type, t.value) for t in found] == [(span, TimexType.DATE, "1988-Q3")]


def test_next_month_in_a_past_clause_is_the_coming_one() -> None:
    # published in August 1990: the month right after is still to come ...
    aug = dt.date(1990, 8, 16)
    found = find_timexes("The ministry told buyers of a cutback in September.", anchor=aug)
    assert [(t.span.text, t.value) for t in found] == [("September", "1990-09")]
    # ... while a month two or more ahead in a past clause is last year's
    found = find_timexes("The plant was closed in October.", anchor=aug)
    assert [(t.span.text, t.value) for t in found] == [("October", "1989-10")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The deal should close by year-end.", "year-end"),
        ("Rules should be in place by year's end.", "year's end"),
        ("Jobs will be cut by the end of the year.", "the end of the year"),
    ],
)
def test_year_end_is_the_year_with_mod_end(text: str, span: str) -> None:
    tx = one(text)
    assert (tx.span.text, tx.type, tx.value, tx.mod) == (span, TimexType.DATE, "2024", "END")


def test_since_year_end_is_the_close_of_last_year() -> None:
    tx = one("The index has gained 9% since year-end.")
    assert (tx.span.text, tx.value, tx.mod) == ("year-end", "2023-12-31", None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # written in March 2024: the February just gone would be "last month"
        ("The storm hit the coast last February.", "2023-02"),
        ("The storm hit the coast last March.", "2023-03"),
        ("The storm hit the coast last January.", "2024-01"),
        ("The storm hit the coast last December.", "2023-12"),
    ],
)
def test_last_month_name_just_gone_is_a_year_back(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "span", "typ", "value"),
    [
        ("The notes will be repaid in three years.", "three years", "DATE", "2027"),
        ("The bridge would reopen in two months.", "two months", "DATE", "2024-05"),
        ("Tickets go on sale in ten days, they will say.", "ten days", "DATE", "2024-03-16"),
        ("We may, in a year or two, see results.", "a year or two", "DATE", "FUTURE_REF"),
        # a past clause, "within", "the next", or the "first ... in" of a comparison
        ("The notes were repaid in three years.", "three years", "DURATION", "P3Y"),
        ("The notes will be repaid within three years.", "three years", "DURATION", "P3Y"),
        ("It will be the first rise in five years.", "five years", "DURATION", "P5Y"),
        ("Rates will rise in the next two years.", "the next two years", "DURATION", "P2Y"),
    ],
)
def test_in_units_to_come_is_a_date(text: str, span: str, typ: str, value: str) -> None:
    tx = one(text)
    assert (tx.span.text, str(tx.type), tx.value) == (span, typ, value)


def test_hyphenated_fiscal_quarter() -> None:
    # said in March 2024, in the past tense: a second quarter already reported is 2023's
    tx = one("Sales grew in the fiscal-second quarter, the retailer said.")
    assert (tx.span.text, tx.value) == ("the fiscal-second quarter", "2023-Q2")
    assert one("Sales will grow in the fiscal-first quarter.").value == "2024-Q1"


def test_the_latest_fiscal_year_is_the_last_one_closed() -> None:
    tx = one("Exports made up a third of its sales in the latest fiscal year.")
    assert (tx.span.text, tx.type, tx.value) == ("the latest fiscal year", TimexType.DATE, "2023")
    found = find_timexes("Sales rose 4% in the latest fiscal year ended May 31.", anchor=ANCHOR)
    assert [(t.span.text, t.type, t.value) for t in found] == [
        ("the latest fiscal year", TimexType.DURATION, "P1Y"),
        ("May 31", TimexType.DATE, "2023-05-31"),
    ]


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        (
            "Orders slowed in the second half of the year.",
            "the second half of the year",
            "2024-H2",
            None,
        ),
        (
            "Output doubled in the first half of the 1970s.",
            "the first half of the 1970s",
            "197",
            "START",
        ),
        ("Growth stalled in the last half of the '90s.", "the last half of the '90s", "199", "END"),
    ],
)
def test_half_of_a_year_or_decade(text: str, span: str, value: str, mod: str | None) -> None:
    tx = one(text)
    assert (tx.span.text, tx.value, tx.mod) == (span, value, mod)


@pytest.mark.parametrize(
    ("text", "span", "mod"),
    [
        ("The mine will not reopen until 2027 or later.", "2027 or later", "ON_OR_AFTER"),
        ("The plan sets targets for 2026 and beyond.", "2026 and beyond", "ON_OR_AFTER"),
        ("Most of the graves date from 1850 or earlier.", "1850 or earlier", "ON_OR_BEFORE"),
    ],
)
def test_open_end_after_a_date_is_in_its_extent(text: str, span: str, mod: str) -> None:
    tx = one(text)
    assert (tx.span.text, tx.type, tx.mod) == (span, TimexType.DATE, mod)


@pytest.mark.parametrize(
    ("text", "typ", "value"),
    [
        ("Fares have risen in the last few months.", "DATE", "PAST_REF"),
        ("Demand sagged over the past several quarters.", "DATE", "PAST_REF"),
        ("For the past few weeks we have waited.", "DURATION", "PXW"),
        ("Talks will go on over the next few days.", "DURATION", "PXD"),
    ],
)
def test_in_the_last_few_units_is_past_ref(text: str, typ: str, value: str) -> None:
    tx = one(text)
    assert (str(tx.type), tx.value) == (typ, value)


def test_future_before_a_plural_unit_is_future_ref() -> None:
    tx = one("The credit will lower its taxes in future years.")
    assert (tx.span.text, tx.type, tx.value) == ("future years", TimexType.DATE, "FUTURE_REF")
    assert find_timexes("The credit will lower its future taxes.", anchor=ANCHOR) == []


@pytest.mark.parametrize(
    "text", ["The crew will stay for a fairly lengthy period.", "Prices fell over a long period."]
)
def test_a_long_period_is_a_vague_duration(text: str) -> None:
    tx = one(text)
    assert (tx.type, tx.value) == (TimexType.DURATION, "PXX")
    assert tx.span.text.endswith("period")


def test_the_past_week_is_the_iso_week_of_most_of_its_days() -> None:
    friday = dt.date(2024, 3, 8)  # ISO week 10: the seven days up to it are mostly in it
    tx = one("Prices have been rising for the past week.", anchor=friday)
    assert (tx.span.text, tx.value) == ("the past week", "2024-W10")
    tx = one("Prices have been rising for the last week.", anchor=dt.date(2024, 3, 5))
    assert tx.value == "2024-W09"  # a Tuesday: most of the seven days were last week
    assert one("Prices rose last week.", anchor=friday).value == "2024-W09"


def test_a_quarter_is_named_by_the_year_of_its_end_date() -> None:
    # written 6 March 2024: "ended March 31" is already past, so it is 2023's
    found = find_timexes("It lost $2 million in the third quarter ended March 31.", anchor=ANCHOR)
    assert [(t.span.text, t.value) for t in found] == [
        ("the third quarter", "2023-Q3"),
        ("March 31", "2023-03-31"),
    ]
    found = find_timexes("Sales rose in the fourth quarter ended Jan. 31.", anchor=ANCHOR)
    assert found[0].value == "2024-Q4"


def test_a_quarter_of_the_whole_is_a_fraction() -> None:
    assert find_timexes("Banks hold more than a quarter of the debt.", anchor=ANCHOR) == []
    assert find_timexes("Exports are a quarter of its sales.", anchor=ANCHOR) == []
    tx = one("Sales fell for a quarter, then recovered.")
    assert (tx.span.text, tx.value) == ("a quarter", "P1Q")


def test_past_tense_quarter_not_yet_begun_is_last_years() -> None:
    # said in March 2024: a fourth quarter already reported on is 2023's
    tx = one("The company announced a drop in profits for the fourth quarter.")
    assert (tx.span.text, tx.value) == ("the fourth quarter", "2023-Q4")


# --------------------------------------------------------------------------- anaphora


def test_the_following_month_counts_from_the_texts_last_month() -> None:
    found = find_timexes(
        "In March 2021 a group urged a sale. The following month, the company put itself up "
        "for sale.",
        anchor=ANCHOR,
    )
    assert [(t.span.text, t.value) for t in found] == [
        ("March 2021", "2021-03"),
        ("The following month", "2021-04"),
    ]


def test_the_previous_weekday_counts_from_the_texts_last_day() -> None:
    # Friday 1 March 2024 is the text's reference day; the Friday before it is 23 February
    found = find_timexes(
        "The index closed down on Friday, 4.5% lower than the previous Friday.", anchor=ANCHOR
    )
    assert [(t.span.text, t.value) for t in found] == [
        ("Friday", "2024-03-01"),
        ("the previous Friday", "2024-02-23"),
    ]


def test_anaphoric_expression_without_antecedent_counts_from_publication_date() -> None:
    tx = one("The following week, talks resume.")
    assert (tx.span.text, tx.value) == ("The following week", "2024-W11")


@pytest.mark.parametrize(
    ("text", "span", "typ", "value", "mod"),
    [
        # a fiscal year named by its closing date is a stretch of one year
        ("Revenue was $9 million for the year ended June 30.", "the year", "DURATION", "P1Y", None),
        (
            "Sales rose in the fiscal year ended Jan. 31.",
            "the fiscal year",
            "DURATION",
            "P1Y",
            None,
        ),
        # otherwise "the year/week" is the one of the publication date
        ("For the week, the index dropped 3.8%.", "the week", "DATE", "2024-W10", None),
        ("The goal is a cut by the end of the year.", "the end of the year", "DATE", "2024", "END"),
    ],
)
def test_the_unit(text: str, span: str, typ: str, value: str, mod: str | None) -> None:
    found = [t for t in find_timexes(text, anchor=ANCHOR) if t.span.text == span]
    assert [(t.type, t.value, t.mod) for t in found] == [(TimexType(typ), value, mod)]


@pytest.mark.parametrize(
    ("text", "span", "typ", "value"),
    [
        ("The ad ran for a minute and a half.", "a minute and a half", "DURATION", "PT1M30S"),
        ("The meeting lasted an hour and a half.", "an hour and a half", "DURATION", "PT1H30M"),
        # a range is one expression
        ("Shipments resume within two to three weeks.", "two to three weeks", "DURATION", "P2W"),
        (
            "Prices may rise over the next two years or so.",
            "the next two years or so",
            "DURATION",
            "P2Y",
        ),
        # bare plural units: an unknown number of them
        ("Troops will arrive within weeks.", "weeks", "DURATION", "PXW"),
        ("Sales grew for the first time in years.", "years", "DURATION", "PXY"),
        ("Over the years the plan changed.", "the years", "DURATION", "PXY"),
        # centuries and spelled decades (TimeML: "19", "199")
        ("It is a 20th century idea.", "20th century", "DATE", "19"),
        # (the article belongs to "temple", as "a" to "idea" above)
        ("Visitors flock to the 11th-century temple.", "11th-century", "DATE", "10"),
        ("Numbers dropped through the nineties.", "the nineties", "DATE", "199"),
        ("Growth in the twenties has been slow.", "the twenties", "DATE", "202"),
    ],
)
def test_durations_ranges_and_centuries(text: str, span: str, typ: str, value: str) -> None:
    tx = one(text)
    assert (tx.span.text, tx.type, tx.value) == (span, TimexType(typ), value)


@pytest.mark.parametrize(
    ("text", "span", "typ", "value"),
    [
        ("Rates may fall in coming weeks.", "coming weeks", "DURATION", "PXW"),
        (
            "Insurance has been a tough business in recent quarters.",
            "recent quarters",
            "DURATION",
            "PXQ",
        ),
        ("Funds face pressure in the months ahead.", "the months ahead", "DURATION", "PXM"),
        ("We see challenges in the near term.", "the near term", "DATE", "FUTURE_REF"),
        # seasons after "into"/"over", but not "fall" as a decline
        ("Problems lasted well into the summer.", "the summer", "DATE", "2023-SU"),
    ],
)
def test_vague_stretches_and_seasons(text: str, span: str, typ: str, value: str) -> None:
    tx = one(text)
    assert (tx.span.text, tx.type, tx.value) == (span, TimexType(typ), value)


@pytest.mark.parametrize(
    "text",
    [
        "The ruling takes the decision about the boy's future away from the agency.",
        "Their future is uncertain, the minister said.",
        "Nobody knows what the party has planned for its future.",
    ],
)
def test_possessive_future_noun_is_future_ref(text: str) -> None:
    tx = one(text)
    assert (tx.span.text, tx.type, tx.value) == ("future", TimexType.DATE, "FUTURE_REF")


@pytest.mark.parametrize(
    "text",
    ["The company's future earnings will suffer.", "Its future strategy was not disclosed."],
)
def test_possessive_future_adjective_is_no_timex(text: str) -> None:
    assert find_timexes(text, anchor=ANCHOR) == []


def test_the_fall_in_prices_is_no_season() -> None:
    assert find_timexes("Traders blamed the fall in prices on rates.", anchor=ANCHOR) == []


def test_in_the_morning_is_part_of_the_reference_day() -> None:
    found = find_timexes(
        "Shares fell on Friday. Dealers placed buy orders in the morning.", anchor=ANCHOR
    )
    assert [(t.span.text, t.type, t.value) for t in found] == [
        ("Friday", TimexType.DATE, "2024-03-01"),
        ("the morning", TimexType.TIME, "2024-03-01TMO"),
    ]


@pytest.mark.parametrize(
    ("text", "span", "typ", "value"),
    [
        ("He hopes he will one day fly to Mars.", "one day", "DATE", "FUTURE_REF"),
        ("They will have to live without power for a while.", "a while", "DURATION", "PXX"),
        # a day's length stays a duration
        ("The strike lasted one day.", "one day", "DURATION", "P1D"),
    ],
)
def test_indefinite_times(text: str, span: str, typ: str, value: str) -> None:
    tx = one(text)
    assert (tx.span.text, tx.type, tx.value) == (span, TimexType(typ), value)


def test_ages_are_not_durations() -> None:
    found = find_timexes("Mr. Reupke, 52 years old, resigned on Monday.", anchor=ANCHOR)
    assert [t.span.text for t in found] == ["Monday"]


def test_a_second_noun_is_an_ordinal_not_a_duration() -> None:
    assert find_timexes("A second blast hit the port.", anchor=ANCHOR) == []
    assert one("It took a second or two.").value == "PT1S"


def test_last_as_a_verb_is_no_relative_marker() -> None:
    tx = one("The trial could last several months.")
    assert (tx.span.text, tx.type, tx.value) == ("several months", TimexType.DURATION, "PXM")


def test_frequency_word_belongs_to_the_set() -> None:
    tx = one("The group publishes a newsletter twice a week.")
    assert (tx.span.text, tx.type, tx.value) == ("twice a week", TimexType.SET, "P1W")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("He will be home for Christmas.", "Christmas", "2024-12-25"),
        ("Shops closed on New Year's Day.", "New Year's Day", "2024-01-01"),
        ("Easter 2024 came early.", "Easter 2024", "2024-03-31"),
        ("The parade is held on Thanksgiving Day 1998.", "Thanksgiving Day 1998", "1998-11-26"),
        (
            "The launch is planned for the spring of next year.",
            "the spring of next year",
            "2025-SP",
        ),
    ],
)
def test_holidays_and_relative_seasons(text: str, span: str, value: str) -> None:
    tx = one(text)
    assert (tx.span.text, tx.type, tx.value) == (span, TimexType.DATE, value)


def test_christmas_tree_is_no_date() -> None:
    assert find_timexes("They bought a Christmas tree.", anchor=ANCHOR) == []


def test_year_ranges_and_unit_long() -> None:
    found = find_timexes("From 1990 to 1995 a month-long strike recurred.", anchor=ANCHOR)
    assert [(t.span.text, t.value) for t in found] == [
        ("1990", "1990"),
        ("1995", "1995"),
        ("month-long", "P1M"),
    ]


def test_wire_clock_times_take_the_day_named_after_their_aside() -> None:
    found = find_timexes("The bomb went off at 10:35 a.m. (0735 GMT) Friday.", anchor=ANCHOR)
    assert [(t.span.text, t.type, t.value) for t in found] == [
        ("10:35 a.m.", TimexType.TIME, "2024-03-01T10:35"),
        ("0735 GMT", TimexType.TIME, "2024-03-01T07:35"),
        ("Friday", TimexType.DATE, "2024-03-01"),
    ]


def test_another_unit_is_a_duration() -> None:
    tx = one("They plan to stay another two years.")
    assert (tx.span.text, tx.type, tx.value) == ("another two years", TimexType.DURATION, "P2Y")


def test_one_day_after_an_event_stays_a_length_and_titles_are_no_dates() -> None:
    tx = one("One day after the attack, police came.")
    assert (tx.type, tx.value) == (TimexType.DURATION, "P1D")
    assert one("One day, he walked in.").value == "PAST_REF"
    assert find_timexes("She was named Person of the Year.", anchor=ANCHOR) == []


def test_earlier_in_the_year_and_later_that_day() -> None:
    assert one("Shares fell earlier in the year.").value == "2024"
    found = find_timexes("Troops left on Friday. Later that day, rebels attacked.", anchor=ANCHOR)
    assert [(t.span.text, t.value) for t in found] == [
        ("Friday", "2024-03-01"),
        ("Later that day", "2024-03-01"),
    ]


def test_now_that_is_still_present_ref() -> None:
    tx = one("Aqaba is the only outlet now that the noose has tightened.")
    assert (tx.span.text, tx.value) == ("now", "PRESENT_REF")


@pytest.mark.parametrize(
    ("text", "span", "typ", "value"),
    [
        ("The index fell for eight trading days.", "eight trading days", "DURATION", "P8D"),
        ("It ended a several-year slump.", "several-year", "DURATION", "PXY"),
        ("Terms will be set at a later date.", "a later date", "DATE", "FUTURE_REF"),
        ("By mid afternoon the shelling had stopped.", "mid afternoon", "TIME", "2024-03-06TAF"),
    ],
)
def test_more_durations_and_vague_dates(text: str, span: str, typ: str, value: str) -> None:
    tx = one(text)
    assert (tx.span.text, tx.type, tx.value) == (span, TimexType(typ), value)


def test_approximator_belongs_to_a_point_in_time() -> None:
    tx = one("The deal should close around Nov. 1, he said.")
    assert (tx.span.text, tx.value, tx.mod) == ("around Nov. 1", "2024-11-01", "APPROX")
    # "about" also means "concerning": left out
    assert one("They talked about Monday's vote.").span.text == "Monday"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Growth slowed over the last decade.", "the last decade"),
        ("More recently it has tracked militias.", "More recently"),
        ("The plant will close over the next year or so.", "the next year or so"),
    ],
)
def test_extents_with_modifiers(text: str, span: str) -> None:
    assert one(text).span.text == span


def test_the_year_with_a_number_or_complement() -> None:
    tx = one("By the year 2000, costs will double.")
    assert (tx.span.text, tx.value) == ("the year 2000", "2000")
    assert find_timexes("It was the year of the dragon.", anchor=ANCHOR) == []


def test_year_ranges_with_a_dash_and_the_century() -> None:
    found = find_timexes("During the plan period (1996-2000), output grew.", anchor=ANCHOR)
    assert [(t.span.text, t.value) for t in found] == [("1996", "1996"), ("2000", "2000")]
    tx = one("Output should double by the end of the century.")
    assert (tx.span.text, tx.value, tx.mod) == ("the end of the century", "20", "END")


def test_the_day_after_on_its_own_is_anaphoric() -> None:
    found = find_timexes("The vote was on Friday. The day after, protests began.", anchor=ANCHOR)
    assert [(t.span.text, t.value) for t in found] == [
        ("Friday", "2024-03-01"),
        ("The day after", "2024-03-02"),
    ]


def test_the_year_in_which_and_on_another_day_are_not_timexes() -> None:
    found = find_timexes("1983 was the year in which he won; we met on another day.", anchor=ANCHOR)
    assert [t.span.text for t in found] == ["1983"]


def test_clock_time_without_a_day_takes_its_sentences_day() -> None:
    found = find_timexes("The bomb exploded Friday at 10:35 a.m., police said.", anchor=ANCHOR)
    assert [(t.span.text, t.value) for t in found] == [
        ("Friday", "2024-03-01"),
        ("10:35 a.m.", "2024-03-01T10:35"),
    ]
    # in the next sentence it is the publication date's time again
    found = find_timexes("Rebels attacked on Friday. At noon the shelling stopped.", anchor=ANCHOR)
    assert [t.value for t in found] == ["2024-03-01", "2024-03-06T12:00"]


def test_a_double_hyphen_is_a_dash_not_a_compound() -> None:
    found = find_timexes("He was placed on injured reserve Tuesday--another blow.", anchor=ANCHOR)
    assert [(t.span.text, t.value) for t in found] == [("Tuesday", "2024-03-05")]
    found = find_timexes("The report--released Friday--was late.", anchor=ANCHOR)
    assert [t.span.text for t in found] == ["Friday"]
    # a single hyphen still joins a compound that is no timex
    assert find_timexes("a Tuesday-night game and a 10-year-old", anchor=ANCHOR) == []


def test_day_first_numeric_dates() -> None:
    tx = one("27/09/2013 - Turkmenistan holds its first multi-party election.")
    assert (tx.span.text, tx.value) == ("27/09/2013", "2013-09-27")
    # ambiguous: read the US way (month first), as before
    assert one("The filing of 05/06/2013 was late.").value == "2013-05-06"


def test_the_year_or_month_before_on_its_own_is_anaphoric() -> None:
    found = find_timexes("Sales fell in 2019, 2% lower than the year before.", anchor=ANCHOR)
    assert [(t.span.text, t.value) for t in found] == [
        ("2019", "2019"),
        ("the year before", "2018"),
    ]
    # followed by an event it is not counted from the text's last date
    found = find_timexes("He left the week before the vote.", anchor=ANCHOR)
    assert "the week before" not in [t.span.text for t in found]


def test_ordinal_days_of_an_event() -> None:
    tx = one("It is the second day of an offensive by the security forces.")
    assert (tx.span.text, tx.type, tx.value) == ("the second day", TimexType.DATE, "2024-03-06")
    # "It's"/"today is" sets the day of the report even when a past form follows
    tx = one("It's the second day of an offensive against villages populated by farmers.")
    assert (tx.span.text, tx.value) == ("the second day", "2024-03-06")
    # in a past-tense clause the day is not known from the text
    tx = one("On the sixth day of the trial, the prosecutor showed a photograph.")
    assert (tx.span.text, tx.value) == ("the sixth day", None)
    # "the first day of May" is a date in May, not an ordinal day of an event
    assert [t.span.text for t in find_timexes("on the first day of May", anchor=ANCHOR)] == ["May"]


def test_frequency_adverbs_are_sets_but_not_adjectives_or_rates() -> None:
    def found(text: str) -> list[tuple[str, str, str | None]]:
        return [(t.span.text, str(t.type), t.value) for t in find_timexes(text, anchor=ANCHOR)]

    assert found("Protesters have gathered daily outside the embassy.") == [("daily", "SET", "P1D")]
    assert found("The fair, held annually, drew crowds.") == [("annually", "SET", "P1Y")]
    assert found("The party daily Pravda ran the letter.") == []
    assert found("The airline plans daily flights to Perth.") == []
    assert found("Sales should rise 8% annually.") == []


def test_next_morning_counts_from_the_texts_day() -> None:
    txs = find_timexes("The hearing was on Feb. 22. The next morning, he left.", anchor=ANCHOR)
    assert [(t.span.text, t.value) for t in txs] == [
        ("Feb. 22", "2024-02-22"),
        ("The next morning", "2024-02-23TMO"),
    ]


def test_the_week_of_a_day_is_that_iso_week() -> None:
    tx = one("A hearing is set for the week of March 6.")
    assert (tx.span.text, str(tx.type), tx.value) == ("the week of March 6", "DATE", "2024-W10")


def test_last_and_next_holiday() -> None:
    assert [
        (t.span.text, t.value) for t in find_timexes("He visited last Christmas.", anchor=ANCHOR)
    ] == [("last Christmas", "2023-12-25")]
    # Easter 2024 fell on March 31, after the publication date (March 6)
    assert one("They meet again next Easter.").value == "2024-03-31"


def test_titles_and_idioms_are_not_times() -> None:
    assert find_timexes("He told CBS's 60 Minutes he would stay.", anchor=ANCHOR) == []
    assert find_timexes("For the alliance, high noon has come.", anchor=ANCHOR) == []
    assert one("The talks lasted 60 minutes.").value == "PT60M"
    assert one("They met at noon Friday.").value == "2024-03-01T12:00"


def test_counted_decades_and_centuries_are_years() -> None:
    assert one("Inflation has not been this high in two decades.").value == "P20Y"
    assert one("The dispute has lasted for a century.").value == "P100Y"
    # ISO 8601 has no decade or century unit: an unknown number of them is years too
    assert one("It took several decades.").value == "PXY"
    assert one("The quarrel went on for centuries.").value == "PXY"


def test_a_plan_seen_from_the_past_takes_the_nearest_day() -> None:
    # published on Monday 1989-10-30: the offer "had been due to expire" on the Friday before
    txs = find_timexes(
        "The offer had been due to expire Friday evening.", anchor=dt.date(1989, 10, 30)
    )
    assert [(t.span.text, t.value) for t in txs] == [("Friday evening", "1989-10-27TEV")]
    # a plan still ahead keeps looking forward
    txs = find_timexes("The offer is due to expire Friday.", anchor=dt.date(1989, 10, 30))
    assert [(t.span.text, t.value) for t in txs] == [("Friday", "1989-11-03")]


def test_capitalised_time_words_inside_a_sentence_are_names() -> None:
    assert find_timexes('He spoke on NBC\'s "This Week," she said.', anchor=ANCHOR) == []
    assert find_timexes("The poll was run by USA Today.", anchor=ANCHOR) == []
    # a sentence (or a quotation) that opens with them keeps them
    assert one("Today, the minister resigned.").value == "2024-03-06"
    assert one('He said: "This week was hard."').value == "2024-W10"


def test_a_second_before_a_capitalised_noun_is_an_ordinal() -> None:
    assert find_timexes("Voters lack a second ID.", anchor=ANCHOR) == []
    assert [t.value for t in find_timexes("Wait a second.", anchor=ANCHOR)] == ["PT1S"]


# --------------------------------------------------------------------------- session 4


def test_a_holiday_week_is_the_iso_week_of_the_holiday() -> None:
    # Easter 2024 is Sunday March 31, in ISO week 13
    tx = one("Pilgrims arrived as Easter week began.")
    assert (tx.span.text, tx.type, tx.value) == ("Easter week", TimexType.DATE, "2024-W13")
    tx = one("Traffic was heavy over the Thanksgiving weekend, 2023.")
    assert (tx.span.text, tx.value) == ("Thanksgiving weekend, 2023", "2023-W47-WE")
    # the day itself is unchanged
    assert one("They met on Easter Sunday, 2023.").value == "2023-04-09"


def test_the_article_of_a_noun_modified_by_a_time_is_left_out() -> None:
    tx = one("She cut short the late-November visit to the port.")
    assert (tx.span.text, tx.value) == ("late-November", "2023-11")
    tx = one("Crowds came for the three day festival in the park.")
    assert (tx.span.text, tx.value) == ("three day", "P3D")
    assert one("They argued about the two-week strike.").span.text == "two-week"
    # the expression is the head itself: the article stays
    assert one("He stayed for the three days of talks.").span.text == "the three days"
    assert one("Profit fell in the third quarter.").span.text == "the third quarter"


def test_a_plural_unit_long_or_old_is_a_vague_duration() -> None:
    tx = one("The town ended its decades-long feud with the port.")
    assert (tx.span.text, tx.type, tx.value) == ("decades-long", TimexType.DURATION, "PXY")
    assert one("Farmers hope for an end to a years-old drought.").value == "PXY"
    assert one("The months-long strike is over.").value == "PXM"
    # a person's age is not a TIMEX3
    assert find_timexes("A 6-year-old girl won the race.", anchor=ANCHOR) == []


def test_a_year_with_pre_or_post_is_the_year_with_its_side() -> None:
    tx = one("The post-1989 reforms changed the town.")
    assert (tx.span.text, tx.value, tx.mod) == ("post-1989", "1989", "AFTER")
    tx = one("They restored the pre-2008 rules.")
    assert (tx.span.text, tx.value, tx.mod) == ("pre-2008", "2008", "BEFORE")
    assert find_timexes("The pre-war rules were restored.", anchor=ANCHOR) == []


def test_the_adjective_current_is_the_present() -> None:
    tx = one("Sales slowed because of current market conditions.")
    assert (tx.span.text, tx.value) == ("current", "PRESENT_REF")
    assert one("Holders may buy at the then current price.").value == "PAST_REF"
    # longer expressions keep their value; "current account" and the noun are not times
    assert one("Profit will rise in the current fiscal year.").value == "2024"
    assert find_timexes("The current account deficit grew.", anchor=ANCHOR) == []
    assert find_timexes("The current carried it; the current took it.", anchor=ANCHOR) == []


def test_a_day_after_ended_is_not_still_to_come() -> None:
    # published 2024-11-06: January 31 of 2025 is nearer by the usual weighting, but a
    # period that "ended" on it is over
    anchor = dt.date(2024, 11, 6)

    def day_of(text: str) -> str | None:
        return next(t.value for t in find_timexes(text, anchor=anchor) if t.span.text[-1].isdigit())

    assert day_of("In the fiscal year ended Jan. 31, sales rose.") == "2024-01-31"
    assert day_of("Sales in the quarter ended Nov. 30 were weak.") == "2023-11-30"
    # "ending" still looks ahead as before
    assert day_of("For the year ending Jan. 31, sales will rise.") == "2025-01-31"


def test_an_ed_word_after_a_determiner_is_not_a_past_verb() -> None:
    # published Wednesday 2024-03-06: "a still unannounced date" says nothing of the tense,
    # so "would" (the nearest of the two Junes) decides
    tx = one("The bonus would be paid on a still unannounced date in June.")
    assert (tx.span.text, tx.value) == ("June", "2024-06")
    assert one("The merger would close at an undisclosed time in May.").value == "2024-05"
    # a finite past verb still sends the month back
    assert one("The board approved the merger in May.").value == "2023-05"


def test_an_approximator_before_a_possessive_date_is_not_its_modifier() -> None:
    tx = one("Lawyers hunted for ways around Monday's ruling.")
    assert (tx.span.text, tx.mod) == ("Monday", None)
    tx = one("The sale should close around Nov. 1.")
    assert (tx.span.text, tx.mod) == ("around Nov. 1", "APPROX")


def test_a_decimal_number_is_not_a_year() -> None:
    assert find_timexes("The index closed at 2012.5 points.", anchor=ANCHOR) == []
    assert one("The index closed at its 2012 level.").value == "2012"


def test_a_plural_part_of_day_is_shared_by_coordinated_weekdays() -> None:
    txs = find_timexes("Ferries sail on Friday and Saturday evenings.", anchor=ANCHOR)
    assert [(t.span.text, t.type, t.value) for t in txs] == [
        ("Friday", TimexType.SET, "XXXX-WXX-5TEV"),
        ("Saturday evenings", TimexType.SET, "XXXX-WXX-6TEV"),
    ]
    # a singular one is one day each
    txs = find_timexes("The ferry sailed on Friday and Saturday evening.", anchor=ANCHOR)
    assert [t.type for t in txs] == [TimexType.DATE, TimexType.TIME]


def test_a_bare_plural_unit_ago_is_a_vague_past() -> None:
    tx = one("The plant, which just months ago was idle, is hiring.")
    assert (tx.span.text, tx.type, tx.value) == ("months ago", TimexType.DATE, "PAST_REF")
    assert one("We will laugh about it years from now.").value == "FUTURE_REF"
    assert one("The plant closed two years ago.").value == "2022"


def test_until_then_is_the_last_date_named() -> None:
    txs = find_timexes("The offer ends on April 2. Until then, shares trade freely.", anchor=ANCHOR)
    assert [(t.span.text, t.value) for t in txs] == [
        ("April 2", "2024-04-02"),
        ("then", "2024-04-02"),
    ]
    txs = find_timexes("It opened in 1990. Until then, the site was empty.", anchor=ANCHOR)
    assert [t.value for t in txs] == ["1990", "1990"]
    # a text that has named no date gives no value; "and then" is not a time
    assert one("Until then, the site was empty.").value is None
    assert find_timexes("He ate, and then he left.", anchor=ANCHOR) == []


def test_the_first_units_of_an_event_are_a_vague_duration() -> None:
    tx = one("Dozens were rescued in the first hours of the flood.")
    assert (tx.span.text, tx.type, tx.value) == ("the first hours", TimexType.DURATION, "PTXH")
    assert one("Growth was slow in the early years of the plan.").value == "PXY"
    assert one("Growth was slow in the first two years of the plan.").value == "P2Y"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # Wednesday 6 March 2024: last Tuesday is 5 March
        (
            "The day before last Tuesday's hearing, he went home.",
            "The day before last Tuesday",
            "2024-03-04",
        ),
        ("They met the day after Monday's vote.", "the day after Monday", "2024-03-05"),
        ("He left the day before yesterday.", "the day before yesterday", "2024-03-04"),
    ],
)
def test_the_day_before_or_after_a_day_is_one_date(text: str, span: str, value: str) -> None:
    tx = one(text)
    assert (tx.span.text, tx.type, tx.value) == (span, TimexType.DATE, value)


def test_said_on_is_shared_with_a_participle_after_the_date() -> None:
    text = "The regulator said on Monday, citing a fault in the brakes, that 900 cars failed."
    said = _claim(text, "said", "that 900 cars failed")
    citing = _claim(text, "citing", "a fault in the brakes")
    timexes = find_timexes(text, anchor=ANCHOR)
    others = [said, citing]
    assert said_on_for(said, timexes, text, others=others) == "2024-03-04"
    assert said_on_for(citing, timexes, text, others=others) == "2024-03-04"
