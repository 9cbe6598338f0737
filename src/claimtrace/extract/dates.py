"""Time expressions: a TIMEX3 tagger and normaliser (DATE, TIME, DURATION, SET).

Recognition is a pattern grammar over the raw text (month names, weekdays, relative
expressions, numbers of units, seasons, quarters, times of day, "every week" ...); each
pattern has a normaliser that computes a TimeML value by date arithmetic against the
article's publication date (the *anchor*). Without an anchor, expressions whose value
depends on it ("last week", "on Thursday") keep their span and type and get ``value=None``:
they are never guessed.

An underspecified date ("on Friday", "in May", "the fourth quarter") is resolved forwards
or backwards by the tense of its clause (:func:`claimtrace.extract.timex_rules.clause_tense`);
anaphoric ones ("the following month", "the previous Friday", "later that day") are counted
from the reference time the text has set (its last date of the right granularity), falling
back on the publication date.

Conventions follow the TimeML/TimeBank guidelines: the span includes determiners and
modifiers ("the past two months", "nearly four years"), but not the preposition ("on
Friday" -> "Friday"); weeks are ISO weeks ("2024-W42"); quarters "2024-Q3"; seasons
"2024-SU"; decades "199"; vague references PAST_REF / PRESENT_REF / FUTURE_REF; unknown
amounts in durations "X" ("several weeks" -> "PXW"); ``mod`` carries START / MID / END /
APPROX / MORE_THAN / LESS_THAN / BEFORE / AFTER where the text says so.

The public functions are :func:`find_timexes` (text -> TimeExpr records) and
:func:`said_on_for` (claim -> the value of the date its cue clause gives).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence

from claimtrace.extract.timex_rules import (
    RULES,
    Context,
    duration_value,
    iso_week,
    number_value,
    shift,
)
from claimtrace.model import Claim, Span, TimeExpr, TimexType

# --------------------------------------------------------------------------- driver


#: words written in lower case inside a sentence; capitalised there, they name something
#: ("ABC's \"This Week\"", "VOA Today", "USA Today")
_LOWER_TIME_WORDS = frozenset(
    [
        "this",
        "next",
        "last",
        "week",
        "today",
        "tonight",
        "month",
        "year",
        "now",
        "morning",
        "night",
        "weekend",
    ]
)


def _is_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a capitalised name (a programme, a newspaper) rather
    than a time: all its words are time words that a sentence writes in lower case, they
    are capitalised, and the span does not open a sentence (nor follows a capitalised
    name, for a single word)."""
    words = text[start:end].split()
    if not all(w.lower() in _LOWER_TIME_WORDS and w[0].isupper() for w in words):
        return False
    before = text[max(0, start - 40) : start].rstrip(" \"'“‘")
    if not before or before[-1] in ".!?:\n" or before.endswith(("_", "--")):
        return False  # a sentence (or quotation) opens here: "Today, the ..."
    if len(words) >= 2:
        return True
    prev = re.search(r"(\S+)$", before)
    return bool(prev and prev.group(1)[0].isupper() and before[-1].isalnum())


def _candidates(
    text: str, anchor: dt.date | None
) -> list[tuple[int, int, int, TimexType, str | None, str | None]]:
    found = []
    for pattern, handler, priority in RULES:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if start == end:
                continue
            # trailing spaces captured by optional groups never belong to the span
            while end > start and text[end - 1].isspace():
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            if _is_title(text, start, end):
                continue
            got = handler(m, Context(text, start, end, anchor))
            if got is None:
                continue
            typ, value, mod = got
            found.append((start, end, priority, typ, value, mod))
    return found


def _select(cands: list) -> list:
    """Longest (then highest-priority) non-overlapping candidates, in text order."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        i = bisect.bisect_left(taken, (c[0], c[1]))
        left = taken[i - 1] if i > 0 else None
        right = taken[i] if i < len(taken) else None
        if (left and left[1] > c[0]) or (right and right[0] < c[1]):
            continue
        taken.insert(i, (c[0], c[1]))
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


#: how far back a quarter mention makes "a year ago" mean that quarter a year before
QUARTER_CONTEXT_CHARS = 600


def _anaphoric_value(
    value: str, last_day: str | None, last_month: str | None, last_year: int | None
) -> str | None:
    """The value of an anaphoric expression, from the reference time the text has set.

    ``value`` is ``&STEPUNIT|FALLBACK`` ("&+1day|2024-03-07": the following day) or
    ``&±wdN|FALLBACK`` (the previous/following weekday N), ``&+0dayTMO|FALLBACK`` (a part
    of the reference day: "in the morning"): counted from the text's last
    day-level date (day, week, weekday), month-level date (month) or date (year); the
    fallback (counted from the publication date, or empty) when the text has set none.
    """
    code, _, fallback = value.partition("|")
    m = re.fullmatch(r"&([+-])wd(\d)", code)
    if m:
        if last_day is None:
            return fallback or None
        day = dt.date.fromisoformat(last_day)
        wd = int(m.group(2))
        if m.group(1) == "+":
            return (day + dt.timedelta(days=(wd - day.weekday()) % 7 or 7)).isoformat()
        return (day - dt.timedelta(days=(day.weekday() - wd) % 7 or 7)).isoformat()
    m = re.fullmatch(r"&([+-]\d+)(day|week|month|year)(T[A-Z]{2})?", code)
    if m is None:
        return fallback or None
    step, unit = int(m.group(1)), m.group(2)
    if unit in ("day", "week") and last_day is not None:
        return shift(dt.date.fromisoformat(last_day), step, unit) + (m.group(3) or "")
    if unit == "month" and last_month is not None:
        return shift(dt.date.fromisoformat(last_month + "-01"), step, unit)
    if unit == "year" and last_year is not None:
        return str(last_year + step)
    return fallback or None


def _contextual_values(text: str, chosen: list) -> list:
    """Refine values that depend on other timexes, in text order: "a year ago" in a
    quarterly report, anaphoric ones (``&...``: "the following month"), a clock time
    without a day (``%T10:35|FALLBACK``: on the day its sentence has named)."""
    out = []
    last_day: str | None = None
    last_day_end = 0
    last_month: str | None = None
    last_year: int | None = None
    last_point: str | None = None
    unresolved_date = False
    last_quarter: str | None = None
    last_at = -(10**9)
    for start, end, prio, typ, value, mod in chosen:
        if value and re.fullmatch(r"\d{4}-Q\d", value):
            last_quarter, last_at = value, end
        if start - last_at > QUARTER_CONTEXT_CHARS:
            last_quarter = None
        if value and value.startswith("@"):
            m = re.fullmatch(r"@([+-])(\d+)(day|week)", value)
            if m and last_day is None and unresolved_date:
                value = None  # counted from a date that itself is unknown (no anchor)
            elif m and last_day:
                days = int(m.group(2)) * (7 if m.group(3) == "week" else 1)
                day = dt.date.fromisoformat(last_day) + dt.timedelta(
                    days=days if m.group(1) == "+" else -days
                )
                value = day.isoformat()
            else:
                # no date to count from: TimeML's DURATION of the amount, without "after"
                end = start + len(
                    re.match(r".*?(?=\s+(?:after|before)$)", text[start:end]).group(0)
                )
                typ, value = (
                    TimexType.DURATION,
                    duration_value(float(m.group(2)) if m else None, m.group(3) if m else "day"),
                )
        if value == "&then":  # "until then": the last date the text has named
            value = last_point
        if value and value.startswith("&"):
            value = _anaphoric_value(value, last_day, last_month, last_year)
        if value and value.startswith("%"):
            # a clock time without a day: on the day its sentence has named, if any
            stamp, _, fallback = value[1:].partition("|")
            same_sentence = last_day is not None and not _SENT_END.search(text, last_day_end, start)
            value = f"{last_day}{stamp}" if same_sentence else fallback
        if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            last_day, last_day_end = value, end
        if value and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", value):
            last_month = value[:7]
        if value and re.match(r"\d{4}", value):
            last_year = int(value[:4])
            if typ in (TimexType.DATE, TimexType.TIME):
                last_point = value
        elif value is None and typ is TimexType.DATE:
            unresolved_date = True
        words = text[start:end].lower()
        if (
            value
            and last_quarter
            and re.fullmatch(r"\d{4}", value)
            and (
                "year ago" in words
                or "year earlier" in words
                or words.endswith("year-ago")
                or words.endswith("year-earlier")
            )
        ):
            value = f"{value}-Q{last_quarter[-1]}"
        out.append((start, end, prio, typ, value, mod))
    return out


#: an approximator or "sometime" before a point in time belongs to its extent (TimeML:
#: "around Nov. 1" with mod APPROX); "about" is left out, as it also means "concerning"
_APPROX_BEFORE = re.compile(
    r"(?:\b(?P<a>around|approximately|roughly|circa)|\b(?P<s>sometime))\s+$", re.I
)


def _with_approximator(text: str, chosen: list) -> list:
    out = []
    for start, end, prio, typ, value, mod in chosen:
        if (
            typ in (TimexType.DATE, TimexType.TIME)
            and value
            and not value.endswith("_REF")
            # a possessive date determines a noun: "around Wednesday's ruling" is the
            # preposition before the whole noun phrase
            and not re.match(r"['’]s\b", text[end : end + 3])
        ):
            m = _APPROX_BEFORE.search(text, max(0, start - 16), start)
            if m and (not out or out[-1][1] <= m.start()):
                start = m.start()
                mod = mod or ("APPROX" if m["a"] else None)
        out.append((start, end, prio, typ, value, mod))
    return out


#: a time expression used as a modifier before a noun: a hyphenated compound ("two-week",
#: "late-November", "third-quarter") or a count with a singular unit ("two day")
_PRENOMINAL = re.compile(
    r"the\s+(?:\S+-(?:[a-z]+|[A-Z][a-z]+\.?)|(?:\d+|[a-z]+)\s+"
    r"(?:second|minute|hour|day|week|month|year|decade|quarter))",
    re.I,
)
#: words after such an expression that show it is not before its noun
_NOT_A_HEAD_NOUN = re.compile(
    r"\s+(?:of|and|or|to|in|on|at|for|with|from|by|as|that|when|ended|ending|ago|earlier|"
    r"later|before|after|is|was|were|are|has|had|have|will|would|the|a|an|[a-z]+ed)\b"
)


def _without_head_determiner(text: str, chosen: list) -> list:
    """ "the two-week crisis", "the late-November trip": the article belongs to the noun the
    expression modifies, not to the expression (TimeML; TimeBank tags "two-week" alone)."""
    out = []
    for start, end, prio, typ, value, mod in chosen:
        if (
            _PRENOMINAL.fullmatch(text, start, end)
            and re.match(r"\s+[a-z]", text[end : end + 2])
            and not _NOT_A_HEAD_NOUN.match(text, end)
            and ("-" in text[start:end] or _count_above_one(text, start, end))
        ):
            start += len(re.match(r"the\s+", text[start:end], re.I).group(0))
        out.append((start, end, prio, typ, value, mod))
    return out


#: "the day before" / "the day after" right before a dated day ("the day before last
#: Tuesday's hearing", "the day after Christmas")
_DAY_BEFORE_AFTER = re.compile(r"\bthe\s+day\s+(?P<dir>before|after)\s+$", re.I)


def _day_before_after(text: str, chosen: list) -> list:
    """ "the day before last Tuesday": one DATE, the day next to the named one (as "the day
    before yesterday" is); the article is in the extent, as for every anaphoric day."""
    out: list = []
    for start, end, prio, typ, value, mod in chosen:
        if typ is TimexType.DATE and value and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            m = _DAY_BEFORE_AFTER.search(text, max(0, start - 20), start)
            if m and (not out or out[-1][1] <= m.start()):
                step = -1 if m["dir"].lower() == "before" else 1
                value = (dt.date.fromisoformat(value) + dt.timedelta(days=step)).isoformat()
                start = m.start()
        out.append((start, end, prio, typ, value, mod))
    return out


#: an open end after a point in time ("until 1994 or later", "for 1990 and beyond")
_OPEN_END_AFTER = re.compile(
    r"\s+(?:or\s+(?P<a>later)|and\s+(?P<b>beyond)|or\s+(?P<e>earlier))\b", re.I
)


def _with_open_end(text: str, chosen: list) -> list:
    """ "1994 or later", "1990 and beyond": the open end belongs to the point's extent
    (TimeBank tags both so), with mod ON_OR_AFTER / ON_OR_BEFORE (TimeML)."""
    out = []
    for i, (start, end, prio, typ, value, mod) in enumerate(chosen):
        m = _OPEN_END_AFTER.match(text, end)
        if (
            m
            and typ is TimexType.DATE
            and value
            and not value.endswith("_REF")
            and (i + 1 == len(chosen) or chosen[i + 1][0] >= m.end())
        ):
            end = m.end()
            mod = mod or ("ON_OR_BEFORE" if m["e"] else "ON_OR_AFTER")
        out.append((start, end, prio, typ, value, mod))
    return out


def _count_above_one(text: str, start: int, end: int) -> bool:
    """Whether the expression counts more than one unit ("the two day rally"; not "the
    third quarter", "the following year")."""
    first = text[start:end].split()[1].split("-")[0]
    n = number_value(first)
    return n is not None and n > 1


def find_timexes(text: str, *, anchor: dt.date | None = None, prefix: str = "t") -> list[TimeExpr]:
    """All TIMEX3 expressions in ``text``, normalised against ``anchor`` (publication date).

    Without an anchor, values that depend on it are None; absolute ones ("June 3, 2024")
    are still given. Ids are ``t1``, ``t2``... in text order.
    """
    chosen = _with_approximator(text, _contextual_values(text, _select(_candidates(text, anchor))))
    chosen = _day_before_after(text, _without_head_determiner(text, chosen))
    chosen = _with_open_end(text, chosen)
    return [
        TimeExpr(id=f"{prefix}{i}", span=Span.of(text, start, end), type=typ, value=value, mod=mod)
        for i, (start, end, _p, typ, value, mod) in enumerate(chosen, 1)
    ]


# --------------------------------------------------------------------------- said_on

_SENT_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘A-Z0-9])|\n+")


def _sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence around ``offset``, by the breaks of :data:`_SENT_END`."""
    start = 0
    for m in _SENT_END.finditer(text, 0, offset):
        start = m.end()
    m = _SENT_END.search(text, offset)
    return start, (m.start() if m else len(text))


class TextSentences:
    """The sentence breaks of one text, found once: :meth:`bounds` answers what
    :func:`_sentence_bounds` does without rescanning the text from its start each time.

    Build one per article and pass it to :func:`said_on_for` and
    :func:`claimtrace.extract.places.said_at_for` (``sentences=``).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        breaks = list(_SENT_END.finditer(text))
        self._starts = [m.start() for m in breaks]
        self._ends = [m.end() for m in breaks]

    def bounds(self, offset: int) -> tuple[int, int]:
        """The same as ``_sentence_bounds(text, offset)``."""
        text = self.text
        # start: the breaks that end before ``offset`` are those a scan of text[:offset]
        # finds first; the few characters after the last of them are scanned again, since
        # a break cut short by ``offset`` (a run of line breaks) can still end there
        k = bisect.bisect_left(self._ends, offset)
        start = self._ends[k - 1] if k else 0
        for m in _SENT_END.finditer(text, start, offset):
            start = m.end()
        # end: the first break that starts at or after ``offset``, unless a break that
        # starts before it reaches past ``offset`` (then search from ``offset`` itself)
        i = bisect.bisect_left(self._starts, offset)
        if i and self._ends[i - 1] > offset:
            m = _SENT_END.search(text, offset)
            return start, (m.start() if m else len(text))
        return start, (self._starts[i] if i < len(self._starts) else len(text))


#: How far (characters) a date may stand from the cue or the source to date the saying:
#: "said on Wednesday", "Last week, X cited", "wrote in a statement on Telegram on Thursday".
SAID_ON_REACH = 40


def _cue_distance(span: Span, cues: Sequence[Span]) -> int:
    return min(
        span.start - c.end if span.start >= c.end else max(0, c.start - span.end) for c in cues
    )


def _participle_after(text: str, date: Span, cue: Span) -> bool:
    """A participle cue right after the date and a comma ("said on Friday, citing ...",
    "... on Monday, adding ..."): the date belongs to the verb before it, and the
    participle shares it; it is no rival for the date."""
    between = text[date.end : cue.start]
    return (
        cue.start >= date.end
        and re.fullmatch(r"\s*,\s*", between) is not None
        and cue.text.rstrip().endswith("ing")
    )


def said_on_for(
    claim: Claim,
    timexes: Sequence[TimeExpr],
    text: str,
    *,
    others: Sequence[Claim] = (),
    sentences: TextSentences | None = None,
) -> str | None:
    """The TIMEX value of when the claim was made, if its cue clause dates it.

    Looks for a DATE/TIME in the cue's sentence, outside the claim's content (the date of
    the content is not the date of saying): "wrote ... on Thursday", "Last week, X cited
    ...". The one nearest the cue wins; a date nearer to the cue of one of ``others`` (the
    article's other claims) belongs to that claim ("X has denied it, first alleged last week
    by Y"). None when the text gives no such date. ``sentences``: the text's
    :class:`TextSentences`, when the caller has them (they are found here otherwise).
    """
    if not claim.cue:
        return None
    bounds = sentences.bounds if sentences is not None else TextSentences(text).bounds
    cue = claim.cue[0]
    s_start, s_end = bounds(cue.start)
    for span in (*claim.cue, *claim.source):
        span_start, span_end = bounds(span.start)
        s_start = min(s_start, span_start)
        s_end = max(s_end, span_end)
    rivals = [o for o in others if o is not claim]
    rival_cues = [
        c
        for other in rivals
        for c in other.cue
        if c not in claim.cue and s_start <= c.start and c.end <= s_end
    ]
    rival_contents = [c for other in rivals for c in other.content]
    best: tuple[int, str] | None = None
    for tx in timexes:
        if tx.type not in (TimexType.DATE, TimexType.TIME) or not tx.value:
            continue
        if tx.span.start < s_start or tx.span.end > s_end:
            continue
        if any(c.start <= tx.span.start and tx.span.end <= c.end for c in claim.content):
            continue
        if tx.value in ("PRESENT_REF", "FUTURE_REF"):
            continue
        if any(c.start <= tx.span.start and tx.span.end <= c.end for c in rival_contents):
            continue  # the date of what another claim says
        if any(
            (cue.end <= c.start and c.end <= tx.span.start)
            or (tx.span.end <= c.start and c.end <= cue.start)
            for c in claim.content
        ):
            continue  # beyond the content, away from the cue: it dates something else
        dist = _cue_distance(tx.span, claim.cue)
        rivals_here = [c for c in rival_cues if not _participle_after(text, tx.span, c)]
        if rivals_here and _cue_distance(tx.span, rivals_here) < dist:
            continue
        if min(dist, _cue_distance(tx.span, claim.source or claim.cue)) > SAID_ON_REACH:
            continue  # "..., according to X, in the largest deal this year": not when said
        if best is None or dist < best[0]:
            best = (dist, tx.value)
    return best[1] if best else None


__all__ = [
    "TextSentences",
    "duration_value",
    "find_timexes",
    "iso_week",
    "number_value",
    "said_on_for",
]
