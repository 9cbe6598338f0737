"""The ledger: every analysis stored in SQLite or PostgreSQL, queryable, nothing lost.

- :mod:`.schema`: tables (SQLAlchemy Core), migrated by Alembic (``migrations/``) when
  a ledger is opened.
- :mod:`.store`: :class:`Ledger` (open, idempotent batch upserts keyed by the
  content-hash article id, failures, cross-article links and origins).
- :mod:`.queries`: claims, sources and article views for the CLI and the API.
- :mod:`.ingest`: read, analyse and store inputs in committed batches.

SQLite needs nothing more; PostgreSQL needs the ``db`` extra (``pip install 'claimtrace[db]'``).
"""

from __future__ import annotations

from claimtrace.ledger.store import (
    DEFAULT_DB,
    ArticleNotFound,
    Ledger,
    LedgerError,
    StoreResult,
    database_url,
)

__all__ = ["DEFAULT_DB", "ArticleNotFound", "Ledger", "LedgerError", "StoreResult", "database_url"]
