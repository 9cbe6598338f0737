from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrace.model import (
    Article,
    Claim,
    Entity,
    Hedge,
    Place,
    PlaceKind,
    Qualifier,
    Quantity,
    SourceKind,
    Span,
    Stance,
    TimeExpr,
    TimexType,
    ViaLink,
    article_id,
    to_dict,
)

TEXT = "Officials said 40 people left Kyiv on Monday, reportedly."


def span(start: int, end: int) -> Span:
    return Span.of(TEXT, start, end)


def full_article() -> Article:
    agency = Entity("ukraine/intelligence", "Ukraine (intelligence)", SourceKind.INTELLIGENCE, "UA")
    return Article(
        id=article_id(TEXT),
        text=TEXT,
        published=dt.date(2024, 10, 24),
        outlet="Example Post",
        claims=(
            Claim(
                id="c1",
                source=(span(0, 9),),
                cue=(span(10, 14),),
                content=(span(15, 44),),
                source_kind=SourceKind.ANONYMOUS,
                stance=Stance.ASSERT,
                hedges=(Hedge(span(46, 56), "reportedly"),),
                via=(ViaLink((span(0, 9),), (), agency),),
                quantities=("q1",),
            ),
        ),
        quantities=(Quantity("q1", span(15, 24), 40.0, Qualifier.EXACT, counted="people"),),
        timexes=(TimeExpr("t1", span(38, 44), TimexType.DATE, "2024-10-21"),),
        places=(Place("p1", span(30, 34), "Kyiv", PlaceKind.CITY, country="UA", geonameid=703448),),
        entities=(agency,),
    )


def test_round_trip_through_json_is_lossless():
    article = full_article()
    restored = Article.from_dict(json.loads(json.dumps(article.to_dict())))
    assert restored == article
    assert restored.claims[0].via[0].entity.kind is SourceKind.INTELLIGENCE


def test_every_span_indexes_the_text():
    article = full_article()
    assert article.claims[0].content[0].text == "40 people left Kyiv on Monday"
    assert article.places[0].span.text == "Kyiv"


def test_origin_is_the_last_resolved_via_link():
    claim = full_article().claims[0]
    assert claim.origin is not None and claim.origin.id == "ukraine/intelligence"


def test_invalid_span_is_rejected():
    with pytest.raises(ValueError):
        Span(5, 2, "")


def test_article_id_ignores_surrounding_whitespace_but_not_content():
    assert article_id("A said B.\n") == article_id("  A said B.   ")
    assert article_id("A said B.") != article_id("A said C.")


@given(st.text(min_size=1, max_size=200), st.data())
def test_span_round_trip(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s = Span.of(text, start, end)
    restored = (
        Article.from_dict(
            to_dict(
                Article(
                    id="x", text=text, claims=(Claim(id="c1", source=(), cue=(s,), content=()),)
                )
            )
        )
        .claims[0]
        .cue[0]
    )
    assert restored == s and text[restored.start : restored.end] == restored.text
