"""Ingest: files, standard input, HTML, feeds and JSONL into unanalysed Article records.

>>> from claimtrace.ingest import read_inputs
>>> for item in read_inputs(["article.txt"], meta={"published": "2024-10-24"}):
...     print(item)

Every item is an :class:`~claimtrace.model.Article` (text, metadata, content-hash id,
no claims yet) or a :class:`~claimtrace.model.Failure` explaining why it was refused.
Nothing here raises for bad input.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from claimtrace.errors import InputError, InputTooLarge, MalformedInput
from claimtrace.ingest.readers import READERS, Draft, failure_from, read_jsonl_lines
from claimtrace.ingest.validate import MAX_CHARS, check_text
from claimtrace.model import Article, Failure, article_id

FORMATS = tuple(READERS)
#: Largest single file read whole (text, HTML, feed); JSONL streams line by line.
MAX_FILE_BYTES = 64 * 2**20
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def detect_format(data: bytes, name: str = "") -> str:
    """Guess the input format from the content first, then from the file extension."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed")) and any(
        tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")
    ):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<head" in head:
        return "html"
    if head.startswith(b"{"):
        first_line = head.split(b"\n", 1)[0]
        try:
            json.loads(first_line)
            return "jsonl"
        except ValueError:
            pass
    return _EXTENSIONS.get(Path(name).suffix.lower(), "text")


def parse_date(value: Any) -> dt.date | None:
    """A publication date from ISO text, a date or a datetime; None when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        from dateutil import parser as date_parser

        return date_parser.parse(text).date()
    except (ValueError, OverflowError):
        return None


def sidecar_meta(path: Path) -> dict[str, Any]:
    """Metadata from ``NAME.meta.json`` beside ``NAME.txt`` (as in the project's examples)."""
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MalformedInput(f"{sidecar}: unreadable metadata sidecar ({exc})") from exc
    return data if isinstance(data, dict) else {}


def make_article(
    text: str,
    *,
    origin: str = "input",
    meta: Mapping[str, Any] | None = None,
    max_chars: int = MAX_CHARS,
    require_english: bool = True,
) -> Article:
    """Validate text and build an unanalysed Article; raises :class:`InputError` if refused."""
    meta = dict(meta or {})
    text = check_text(text, origin=origin, max_chars=max_chars, require_english=require_english)
    published = meta.get("published")
    date = parse_date(published)
    if published and date is None:
        raise MalformedInput(f"unreadable publication date {published!r}")
    return Article(
        id=article_id(text),
        text=text,
        published=date,
        title=meta.get("title") or None,
        url=meta.get("url") or None,
        outlet=meta.get("outlet") or None,
        author=meta.get("author") or None,
        language=meta.get("language") or ("en" if require_english else None),
        origin=origin,
    )


def _read_source(source: str, input_format: str | None) -> Iterator[Draft | Failure]:
    """Yield drafts and failures for one source (a path or ``-``)."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        name, size, meta = "stdin", len(data), {}
        fmt = input_format or detect_format(data, name)
    else:
        path = Path(source)
        if path.is_dir():
            raise InputError("is a directory (pass the files inside it)")
        with path.open("rb") as handle:
            fmt = input_format or detect_format(handle.read(4096), source)
        if fmt == "jsonl":  # streams: an archive may be far larger than memory
            with path.open("rb") as handle:
                yield from read_jsonl_lines(handle, source)
            return
        name, size = source, path.stat().st_size
        data = path.read_bytes() if size <= MAX_FILE_BYTES else b""
        meta = sidecar_meta(path) if fmt == "text" else {}
    if size > MAX_FILE_BYTES:
        yield Failure(
            name, f"file is larger than {MAX_FILE_BYTES // 2**20} MiB", InputTooLarge.code
        )
        return
    for item in READERS[fmt](data, name):
        if isinstance(item, Draft):
            item.meta = {**meta, **item.meta}
        yield item


def read_inputs(
    sources: Iterable[str],
    *,
    input_format: str | None = None,
    meta: Mapping[str, Any] | None = None,
    max_chars: int = MAX_CHARS,
    require_english: bool = True,
) -> Iterator[Article | Failure]:
    """Read each source (a path or ``-``) into Articles or Failures, never raising.

    ``meta`` (published, outlet, url, title, author) fills what a source does not say
    itself: a sidecar or the HTML's own metadata wins over it for that source.
    """
    if input_format is not None and input_format not in READERS:
        raise ValueError(f"unknown input format {input_format!r}; choose from {FORMATS}")
    defaults = {k: v for k, v in (meta or {}).items() if v is not None}
    for source in sources:
        try:
            for item in _read_source(source, input_format):
                if isinstance(item, Failure):
                    yield item
                else:
                    yield _finish(item, defaults, max_chars, require_english)
        except (OSError, InputError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            yield Failure(source, f"cannot read: {reason}", InputError.code)


def _finish(
    draft: Draft, defaults: Mapping[str, Any], max_chars: int, require_english: bool
) -> Article | Failure:
    merged = {**defaults, **draft.meta}
    try:
        return make_article(
            draft.text,
            origin=draft.origin,
            meta=merged,
            max_chars=max_chars,
            require_english=require_english,
        )
    except InputError as exc:
        return failure_from(exc, draft.origin)


__all__ = ["FORMATS", "detect_format", "make_article", "parse_date", "read_inputs"]
