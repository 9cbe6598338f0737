"""Readers: one input (bytes + where they came from) to article drafts or failures.

A reader yields :class:`Draft` items (text and metadata, not yet validated) or
:class:`claimtrace.model.Failure` records. Validation and id assignment happen once, in
:func:`claimtrace.ingest.make_article`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from claimtrace.errors import ClaimtraceError, EmptyInput, InputError, MalformedInput
from claimtrace.ingest.validate import decode
from claimtrace.model import Failure

log = logging.getLogger(__name__)

META_KEYS = ("published", "title", "url", "outlet", "author", "language")


@dataclass
class Draft:
    """Article text and metadata as read, before validation."""

    text: str
    origin: str
    meta: dict[str, Any] = field(default_factory=dict)


def failure_from(exc: ClaimtraceError, origin: str) -> Failure:
    """The Failure record of a refused input item."""
    return Failure(origin=origin, reason=exc.message, code=exc.code, stage="ingest")


def read_text(data: bytes, origin: str) -> Iterator[Draft | Failure]:
    try:
        yield Draft(decode(data, origin=origin), origin)
    except InputError as exc:
        yield failure_from(exc, origin)


def html_to_draft(html: str, origin: str) -> Draft:
    """Main text and metadata of an HTML page through trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if document is None:
        raise EmptyInput("no article text found in the HTML")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = data.get("text") or ""
    if not text.strip():
        raise EmptyInput("no article text found in the HTML")
    meta = {
        "title": data.get("title"),
        "published": data.get("date"),
        "author": data.get("author"),
        "outlet": data.get("sitename") or data.get("hostname"),
        "url": data.get("url"),
        "language": data.get("language"),
    }
    return Draft(text, origin, {k: v for k, v in meta.items() if v})


def read_html(data: bytes, origin: str) -> Iterator[Draft | Failure]:
    try:
        yield html_to_draft(decode(data, origin=origin), origin)
    except InputError as exc:
        yield failure_from(exc, origin)


def read_feed(data: bytes, origin: str) -> Iterator[Draft | Failure]:
    """RSS/Atom: every entry that carries content (or a summary) becomes an article."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", "not a feed")
        yield Failure(origin, f"malformed feed: {reason}", MalformedInput.code)
        return
    if not parsed.entries:
        yield Failure(origin, "the feed has no entries", EmptyInput.code)
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        entry_origin = f"{origin}#{number}"
        body = ""
        if entry.get("content"):
            body = "\n".join(part.get("value", "") for part in entry.content)
        body = body or entry.get("summary", "")
        if not body.strip():
            yield Failure(entry_origin, "feed entry has no content", EmptyInput.code)
            continue
        try:
            draft = html_to_draft(
                f"<html><body><article>{body}</article></body></html>", entry_origin
            )
        except InputError:
            draft = Draft(_strip_tags(body), entry_origin)
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        draft.meta.update(
            {
                k: v
                for k, v in {
                    "title": entry.get("title"),
                    "url": entry.get("link"),
                    "author": entry.get("author"),
                    "outlet": outlet,
                    "published": dt.date(*published[:3]).isoformat() if published else None,
                }.items()
                if v
            }
        )
        yield draft


def _strip_tags(html: str) -> str:
    import lxml.html

    try:
        return lxml.html.fromstring(html).text_content()
    except Exception:  # lxml raises several types on garbage
        return html


def read_jsonl_lines(lines: Iterable[bytes], origin: str) -> Iterator[Draft | Failure]:
    """One article per line: {"id"?, "text", "published"?, "url"?, "outlet"?, "title"?}.

    Lines are read one at a time, so an archive of millions of articles streams.
    """
    for number, raw in enumerate(lines, start=1):
        line_origin = f"{origin}:{number}"
        if not raw.strip():
            continue
        try:
            record = json.loads(decode(raw, origin=line_origin))
        except InputError as exc:
            yield failure_from(exc, line_origin)
            continue
        except json.JSONDecodeError as exc:
            reason = f"invalid JSON: {exc.msg} (column {exc.colno})"
            yield Failure(line_origin, reason, MalformedInput.code)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            reason = 'a JSONL line must be an object with a "text" string'
            yield Failure(line_origin, reason, MalformedInput.code)
            continue
        meta = {k: record[k] for k in META_KEYS if record.get(k) is not None}
        record_id = record.get("id")
        yield Draft(record["text"], str(record_id) if record_id is not None else line_origin, meta)


def read_jsonl(data: bytes, origin: str) -> Iterator[Draft | Failure]:
    yield from read_jsonl_lines(data.splitlines(), origin)


READERS = {"text": read_text, "html": read_html, "feed": read_feed, "jsonl": read_jsonl}
