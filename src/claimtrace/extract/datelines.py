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


def wire_datelines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every wire dateline that opens a line of ``text``."""
    out = []
    for line in re.finditer(r"^", text, re.MULTILINE):
        m = WIRE_DATELINE.match(text, line.start())
        if m:
            out.append((m.start(), m.end()))
    return out
