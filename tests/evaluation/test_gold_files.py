"""Gold JSON Lines files are read with clear errors."""

from __future__ import annotations

import pytest

from claimtrace.errors import ClaimtraceError
from claimtrace.evaluation.shared import read_gold_jsonl


def test_gold_rows_are_read_and_blank_lines_skipped(tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"a": 1}\n\n{"a": 2}\n', encoding="utf-8")
    assert read_gold_jsonl(gold) == [{"a": 1}, {"a": 2}]


@pytest.mark.parametrize(
    ("content", "message"), [(None, "not found"), ('{"a": 1}\nnope\n', "line 2")]
)
def test_a_missing_or_malformed_gold_file_is_a_clear_error(tmp_path, content, message) -> None:
    gold = tmp_path / "gold.jsonl"
    if content is not None:
        gold.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimtraceError, match=message):
        read_gold_jsonl(gold)
