"""The claims and sources queries, checked against a brute-force filter of the corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrace.ledger import LedgerError
from claimtrace.ledger.queries import fts5_query, query_claims, query_sources
from claimtrace.ledger.rows import claim_uid
from claimtrace.ledger.synthetic import entity_pool, synthetic_corpus
from claimtrace.model import spans_text

CORPUS = synthetic_corpus(40, claims=5, seed=3)


@pytest.fixture
def filled(ledger):
    ledger.store_many(CORPUS)
    return ledger


def expected(predicate) -> set[str]:
    return {claim_uid(a.id, c.id) for a in CORPUS for c in a.claims if predicate(a, c)}


def uids(rows) -> set[str]:
    return {r["uid"] for r in rows}


def test_no_filter_returns_everything_newest_first(filled):
    rows = query_claims(filled, limit=None)
    assert uids(rows) == expected(lambda a, c: True)
    dates = [r["published"] for r in rows]
    assert dates == sorted(dates, reverse=True)


def test_limit_and_offset_page_through(filled):
    first = query_claims(filled, limit=7)
    second = query_claims(filled, limit=7, offset=7)
    assert len(first) == len(second) == 7
    assert not uids(first) & uids(second)


@pytest.mark.parametrize("kind", ["intelligence", "government", "MEDIA"])
def test_filter_by_source_kind(filled, kind):
    got = uids(query_claims(filled, kind=kind, limit=None))
    assert got == expected(lambda a, c: c.source_kind.value == kind.lower())
    assert got


@pytest.mark.parametrize("stance", ["deny", "assert", "no_comment"])
def test_filter_by_stance(filled, stance):
    got = uids(query_claims(filled, stance=stance, limit=None))
    assert got == expected(lambda a, c: c.stance.value == stance)
    assert got


def test_filter_by_dates_is_inclusive(filled):
    since, until = dt.date(2024, 1, 10), dt.date(2024, 1, 20)
    got = uids(query_claims(filled, since="2024-01-10", until=until, limit=None))
    assert got == expected(lambda a, c: since <= a.published <= until)
    assert got


def test_filter_by_source_entity_id_name_and_alias(filled):
    entity = CORPUS[0].claims[0].source_entity
    want = expected(lambda a, c: c.source_entity.id == entity.id)
    assert uids(query_claims(filled, source=entity.id, limit=None)) == want
    assert uids(query_claims(filled, source=entity.name.upper(), limit=None)) >= want
    for alias in entity.aliases:
        assert uids(query_claims(filled, source=alias, limit=None)) >= want


def test_filter_by_source_text_when_no_entity_matches(ledger):
    article = CORPUS[0]
    claim = article.claims[0]
    anonymous = type(claim)(
        id="x", source=claim.source, cue=claim.cue, content=claim.content
    )  # no entity
    import dataclasses

    ledger.store(dataclasses.replace(article, claims=(anonymous,), entities=()))
    word = spans_text(claim.source).split()[-1]  # "Source"/"12"... part of the text
    rows = query_claims(ledger, source=f"{word}", limit=None)
    assert uids(rows) == {claim_uid(article.id, "x")}


def test_about_uses_stemmed_full_text(filled):
    got = uids(query_claims(filled, about="drone", limit=None))
    assert got == expected(lambda a, c: "drones" in spans_text(c.content))
    assert got
    both = uids(query_claims(filled, about="the drones near Kyiv", limit=None))
    assert both == expected(
        lambda a, c: "drones" in spans_text(c.content) and "Kyiv" in spans_text(c.content)
    )


def test_about_with_quotes_and_operators_is_plain_words(filled):
    assert query_claims(filled, about='"drones" OR NOT (') is not None
    assert fts5_query('say "hi"') == 'content_text : ("say" AND "hi")'
    assert fts5_query("the") is None


def test_filters_combine(filled):
    got = uids(
        query_claims(
            filled, kind="military", stance="assert", about="troops", since="2024-01-05", limit=None
        )
    )
    assert got == expected(
        lambda a, c: (
            c.source_kind.value == "military"
            and c.stance.value == "assert"
            and "troops" in spans_text(c.content)
            and a.published >= dt.date(2024, 1, 5)
        )
    )


def test_bad_filters_are_clean_errors(filled):
    with pytest.raises(LedgerError):
        query_claims(filled, stance="shouted")
    with pytest.raises(LedgerError):
        query_claims(filled, kind="aliens")
    with pytest.raises(LedgerError):
        query_claims(filled, since="last week")


def test_sources_count_claims_by_stance_with_first_and_last_dates(filled):
    rows = query_sources(filled)
    by_id = {r["id"]: r for r in rows}
    pool = {e.id: e for e in entity_pool(seed=3)}
    for eid, row in by_id.items():
        mine = [(a, c) for a in CORPUS for c in a.claims if c.source_entity.id == eid]
        assert row["claims"] == len(mine)
        assert sum(row["by_stance"].values()) == len(mine)
        assert row["first"] == min(a.published for a, _ in mine)
        assert row["last"] == max(a.published for a, _ in mine)
        assert row["articles"] == len({a.id for a, _ in mine})
        assert row["name"] == pool[eid].name
    assert [r["claims"] for r in rows] == sorted((r["claims"] for r in rows), reverse=True)
    only = query_sources(filled, kind="media")
    assert only and all(r["kind"] == "media" for r in only)


def test_undated_articles_come_last_and_never_match_dates(filled):
    import dataclasses

    undated = dataclasses.replace(synthetic_corpus(1, claims=2, seed=99)[0], published=None)
    filled.store(undated)
    rows = query_claims(filled, limit=None)
    assert [r["article_id"] for r in rows[-2:]] == [undated.id, undated.id]
    assert rows[-1]["published"] is None
    assert undated.id not in {r["article_id"] for r in query_claims(filled, until="2030-01-01")}
    assert undated.id not in {r["article_id"] for r in query_claims(filled, since="2000-01-01")}
    source = {s["id"]: s for s in query_sources(filled)}
    eid = undated.claims[0].source_entity.id
    assert source[eid]["first"] is None or source[eid]["first"].year > 1


def test_about_gives_the_same_rows_whichever_plan_is_chosen(filled, monkeypatch):
    import claimtrace.ledger.queries as queries

    sparse = query_claims(filled, about="drones", kind="media", limit=5)
    monkeypatch.setattr(queries, "DENSE_MATCHES", 0)  # SQLite: walk the order index instead
    dense = query_claims(filled, about="drones", kind="media", limit=5)
    assert sparse == dense
    assert [r["uid"] for r in dense] == [
        r["uid"] for r in query_claims(filled, kind="media", limit=None) if "drones" in r["content"]
    ][:5]
