"""Open a ledger database, migrate it, and store articles and failures idempotently.

>>> from claimtrace.ledger import Ledger
>>> with Ledger.open("sqlite:///claimtrace.db") as ledger:     # doctest: +SKIP
...     ledger.store_many(articles)
...     ledger.get_article(articles[0].id) == articles[0]
True

Every ``store_many`` call is one transaction: either all its articles are stored or none
is. Storing an article whose id is already there with the same analysis does nothing;
with a different analysis (a re-analysis) its records are replaced. So a crash at any
moment loses at most the batch in flight, and running the same input again completes
the rest without duplicates.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, select, update
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError

from claimtrace.errors import ArticleNotFound, LedgerError
from claimtrace.ledger import rows as R
from claimtrace.ledger import schema as S
from claimtrace.model import Article, Failure

#: Used when neither ``--db`` nor ``CLAIMTRACE_DB`` is given: a SQLite file in the
#: current directory.
DEFAULT_DB = "sqlite:///claimtrace.db"
ENV_DB = "CLAIMTRACE_DB"

_MIGRATIONS = Path(__file__).parent / "migrations"
WRITE_OPTION = "claimtrace_write"  # execution option: this transaction will write


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``db``, ``$CLAIMTRACE_DB`` or the default SQLite file.

    A plain path means a SQLite file; ``postgresql://`` and ``postgres://`` URLs use the
    psycopg 3 driver.
    """
    db = db or os.environ.get(ENV_DB) or DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{db}"
    for prefix in ("postgresql://", "postgres://"):
        if db.startswith(prefix):
            return "postgresql+psycopg://" + db[len(prefix) :]
    return db


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so
        # DDL (migrations) is transactional too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        if url not in ("sqlite://", "sqlite:///:memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")  # durable across process kills
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        # Writers take the write lock up front (a deferred transaction that read first
        # could not upgrade while another writer commits); readers never block (WAL).
        write = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def make_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (Alembic ``upgrade head``)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        if engine.dialect.name == "postgresql":
            # one migrator at a time; the lock ends with the transaction
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7207466)")
        current = set(MigrationContext.configure(conn).get_current_heads())
        if current == heads:
            return
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


@dataclass(frozen=True, slots=True)
class StoreResult:
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0

    def __add__(self, other: StoreResult) -> StoreResult:
        return StoreResult(
            self.inserted + other.inserted,
            self.replaced + other.replaced,
            self.unchanged + other.unchanged,
        )


@dataclass(frozen=True, slots=True)
class StoredFailure:
    origin: str
    reason: str
    code: str
    stage: str
    attempts: int
    first_failed_at: dt.datetime
    last_failed_at: dt.datetime
    resolved_at: dt.datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "reason": self.reason,
            "code": self.code,
            "stage": self.stage,
            "attempts": self.attempts,
            "first_failed_at": self.first_failed_at.isoformat(),
            "last_failed_at": self.last_failed_at.isoformat(),
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
        }


_CHUNK = 500  # ids per IN (...) list


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class Ledger:
    """A ledger database. Open with :meth:`open`; use as a context manager."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        # Entity ids and (id, alias) pairs this process has seen committed: rows in those
        # tables are never deleted, so they need not be upserted again.
        self._known_entities: set[str] = set()
        self._known_aliases: set[tuple[str, str]] = set()
        self._writer = engine.execution_options(**{WRITE_OPTION: True})

    @classmethod
    def open(cls, db: str | None = None, *, migrate_schema: bool = True) -> Ledger:
        """Open (and create or migrate) the ledger at ``db`` (see :func:`database_url`)."""
        url = database_url(db)
        try:
            engine = make_engine(url)
            if migrate_schema:
                migrate(engine)
        except (SQLAlchemyError, OSError, ImportError) as exc:
            safe = make_url(url).render_as_string(hide_password=True)
            raise LedgerError(f"cannot open the ledger at {safe}: {exc}") from exc
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- dialect helpers

    def _insert(self, table):
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        elif self.dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        else:  # pragma: no cover - other databases are not supported yet
            raise LedgerError(f"unsupported database: {self.dialect}")
        return dialect_insert(table)

    # --------------------------------------------------------------------------- store

    def store(self, article: Article) -> StoreResult:
        return self.store_many([article])

    def store_many(self, articles: Iterable[Article]) -> StoreResult:
        """Store a batch of articles in one transaction (idempotent, see module doc)."""
        batch: dict[str, Article] = {}
        for article in articles:
            batch[article.id] = article  # the same id twice in a batch: the last wins
        if not batch:
            return StoreResult()
        now = _utcnow()
        pending: tuple[set, set] = (set(), set())
        with self._writer.begin() as conn:
            result = self._store(conn, list(batch.values()), now, pending)
        self._known_entities |= pending[0]  # committed
        self._known_aliases |= pending[1]
        return result

    def _store(
        self, conn: Connection, batch: list[Article], now: dt.datetime, pending: tuple[set, set]
    ) -> StoreResult:
        ids = [a.id for a in batch]
        existing: dict[str, str] = {}
        for part in _chunks(ids):
            query = select(S.articles.c.id, S.articles.c.analysis_hash).where(
                S.articles.c.id.in_(part)
            )
            existing.update(dict(conn.execute(query).all()))
        tables: dict[str, list[dict]] = {}
        replaced: list[str] = []
        unchanged = 0
        for article in batch:
            rows = R.article_rows(article, stored_at=now)
            old = existing.get(article.id)
            if old is not None:
                if old == rows["articles"][0]["analysis_hash"]:
                    unchanged += 1
                    continue
                replaced.append(article.id)
            for name, table_rows in rows.items():
                tables.setdefault(name, []).extend(table_rows)
        if replaced:
            self._delete_articles(conn, replaced)
        if not tables.get("articles"):
            self._resolve(conn, [a.origin for a in batch if a.origin])
            return StoreResult(unchanged=unchanged)
        self._upsert_entities(conn, tables["article_entities"], pending)
        for table in (
            S.articles,
            S.article_entities,
            S.claims,
            S.claim_refs,
            S.via_links,
            S.quantities,
            S.timexes,
            S.places,
        ):
            if tables[table.name]:
                self._insert_rows(conn, table, tables[table.name])
        self._resolve(conn, [a.origin for a in batch if a.origin])
        inserted = len(tables["articles"]) - len(replaced)
        return StoreResult(inserted=inserted, replaced=len(replaced), unchanged=unchanged)

    def _insert_rows(self, conn: Connection, table, rows: list[dict]) -> None:
        """``INSERT`` many rows through the driver's ``executemany``.

        Values are converted by the same SQLAlchemy type processors ``conn.execute(insert(
        table), rows)`` would use (JSON, dates, booleans); only SQLAlchemy's per-row
        parameter bookkeeping is skipped, which was a third of the storing time.
        """
        dialect = conn.dialect
        quote = dialect.identifier_preparer.quote
        columns = list(rows[0])
        processors = [
            table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns
        ]
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join([mark] * len(columns))})"
        )
        get = itemgetter(*columns)
        convert = [(i, p) for i, p in enumerate(processors) if p is not None]
        params: list = []
        for row in rows:
            values = get(row)
            if convert:
                values = list(values)
                for i, process in convert:
                    if values[i] is not None:
                        values[i] = process(values[i])
                values = tuple(values)
            params.append(values)
        conn.exec_driver_sql(sql, params)

    def _delete_articles(self, conn: Connection, ids: list[str]) -> None:
        for part in _chunks(ids):
            uids = select(S.claims.c.uid).where(S.claims.c.article_id.in_(part))
            for table in (S.claim_refs, S.via_links):
                conn.execute(delete(table).where(table.c.claim_uid.in_(uids)))
            conn.execute(delete(S.claims).where(S.claims.c.article_id.in_(part)))
            for table in S.ARTICLE_CHILD_TABLES:
                conn.execute(delete(table).where(table.c.article_id.in_(part)))
            conn.execute(delete(S.articles).where(S.articles.c.id.in_(part)))

    def _upsert_entities(
        self, conn: Connection, entity_rows: list[dict], pending: tuple[set, set]
    ) -> None:
        """Add entities and aliases not stored yet (``ON CONFLICT DO NOTHING``)."""
        entities: dict[str, tuple] = {}
        aliases: set[tuple[str, str]] = set()
        for row in entity_rows:
            eid = row["entity_id"]
            if eid not in self._known_entities:
                entities.setdefault(eid, (eid, row["name"], row["kind"], row["country"]))
            for alias in (row["name"], *row["aliases"]):
                pair = (eid, alias.lower())
                if pair not in self._known_aliases:
                    aliases.add(pair)
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        if entities:
            conn.exec_driver_sql(
                "INSERT INTO entities (id, name, kind, country) "
                f"VALUES ({mark}, {mark}, {mark}, {mark}) ON CONFLICT (id) DO NOTHING",
                sorted(entities.values()),
            )
        if aliases:
            conn.exec_driver_sql(
                f"INSERT INTO entity_aliases (entity_id, alias) VALUES ({mark}, {mark}) "
                "ON CONFLICT (entity_id, alias) DO NOTHING",
                sorted(aliases),
            )
        pending[0].update(entities)
        pending[1].update(aliases)

    def _resolve(self, conn: Connection, origins: list[str]) -> None:
        """Mark stored failures of these origins as resolved."""
        for part in _chunks(origins):
            conn.execute(
                update(S.failures)
                .where(S.failures.c.origin.in_(part), S.failures.c.resolved_at.is_(None))
                .values(resolved_at=_utcnow())
            )

    def optimize(self) -> None:
        """Refresh the planner's statistics (after a large ingest), so filtered queries
        pick the right index. SQLite samples (``analysis_limit``), so it stays fast."""
        with self._writer.begin() as conn:
            if self.dialect == "sqlite":
                conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
            conn.exec_driver_sql("ANALYZE")

    # ------------------------------------------------------------------------ failures

    def record_failure(self, failure: Failure) -> None:
        self.record_failures([failure])

    def record_failures(self, failures: Iterable[Failure]) -> None:
        """Store failures keyed by origin: a repeated failure counts another attempt."""
        failures = list(failures)
        if not failures:
            return
        now = _utcnow()
        stmt = self._insert(S.failures)
        stmt = stmt.on_conflict_do_update(
            index_elements=["origin"],
            set_={
                "reason": stmt.excluded.reason,
                "code": stmt.excluded.code,
                "stage": stmt.excluded.stage,
                "attempts": S.failures.c.attempts + 1,
                "last_failed_at": stmt.excluded.last_failed_at,
                "resolved_at": None,
            },
        )
        with self._writer.begin() as conn:
            for f in failures:  # one row at a time: the same origin may repeat in a batch
                conn.execute(
                    stmt,
                    {
                        "origin": f.origin,
                        "reason": f.reason,
                        "code": f.code,
                        "stage": f.stage,
                        "attempts": 1,
                        "first_failed_at": now,
                        "last_failed_at": now,
                        "resolved_at": None,
                    },
                )

    def resolve_failures(self, origins: Iterable[str]) -> None:
        with self._writer.begin() as conn:
            self._resolve(conn, list(origins))

    def failures(self, *, include_resolved: bool = False) -> list[StoredFailure]:
        query = select(S.failures).order_by(S.failures.c.last_failed_at, S.failures.c.id)
        if not include_resolved:
            query = query.where(S.failures.c.resolved_at.is_(None))
        with self.engine.connect() as conn:
            return [
                StoredFailure(
                    origin=r.origin,
                    reason=r.reason,
                    code=r.code,
                    stage=r.stage,
                    attempts=r.attempts,
                    first_failed_at=r.first_failed_at,
                    last_failed_at=r.last_failed_at,
                    resolved_at=r.resolved_at,
                )
                for r in conn.execute(query)
            ]

    # --------------------------------------------------------------------------- read

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored."""
        ids = list(ids)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for part in _chunks(ids):
                query = select(S.articles.c.id).where(S.articles.c.id.in_(part))
                found.update(conn.scalars(query))
        return found

    def has_article(self, article_id: str) -> bool:
        return bool(self.known_ids([article_id]))

    def count(self, table: str = "articles") -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(S.metadata.tables[table]))

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(S.articles.c.id).order_by(S.articles.c.id)))

    def get_article(self, article_id: str) -> Article:
        """The stored article, equal to the one stored; :class:`ArticleNotFound` if absent."""
        with self.engine.connect() as conn:
            return self._read_article(conn, article_id)

    def find_article(self, prefix: str) -> Article:
        """The article whose id is ``prefix`` or starts with it (at least 6 characters)."""
        with self.engine.connect() as conn:
            if len(prefix) < 6:
                raise ArticleNotFound(f"give at least 6 characters of an article id: {prefix!r}")
            ids = list(
                conn.scalars(
                    select(S.articles.c.id)
                    .where(S.articles.c.id.startswith(prefix, autoescape=True))
                    .limit(2)
                )
            )
            if len(ids) > 1:
                raise ArticleNotFound(f"{prefix!r} matches several articles; give more of the id")
            return self._read_article(conn, ids[0] if ids else prefix)

    def _read_article(self, conn: Connection, article_id: str) -> Article:
        def mappings(table, column):
            return list(conn.execute(select(table).where(column == article_id)).mappings())

        found = mappings(S.articles, S.articles.c.id)
        if not found:
            raise ArticleNotFound(f"no article {article_id!r} in the ledger")
        uids = select(S.claims.c.uid).where(S.claims.c.article_id == article_id)
        return R.article_from_rows(
            found[0],
            entities=mappings(S.article_entities, S.article_entities.c.article_id),
            claims=mappings(S.claims, S.claims.c.article_id),
            refs=list(
                conn.execute(
                    select(S.claim_refs).where(S.claim_refs.c.claim_uid.in_(uids))
                ).mappings()
            ),
            via=list(
                conn.execute(
                    select(S.via_links).where(S.via_links.c.claim_uid.in_(uids))
                ).mappings()
            ),
            quantities=mappings(S.quantities, S.quantities.c.article_id),
            timexes=mappings(S.timexes, S.timexes.c.article_id),
            places=mappings(S.places, S.places.c.article_id),
        )

    # ------------------------------------------------------------- cross-article links

    def add_link(
        self,
        claim_a: str,
        claim_b: str,
        relation: str,
        *,
        method: str,
        score: float | None = None,
    ) -> None:
        """Record that two claims (by uid) are related; re-adding updates score and method.

        ``relation`` is one of :data:`claimtrace.ledger.schema.LINK_RELATIONS`. Symmetric
        relations are stored once, with the smaller uid first.
        """
        if relation not in S.LINK_RELATIONS:
            raise LedgerError(f"unknown link relation {relation!r}; use one of {S.LINK_RELATIONS}")
        if relation != "repeats":  # "a repeats b" has a direction; the others do not
            claim_a, claim_b = sorted((claim_a, claim_b))
        stmt = self._insert(S.claim_links)
        stmt = stmt.on_conflict_do_update(
            index_elements=["claim_a", "claim_b", "relation"],
            set_={"score": stmt.excluded.score, "method": stmt.excluded.method},
        )
        with self._writer.begin() as conn:
            conn.execute(
                stmt,
                {
                    "claim_a": claim_a,
                    "claim_b": claim_b,
                    "relation": relation,
                    "score": score,
                    "method": method,
                    "created_at": _utcnow(),
                },
            )

    def links(self, claim: str) -> list[dict[str, Any]]:
        """Every link that involves the claim with this uid."""
        c = S.claim_links.c
        query = select(c.claim_a, c.claim_b, c.relation, c.score, c.method).where(
            (c.claim_a == claim) | (c.claim_b == claim)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query.order_by(c.id)).mappings()]

    def set_origin(
        self,
        claim: str,
        *,
        method: str,
        origin_claim: str | None = None,
        origin_entity: str | None = None,
        confidence: float | None = None,
    ) -> None:
        """Record where a claim traces back to: an earlier claim, an entity, or both."""
        values = {
            "origin_claim": origin_claim,
            "origin_entity_id": origin_entity,
            "method": method,
            "confidence": confidence,
        }
        stmt = self._insert(S.claim_origins)
        stmt = stmt.on_conflict_do_update(index_elements=["claim_uid"], set_=values)
        with self._writer.begin() as conn:
            conn.execute(stmt, {"claim_uid": claim, "created_at": _utcnow(), **values})

    def origin(self, claim: str) -> dict[str, Any] | None:
        c = S.claim_origins.c
        query = select(c.origin_claim, c.origin_entity_id, c.method, c.confidence).where(
            c.claim_uid == claim
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return dict(row) if row else None
