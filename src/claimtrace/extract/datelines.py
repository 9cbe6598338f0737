"""Wire-story datelines: "PORTO ALEGRE, Brazil (AP) — ", "WASHINGTON (Reuters) - ".

A dateline opens a paragraph and says where (and through which agency) a story was filed.
It is neither part of a claim's content nor a mention that a later "the agency" or "the
office" can refer to.
"""

from __future__ import annotations

import re

#: A wire-story dateline opening a paragraph: a place name in capitals, an optional
#: region or date after a comma, an optional agency in brackets, then a dash.
WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z][A-Z.'’ -]*(?:,\s+[A-Z][\w.'’ -]*?)?\s*(?:\([A-Za-z .&-]+\))?\s*[—–-]{1,2}\s+"
)


def dateline_at(text: str, pos: int, end: int | None = None) -> re.Match[str] | None:
    """The wire dateline that opens a line of ``text`` at ``pos`` (within ``end``), or None
    where ``pos`` is no line start or no dateline stands there."""
    if pos > 0 and text[pos - 1] != "\n":
        return None
    return WIRE_DATELINE.match(text, pos, len(text) if end is None else end)


def past_dateline(text: str, lo: int, hi: int) -> int:
    """``lo``, or the end of a wire dateline that ``text[lo:hi]`` opens with (a source
    phrase that the sentence splitter left behind one: "WASHINGTON (AP) - Two officials")."""
    m = WIRE_DATELINE.match(text, lo, hi)
    return m.end() if m else lo


def wire_datelines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every wire dateline that opens a line of ``text``."""
    found = (dateline_at(text, line.start()) for line in re.finditer(r"^", text, re.MULTILINE))
    return [m.span() for m in found if m]
