"""Interview transcripts: the question-and-answer form of news interviews.

A Q&A piece opens with an introduction that names the interviewee and then alternates
labelled turns::

    Q: Why refreeze the Arctic at all?

    A: Because we are running out of time.

    More of the same answer, in a paragraph of its own.

The labels are "Q:"/"A:", "Q."/"A.", "Question:"/"Answer:" or "Interviewer:" for the
questions and, for the answers, "A" or "Answer" or the interviewee's own name
("LINDQVIST:"). An article is read as a transcript when it has at least two question
lines and two answer lines; a single "A:" line or a lettered list is left alone.

Each turn is a claim: its source is the label ("A", "Q", "LINDQVIST"), its cue the colon
(or full stop) after the label, as for the other labelled lines
(:func:`claimtrace.extract.attribution.labelled_line_roles`), and its content the turn's
text, one span per paragraph, each without its closing full stop. The paragraphs after a
turn's line that carry no label of their own belong to the turn, up to the next labelled
line, a separator line ("* * *") or an editor's note ("This interview has been edited for
length and clarity."). The sources step (:func:`claimtrace.extract.sources.resolve_sources`)
resolves an answer's "A" to the interviewee and a question's "Q" to the interviewer.
"""

from __future__ import annotations

import collections
import functools
import re
from dataclasses import dataclass

from claimtrace.model import Span

QUESTION, ANSWER = "question", "answer"

#: Labels of the interviewer's turns and of the interviewee's, when not a name.
QUESTION_LABELS = frozenset(("q", "question", "interviewer"))
_ANSWER_LABELS = frozenset(("a", "answer"))

#: A turn line: a label opening the line, a colon or full stop, the turn's text. The
#: label may be set in bold with markdown asterisks ("**Q:** ...").
_TURN_LINE = re.compile(
    r"^[ \t]*(?:\*\*|__)?[ \t]*(?P<label>[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*){0,3})"
    r"[ \t]*(?:\*\*|__)?(?P<cue>[:.])(?:\*\*|__)?[ \t]+(?:\*\*|__)?[ \t]*(?P<content>\S[^\n]*)$",
    re.MULTILINE,
)

#: Line labels that are never a speaker ("UPDATE: ...", "Photo: ...").
_NOT_NAME_LABELS = frozenset(
    (
        "update", "updated", "breaking", "note", "editor's note", "editor’s note", "photo",
        "photos", "video", "watch", "read", "read more", "related", "see also", "source",
        "sources", "credit", "caption", "correction", "clarification", "transcript", "email",
        "listen", "advertisement", "q&a", "interview", "name", "title", "date", "location",
    )
)  # fmt: skip

#: A line that ends the last turn: a separator without letters, or an editor's note on
#: the interview ("This interview has been edited for length and clarity.").
_SEPARATOR = re.compile(r"^[^\w\n]+$")
_EDITOR_NOTE = re.compile(
    r"^\W*(?:this|the|our)?\s*(?:interview|conversation|transcript|exchange|q\s*&\s*a)\b"
    r"[^\n]{0,60}\b(?:edited|condensed|abridged|shortened|translated)\b"
    r"|^\W*(?:edited|condensed)\s+(?:and\s+condensed\s+)?for\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Turn:
    """One labelled turn: who speaks (question or answer), the label, its colon (or full
    stop) and the turn's paragraphs."""

    role: str
    label: Span
    cue: Span
    content: tuple[Span, ...]

    @property
    def named(self) -> bool:
        """Whether the answer's label is a name ("LINDQVIST") rather than "A"."""
        return self.role == ANSWER and self.label.text.lower() not in _ANSWER_LABELS


def _role_of(label: str, names: collections.Counter) -> str | None:
    low = label.lower()
    if low in QUESTION_LABELS:
        return QUESTION
    if low in _ANSWER_LABELS:
        return ANSWER
    if names[label] >= 2 and low not in _NOT_NAME_LABELS:
        return ANSWER  # "LINDQVIST: ..." between "INTERVIEWER: ..." lines
    return None


def _paragraph(text: str, lo: int, hi: int) -> Span | None:
    """The span of ``text[lo:hi]`` without surrounding space or a closing full stop."""
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if hi > lo and text[hi - 1] == "." and text[hi - 2 : hi] != "..":
        hi -= 1
    return Span.of(text, lo, hi) if hi > lo else None


def _label(line: str) -> bool:
    """Whether ``line`` opens with a label of its own: "UPDATE: ...", "CARTER: ..."."""
    m = _TURN_LINE.match(line)
    if m is None or m.group("cue") != ":":
        return False
    label = m.group("label")
    return label.lower() in _NOT_NAME_LABELS or (len(label) > 1 and label.isupper())


@functools.lru_cache(maxsize=16)
def qa_turns(text: str) -> tuple[Turn, ...]:
    """The turns of the Q&A transcript in ``text``, in text order; empty when ``text``
    has fewer than two question lines or fewer than two answer lines (kept for the last
    few texts: the attribution, sources and stance steps all ask)."""
    return tuple(_find_turns(text))


def _find_turns(text: str) -> list[Turn]:
    lines = list(_TURN_LINE.finditer(text))
    if not lines:
        return []
    names = collections.Counter(m.group("label") for m in lines if m.group("cue") == ":")
    # a name may answer only where "Interviewer" asks: "PENCE: ..." alone is a debate
    interviewer = sum(1 for m in lines if m.group("label").lower() == "interviewer") >= 2
    found: list[tuple[str, re.Match[str]]] = []
    for m in lines:
        role = _role_of(m.group("label"), names if interviewer else collections.Counter())
        if role is None:
            continue
        if m.group("cue") == "." and m.group("label").lower() not in ("q", "a"):
            continue  # "Question." is no label; "Q." and "A." are
        found.append((role, m))
    counts = collections.Counter(role for role, _ in found)
    if counts[QUESTION] < 2 or counts[ANSWER] < 2:
        return []
    starts = [m.start() for _, m in found]
    turns: list[Turn] = []
    for k, (role, m) in enumerate(found):
        end = starts[k + 1] if k + 1 < len(found) else len(text)
        spans: list[Span] = []
        first = _paragraph(text, m.start("content"), m.end("content"))
        if first is not None:
            spans.append(first)
        pos = m.end("content")
        while pos < end:
            nl = text.find("\n", pos)
            line_end = end if nl < 0 or nl >= end else nl
            line = text[pos:line_end]
            if line.strip():
                if _SEPARATOR.match(line.strip()) or _EDITOR_NOTE.match(line) or _label(line):
                    break  # the turn ends at a separator, a note or another label
                piece = _paragraph(text, pos, line_end)
                if piece is not None:
                    spans.append(piece)
            pos = line_end + 1
        if not spans:
            continue
        turns.append(
            Turn(
                role,
                Span.of(text, *m.span("label")),
                Span.of(text, *m.span("cue")),
                tuple(spans),
            )
        )
    return turns


#: A headline label of the piece itself: "Q&A: ...", "Interview: ...".
_PIECE_LABEL = re.compile(r"^[ \t]*(?:Q\s*&\s*A|Q\s+and\s+A|Interview)[ \t]*:", re.I | re.M)


def qa_claims(text: str, raw: list, *, confidence: float) -> list:
    """``raw`` (source, cue, content, confidence) tuples with the transcript's turns as
    claims (see the module docstring): the claims that overlap a turn's label (the
    tagger's "Q" source, an "A: I understand" cue, a content over two turns) and a
    headline's "Q&A:" colon are replaced; a claim inside a turn's text (the interviewee
    reporting what someone else said) stays. Without a transcript ``raw`` is returned
    as it is."""
    turns = qa_turns(text)
    if not turns:
        return raw
    labels = [(t.label.start, t.cue.end) for t in turns]
    pieces = [m.span() for m in _PIECE_LABEL.finditer(text)]
    regions = [(t.label.start, t.content[-1].end + 1) for t in turns]

    def replaced(r) -> bool:
        spans = (*r[0], *r[1], *r[2])
        if any(s.start < hi and lo < s.end for s in spans for lo, hi in labels):
            return True
        if any(lo <= s.start and s.end <= hi for s in r[1] for lo, hi in pieces):
            return True
        # a content running out of one turn into another
        return any(
            s.start < hi and lo < s.end and not (lo <= s.start and s.end <= hi)
            for s in r[2]
            for lo, hi in regions
        )

    kept = [r for r in raw if not replaced(r)]
    made = [((t.label,), (t.cue,), t.content, confidence) for t in turns]
    return kept + made


def is_turn_source(text: str, source: Span) -> Turn | None:
    """The transcript turn whose label is ``source``, if any."""
    for turn in qa_turns(text):
        if turn.label.start == source.start and turn.label.end == source.end:
            return turn
    return None
