"""JSON and JSON Lines: the records of :mod:`claimtrace.model` as plain data."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from claimtrace.model import Article, Failure, to_dict


def article_json(article: Article, *, indent: int | None = None) -> str:
    return json.dumps(to_dict(article), ensure_ascii=False, indent=indent)


def write_json(articles: Iterable[Article], out: IO[str]) -> None:
    """One object for a single article, an array for several."""
    items = [to_dict(a) for a in articles]
    payload = items[0] if len(items) == 1 else items
    out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def write_jsonl(article: Article, out: IO[str]) -> None:
    out.write(article_json(article) + "\n")
    out.flush()


def failure_json(failure: Failure) -> str:
    return json.dumps({"failure": to_dict(failure)}, ensure_ascii=False)
