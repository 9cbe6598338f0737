"""Storing, reading back, idempotency, failures, links and migrations on both backends."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from claimtrace.ledger import ArticleNotFound, Ledger, LedgerError, database_url
from claimtrace.ledger.queries import query_claims
from claimtrace.ledger.rows import claim_uid
from claimtrace.ledger.synthetic import synthetic_article, synthetic_corpus
from claimtrace.model import (
    Analyzer,
    Article,
    Claim,
    CommentRequest,
    Entity,
    Failure,
    Hedge,
    Place,
    PlaceKind,
    PlaceUse,
    Qualifier,
    Quantity,
    SourceKind,
    Span,
    Stance,
    TimeExpr,
    TimexType,
    ViaLink,
    article_id,
)

TEXT = (
    "North Korean troops have reportedly arrived in Kursk, South Korea's spy agency said "
    "on Monday, citing satellite images. Moscow denied it."
)


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def example_article() -> Article:
    nis = Entity(
        "south-korea/nis",
        "National Intelligence Service",
        SourceKind.INTELLIGENCE,
        "KR",
        ("NIS", "spy agency"),
    )
    kremlin = Entity(
        "russia/government",
        "Russian government",
        SourceKind.GOVERNMENT,
        "RU",
        ("Moscow", "Kremlin"),
    )
    satellite = Entity("satellite-images", "satellite images", SourceKind.OTHER)
    troops = _span(TEXT, "North Korean troops")
    claim1 = Claim(
        id="c1",
        source=(_span(TEXT, "South Korea's spy agency"),),
        cue=(_span(TEXT, "said"),),
        content=(_span(TEXT, "North Korean troops have reportedly arrived in Kursk"),),
        source_kind=SourceKind.INTELLIGENCE,
        source_entity=nis,
        hedges=(Hedge(_span(TEXT, "reportedly"), "reportedly", "reporter"),),
        via=(ViaLink((_span(TEXT, "satellite images"),), (_span(TEXT, "citing"),), satellite),),
        said_on="2024-10-21",
        quantities=(),
        dates=("t1",),
        places=("p1",),
        confidence=0.87,
    )
    claim2 = Claim(
        id="c2",
        source=(_span(TEXT, "Moscow"),),
        cue=(_span(TEXT, "denied"),),
        content=(_span(TEXT, "it"),),
        source_kind=SourceKind.GOVERNMENT,
        source_entity=kremlin,
        stance=Stance.DENY,
    )
    return Article(
        id=article_id(TEXT),
        text=TEXT,
        published=dt.date(2024, 10, 22),
        title="Troops in Kursk",
        url="https://example.org/a",
        outlet="Example News",
        author="A. Writer",
        language="en",
        origin="example.txt",
        claims=(claim1, claim2),
        quantities=(
            Quantity(
                "q1",
                troops,
                0.0,
                Qualifier.AT_LEAST,
                counted="troops",
                modifiers=("North Korean",),
                vague=True,
            ),
        ),
        timexes=(TimeExpr("t1", _span(TEXT, "on Monday"), TimexType.DATE, "2024-10-21"),),
        places=(
            Place(
                "p1",
                _span(TEXT, "Kursk"),
                "Kursk Oblast",
                PlaceKind.ADMIN,
                PlaceUse.LOCATION,
                "RU",
                538560,
                51.5,
                36.0,
            ),
        ),
        entities=(kremlin, nis),  # satellite only through a via-link
        comment_requests=(CommentRequest((troops,), (), (), answered=True),),
        analyzer=Analyzer("0.1.0", "en_claimtrace_fast-0.1.0"),
    )


def test_database_url_defaults_and_drivers(monkeypatch):
    monkeypatch.delenv("CLAIMTRACE_DB", raising=False)
    assert database_url() == "sqlite:///claimtrace.db"
    assert database_url("my.db") == "sqlite:///my.db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("CLAIMTRACE_DB", "sqlite:////tmp/x.db")
    assert database_url() == "sqlite:////tmp/x.db"


def test_stored_article_reads_back_equal(ledger):
    article = example_article()
    result = ledger.store(article)
    assert result.inserted == 1
    assert ledger.get_article(article.id) == article
    assert ledger.find_article(article.id[:8]) == article


def test_storing_again_changes_nothing(ledger):
    article = example_article()
    ledger.store(article)
    counts = {t: ledger.count(t) for t in ("articles", "claims", "entities", "via_links")}
    again = ledger.store_many([article, article])
    assert (again.inserted, again.replaced, again.unchanged) == (0, 0, 1)
    assert {t: ledger.count(t) for t in counts} == counts
    assert counts == {"articles": 1, "claims": 2, "entities": 3, "via_links": 1}


def test_reanalysis_replaces_the_records(ledger):
    article = example_article()
    ledger.store(article)
    fewer = dataclasses.replace(article, claims=article.claims[1:], quantities=())
    result = ledger.store(fewer)
    assert result.replaced == 1
    assert ledger.get_article(article.id) == fewer
    assert ledger.count("claims") == 1
    assert ledger.count("via_links") == 0
    assert query_claims(ledger, about="troops arrived") == []  # full text follows


def test_same_id_twice_in_one_batch_keeps_the_last(ledger):
    article = example_article()
    changed = dataclasses.replace(article, title="Changed")
    assert ledger.store_many([article, changed]).inserted == 1
    assert ledger.get_article(article.id).title == "Changed"


def test_entity_aliases_gather_across_articles(ledger):
    article = example_article()
    other_text = "The Kremlin rejected the report."
    kremlin = Entity(
        "russia/government",
        "Russian government",
        SourceKind.GOVERNMENT,
        "RU",
        ("Kremlin", "Russian officials"),
    )
    other = Article(
        id=article_id(other_text),
        text=other_text,
        claims=(
            Claim(
                "c1",
                (_span(other_text, "The Kremlin"),),
                (_span(other_text, "rejected"),),
                (_span(other_text, "the report"),),
                SourceKind.GOVERNMENT,
                kremlin,
                stance=Stance.DENY,
            ),
        ),
        entities=(kremlin,),
    )
    ledger.store_many([article, other])
    assert ledger.get_article(other.id) == other  # each article keeps its own record
    rows = query_claims(ledger, source="russian officials")
    assert {r["uid"] for r in rows} == {claim_uid(article.id, "c2"), claim_uid(other.id, "c1")}


def test_missing_article_is_a_clean_error(ledger):
    with pytest.raises(ArticleNotFound):
        ledger.get_article("0" * 16)
    with pytest.raises(ArticleNotFound):
        ledger.find_article("abc")


def test_failures_count_attempts_and_resolve_when_stored(ledger):
    article = example_article()
    ledger.record_failure(Failure("example.txt", "the model crashed", "CT020", "analysis"))
    ledger.record_failure(Failure("example.txt", "the model crashed again", "CT020", "analysis"))
    ledger.record_failure(Failure("other.txt", "empty", "CT011"))
    [first, second] = ledger.failures()
    assert (first.origin, first.attempts, first.reason) == (
        "example.txt",
        2,
        "the model crashed again",
    )
    assert second.origin == "other.txt"
    ledger.store(article)  # its origin is example.txt
    assert [f.origin for f in ledger.failures()] == ["other.txt"]
    resolved = [f for f in ledger.failures(include_resolved=True) if f.resolved_at]
    assert [f.origin for f in resolved] == ["example.txt"]


def test_claim_links_and_origins(ledger):
    article = example_article()
    later = synthetic_article(1)
    ledger.store_many([article, later])
    a, b = claim_uid(article.id, "c1"), claim_uid(later.id, "c0")
    ledger.add_link(b, a, "contradicts", method="test", score=0.7)
    ledger.add_link(a, b, "contradicts", method="test", score=0.9)  # same link, updated
    ledger.add_link(b, a, "repeats", method="test")
    links = ledger.links(a)
    assert {(x["claim_a"], x["claim_b"], x["relation"]) for x in links} == {
        (min(a, b), max(a, b), "contradicts"),
        (b, a, "repeats"),
    }
    assert [x["score"] for x in links if x["relation"] == "contradicts"] == [0.9]
    with pytest.raises(LedgerError):
        ledger.add_link(a, b, "likes", method="test")
    ledger.set_origin(
        b, method="test", origin_claim=a, origin_entity="south-korea/nis", confidence=0.5
    )
    assert ledger.origin(b) == {
        "origin_claim": a,
        "origin_entity_id": "south-korea/nis",
        "method": "test",
        "confidence": 0.5,
    }
    # re-analysing an article drops the links of the claims it no longer has
    ledger.store(dataclasses.replace(article, claims=()))
    assert ledger.links(b) == []
    assert ledger.origin(b)["origin_claim"] is None


def test_reopening_runs_no_migration_twice(db_url):
    with Ledger.open(db_url) as first:
        first.store_many(synthetic_corpus(3))
    with Ledger.open(db_url) as second:
        assert second.count() == 3
        with second.engine.connect() as conn:
            versions = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    assert versions == [("0001",)]


def test_migrations_match_the_schema(ledger):
    """The shipped migrations build exactly the tables in schema.py (no missing revision)."""
    import warnings

    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect

    from claimtrace.ledger.schema import metadata

    # Written by hand in the migration, per dialect: full-text structures (FTS5 tables; a
    # tsvector column and GIN index) and the DESC order indexes, which autogenerate cannot
    # compare.
    by_hand = ("claims_fts", "content_fts", "content_tsv", "_order'")
    with ledger.engine.connect() as conn, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("claims")}
    assert [d for d in diff if not any(mark in str(d) for mark in by_hand)] == []
    assert {
        "ix_claims_order",
        "ix_claims_kind_order",
        "ix_claims_stance_order",
        "ix_claims_source_order",
    } <= indexes


def test_a_batch_is_all_or_nothing(ledger):
    good = synthetic_article(1)
    bad = synthetic_article(2)
    bad = dataclasses.replace(bad, quantities=bad.quantities[:1] * 2)  # duplicate id
    with pytest.raises(Exception):  # noqa: B017 - the driver's IntegrityError
        ledger.store_many([good, bad])
    assert ledger.count() == 0
    assert ledger.count("claims") == 0


def test_optimize_keeps_queries_working(ledger):
    corpus = synthetic_corpus(5)
    ledger.store_many(corpus)
    ledger.optimize()
    assert len(query_claims(ledger, limit=None)) == sum(len(a.claims) for a in corpus)


def test_readers_do_not_wait_for_a_writer(ledger):
    """A query during an open write transaction answers at once, without its rows."""
    first, second = synthetic_corpus(2)
    ledger.store(first)
    writer = ledger._writer.connect()
    transaction = writer.begin()
    try:
        ledger._store(writer, [second], dt.datetime.now(dt.UTC), (set(), set()))
        assert ledger.article_ids() == [first.id]  # another connection, a snapshot
        assert {r["article_id"] for r in query_claims(ledger, limit=None)} == {first.id}
    finally:
        transaction.rollback()
        writer.close()
    assert ledger.count() == 1
