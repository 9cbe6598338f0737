"""The package's data files load through one helper."""

import pytest

from claimtrace.data import read_json


def test_shipped_lexicon_is_parsed() -> None:
    data = read_json("quantity_lexicon.json")
    assert "qualifiers_before" in data


def test_missing_optional_file_is_none() -> None:
    assert read_json("no-such-weights.json", missing_ok=True) is None


def test_missing_required_file_raises() -> None:
    with pytest.raises(FileNotFoundError):
        read_json("no-such-lexicon.json")
