"""Golden test: the demo article's output has the documented structure, end to end.

It pins structure (keys, types, span integrity, ids), not wording-specific results.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimtrace.cli import main
from tests.test_schema_doc import example, shape


def compatible(printed, documented) -> bool:
    """Same key structure, where an empty list (none printed or none documented) matches
    a list of anything."""
    if isinstance(printed, dict) and isinstance(documented, dict):
        return set(printed) == set(documented) and all(
            compatible(printed[k], documented[k]) for k in printed
        )
    if isinstance(printed, list) and isinstance(documented, list):
        return not printed or not documented or compatible(printed[0], documented[0])
    return printed == documented


def demo_output() -> dict:
    result = CliRunner().invoke(main, ["demo", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_demo_output_matches_the_documented_schema():
    data = demo_output()
    documented = shape(example())
    printed = shape(data)
    assert set(printed) == set(documented)
    for key, value in printed.items():
        if isinstance(value, list) and value:  # every record printed has the documented keys
            assert compatible(value, documented[key]), key
    assert data["published"] == "2024-10-24" and data["outlet"] == "Newsweek"


def test_demo_spans_index_the_text_and_ids_resolve():
    data = demo_output()
    text = data["text"]
    ids = {kind: {r["id"] for r in data[kind]} for kind in ("quantities", "timexes", "places")}
    for record_list in ("quantities", "timexes", "places"):
        for record in data[record_list]:
            span = record["span"]
            assert text[span["start"] : span["end"]] == span["text"]
    for claim in data["claims"]:
        for role in ("source", "cue", "content"):
            for span in claim[role]:
                assert text[span["start"] : span["end"]] == span["text"]
        assert claim["cue"] or claim["content"]
        assert set(claim["quantities"]) <= ids["quantities"]
        assert set(claim["dates"]) <= ids["timexes"]
        assert set(claim["places"]) <= ids["places"]
