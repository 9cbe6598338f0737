from __future__ import annotations

import pytest

from claimtrace.errors import (
    BinaryInput,
    EmptyInput,
    InputTooLarge,
    MalformedInput,
    UnsupportedLanguage,
)
from claimtrace.ingest.validate import check_text, decode, detect_language, looks_binary


def test_binary_data_is_refused():
    with pytest.raises(BinaryInput):
        decode(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00" * 20)


def test_utf16_with_bom_is_text():
    data = "Officials said the bridge was closed.".encode("utf-16")
    assert not looks_binary(data)
    assert decode(data) == "Officials said the bridge was closed."


def test_cp1252_is_decoded_when_utf8_fails():
    data = "The minister\u2019s caf\u00e9 \u2014 closed.".encode("cp1252")
    assert decode(data) == "The minister\u2019s caf\u00e9 \u2014 closed."


def test_empty_and_whitespace_text_are_refused():
    for text in ("", "   \n\t  "):
        with pytest.raises(EmptyInput):
            check_text(text)


def test_huge_text_is_refused_with_the_limit_in_the_message():
    with pytest.raises(InputTooLarge, match="limit of 100"):
        check_text("word " * 100, max_chars=100)


def test_broken_encoding_is_refused():
    with pytest.raises(MalformedInput):
        check_text("Officials \ufffd\ufffd said \ufffd\ufffd\ufffd the \ufffd plan " * 3)


@pytest.mark.parametrize(
    "text",
    [
        "Der Bundeskanzler hat am Donnerstag gesagt, dass die Regierung neue Maßnahmen plant.",
        "Правительство заявило в четверг, что войска уже находятся в стране и готовы к бою.",
        "El gobierno dijo el jueves que las tropas ya están en el país y que habrá más anuncios.",
    ],
)
def test_non_english_is_refused(text):
    with pytest.raises(UnsupportedLanguage, match="English only"):
        check_text(text)


def test_non_english_can_be_forced():
    text = "Der Bundeskanzler hat am Donnerstag gesagt, dass die Regierung neue Maßnahmen plant."
    assert check_text(text, require_english=False) == text


def test_english_passes_and_is_cleaned(english_text):
    assert check_text("  " + english_text.replace(" ", " \x07", 1) + "\r\n") == english_text
    assert detect_language(english_text)[0] == "en"


def test_short_text_is_not_judged_by_language():
    assert detect_language("Oui.") == (None, 0.0)
