"""docs/schema.md must show exactly what claimtrace prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

from claimtrace.model import Article, to_dict

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def shape(value):
    """The key structure of JSON data: dicts by keys, lists by their first element."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return None


def example() -> dict:
    (block,) = re.findall(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return json.loads(block)


def test_example_reads_back_and_prints_identically():
    data = example()
    assert to_dict(Article.from_dict(data)) == data


def test_example_spans_index_the_text():
    data = example()
    text = data["text"]

    def walk(value):
        if isinstance(value, dict):
            if set(value) == {"start", "end", "text"}:
                assert text[value["start"] : value["end"]] == value["text"]
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)


def test_every_record_type_appears_with_every_key():
    data = example()
    for key in ("claims", "quantities", "timexes", "places", "entities", "comment_requests"):
        assert data[key], f"the example should show a {key} record"
    assert data["claims"][0]["via"] and data["claims"][0]["hedges"]
