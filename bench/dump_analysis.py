"""Dump the full analysis of JSONL articles as JSON lines, to check that a change (a speed-up,
a refactoring) leaves the output byte-identical.

    python bench/dump_analysis.py ../shared/corpora/polnear/dev.jsonl --limit 84 > before.jsonl
    ... change the code ...
    python bench/dump_analysis.py ../shared/corpora/polnear/dev.jsonl --limit 84 > after.jsonl
    cmp before.jsonl after.jsonl

Each input line needs "text"; "date" (or "published"), "publisher" (or "outlet") and
"title" are passed on as the article's metadata when present.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimtrace.api import analyze_articles
from claimtrace.ingest import make_article
from claimtrace.model import to_dict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", type=Path)
    parser.add_argument("--model", default=None, help="base pipeline (default: shipped fast)")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    args = parser.parse_args()

    with args.texts.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    rows = rows[: args.limit] if args.limit else rows
    articles = [
        make_article(
            row["text"],
            origin=str(i),
            require_english=False,
            meta={
                "published": row.get("published") or row.get("date"),
                "outlet": row.get("outlet") or row.get("publisher"),
                "title": row.get("title"),
            },
        )
        for i, row in enumerate(rows)
    ]
    for article in analyze_articles(articles, model=args.model):
        sys.stdout.write(json.dumps(to_dict(article), ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
