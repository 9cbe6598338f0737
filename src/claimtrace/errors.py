"""claimtrace's exceptions. Each carries a short code, shown by the CLI and the API."""

from __future__ import annotations


class ClaimtraceError(Exception):
    """Base class: a problem claimtrace can explain to the user."""

    code = "CT000"

    @property
    def message(self) -> str:
        """The explanation without the code prefix (the code travels separately)."""
        return super().__str__()

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ModelNotFound(ClaimtraceError):
    code = "CT001"


class InputError(ClaimtraceError):
    """An input that cannot be read as an article: empty, binary, malformed, ..."""

    code = "CT010"


class EmptyInput(InputError):
    code = "CT011"


class BinaryInput(InputError):
    code = "CT012"


class MalformedInput(InputError):
    code = "CT013"


class UnsupportedLanguage(InputError):
    code = "CT014"


class InputTooLarge(InputError):
    code = "CT015"


class FetchError(InputError):
    """A URL could not be fetched: network error, HTTP error, timeout, bad content."""

    code = "CT030"


class AddressRefused(FetchError):
    """The URL's host is a private, loopback or link-local address (SSRF guard)."""

    code = "CT031"


class ContentTypeRefused(FetchError):
    code = "CT032"


class LedgerError(ClaimtraceError):
    """The ledger database cannot be opened, migrated or written."""

    code = "CT040"


class ArticleNotFound(LedgerError):
    code = "CT041"


class AnalysisError(ClaimtraceError):
    """An extractor failed on one article; the batch goes on."""

    code = "CT020"
