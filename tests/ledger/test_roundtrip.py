"""Hypothesis: any Article stored in the ledger reads back equal, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrace.ledger import Ledger
from claimtrace.model import (
    Analyzer,
    Article,
    Basis,
    Change,
    Claim,
    CommentRequest,
    Entity,
    Hedge,
    Modality,
    Place,
    PlaceKind,
    PlaceUse,
    Qualifier,
    Quantity,
    QuoteType,
    SourceKind,
    Span,
    Stance,
    TimeExpr,
    TimexType,
    ViaLink,
    article_id,
)

# Any text but NUL (PostgreSQL text cannot hold it) and lone surrogates (not UTF-8).
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)
SOME_TEXT = st.none() | TEXT
FLOAT = st.floats(allow_nan=False, allow_infinity=False, width=64)
ID = st.text("abcdefghijklmnopqrstuvwxyz0123456789-/_", min_size=1, max_size=12)


@st.composite
def spans(draw, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span(start, end, text[start:end])


def span_tuples(text: str, max_size: int = 3):
    return st.lists(spans(text), max_size=max_size).map(tuple)


@st.composite
def entities(draw, eid: str) -> Entity:
    return Entity(
        id=eid,
        name=draw(TEXT),
        kind=draw(st.sampled_from(SourceKind)),
        country=draw(SOME_TEXT),
        aliases=tuple(draw(st.lists(TEXT, max_size=3))),
    )


@st.composite
def articles(draw) -> Article:
    text = draw(
        st.text(
            st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            min_size=1,
            max_size=200,
        )
    )
    pool = [draw(entities(eid)) for eid in draw(st.lists(ID, max_size=4, unique=True))]
    maybe_entity = st.none() | st.sampled_from(pool) if pool else st.none()
    quantity_ids = draw(st.lists(ID, max_size=3, unique=True))
    timex_ids = draw(st.lists(ID, max_size=3, unique=True))
    place_ids = draw(st.lists(ID, max_size=3, unique=True))
    quantities = tuple(
        Quantity(
            id=qid,
            span=draw(spans(text)),
            value=draw(FLOAT),
            qualifier=draw(st.sampled_from(Qualifier)),
            value_high=draw(st.none() | FLOAT),
            counted=draw(SOME_TEXT),
            modifiers=tuple(draw(st.lists(TEXT, max_size=2))),
            unit=draw(SOME_TEXT),
            currency=draw(SOME_TEXT),
            change=draw(st.none() | st.sampled_from(Change)),
            event=draw(SOME_TEXT),
            modality=draw(st.sampled_from(Modality)),
            vague=draw(st.booleans()),
        )
        for qid in quantity_ids
    )
    timexes = tuple(
        TimeExpr(
            tid,
            draw(spans(text)),
            draw(st.sampled_from(TimexType)),
            draw(SOME_TEXT),
            draw(SOME_TEXT),
        )
        for tid in timex_ids
    )
    places = tuple(
        Place(
            id=pid,
            span=draw(spans(text)),
            name=draw(TEXT),
            kind=draw(st.sampled_from(PlaceKind)),
            use=draw(st.sampled_from(PlaceUse)),
            country=draw(SOME_TEXT),
            geonameid=draw(st.none() | st.integers(0, 2**31 - 1)),
            lat=draw(st.none() | FLOAT),
            lon=draw(st.none() | FLOAT),
        )
        for pid in place_ids
    )
    claims = []
    for cid in draw(st.lists(ID, max_size=4, unique=True)):
        claims.append(
            Claim(
                id=cid,
                source=draw(span_tuples(text)),
                cue=draw(span_tuples(text)),
                content=draw(span_tuples(text)),
                source_kind=draw(st.sampled_from(SourceKind)),
                source_entity=draw(maybe_entity),
                quote_type=draw(st.sampled_from(QuoteType)),
                stance=draw(st.sampled_from(Stance)),
                hedges=tuple(
                    Hedge(
                        draw(spans(text)), draw(TEXT), draw(st.sampled_from(["source", "reporter"]))
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ),
                basis=draw(st.sampled_from(Basis)),
                modality=draw(st.sampled_from(Modality)),
                via=tuple(
                    ViaLink(draw(span_tuples(text)), draw(span_tuples(text)), draw(maybe_entity))
                    for _ in range(draw(st.integers(0, 2)))
                ),
                channel=draw(st.none() | spans(text)),
                said_on=draw(SOME_TEXT),
                said_at=draw(st.none() | st.sampled_from(place_ids) if place_ids else st.none()),
                quantities=tuple(draw(st.lists(st.sampled_from(quantity_ids), max_size=2)))
                if quantity_ids
                else (),
                dates=tuple(draw(st.lists(st.sampled_from(timex_ids), max_size=2)))
                if timex_ids
                else (),
                places=tuple(draw(st.lists(st.sampled_from(place_ids), max_size=2)))
                if place_ids
                else (),
                confidence=draw(st.floats(0, 1)),
            )
        )
    listed = draw(st.lists(st.sampled_from(pool), unique_by=lambda e: e.id)) if pool else []
    return Article(
        id=article_id(text),
        text=text,
        published=draw(st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))),
        title=draw(SOME_TEXT),
        url=draw(SOME_TEXT),
        outlet=draw(SOME_TEXT),
        author=draw(SOME_TEXT),
        language=draw(SOME_TEXT),
        origin=draw(SOME_TEXT),
        claims=tuple(claims),
        quantities=quantities,
        timexes=timexes,
        places=places,
        entities=tuple(listed),
        comment_requests=tuple(
            CommentRequest(
                draw(span_tuples(text)),
                draw(span_tuples(text)),
                draw(span_tuples(text)),
                draw(st.booleans()),
            )
            for _ in range(draw(st.integers(0, 2)))
        ),
        analyzer=draw(st.none() | st.builds(Analyzer, TEXT, TEXT, TEXT)),
    )


@pytest.fixture
def open_ledger(db_url):
    with Ledger.open(db_url) as ledger:
        yield ledger


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(article=articles())
def test_what_is_stored_is_what_is_read_back(open_ledger, article):
    open_ledger.store(article)
    assert open_ledger.get_article(article.id) == article
    open_ledger.store(article)  # idempotent: still one copy, still equal
    assert open_ledger.get_article(article.id) == article
    assert open_ledger.known_ids([article.id]) == {article.id}
