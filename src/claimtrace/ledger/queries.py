"""Read-only queries over the ledger: claims, sources, one article.

Each returns plain dicts (JSON-ready apart from dates), so the CLI, an HTTP API and the
exporters share them. Filters map onto indexed columns:

- ``kind``, ``stance``, ``since``/``until``: indexes ``claims(source_kind|stance|..., sort_date
  DESC, article_id, position)``, which also give the listing order, so "the first 100" is
  a range scan. The page of claim keys is found first and only those rows are joined
  to their article and entity (a deferred join).
- ``source``: resolved first to entity ids (id, name or any alias seen, case-insensitive,
  or a name containing the text); claims whose source entity is one of them. When no
  entity matches, claims whose source *text* contains it.
- ``about``: full text over the claim content, all words required, English stemming
  (SQLite FTS5 ``porter``; PostgreSQL a stored ``to_tsvector('english', ...)`` column
  with a GIN index).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal_column, or_, select, text, union

from claimtrace.errors import LedgerError
from claimtrace.ledger import schema as S
from claimtrace.ledger.store import Ledger
from claimtrace.model import SourceKind, Stance

CLAIM_COLUMNS = (
    "uid",
    "article_id",
    "published",
    "outlet",
    "title",
    "source",
    "source_entity",
    "source_name",
    "source_kind",
    "cue",
    "content",
    "stance",
    "quote_type",
    "basis",
    "modality",
    "hedges",
    "confidence",
)

# Dropped from SQLite full-text queries, as PostgreSQL's english configuration drops them.
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    ]
)
_WORD = re.compile(r"\w+", re.UNICODE)


def _parse_date(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise LedgerError(f"--{name} wants a date like 2024-10-24, got {value!r}") from exc


def _enum_value(enum_type: Any, value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return enum_type(value.lower()).value
    except ValueError as exc:
        choices = ", ".join(m.value for m in enum_type)
        raise LedgerError(f"unknown {name} {value!r}; choose from {choices}") from exc


def fts5_query(about: str) -> str | None:
    """An FTS5 MATCH expression requiring every word of ``about`` in the claim content."""
    words = [w for w in _WORD.findall(about.lower()) if w not in _STOP_WORDS]
    if not words:
        return None
    phrase = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
    return f"content_text : ({phrase})"


#: Above this many full-text matches, the claims query walks the listing-order index and
#: probes the matches (it stops after a page); below it, it sorts the matches.
DENSE_MATCHES = 1000


def _about_clause(ledger: Ledger, about: str) -> ColumnElement[bool]:
    c = S.claims.c
    if ledger.dialect == "postgresql":
        return text("claims.content_tsv @@ plainto_tsquery('english', :about)").bindparams(
            about=about
        )
    if ledger.dialect == "sqlite":
        match = fts5_query(about)
        if match is None:
            return literal_column("1") == 1
        with ledger.engine.connect() as conn:
            count = conn.exec_driver_sql(
                "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?", (match,)
            ).scalar()
        # "+claims.pk" keeps SQLite from driving the query from the match list
        key = "+claims.pk" if count > DENSE_MATCHES else "claims.pk"
        return text(
            f"{key} IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :about)"
        ).bindparams(about=match)
    return c.content_text.ilike(f"%{about}%")  # pragma: no cover


def resolve_source(ledger: Ledger, source: str) -> list[str]:
    """Entity ids a ``--source`` text names: by id, name, alias, or part of the name."""
    low = source.strip().lower()
    e, a = S.entities.c, S.entity_aliases.c
    query = union(
        select(e.id).where(or_(e.id == source, func.lower(e.name) == low)),
        select(a.entity_id).where(a.alias == low),
        select(e.id).where(func.lower(e.name).contains(low, autoescape=True)),
    )
    with ledger.engine.connect() as conn:
        return sorted(conn.scalars(query))


def query_claims(
    ledger: Ledger,
    *,
    source: str | None = None,
    kind: str | None = None,
    stance: str | None = None,
    about: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Claims matching every given filter, newest article first."""
    c, a, e = S.claims.c, S.articles.c, S.entities.c
    where: list[ColumnElement[bool]] = []
    kind = _enum_value(SourceKind, kind, "source kind")
    stance = _enum_value(Stance, stance, "stance")
    if kind:
        where.append(c.source_kind == kind)
    if stance:
        where.append(c.stance == stance)
    since_date, until_date = _parse_date(since, "since"), _parse_date(until, "until")
    if since_date:
        where.append(c.sort_date >= since_date)
    if until_date:
        where.append(c.sort_date <= until_date)
        where.append(c.sort_date > S.UNDATED)
    if source:
        ids = resolve_source(ledger, source)
        if len(ids) == 1:  # equality lets the planner walk ix_claims_source_order in order
            where.append(c.source_entity_id == ids[0])
        elif ids:
            where.append(c.source_entity_id.in_(ids))
        else:
            where.append(c.source_text.icontains(source, autoescape=True))
    if about and about.strip():
        where.append(_about_clause(ledger, about))
    order = (c.sort_date.desc(), c.article_id, c.position)
    page = select(c.pk).where(*where).order_by(*order).offset(offset)
    if limit:
        page = page.limit(limit)
    page = page.subquery("page")
    query = (
        select(
            c.uid,
            c.article_id,
            a.published,
            a.outlet,
            a.title,
            c.source_text.label("source"),
            c.source_entity_id.label("source_entity"),
            e.name.label("source_name"),
            c.source_kind,
            c.cue_text.label("cue"),
            c.content_text.label("content"),
            c.stance,
            c.quote_type,
            c.basis,
            c.modality,
            c.hedges,
            c.confidence,
        )
        .select_from(
            page.join(S.claims, c.pk == page.c.pk)
            .join(S.articles, a.id == c.article_id)
            .outerjoin(S.entities, e.id == c.source_entity_id)
        )
        .order_by(*order)
    )
    with ledger.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    for row in rows:
        row["hedges"] = [h[3] for h in row["hedges"] or ()]
    return rows


def query_sources(
    ledger: Ledger, *, kind: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Each source entity with its claims counted by stance and its first and last dates."""
    c, e = S.claims.c, S.entities.c
    kind = _enum_value(SourceKind, kind, "source kind")
    dated = case((c.sort_date > S.UNDATED, c.sort_date))  # NULL for undated: min/max skip it
    query = (
        select(
            e.id,
            e.name,
            e.kind,
            c.stance,
            func.count().label("n"),
            func.min(dated).label("first"),
            func.max(dated).label("last"),
        )
        .select_from(S.claims.join(S.entities, e.id == c.source_entity_id))
        .group_by(e.id, e.name, e.kind, c.stance)
    )
    if kind:
        query = query.where(e.kind == kind)
    out: dict[str, dict[str, Any]] = {}
    with ledger.engine.connect() as conn:
        for r in conn.execute(query):
            item = out.setdefault(
                r.id,
                {
                    "id": r.id,
                    "name": r.name,
                    "kind": r.kind,
                    "claims": 0,
                    "by_stance": {},
                    "first": None,
                    "last": None,
                    "articles": 0,
                },
            )
            item["claims"] += r.n
            item["by_stance"][r.stance] = r.n
            if r.first and (item["first"] is None or r.first < item["first"]):
                item["first"] = r.first
            if r.last and (item["last"] is None or r.last > item["last"]):
                item["last"] = r.last
        articles = (
            select(c.source_entity_id, func.count(func.distinct(c.article_id)))
            .where(c.source_entity_id.in_(list(out)))
            .group_by(c.source_entity_id)
        )
        for eid, n in conn.execute(articles) if out else ():
            out[eid]["articles"] = n
    result = sorted(out.values(), key=lambda s: (-s["claims"], s["id"]))
    return result[:limit] if limit else result


def flatten(row: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    """A row for CSV/table output: dates as ISO text, lists joined, dicts as k=v."""
    out = {}
    for key in keys:
        value = row.get(key)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, dict):
            value = " ".join(f"{k}={v}" for k, v in sorted(value.items()))
        elif isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        out[key] = "" if value is None else value
    return out
