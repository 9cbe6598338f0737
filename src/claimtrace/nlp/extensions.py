"""The ``Doc._`` attributes claimtrace components read and write.

They hold plain data only (strings, numbers and the frozen records of
:mod:`claimtrace.model`), never spaCy ``Span`` objects, so Docs pickle and work with
``nlp.pipe(n_process=...)``.

- ``doc._.ct_meta``: article metadata set before the pipeline runs: a dict with
  ``published`` (ISO date string or None), ``outlet``, ``url``, ``title``.
- ``doc._.ct_timexes``, ``ct_places``, ``ct_quantities``, ``ct_claims``, ``ct_entities``,
  ``ct_comment_requests``: lists of records, filled by the components.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

LIST_ATTRS = (
    "ct_timexes",
    "ct_places",
    "ct_quantities",
    "ct_claims",
    "ct_entities",
    "ct_comment_requests",
)


def register_extensions() -> None:
    """Register the claimtrace ``Doc._`` attributes (idempotent)."""
    if not Doc.has_extension("ct_meta"):
        Doc.set_extension("ct_meta", default=None)
    for name in LIST_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def published_date(doc: Doc) -> dt.date | None:
    """The article's publication date from ``doc._.ct_meta``, if known."""
    meta = doc._.ct_meta or {}
    value = meta.get("published")
    if not value:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def records(doc: Doc, name: str) -> list:
    """The list stored in ``doc._.<name>``, created empty on first use."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


register_extensions()
