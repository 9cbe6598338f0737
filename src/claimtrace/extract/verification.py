"""The narrator's word on whether a claim could be checked.

News copy often follows a claim with a note that it could not be verified: in apposition
("..., a claim that could not be independently verified"), in a concessive tail ("..., though
the figure could not be confirmed") or in the next sentence ("The footage could not be
independently verified.", "Reuters could not immediately verify the report."). The note is
not part of what the source said (attribution cuts it from the content) and it marks the
claim as unverified by the reporter (stance records the hedge).
"""

from __future__ import annotations

import re

#: "could not be independently verified", "has yet to be confirmed"
_NOT_VERIFIED = (
    r"(?:could|can|has|have|had)\s*(?:not|n't|yet\s+to)\s+(?:be|been)\s+"
    r"(?:independently\s+|immediately\s+)*(?:verified|confirmed)"
)
#: what the note calls the claim: "a claim", "the figure", "those reports"
_THE_CLAIM = (
    r"(?:claims?|assertions?|allegations?|reports?|accounts?|figures?|numbers?|tolls?|"
    r"footage|video|videos|images?|photos?|photographs?|information|statements?|details)"
)

#: "the figure", "those two reports": what a concessive or separate note calls the claim
_DETERMINERS = "the|this|that|these|those|its|their"
_NOTED_CLAIM = rf"(?:{_DETERMINERS})\s+(?:[\w-]+\s+){{0,2}}?{_THE_CLAIM}"
#: the reporter's own failure to check: "could not independently verify", "was unable to
#: confirm"
_COULD_NOT_VERIFY = (
    r"(?:could|was|were)\s+(?:not|unable\s+to)\s+(?:independently\s+|immediately\s+)*"
    r"(?:verify|confirm)"
)

#: In apposition after the content: ", a claim that could not be independently verified".
APPOSITION = re.compile(
    rf"\W{{0,3}}(?:a|an|the)\s+{_THE_CLAIM}\s+(?:that|which)\s+(?P<what>{_NOT_VERIFIED})",
    re.IGNORECASE,
)
#: A concessive tail after the content: ", though the figure could not be confirmed".
CONCESSIVE = re.compile(
    rf",?\s+(?:though|although|but)\s+{_NOTED_CLAIM}\s+(?P<what>{_NOT_VERIFIED})",
    re.IGNORECASE,
)
#: A sentence of its own: "The footage could not be independently verified.",
#: "Reuters could not immediately verify the report." (capitalised: it opens the sentence)
NEXT_SENTENCE = re.compile(
    rf"\s*(?:(?:The|This|That|These|Those|Its|Their|His|Her)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_THE_CLAIM}\s+(?P<what>{_NOT_VERIFIED})"
    rf"|(?:[A-Z][\w.&'’-]*\s+){{1,4}}(?P<verb>{_COULD_NOT_VERIFY}))\b",
)
#: Up to the end of the content's sentence, where a note of its own may follow.
_REST_OF_SENTENCE = re.compile(r"[^.!?\n]*?[.!?][\"”’]?\s+")
#: The comment in apposition, whatever it says of the claim (attribution cuts it off):
#: ", a claim that", ", an allegation which".
COMMENT_ON_THE_CLAIM = re.compile(
    r",\s+(?:a|an)\s+(?:claim|assertion|allegation|charge|accusation|account|statement|"
    r"report|contention)s?\s+(?:that|which)\b",
    re.IGNORECASE,
)


def unverified_note(text: str, end: int) -> tuple[int, int] | None:
    """The (start, end) of the words saying that the claim whose content ends at ``end``
    could not be verified: in apposition or a concessive tail right after it, or opening
    the next sentence. None when the text says nothing of it."""
    for rx in (APPOSITION, CONCESSIVE):
        m = rx.match(text, end)
        if m:
            return m.span("what")
    stop = _REST_OF_SENTENCE.match(text, end)
    if stop is None:
        return None
    m = NEXT_SENTENCE.match(text, stop.end())
    if m is None:
        return None
    return m.span("what") if m.group("what") else m.span("verb")


def concessive_tail(text: str, start: int, end: int) -> int | None:
    """Where a content in ``text[start:end]`` stops before a concessive note that it could
    not be verified (", though the figure could not be confirmed"), or None."""
    m = CONCESSIVE.search(text, start, end)
    return m.start() if m and m.start() > start else None


#: A content piece that is the note itself: "the figure could not be confirmed".
NOTE_ALONE = re.compile(
    rf"\W*(?:(?:though|although|but)\s+)?{_NOTED_CLAIM}\s+{_NOT_VERIFIED}\W*",
    re.IGNORECASE,
)


def is_note(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is nothing but a note that a claim was not verified."""
    return NOTE_ALONE.fullmatch(text, start, end) is not None


#: Any note, wherever it stands: its words are the reporter's, never a claim of their own
#: ("could not be confirmed" is no passive report, "Reuters could not verify the claim"
#: no claim of Reuters).
_ANY_NOTE = re.compile(
    rf"\b(?:{_DETERMINERS}|a|an)\s+(?:[\w-]+\s+){{0,2}}?{_THE_CLAIM}\s+"
    rf"(?:(?:that|which)\s+)?{_NOT_VERIFIED}"
    rf"|\b{_COULD_NOT_VERIFY}\s+(?:{_DETERMINERS}|his|her)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_THE_CLAIM}\b",
    re.IGNORECASE,
)


def note_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every note in ``text`` that a claim could not be verified."""
    return [m.span() for m in _ANY_NOTE.finditer(text)]
