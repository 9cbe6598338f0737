"""A per-Doc view of what the extractors ask of a Doc again and again, computed once.

``doc.has_annotation(...)`` and ``list(doc.sents)`` each walk the whole Doc; called once
per claim or per quantity they make a component O(claims x tokens). A :class:`DocView`
holds their answers as plain data: build it once per Doc (:meth:`DocView.of`) and pass it
to the pure functions that accept ``view=``. Those functions build one themselves when
called alone, so a view is an optimisation, never a requirement.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class DocView:
    """Sentence bounds and annotation flags of one Doc (character offsets, end-exclusive)."""

    doc: Doc
    #: ``doc.text`` (which spaCy joins from the tokens anew at every access)
    text: str
    #: (start_char, end_char) of every sentence; None when the Doc has no sentence
    #: boundaries (neither a sentencizer nor a parser ran)
    sentences: tuple[tuple[int, int], ...] | None
    #: the sentences' end offsets, for bisection
    sentence_ends: tuple[int, ...]
    has_pos: bool
    has_tag: bool
    has_dep: bool

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        has_dep = doc.has_annotation("DEP")
        sentences = None
        if doc.has_annotation("SENT_START") or has_dep:
            sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
        return cls(
            doc=doc,
            text=doc.text,
            sentences=sentences,
            sentence_ends=tuple(e for _, e in sentences or ()),
            has_pos=doc.has_annotation("POS"),
            has_tag=doc.has_annotation("TAG"),
            has_dep=has_dep,
        )

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int, int | None]:
        """(start, end) of the sentences covering [start, end) and the end of the next one.

        Without sentence boundaries, sentences end at ". " or a line break.
        """
        if self.sentences is not None:
            sents, ends = self.sentences, self.sentence_ends
            last_index = len(sents) - 1
            first = min(bisect.bisect_right(ends, start), last_index)
            last = min(bisect.bisect_left(ends, end), last_index)
            nxt = sents[last + 1][1] if last + 1 < len(sents) else None
            return sents[first][0], sents[last][1], nxt
        text = self.text
        s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
        s = 0 if s < 0 else s + 1
        e = text.find(". ", end)
        e = len(text) if e < 0 else e + 1
        n = text.find(". ", e + 1)
        return s, e, (None if e >= len(text) else (len(text) if n < 0 else n + 1))


__all__ = ["DocView"]
