"""Checks that turn raw bytes into article text, or refuse with a clear reason.

Refusals are :class:`claimtrace.errors.InputError` subclasses; callers turn them into
:class:`claimtrace.model.Failure` records so one bad item never stops a batch.
"""

from __future__ import annotations

import codecs
import functools
import unicodedata

from claimtrace.errors import (
    BinaryInput,
    EmptyInput,
    InputTooLarge,
    MalformedInput,
    UnsupportedLanguage,
)

#: Longest article text accepted, in characters (a long feature is ~100k).
MAX_CHARS = 2_000_000
#: Minimum letters before the language detector is trusted.
MIN_LETTERS_FOR_LANGUAGE = 40
#: Share of U+FFFD replacement characters above which an encoding is considered broken.
MAX_REPLACEMENT_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes, or many control bytes, in the first 8 KiB."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS if "16" in _ or "32" in _):
        return False  # UTF-16/32 text legitimately holds NUL bytes
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control / len(head) > 0.05


def decode(data: bytes, *, origin: str = "input", declared: str | None = None) -> str:
    """Decode bytes as text: a BOM or a declared charset first, then UTF-8, then cp1252.

    Raises :class:`BinaryInput` for binary data and :class:`MalformedInput` when the
    result is mostly replacement characters (a broken encoding).
    """
    if looks_binary(data):
        raise BinaryInput("binary data, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    candidates = [c for c in (declared, "utf-8") if c]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") / max(len(text), 1) <= MAX_REPLACEMENT_SHARE:
        return text
    try:  # Windows-1252 is the commonest non-UTF-8 encoding of English news pages
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise MalformedInput(f"broken text encoding ({exc.reason})") from exc


def clean_text(text: str) -> str:
    """Normalise newlines and Unicode (NFC), drop control characters and stray whitespace."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return text.strip()


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code and probability, or ``(None, 0.0)`` when the text is too short to tell."""
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS_FOR_LANGUAGE:
        return None, 0.0
    code, prob = _identifier().classify(sample)
    return code, float(prob)


def check_text(
    text: str, *, origin: str = "input", max_chars: int = MAX_CHARS, require_english: bool = True
) -> str:
    """Validate article text; return it cleaned, or raise an :class:`InputError`."""
    text = clean_text(text)
    if not text:
        raise EmptyInput("empty text, nothing to analyse")
    if len(text) > max_chars:
        raise InputTooLarge(
            f"{len(text):,} characters is more than the limit of {max_chars:,} "
            "(raise it with --max-chars)"
        )
    if text.count("\ufffd") / len(text) > MAX_REPLACEMENT_SHARE:
        raise MalformedInput("broken text encoding (many undecodable characters)")
    if require_english:
        code, prob = detect_language(text)
        if code is not None and code != "en" and prob >= 0.9:
            raise UnsupportedLanguage(
                f"the text looks like {code!r} (p={prob:.2f}); claimtrace analyses "
                "English only (use --no-language-check to force)"
            )
    return text
