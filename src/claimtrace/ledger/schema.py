"""The ledger's relational schema (SQLAlchemy 2 Core tables).

One row per record of :mod:`claimtrace.model`; ``position`` columns keep the order of
tuples so an article read back equals the article stored. Records that are only ever
read with their parent (spans, hedges) are JSON columns; everything a query filters on
is a plain indexed column.

Keys:

- ``articles.id`` is the content-hash id (:func:`claimtrace.model.article_id`), so
  storing the same text twice finds the same row.
- ``claims.uid`` is ``"<article id>:<claim id>"``, stable across processes and
  databases; cross-article tables (``claim_links``, ``claim_origins``) refer to it.
  ``claims.pk`` is an integer key for the SQLite FTS5 index (a rowid that survives VACUUM).
- ``entities.id`` is the entity's normalised id ("ukraine/government"), shared by all
  articles; ``entity_aliases`` collects every name an entity was seen under, and
  ``article_entities`` keeps each article's own copy of the record (for exact read-back).

Changing anything here needs a new Alembic revision in ``migrations/versions``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

ARTICLE_ID = Text
CLAIM_UID = Text
ENTITY_ID = Text

#: Relations a cross-article claim link may carry.
LINK_RELATIONS = ("same_proposition", "agrees", "contradicts", "repeats")

articles = Table(
    "articles",
    metadata,
    Column("id", ARTICLE_ID, primary_key=True),
    Column("text", Text, nullable=False),
    Column("published", Date),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("language", Text),
    Column("origin", Text),
    Column("comment_requests", JSON, nullable=False),
    Column("analyzer_version", Text),
    Column("analyzer_model", Text),
    Column("analyzer_schema", Text),
    # sha256 of the stored analysis: storing an identical analysis again is a no-op,
    # storing a different one (a re-analysis) replaces the article's records.
    Column("analysis_hash", Text, nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", ENTITY_ID, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("country", Text),
    Index("ix_entities_kind", "kind"),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", ENTITY_ID, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    # lower-cased for lookup; the case-preserved forms live in article_entities
    Column("alias", Text, primary_key=True),
    Index("ix_entity_aliases_alias", "alias"),
)

article_entities = Table(
    "article_entities",
    metadata,
    Column(
        "article_id", ARTICLE_ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("entity_id", ENTITY_ID, ForeignKey("entities.id"), primary_key=True),
    Column("position", Integer),  # index in Article.entities; NULL: only a claim refers to it
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("country", Text),
    Column("aliases", JSON, nullable=False),
    Index("ix_article_entities_entity_id", "entity_id"),
)

#: ``claims.sort_date`` of an undated article: sorts after every real date.
UNDATED = dt.date(1, 1, 1)

_ORDER = (text("sort_date DESC"), "article_id", "position")

claims = Table(
    "claims",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("uid", CLAIM_UID, nullable=False, unique=True),
    Column("article_id", ARTICLE_ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("position", Integer, nullable=False),
    # The article's date, or UNDATED: date filters and the newest-first order need no join,
    # and a NOT NULL key sorts the same way on every database.
    Column("sort_date", Date, nullable=False),
    Column("source_spans", JSON, nullable=False),
    Column("cue_spans", JSON, nullable=False),
    Column("content_spans", JSON, nullable=False),
    Column("source_text", Text, nullable=False),
    Column("cue_text", Text, nullable=False),
    Column("content_text", Text, nullable=False),
    Column("source_kind", String(32), nullable=False),
    Column("source_entity_id", ENTITY_ID, ForeignKey("entities.id")),
    Column("origin_entity_id", ENTITY_ID, ForeignKey("entities.id")),  # Claim.origin
    Column("quote_type", String(16), nullable=False),
    Column("stance", String(16), nullable=False),
    Column("hedges", JSON, nullable=False),
    Column("basis", String(16), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("channel", JSON),
    Column("said_on", Text),
    Column("said_at", Text),
    Column("confidence", Float, nullable=False),
    UniqueConstraint("article_id", "claim_id"),
    # Each filter column followed by the listing order (newest first, then article order),
    # so a filtered "first 100" is an index range scan with no sort.
    Index("ix_claims_order", *_ORDER),
    Index("ix_claims_kind_order", "source_kind", *_ORDER),
    Index("ix_claims_stance_order", "stance", *_ORDER),
    Index("ix_claims_source_order", "source_entity_id", *_ORDER),
    Index("ix_claims_origin_entity_id", "origin_entity_id"),
)

claim_refs = Table(
    "claim_refs",
    metadata,
    Column("claim_uid", CLAIM_UID, ForeignKey("claims.uid", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(16), primary_key=True),  # quantity | timex | place
    Column("position", Integer, primary_key=True),
    Column("ref_id", Text, nullable=False),
    CheckConstraint("kind IN ('quantity', 'timex', 'place')", name="kind"),
)

via_links = Table(
    "via_links",
    metadata,
    Column("claim_uid", CLAIM_UID, ForeignKey("claims.uid", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),  # 0: the direct source's source
    Column("source_spans", JSON, nullable=False),
    Column("cue_spans", JSON, nullable=False),
    Column("source_text", Text, nullable=False),
    Column("entity_id", ENTITY_ID, ForeignKey("entities.id")),
    Index("ix_via_links_entity_id", "entity_id"),
)


def _span_columns() -> list[Column]:
    return [
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("span_text", Text, nullable=False),
    ]


quantities = Table(
    "quantities",
    metadata,
    Column(
        "article_id", ARTICLE_ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    *_span_columns(),
    Column("value", Float, nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("value_high", Float),
    Column("counted", Text),
    Column("modifiers", JSON, nullable=False),
    Column("unit", Text),
    Column("currency", Text),
    Column("change", String(8)),
    Column("event", Text),
    Column("modality", String(16), nullable=False),
    Column("vague", Boolean, nullable=False),
    Index("ix_quantities_counted", "counted"),
)

timexes = Table(
    "timexes",
    metadata,
    Column(
        "article_id", ARTICLE_ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    *_span_columns(),
    Column("type", String(16), nullable=False),
    Column("value", Text),
    Column("mod", Text),
    Index("ix_timexes_value", "value"),
)

places = Table(
    "places",
    metadata,
    Column(
        "article_id", ARTICLE_ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    *_span_columns(),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("use", String(16), nullable=False),
    Column("country", Text),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Index("ix_places_name", "name"),
    Index("ix_places_country", "country"),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("code", Text, nullable=False),
    Column("stage", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("first_failed_at", DateTime(timezone=True), nullable=False),
    Column("last_failed_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True)),  # set when a later try stored it
    UniqueConstraint("origin"),
)

# ---------------------------------------------------------------- cross-article (next stage)

claim_links = Table(
    "claim_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_a", CLAIM_UID, nullable=False),
    Column("claim_b", CLAIM_UID, nullable=False),
    Column("relation", String(32), nullable=False),
    Column("score", Float),
    Column("method", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["claim_a"], ["claims.uid"], ondelete="CASCADE"),
    ForeignKeyConstraint(["claim_b"], ["claims.uid"], ondelete="CASCADE"),
    UniqueConstraint("claim_a", "claim_b", "relation"),
    CheckConstraint(
        "relation IN (" + ", ".join(f"'{r}'" for r in LINK_RELATIONS) + ")", name="relation"
    ),
    CheckConstraint("claim_a <> claim_b", name="distinct"),
    Index("ix_claim_links_claim_b", "claim_b"),
)

claim_origins = Table(
    "claim_origins",
    metadata,
    Column("claim_uid", CLAIM_UID, primary_key=True),
    # the earliest stored claim this one repeats, if any, and/or the entity it traces to
    Column("origin_claim", CLAIM_UID),
    Column("origin_entity_id", ENTITY_ID, ForeignKey("entities.id")),
    Column("method", Text, nullable=False),
    Column("confidence", Float),
    Column("created_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["claim_uid"], ["claims.uid"], ondelete="CASCADE"),
    ForeignKeyConstraint(["origin_claim"], ["claims.uid"], ondelete="SET NULL"),
    Index("ix_claim_origins_origin_claim", "origin_claim"),
)

#: Tables holding one article's records, children before parents (delete order).
ARTICLE_CHILD_TABLES = (article_entities, quantities, timexes, places)
