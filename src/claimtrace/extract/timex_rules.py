"""The TIMEX3 pattern grammar of :mod:`claimtrace.extract.dates`: lexicon and rules.

Each rule is a regular expression over the raw text registered with :func:`rule`, paired
with a normaliser ``(match, context) -> (type, value, mod) | None`` that computes the TimeML
value by date arithmetic against the anchor (publication date). :data:`RULES` lists them;
:func:`claimtrace.extract.dates.find_timexes` runs them and picks the spans.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from claimtrace.model import TimexType

# --------------------------------------------------------------------------- lexicon

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "tonight": "NI", "mid-afternoon": "AF", "midafternoon": "AF", "mid afternoon": "AF",
}  # fmt: skip
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "centurie": "CE", "millennium": "ML", "millennia": "ML", "millenium": "ML",
}  # fmt: skip
TIME_UNITS = {"second", "minute", "hour"}
SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "a thousand": 1000, "two thousand": 2000,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "a half": 0.5,
}  # fmt: skip
VAGUE_NUMBERS = ("several", "a few", "few", "some", "many", "a number of", "numerous")
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4,
}  # fmt: skip
#: words that make a bare weekday or month refer forwards from the anchor
FUTURE_CUES = re.compile(
    r"\b(will|'ll|shall|going to|plans? to|scheduled|expected to|due to|set to|"
    r"to be held|is to|are to|upcoming)\b",
    re.I,
)
APPROX_PREFIX = (
    r"(?:about|around|roughly|approximately|some|nearly|almost|more\s+than|"
    r"less\s+than|no\s+more\s+than|up\s+to|at\s+least)"
)
PREFIX_MOD = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS",
    "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "no more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}  # fmt: skip
POSITION_MOD = {
    "early": "START", "the beginning of": "START", "the start of": "START",
    "the early": "START", "mid": "MID", "mid-": "MID", "the middle of": "MID",
    "the mid": "MID", "late": "END", "the end of": "END", "the late": "END",
}  # fmt: skip

# --------------------------------------------------------------------------- regex parts


def _alt(words: Sequence[str]) -> str:
    return "|".join(
        sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    )


_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
_WORDNUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + _alt([w for w in SMALL_NUMBERS if " " not in w])
    + ")"
)
_MULTIWORD_NUMBERS = _alt([w for w in SMALL_NUMBERS if " " in w])
NUMBER = rf"(?:\d+\s+1/2|\d+½|\d+(?:\.\d+)?|{_MULTIWORD_NUMBERS}|{_WORDNUM}|{_alt(VAGUE_NUMBERS)})"
UNIT = (
    r"(?:second|minute|hour|day|week|weekend|month|quarter|year|decade|"
    r"centur(?:y|ie)|millenni(?:um|a))"
)
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
POSITION = (
    r"(?:the\s+(?:beginning|start|middle|end)\s+of\s+(?:the\s+)?|"
    r"(?:the\s+)?(?:early|late)[-\s]|(?:the\s+)?mid-?\s?)"
)
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
# a double hyphen is a dash ("injured reserve Tuesday--another blow"), not a compound's hyphen
B = r"(?<![\w$£€])(?<!(?<!-)-)"  # left boundary: not inside a word or a number/amount
E = r"(?![\w%]|-(?!-))"  # right boundary


SPELLED_YEAR = (
    r"(?:nineteen|twenty)\s+(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
)
_TENS_WORDS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
               "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_ONES_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}  # fmt: skip


def spelled_year(words: str) -> str:
    """ "nineteen ninety-six" -> "1996" """
    parts = re.split(r"[-\s]+", words.lower().strip())
    century = 1900 if parts[0] == "nineteen" else 2000
    ones = sum(_ONES_WORDS.get(p, 0) for p in parts[2:])
    return str(century + _TENS_WORDS.get(parts[1], 0) + ones)


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    start: int
    end: int
    anchor: dt.date | None


Handler = Callable[[re.Match, _Ctx], tuple[TimexType, str | None, str | None] | None]
_RULES: list[tuple[re.Pattern, Handler, int]] = []


def rule(pattern: str, priority: int = 0, flags: int = re.I) -> Callable[[Handler], Handler]:
    """Register a pattern with its normaliser; higher priority wins ties of equal length."""

    def deco(fn: Handler) -> Handler:
        _RULES.append((re.compile(B + "(?:" + pattern + ")" + E, flags), fn, priority))
        return fn

    return deco


# --------------------------------------------------------------------------- helpers


def number_value(word: str) -> float | None:
    """The value of a number word or numeral ("twenty-four" -> 24); None for vague ones."""
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w in SMALL_NUMBERS:
        return SMALL_NUMBERS[w]
    half = re.fullmatch(r"(\d+)(?:\s+1/2|½)", w)
    if half:
        return int(half.group(1)) + 0.5
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return float(w)
    parts = re.split(r"[-\s]", w)
    if len(parts) == 2 and parts[0] in SMALL_NUMBERS and parts[1] in SMALL_NUMBERS:
        return SMALL_NUMBERS[parts[0]] + SMALL_NUMBERS[parts[1]]
    return None


def _num_str(value: float | None) -> str:
    if value is None:
        return "X"
    return str(int(value)) if float(value).is_integer() else str(value)


def duration_value(number: float | None, unit: str) -> str:
    """ISO-8601-style TimeML duration: (3, "month") -> "P3M", (None, "week") -> "PXW"."""
    u = unit.lower().rstrip("s")
    code = UNITS.get(u, UNITS.get(u[:-1], "D")) if u not in UNITS else UNITS[u]
    if number is not None and float(number).is_integer() and code in ("DE", "CE"):
        # ISO 8601 has no decade or century unit: "two decades" -> P20Y (TimeBank's value;
        # quarters keep TimeML's Q, as TimeBank does: P2Q)
        return f"P{int(number) * (10 if code == 'DE' else 100)}Y"
    if number is None and code in ("DE", "CE"):
        return "PXY"  # "for decades", "decades-long": an unknown number of years
    if (
        number is not None
        and code == "Y"
        and number > 1
        and float(number * 2).is_integer()
        and not float(number).is_integer()
    ):
        return f"P{int(number)}Y6M"  # "2 1/2 years"
    if number is not None and not float(number).is_integer() and u in ("hour", "minute"):
        # "an hour and a half" -> PT1H30M, "a minute and a half" -> PT1M30S
        smaller = "M" if u == "hour" else "S"
        whole, part = int(number), round((number - int(number)) * 60)
        return f"PT{whole}{code}{part}{smaller}" if whole else f"PT{part}{smaller}"
    if number is not None and not float(number).is_integer() and code in ("Y", "M", "W", "D"):
        # "half a year" -> P6M, "a day and a half" -> P36H ... keep it simple: one level down
        lower = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H")}[code]
        number, code = number * lower[0], lower[1]
        prefix = "PT" if code == "H" else "P"
        return f"{prefix}{_num_str(number)}{code}"
    prefix = "PT" if u in TIME_UNITS else "P"
    return f"{prefix}{_num_str(number)}{code}"


def iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(day: dt.date, months: int) -> dt.date:
    m = day.month - 1 + months
    y = day.year + m // 12
    m = m % 12 + 1
    last = [
        31,
        29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][m - 1]
    return dt.date(y, m, min(day.day, last))


def shift(anchor: dt.date, n: float, unit: str) -> str:
    """The value of the unit-sized period ``n`` units from the anchor (n<0: ago)."""
    u = unit.lower().rstrip("s")
    n_int = round(n)
    if u == "day":
        return (anchor + dt.timedelta(days=n_int)).isoformat()
    if u in ("week", "weekend"):
        return iso_week(anchor + dt.timedelta(weeks=n_int)) + ("-WE" if u == "weekend" else "")
    if u == "month":
        return add_months(anchor, n_int).isoformat()[:7]
    if u == "quarter":
        d = add_months(anchor, 3 * n_int)
        return f"{d.year}-Q{quarter_of(d)}"
    if u == "year":
        return str(anchor.year + n_int)
    if u == "decade":
        return str((anchor.year + 10 * n_int) // 10)
    if u in ("century", "centurie"):
        return str((anchor.year + 100 * n_int) // 100)
    if u in ("hour", "minute", "second"):
        return anchor.isoformat()
    return str(anchor.year + n_int)


_IRREGULAR_PAST = (
    "said|told|met|went|came|began|took|made|gave|saw|held|left|sent|won|lost|fell|rose|"
    "got|found|knew|thought|brought|bought|sold|paid|spent|kept|led|ran|stood|became|"
    "wrote|spoke|broke|chose|drove|flew|grew|threw|struck|fought|caught|taught|sought|"
    "heard|felt|meant|built|shot|fled|hung|swore|stole|woke|ate|drew|forgot|hid|wore|"
    "withdrew|arose|dealt|sank|shook|spread|beat|fed|bid|laid"
)
#: tense cues of a clause: future ones (modals, "is to", "plans to", "scheduled") and past
#: ones (auxiliaries, past forms, "ago", "since": "on patrol since March"); future ones are
#: tried first at each position, so "expected to" is not taken for a past "-ed" verb; a
#: participle after "be"/"been" is passive and leaves the tense to its auxiliary ("will be
#: named" is future, "was named" past); "would" and "planned to" look forward from a past
#: moment ("was scheduled to", "had been due to" too), so they say nothing about the
#: direction from the publication date ("near")
_TENSE_CUES = re.compile(
    r"\b(?:(?P<n>would|(?:planned|intended)\s+to|(?:was|were|had\s+been)\s+(?:due|scheduled|"
    r"expected|set|supposed|going)\b)|"
    r"(?P<f>will|shall|wo\s*n't|going\s+to|(?:plans?|intends?|aims?|"
    r"hopes?|is|are|am)\s+to\b|to\s+be|expect(?:s|ed)?|scheduled|due\s+(?:to|for)|set\s+to|"
    r"supposed\s+to|upcoming|next|should|can|(?-i:may|might))|(?P<pr>is|are|am)|"
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)"
    rf"(?P<p>was|were|had|did|ago|last|since|{_IRREGULAR_PAST}|[a-z]{{3,}}ed))\b|(?P<f2>'ll)\b",
    re.I,
)
#: where a clause ends: a strong punctuation mark (not the dot of "Mr." or "Nov.")
_CLAUSE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr))"
    r"(?<!\b(?:Mrs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Gov|Sen|Rep|Gen|Col))"
    r"(?<!\b(?:Sept|Corp|Prof))[.;!?]|\n"
)


#: a determiner (and maybe an adverb) before an "-ed" word makes it an adjective, not a
#: finite verb in the past: "the proposed merger", "a still unspecified date"
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|your|my)\s+(?:(?:still|newly|"
    r"recently|previously|already|not\s+yet|yet|[a-z]+ly)\s+)?$",
    re.I,
)


def clause_tense(text: str, start: int, end: int) -> str | None:
    """ "past", "future", "near" or None: the tense of the clause around ``text[start:end]``, by
    the tense cue nearest to it (a modal or "plans to" for the future, a past auxiliary,
    an irregular past form or an "-ed" verb for the past). The way TimeML annotators and
    HeidelTime resolve an underspecified date ("on Friday", "in May"): forwards in a
    clause about what is to come, backwards in one about what happened. "near" (a
    future seen from the past, "would"; a deadline, "until Tuesday") takes the nearest."""
    left_at = max(0, start - 200)
    ends = list(_CLAUSE_END.finditer(text, left_at, start))
    left_at = ends[-1].end() if ends else left_at
    stop = _CLAUSE_END.search(text, end, min(len(text), end + 200))
    right_at = stop.start() if stop else min(len(text), end + 200)
    left: tuple[int, str] | None = None
    right: tuple[int, str] | None = None
    for m in _TENSE_CUES.finditer(text, left_at, right_at):
        kind = "past" if m["p"] else "near" if m["n"] else None if m["pr"] else "future"
        if (
            kind == "past"
            and m.group(0).lower().endswith("ed")
            and _ATTRIBUTIVE_BEFORE.search(text, max(0, m.start() - 30), m.start())
        ):
            continue  # "a still unspecified date", "the increased dividend": an adjective
        if m.end() <= start:
            left = (start - m.end(), kind)  # the last one before wins
        elif m.start() >= end and right is None:
            right = (m.start() - end, kind)
    # the verb before the expression governs it; one after it only when none is before
    tense = left[1] if left else right[1] if right else None
    before = text[left_at:start]
    if re.search(r"\b(?:as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+$", before, re.I):
        return "future"  # "could come as soon as Tuesday": the earliest of what is to come
    if tense != "future" and re.search(r"\b(?:until|till|through|by)\s+$", before, re.I):
        return "near"  # "extended the deadline until Tuesday": up to a date, maybe to come
    return tense


def _looks_future(ctx: _Ctx) -> bool:
    """Whether the clause around the expression talks about what is still to come."""
    return clause_tense(ctx.text, ctx.start, ctx.end) == "future"


def _looks_past(ctx: _Ctx) -> bool:
    """Whether the clause around the expression is in the past tense ("was held in June")."""
    return clause_tense(ctx.text, ctx.start, ctx.end) == "past"


def weekday_date(anchor: dt.date, weekday: int, *, future: bool, near: bool = False) -> dt.date:
    """The given weekday nearest the anchor: the last one (or the anchor) unless future;
    with ``near``, whichever of the two is closer (the last one on a tie)."""
    diff = (weekday - anchor.weekday()) % 7
    back = (anchor.weekday() - weekday) % 7
    if future or (near and diff < back):
        return anchor + dt.timedelta(days=diff)
    return anchor - dt.timedelta(days=back)


def _weekday_of(ctx: _Ctx, weekday: int) -> dt.date:
    """A bare weekday for the expression's clause: forwards, backwards or the nearest."""
    tense = clause_tense(ctx.text, ctx.start, ctx.end)
    return weekday_date(ctx.anchor, weekday, future=tense == "future", near=tense == "near")


def month_year(
    anchor: dt.date, month: int, *, future: bool, past: bool = False, near: bool = False
) -> int:
    """The year of the named month nearest the anchor (the next one when ``future``, the
    last one when ``past``, the closer one when ``near``; otherwise the past is preferred)."""
    ahead = (month - anchor.month) % 12  # months forward to the next such month
    if future or (past and ahead == 1):
        # the month right after the publication month is the coming one even in a past
        # clause ("told buyers of a cutback in September", written in August): eleven
        # months back would be "last September"
        return anchor.year + (1 if month < anchor.month else 0)
    if past:
        return anchor.year - (1 if month > anchor.month else 0)
    if ahead == 0:
        return anchor.year
    if ahead <= (6 if near else 3):  # closer forwards than backwards (a bias to the past)
        return anchor.year + (1 if month < anchor.month else 0)
    return anchor.year - (1 if month > anchor.month else 0)


def nearest_day(
    anchor: dt.date,
    month: int,
    day: int,
    *,
    future: bool,
    past: bool = False,
    near: bool = False,
) -> dt.date | None:
    """The date with this month and day nearest the anchor (on or after it when ``future``,
    on or before it when ``past``)."""
    options = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(y, month, day))
        except ValueError:
            continue
    return nearest_of(anchor, options, future=future, past=past, near=near)


def nearest_of(
    anchor: dt.date,
    options: Sequence[dt.date],
    *,
    future: bool,
    past: bool = False,
    near: bool = False,
) -> dt.date | None:
    """The one of ``options`` (a yearly date in the years around the anchor) nearest the
    anchor: on or after it when ``future``, on or before it when ``past``, the closest one
    when ``near``, and otherwise the past one unless a future one is more than twice as
    close."""
    if future:
        options = [d for d in options if d >= anchor] or options
    elif past:
        options = [d for d in options if d <= anchor] or options
    if not options:
        return None
    weight = 1 if near else 2
    return min(options, key=lambda d: abs((d - anchor).days) * (weight if d > anchor else 1))


def easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return dt.date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (n < 0: from the end) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


#: holidays by the date they fall on in a given year (fixed or movable; the US ones as US
#: wire copy names them)
HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "st. patrick's day": lambda y: dt.date(y, 3, 17),
    "halloween": lambda y: dt.date(y, 10, 31),
    "bastille day": lambda y: dt.date(y, 7, 14),
    "easter": easter,
    "easter sunday": easter,
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
}


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    w = word.lower().rstrip(".")
    return WEEKDAYS[w[:-1] if w.endswith("s") and w[:-1] in WEEKDAYS else w]


def _position_mod(prefix: str | None) -> str | None:
    if not prefix:
        return None
    p = re.sub(r"\s+", " ", prefix.lower()).strip().rstrip("-").strip()
    if p in ("earlier", "later"):
        return None  # "earlier today": within the day, no position
    for key, mod in POSITION_MOD.items():
        if p.startswith(key.rstrip("-")) or p == key:
            return mod
    if "middle" in p or p.startswith("mid") or "the mid" in p:
        return "MID"
    if "end" in p or "late" in p:
        return "END"
    if "begin" in p or "start" in p or "early" in p:
        return "START"
    return None


def _prefix_mod(prefix: str | None) -> str | None:
    if not prefix:
        return None
    return PREFIX_MOD.get(re.sub(r"\s+", " ", prefix.lower()).strip())


D, T, DUR, S = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET

# --------------------------------------------------------------------------- absolute dates


@rule(
    rf"(?P<pos>{POSITION})?(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<m>{MONTH})\s+(?P<d>{DAYNUM})"
    rf"(?:-(?:[12]\d|3[01]|0?[1-9]))?(?:,?\s+(?P<y>{YEAR}|'\d\d))?",
    3,
    0,
)
def _month_day(m: re.Match, ctx: _Ctx):
    month, day = _month(m["m"]), int(re.match(r"\d+", m["d"]).group())
    if m["y"]:
        y = int(m["y"][1:]) + 1900 if m["y"].startswith("'") else int(m["y"])
    elif ctx.anchor:
        # a day is dated by distance, the past preferred: a clause's past tense is too
        # weak a cue ("the reduced dividend is payable Dec. 1") to overrule it
        tense = clause_tense(ctx.text, ctx.start, ctx.end)
        # "the fiscal year ended Jan. 31": the day a period was over, so not still to come
        ended = re.search(r"\bended\s+(?:on\s+)?$", ctx.text[max(0, ctx.start - 20) : ctx.start])
        near = nearest_day(
            ctx.anchor,
            month,
            day,
            future=tense == "future" and not ended,
            past=bool(ended),
            near=tense == "near",
        )
        if near is None:
            return None
        y = near.year
    else:
        return D, f"XXXX-{month:02d}-{day:02d}", _position_mod(m["pos"])
    try:
        value = dt.date(y, month, day).isoformat()
    except ValueError:
        return None
    return D, value, _position_mod(m["pos"])


@rule(
    rf"the\s+week\s+of\s+(?P<pos>)(?P<m>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}))?",
    5,
    0,
)
def _week_of(m: re.Match, ctx: _Ctx):
    """ "the week of March 6": the (ISO) week holding that day."""
    got = _month_day(m, ctx)
    if got is None or got[1] is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", got[1]):
        return None if got is None else (D, None, None)
    return D, iso_week(dt.date.fromisoformat(got[1])), None


@rule(
    rf"(?P<pos>{POSITION})?(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?"
    rf"(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?",
    3,
    0,
)
def _day_month(m: re.Match, ctx: _Ctx):
    return _month_day(m, ctx)


@rule(rf"(?P<pos>{POSITION})?(?P<m>{MONTH}),?\s+(?P<y>{YEAR})", 2, 0)
def _month_year(m: re.Match, ctx: _Ctx):
    return D, f"{int(m['y'])}-{_month(m['m']):02d}", _position_mod(m["pos"])


@rule(rf"(?P<pos>{POSITION})?(?P<m>{_MONTH_FULL}|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.)", 1, 0)
def _month_alone(m: re.Match, ctx: _Ctx):
    word = m["m"]
    before = ctx.text[max(0, ctx.start - 12) : ctx.start].lower()
    # the verb "may", the noun "march": a month only after a preposition or "last" ...
    if (
        word in ("May", "March")
        and not m["pos"]
        and not re.search(
            r"\b(in|of|since|until|by|from|through|last|next|this|early|late|"
            r"during|before|after|between|and|to)\s+$",
            before,
        )
    ):
        return None
    month = _month(word)
    if not ctx.anchor:
        return D, f"XXXX-{month:02d}", _position_mod(m["pos"])
    tense = clause_tense(ctx.text, ctx.start, ctx.end)
    y = month_year(
        ctx.anchor, month, future=tense == "future", past=tense == "past", near=tense == "near"
    )
    return D, f"{y}-{month:02d}", _position_mod(m["pos"])


@rule(
    rf"(?P<pos>{POSITION})?(?P<m>{_MONTH_FULL})(?:\s+(?P<d>{DAYNUM}))?,?\s+(?:of\s+)?"
    rf"(?P<rel>last|this|next)\s+year",
    5,
    re.I,
)
def _month_rel_year(m: re.Match, ctx: _Ctx):
    """ "June last year", "January 5 this year" """
    if not m["m"][0].isupper():
        return None
    month = _month(m["m"])
    pos = _position_mod(m["pos"])
    if not ctx.anchor:
        return D, None, pos
    y = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    if m["d"]:
        try:
            return D, dt.date(y, month, int(re.match(r"\d+", m["d"]).group())).isoformat(), pos
        except ValueError:
            return None
    return D, f"{y}-{month:02d}", pos


@rule(rf"(?P<pos>{POSITION})?(?P<m>{_MONTH_FULL}),?\s+(?P<y>{SPELLED_YEAR})", 5, 0)
def _month_spelled_year(m: re.Match, ctx: _Ctx):
    return D, f"{spelled_year(m['y'])}-{_month(m['m']):02d}", _position_mod(m["pos"])


@rule(
    rf"(?P<pos>{POSITION})?(?P<rel>last|next|this|(?:this|last|next)\s+year's)\s+"
    rf"(?P<m>{_MONTH_FULL})",
    4,
    re.I,
)
def _rel_month(m: re.Match, ctx: _Ctx):
    month = _month(m["m"])
    if not ctx.anchor:
        return D, None, _position_mod(m["pos"])
    rel = m["rel"].lower()
    if rel.startswith("last"):
        # "last February" written in March is a year back: the month just gone would be
        # "last month" or "in February"
        just_gone = (ctx.anchor.month - month) % 12 == 1
        y = ctx.anchor.year - (1 if month >= ctx.anchor.month or just_gone else 0)
    elif rel.startswith("next"):
        y = ctx.anchor.year + (1 if month <= ctx.anchor.month else 0)
    else:
        y = ctx.anchor.year
    return D, f"{y}-{month:02d}", _position_mod(m["pos"])


@rule(
    rf"(?P<pos>{POSITION})?(?:(?:the\s+)?(?:fiscal|calendar|financial|model|school)\s+(?:year\s+)?)?"
    rf"(?:the\s+(?=\d{{4}}\s+(?:period|quarter|fiscal))|the\s+year\s+)?(?P<y>{YEAR})"
    r"(?P<per>\s+period|\s+quarter|\s+fiscal\s+year)?",
    1,
)
def _year(m: re.Match, ctx: _Ctx):
    # a year, not an amount: "1,990" never gets here; refuse "1990 shares"
    if not m["per"] and re.match(r"\.\d", ctx.text[ctx.end : ctx.end + 2]):
        return None  # a decimal: "the index closed at 2082.1"
    after = ctx.text[ctx.end : ctx.end + 14].lower()
    if (
        re.match(
            r"\s*(?:to\s+(?!(?:1[89]|20)\d\d\b)\d|shares|people|troops|units|tons|km|miles|"
            r"meters|votes)",
            after,
        )
        and not m["pos"]
    ):
        return None
    if m["per"] and "quarter" in m["per"].lower():
        last = add_months(ctx.anchor, -3) if ctx.anchor else None
        return D, (f"{m['y']}-Q{quarter_of(last)}" if last else m["y"]), None
    return D, m["y"], _position_mod(m["pos"])


def _range_year(m: re.Match, ctx: _Ctx):
    """Either year of a range written with a dash: "(1996-2000)" -> 1996, 2000."""
    return D, m["y"], None


@rule(rf"(?P<p>pre|post)-(?P<y>{YEAR})", 3)
def _pre_post_year(m: re.Match, ctx: _Ctx):
    """ "post-1959 politics", "the pre-2008 rules": the year, with the side TimeML's mod
    gives (the prefix is part of the word, so of the extent)."""
    return D, m["y"], "AFTER" if m["p"].lower() == "post" else "BEFORE"


# not registered with :func:`rule`: its boundaries refuse the dash these need
_RULES.append((re.compile(rf"(?<![\w$£€-])(?P<y>{YEAR})(?=[-–]{YEAR}(?![\w%-]))"), _range_year, 2))
_RULES.append((re.compile(rf"(?<=(?<![\w$£€-]){YEAR}[-–])(?P<y>{YEAR})(?![\w%-])"), _range_year, 2))


_TENS = {
    "ten": 10,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}


@rule(
    r"(?:the\s+year\s+)?(?:(?P<c>nineteen|twenty)\s+(?P<t>ten|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety)(?:[-\s](?P<o>one|two|three|four|five|six|seven|eight|nine))?|"
    r"(?P<k>two\s+thousand)(?:\s+and\s+(?P<o2>one|two|three|four|five|six|seven|eight|nine))?)",
    2,
)
def _spelled_year(m: re.Match, ctx: _Ctx):
    if m["k"]:
        if not m.group(0).lower().startswith("the year") and not m["o2"]:
            return None
        return D, str(2000 + _ONES.get((m["o2"] or "").lower(), 0)), None
    century = 1900 if m["c"].lower() == "nineteen" else 2000
    return D, str(century + _TENS[m["t"].lower()] + _ONES.get((m["o"] or "").lower(), 0)), None


@rule(r"(?P<pos>(?:early|late)\s+)?the\s+weekend", 2)
def _the_weekend(m: re.Match, ctx: _Ctx):
    if not ctx.anchor:
        return D, None, None
    if _looks_future(ctx):
        day = ctx.anchor + dt.timedelta(days=(5 - ctx.anchor.weekday()) % 7)
    else:
        day = ctx.anchor - dt.timedelta(days=(ctx.anchor.weekday() - 5) % 7)
    return D, iso_week(day) + "-WE", _position_mod(m["pos"])


@rule(rf"(?P<pos>{POSITION})?(?:the\s+)?(?P<dec>(?:1[89]|20)\d0)'?s", 2)
def _decade(m: re.Match, ctx: _Ctx):
    return D, m["dec"][:3], _position_mod(m["pos"])


@rule(r"(?P<pos>(?:the\s+)?(?:early|mid|late)[-\s]?)?(?:the\s+)?'(?P<dec>\d)0s", 2)
def _short_decade(m: re.Match, ctx: _Ctx):
    return D, "19" + m["dec"], _position_mod(m["pos"])


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
_ORDINAL_WORDS = {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}  # fmt: skip


@rule(
    r"(?P<pos>(?:the\s+)?(?:early|mid|late)[-\s]?)?the\s+(?P<c>nineteen[-\s]?)?"
    r"(?P<dec>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    2,
)
def _spelled_decade(m: re.Match, ctx: _Ctx):
    """ "the nineties" -> "199": the decade of the publication date's century when it has
    begun, else of the century before (in 2024 "the twenties" are the 2020s)."""
    dec = _DECADE_WORDS[m["dec"].lower()]
    century = 19
    if not m["c"] and ctx.anchor and ctx.anchor.year >= 2000 and dec <= ctx.anchor.year % 100 // 10:
        century = ctx.anchor.year // 100
    return D, f"{century}{dec}", _position_mod(m["pos"])


@rule(
    r"(?P<pos>(?:the\s+)?(?:early|mid|late)[-\s]?)?(?:the\s+)?"
    r"(?:(?P<n>1\d|2\d|[1-9])(?:st|nd|rd|th)|(?P<w>" + _alt(list(_ORDINAL_WORDS)) + r"))"
    r"[-\s]+century",
    3,
)
def _ordinal_century(m: re.Match, ctx: _Ctx):
    """ "the 20th century" -> "19" (TimeML: the century's first two digits)."""
    n = int(m["n"]) if m["n"] else _ORDINAL_WORDS[m["w"].lower().replace(" ", "-")]
    return D, f"{n - 1:02d}", _position_mod(m["pos"])


@rule(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)", 5)
def _iso_date(m: re.Match, ctx: _Ctx):
    try:
        return D, dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat(), None
    except ValueError:
        return None


@rule(r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d\d)", 5)
def _us_date(m: re.Match, ctx: _Ctx):
    y = int(m["y"]) if len(m["y"]) == 4 else 1900 + int(m["y"]) + (100 if int(m["y"]) < 50 else 0)
    try:
        return D, dt.date(y, int(m["m"]), int(m["d"])).isoformat(), None
    except ValueError:
        return None


@rule(r"(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>\d{4})", 5)
def _day_first_date(m: re.Match, ctx: _Ctx):
    """ "27/09/2013": day first (the order outside the US), certain when the first number
    cannot be a month; ambiguous ones ("05/06/2013") are read the US way (:func:`_us_date`)."""
    try:
        return D, dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat(), None
    except ValueError:
        return None


@rule(
    r"(?:(?P<rel>(?-i:last|next|this|Last|Next|This))\s+)?"
    r"(?P<h>Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|New\s+Year['’]s\s+(?:Day|Eve)|"
    r"Valentine['’]s\s+Day|St\.\s+Patrick['’]s\s+Day|Halloween|Bastille\s+Day|"
    r"Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Thanksgiving(?:\s+Day)?|Memorial\s+Day|"
    r"Labor\s+Day)(?:\s+(?P<wk>(?-i:week(?:end)?)))?(?:,?\s+(?P<y>" + YEAR + r"))?",
    3,
    0,
)
def _holiday(m: re.Match, ctx: _Ctx):
    """A holiday: the day it falls on in the year given, else in the year around the
    publication date that the clause points to (as a month and day without a year).
    "Easter week", "Thanksgiving weekend": the ISO week (its weekend) the day falls in."""
    got = _holiday_day(m, ctx)
    if got is None or not m["wk"]:
        return got
    typ, value, mod = got
    if value is not None:
        value = iso_week(dt.date.fromisoformat(value))
        if m["wk"] == "weekend":
            value += "-WE"
    return typ, value, mod


def _holiday_day(m: re.Match, ctx: _Ctx):
    name = re.sub(r"\s+", " ", m["h"]).replace("’", "'").lower()
    if re.match(
        r"\s+(?:trees?|cards?|carols?|lights|music|songs?|presents?|gifts?|"
        r"decorations?|ornaments?|bonus(?:es)?|Island)\b",
        ctx.text[ctx.end : ctx.end + 14],
    ):
        return None  # "Christmas tree": not the day
    day_of = HOLIDAYS[name]
    if m["y"]:
        return D, day_of(int(m["y"])).isoformat(), None
    if not ctx.anchor:
        return D, None, None
    years = (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
    rel = (m["rel"] or "").lower()
    if rel in ("last", "next"):  # "last Thanksgiving": the one before (after) the anchor
        days = [day_of(y) for y in years]
        picked = [d for d in days if (d < ctx.anchor if rel == "last" else d > ctx.anchor)]
        day = max(picked) if rel == "last" else min(picked)
        return D, day.isoformat(), None
    if rel == "this":
        return D, day_of(ctx.anchor.year).isoformat(), None
    day = nearest_of(ctx.anchor, [day_of(y) for y in years], future=_looks_future(ctx))
    return D, (day.isoformat() if day else None), None


# --------------------------------------------------------------------------- weekdays, deictic days


_SHARED_PLURAL_PART = re.compile(rf"\s+(?:and|or)\s+{WEEKDAY}\s+(?P<part>{PART_OF_DAY})s\b", re.I)


@rule(
    rf"(?P<pos>(?:early|late|earlier|later)\s+)?(?P<rel>last|next|this|this\s+past|this\s+coming|"
    rf"the\s+following|the\s+previous|the\s+coming)?\s*(?P<wd>{WEEKDAY})"
    rf"(?:\s+(?P<part>{PART_OF_DAY})(?P<plural>s)?)?",
    2,
    re.I,
)
def _weekday_rule(m: re.Match, ctx: _Ctx):
    word = m["wd"]
    if not word[0].isupper():
        return None
    # "on Monday and Tuesday nights": the plural part of the day is the first one's too
    shared = (
        None
        if m["part"]
        else _SHARED_PLURAL_PART.match(ctx.text, ctx.end, min(len(ctx.text), ctx.end + 40))
    )
    if (word.lower().endswith("s") and word.lower()[:-1] in WEEKDAYS) or m["plural"] or shared:
        part = PARTS_OF_DAY.get((m["part"] or (shared["part"] if shared else "")).lower(), "")
        return S, f"XXXX-WXX-{_weekday(word) + 1}" + (f"T{part}" if part else ""), None
    rel = (m["rel"] or "").lower()
    part = PARTS_OF_DAY.get((m["part"] or "").lower())
    typ = T if part else D
    if not ctx.anchor:
        return typ, None, _position_mod(m["pos"])
    wd = _weekday(word)
    if rel.startswith("next") or "coming" in rel or "following" in rel:
        day = ctx.anchor + dt.timedelta(days=((wd - ctx.anchor.weekday()) % 7) or 7)
    elif rel.startswith("last") or "past" in rel or "previous" in rel:
        day = ctx.anchor - dt.timedelta(days=((ctx.anchor.weekday() - wd) % 7) or 7)
    else:
        day = _weekday_of(ctx, wd)
    value = day.isoformat() + (f"T{part}" if part else "")
    return typ, value, _position_mod(m["pos"])


@rule(
    rf"(?P<pos>(?:early|late|earlier|later)\s+)?(?P<w>today|yesterday|tomorrow|tonight|"
    rf"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|last\s+night|"
    rf"this\s+(?:{PART_OF_DAY}))(?:\s+(?P<part>{PART_OF_DAY}))?",
    3,
)
def _deictic_day(m: re.Match, ctx: _Ctx):
    w = re.sub(r"\s+", " ", m["w"].lower())
    offset = {
        "today": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "tonight": 0,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
        "last night": -1,
    }
    part = PARTS_OF_DAY.get((m["part"] or "").lower())
    if w in ("tonight", "last night"):
        part = "NI"
    elif w.startswith("this "):
        part = PARTS_OF_DAY[w[5:]]
    typ = T if part else D
    if not ctx.anchor:
        return typ, None, _position_mod(m["pos"])
    value = (ctx.anchor + dt.timedelta(days=offset.get(w, 0))).isoformat()
    return typ, value + (f"T{part}" if part else ""), _position_mod(m["pos"])


# --------------------------------------------------------------------------- relative periods


@rule(
    r"(?P<pos>(?:early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of|mid-)\s*)?(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+past|"
    r"the\s+last|"
    r"the\s+previous|the\s+coming|"
    r"the\s+following|the\s+current|the\s+latest|the\s+prior|the\s+same)\s+"
    r"(?P<u>week|weekend|month|quarter|year|decade|century|spring|summer|fall|autumn|winter)"
    r"(?:\s+or\s+so)?",
    3,
)
def _rel_unit(m: re.Match, ctx: _Ctx):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    u = m["u"].lower()
    pos = _position_mod(m["pos"])
    if not ctx.anchor:
        return D, None, pos
    n = {
        "this": 0,
        "this past": -1,
        "this coming": 1,
        "the current": 0,
        "the same": 0,
        "last": -1,
        "the past": -1,
        "the last": -1,
        "the previous": -1,
        "the prior": -1,
        "next": 1,
        "the coming": 1,
        "the following": 1,
        "the latest": -1,
    }[rel]
    if u in SEASONS:
        code = SEASONS[u]
        order = ["WI", "SP", "SU", "FA"]
        cur = order[(ctx.anchor.month % 12) // 3]
        y = ctx.anchor.year
        if n < 0:
            y -= 1 if order.index(code) >= order.index(cur) else 0
        elif n > 0:
            y += 1 if order.index(code) <= order.index(cur) else 0
        return D, f"{y}-{code}", pos
    if rel == "the latest" and u != "quarter":
        n = 0
    if u == "quarter" and rel in ("this", "the current"):
        n = 0
    if u == "weekend" and n == 0:
        return D, iso_week(ctx.anchor) + "-WE", pos
    if u == "week" and rel in ("the past", "the last"):
        # "for the past week": the seven days up to the publication date, named by the
        # ISO week that holds most of them ("last week" is the calendar week before)
        return D, iso_week(ctx.anchor - dt.timedelta(days=3)), pos
    return D, shift(ctx.anchor, n, u), pos


@rule(
    r"(?P<pos>(?:early|late)\s+)?(?P<e>earlier|later)\s+(?P<rel>this|that|in\s+the)\s+"
    r"(?P<u>week|month|year|day|morning|afternoon|evening)",
    4,
)
def _earlier_this(m: re.Match, ctx: _Ctx):
    u = m["u"].lower()
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel != "this" and not (rel == "in the" and u in ("week", "month", "year")):
        # "earlier that day", "later in the day": within the text's reference day ("in
        # the" falls back on the publication date, "that" on nothing); "earlier in the
        # year" is the publication date's year, as "earlier this year"
        typ, unit, part = (T, "day", f"T{PARTS_OF_DAY[u]}") if u in PARTS_OF_DAY else (D, u, "")
        fallback = ""
        if rel == "in the" and ctx.anchor:
            fallback = shift(ctx.anchor, 0, unit) + part
        return typ, f"&+0{unit}{part}|{fallback}", None
    if not ctx.anchor:
        return (T if u in PARTS_OF_DAY else D), None, None
    if u in ("morning", "afternoon", "evening"):
        return T, ctx.anchor.isoformat() + "T" + PARTS_OF_DAY[u], None
    return D, shift(ctx.anchor, 0, u), None


@rule(
    rf"(?P<pre>{APPROX_PREFIX}\s+)?(?P<n>{NUMBER})(?:\s+or\s+so)?\s+(?P<u>{UNIT})s?(?:\s+or\s+so)?"
    rf"\s+(?P<dir>ago|earlier|from\s+now|hence)",
    4,
)
def _ago(m: re.Match, ctx: _Ctx):
    n = number_value(m["n"])
    u = m["u"].lower()
    direction = m["dir"].lower()
    mod = _prefix_mod((m["pre"] or "").strip())
    if direction in ("before", "after", "since"):
        # "a day after the vote": an offset from an event, not from the anchor
        return DUR, duration_value(n, u), mod
    sign = -1 if direction in ("ago", "earlier") else 1
    if direction in ("earlier", "later") and n is not None and n < 1:
        return DUR, duration_value(n, u), mod
    if not ctx.anchor:
        return D, None, mod
    if n is None:
        return D, ("PAST_REF" if sign < 0 else "FUTURE_REF"), mod
    if u in ("day", "week") or n <= 1 or u in ("month",):
        return D, shift(ctx.anchor, sign * n, u), mod
    if u == "year":
        return D, shift(ctx.anchor, sign * n, "year"), mod
    return D, shift(ctx.anchor, sign * n, u), mod


@rule(r"(?:(?<=\buntil\s)|(?<=\btill\s))then(?!\s+\w+ed\b)", 3)
def _until_then(m: re.Match, ctx: _Ctx):
    """ "Until then": the time the text has just named (its last date). ("Since then" is
    left alone: TimeBank and AQUAINT tag none of their three.)"""
    return D, "&then", None


@rule(
    r"the\s+(?:first|early|final|closing|opening|initial)\s+"
    r"(?P<u>hours|days|weeks|months|years|decades)",
    2,
)
def _first_units(m: re.Match, ctx: _Ctx):
    """ "the first hours of the war", "the early years": a stretch of an unknown number of
    units at one end of an event (TimeML: a DURATION, "PTXH")."""
    return DUR, duration_value(None, m["u"]), None


@rule(r"(?:years|months|weeks|days|decades)\s+(?P<dir>ago|from\s+now|hence)", 3)
def _units_ago(m: re.Match, ctx: _Ctx):
    """ "just months ago", "years from now": an unknown amount back or ahead (TimeML's
    vague PAST_REF / FUTURE_REF)."""
    return D, "PAST_REF" if m["dir"].lower() == "ago" else "FUTURE_REF", None


@rule(
    r"(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<u>day|week)s?\s+(?P<dir>after|before)"
    r"(?=\s+(?:the|a|an|his|her|its|their|this|that|[A-Z]))",
    5,
)
def _relative_to_previous(m: re.Match, ctx: _Ctx):
    # "X came a day after the vote": X is dated by the previous date of the text, so the
    # event the expression points to (the vote) is that date minus the amount
    n = number_value(m["n"])
    sign = "-" if m["dir"].lower() == "after" else "+"
    return D, f"@{sign}{_num_str(n)}{m['u'].lower()}", None


@rule(
    r"(?P<w>the\s+(?:next|following|previous|preceding|prior|same)\s+(?P<u>day|week|month|year)|"
    r"that\s+(?P<u2>day|week|month|year)|"
    r"the\s+(?P<u3>day|week|month|year)\s+(?:before|after)(?=\s*(?:[,.;:!?)]|$)))"
    r"(?!\s+(?:after|before|yesterday|tomorrow))(?:\s+or\s+so)?",
    4,
)
def _anaphoric(m: re.Match, ctx: _Ctx):
    # TimeML: "the following day", "the previous month", "that year" are anaphoric, counted
    # from the reference time the text has set (its last date fine enough for the unit),
    # where "next month" is deictic (from the publication date); the publication date is
    # the reference time of "the following ..." while the text has set none
    w = re.sub(r"\s+", " ", m["w"].lower())
    unit = m["u"] or m["u2"] or m["u3"].lower()
    step = (
        1
        if ("next" in w or "following" in w or w.endswith("after"))
        else -1
        if ("previous" in w or "before" in w or "preceding" in w or "prior" in w)
        else 0
    )
    # "that day" points away from the present: without an antecedent it stays unknown
    fallback = shift(ctx.anchor, step, unit) if ctx.anchor and step else ""
    return D, f"&{step:+d}{unit}|{fallback}", None


_ORDINAL_DAY = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)"
)


@rule(
    rf"the\s+(?:{_ORDINAL_DAY})\s+(?:(?:straight|consecutive|full)\s+)?(?P<u>day|night)"
    rf"(?!\s+of\s+(?:{MONTH}|{YEAR}|the\s+(?:week|month|year)))",
    3,
)
def _ordinal_day(m: re.Match, ctx: _Ctx):
    """ "the second day of an offensive", "for the sixth straight day": a DATE (TimeML)
    counted from an event; in a clause that is not in the past tense it is the day of the
    report ("It's the second day ..."), otherwise the day is not known from the text."""
    if not ctx.anchor:
        return D, None, None
    before = ctx.text[max(0, ctx.start - 12) : ctx.start]
    # "It's the second day ...", "today is the eighth day": the day of the report, whatever
    # verb the rest of the clause has ("... against villages populated by ...")
    now = re.search(r"\b(?:it|today|this)(?:['’]s|\s+is)\s+$", before, re.I)
    if not now and clause_tense(ctx.text, ctx.start, ctx.end) == "past":
        return D, None, None
    night = m["u"].lower() == "night"
    return (T if night else D), ctx.anchor.isoformat() + ("TNI" if night else ""), None


@rule(
    rf"the\s+(?P<rel>following|previous|preceding|prior)\s+(?P<wd>{WEEKDAY})(?!\s+{PART_OF_DAY})",
    4,
    re.I,
)
def _anaphoric_weekday(m: re.Match, ctx: _Ctx):
    """ "the previous Friday": the Friday before the text's last day-level date."""
    if not m["wd"][0].isupper() or m["wd"].lower().endswith("s"):
        return None
    wd = _weekday(m["wd"])
    sign = "+" if m["rel"].lower() == "following" else "-"
    fallback = ""
    if ctx.anchor:
        delta = (
            ((wd - ctx.anchor.weekday()) % 7 or 7)
            if sign == "+"
            else -((ctx.anchor.weekday() - wd) % 7 or 7)
        )
        fallback = (ctx.anchor + dt.timedelta(days=delta)).isoformat()
    return D, f"&{sign}wd{wd}|{fallback}", None


@rule(
    rf"(?P<f>once|twice|thrice|(?:{NUMBER})\s+times)\s+(?:a|an|per|each|every)\s+"
    r"(?P<u>second|minute|hour|day|week|month|quarter|year|decade)",
    5,
)
def _times_per(m: re.Match, ctx: _Ctx):
    """ "twice a week": a SET, the frequency word included (TimeML freq="2X")."""
    return S, duration_value(1, m["u"]), None


# --------------------------------------------------------------------------- quarters, fiscal


@rule(
    r"(?:the\s+(?!\w+-quarter))?(?:(?P<yr>\d{4})\s+|(?P<rel>this\s+year's|last\s+year's|next\s+year's)\s+)?"
    r"(?:fiscal[-\s]+|calendar\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)(?:[-\s]+fiscal)?"
    r"[-\s]+(?:quarter|qtr\.?)(?:\s+of\s+(?P<y2>\d{4}|this\s+year|last\s+year|next\s+year))?",
    3,
)
def _quarter(m: re.Match, ctx: _Ctx):
    q = ORDINALS[m["o"].lower()]
    y: int | None = None
    if m["yr"]:
        y = int(m["yr"])
    elif m["y2"] and m["y2"][0].isdigit():
        y = int(m["y2"])
    else:
        rel = (m["rel"] or m["y2"] or "").lower()
        if ctx.anchor:
            y = ctx.anchor.year + (
                -1 if rel.startswith("last") else 1 if rel.startswith("next") else 0
            )
            if not rel and q > quarter_of(ctx.anchor) and _looks_past(ctx):
                y -= 1  # "profits fell in the fourth quarter", said in January
            ended = _QUARTER_ENDED.match(ctx.text, ctx.end)
            if not rel and ended:
                # "the second quarter ended Oct. 31", written Oct. 27: a quarter is named by
                # the year its end date falls in, and an end already past is last year's
                end = (
                    _safe_date(int(ended["y"]), _month(ended["m"]), int(ended["d"]))
                    if ended["y"]
                    else nearest_day(
                        ctx.anchor, _month(ended["m"]), int(ended["d"]), future=False, past=True
                    )
                )
                if end is not None:
                    y = end.year
    return D, (f"{y}-Q{q}" if y else None), None


#: the end date after a quarter's name: "(that) ended Oct. 31(, 1988)"
_QUARTER_ENDED = re.compile(
    rf"\s+(?:that\s+|which\s+)?ended\s+(?:on\s+)?(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})\b"
    rf"(?:,?\s+(?P<y>{YEAR}))?"
)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@rule(
    r"the\s+(?P<adj>latest|most\s+recent|recent|previous|current|same|just-ended|"
    r"year-ago|year-earlier|prior-year)?\s*(?P<u>quarter|period|fiscal\s+quarter)",
    2,
)
def _the_quarter(m: re.Match, ctx: _Ctx):
    adj = (m["adj"] or "").lower()
    u = m["u"].lower()
    if u == "period" and not adj:
        return None
    if not ctx.anchor:
        return D, None, None
    last = add_months(ctx.anchor, -3)
    if adj in ("year-ago", "year-earlier", "prior-year"):
        return D, f"{last.year - 1}-Q{quarter_of(last)}", None
    if adj == "current":
        return D, f"{ctx.anchor.year}-Q{quarter_of(ctx.anchor)}", None
    return D, f"{last.year}-Q{quarter_of(last)}", None


@rule(
    r"(?P<adj>year-earlier|year-ago)|the\s+(?:comparable\s+|corresponding\s+)?(?:year-earlier|"
    r"year-ago)\s+(?P<rest>period|quarter|(?:first|second|third|fourth)\s+quarter)",
    1,
)
def _year_ago_adj(m: re.Match, ctx: _Ctx):
    if not ctx.anchor:
        return D, None, None
    rest = (m["rest"] or "").lower()
    if "quarter" in rest:
        if rest.split()[0] in ORDINALS:
            return D, f"{ctx.anchor.year - 1}-Q{ORDINALS[rest.split()[0]]}", None
        last = add_months(ctx.anchor, -3)
        return D, f"{last.year - 1}-Q{quarter_of(last)}", None
    return D, str(ctx.anchor.year - 1), None


@rule(
    r"the\s+(?:same\s+|comparable\s+|corresponding\s+)?(?:quarter|period)\s+"
    r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)|last\s+year['’]s\s+(?:quarter|period)",
    3,
)
def _quarter_a_year_ago(m: re.Match, ctx: _Ctx):
    """ "the quarter a year ago", "the corresponding period last year", "last year's
    quarter": one DATE, the reported quarter (the last one ended) a year earlier, as "the
    year-ago quarter" is."""
    if not ctx.anchor:
        return D, None, None
    last = add_months(ctx.anchor, -3)
    return D, f"{last.year - 1}-Q{quarter_of(last)}", None


@rule(r"(?:the\s+)?(?:(?:fiscal|calendar)\s+)?year(?:[-\s]|['’]s\s+)end", 1)
def _year_end(m: re.Match, ctx: _Ctx):
    """ "by year-end", "by year's end": the end of the year, written as "the end of the
    year" is (TimeML: the year, mod END), not as its last day."""
    if not ctx.anchor:
        return D, None, "END"
    if re.search(r"\bsince\s+$", ctx.text[max(0, ctx.start - 8) : ctx.start], re.I):
        # "up 12% since year-end": counted from the close of the last year, a day
        return D, f"{ctx.anchor.year - 1}-12-31", None
    return D, str(ctx.anchor.year), "END"


@rule(
    r"(?P<pos>the\s+(?:beginning|start|middle|end)\s+of\s+)?"
    r"the\s+(?:(?:fiscal|financial|calendar)\s+)?(?P<u>year|month|week|decade|century)"
    r"(?!-|\s+(?:before|after|earlier|ago|following|later|or|and|when|in\s+which)\b|"
    r"\s+of\s+[A-Za-z]|\s+\d)",
    2,
)
def _the_unit(m: re.Match, ctx: _Ctx):
    """ "the year ended Sept. 30" (a stretch of one year: DURATION) and "for the year",
    "the week's gains", "by the end of the month" (the year, week, month of the
    publication date)."""
    if not m["u"].islower():
        return None  # "Person of the Year": a title
    u = m["u"].lower()
    pos = _position_mod(m["pos"])
    after = ctx.text[ctx.end : ctx.end + 20]
    if not pos and re.match(r"\s+(?:that\s+|which\s+)?(?:ended|ending)\b", after):
        return DUR, duration_value(1, u), None
    if not ctx.anchor:
        return D, None, pos
    return D, shift(ctx.anchor, 0, u), pos


@rule(r"(?:the\s+)?(?:current|this)\s+(?:fiscal\s+)?year|the\s+(?:full|fiscal|calendar)\s+year", 1)
def _this_year(m: re.Match, ctx: _Ctx):
    if not ctx.anchor:
        return D, None, None
    return D, str(ctx.anchor.year), None


@rule(r"the\s+(?:latest|most\s+recent|previous|prior|last)\s+(?:fiscal|financial)\s+year", 2)
def _latest_fiscal_year(m: re.Match, ctx: _Ctx):
    """ "sales in the latest fiscal year": the last one closed, the year before the
    publication year, as "the latest quarter" is the last quarter ended."""
    if re.match(r"\s+(?:that\s+|which\s+)?(?:ended|ending)\b", ctx.text[ctx.end : ctx.end + 20]):
        return DUR, "P1Y", None  # "the latest fiscal year ended May 31": a stretch of a year
    if not ctx.anchor:
        return D, None, None
    return D, str(ctx.anchor.year - 1), None


@rule(
    rf"the\s+(?P<h>first|second|last|latter)\s+half\s+of\s+(?:(?P<y>{YEAR})|"
    r"(?P<rel>this|last|next)\s+year|(?P<the>the\s+(?:current\s+|fiscal\s+)?year)\b(?![-'’])|"
    r"the\s+(?:(?P<dec>(?:1[89]|20)\d)0'?s|'(?P<dec2>\d)0s))",
    5,
)
def _half_year(m: re.Match, ctx: _Ctx):
    """ "the first half of 1989", "the second half of the year" (H1, H2); "the last half of
    the '80s" is the decade, mod START or END (TimeML has no half-decade)."""
    half = "H1" if m["h"].lower() == "first" else "H2"
    if m["dec"] or m["dec2"]:
        return D, m["dec"] or "19" + m["dec2"], "START" if half == "H1" else "END"
    if m["y"]:
        return D, f"{m['y']}-{half}", None
    if not ctx.anchor:
        return D, None, None
    rel = (m["rel"] or "this").lower()
    y = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[rel]
    return D, f"{y}-{half}", None


# --------------------------------------------------------------------------- seasons


@rule(
    rf"(?:the\s+)?(?P<pos>(?:early|late|mid-?)\s*)?(?P<s>spring|summer|fall|autumn|winter)"
    rf"(?:\s+(?:of\s+)?(?:(?P<y>{YEAR}|{SPELLED_YEAR})|(?P<rel>last|this|next)\s+year))?",
    1,
)
def _season(m: re.Match, ctx: _Ctx):
    code = SEASONS[m["s"].lower()]
    if m["y"]:
        year = m["y"] if m["y"].isdigit() else spelled_year(m["y"])
        return D, f"{year}-{code}", _position_mod(m["pos"])
    if m["rel"]:  # "the spring of next year"
        if not ctx.anchor:
            return D, None, _position_mod(m["pos"])
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        return D, f"{year}-{code}", _position_mod(m["pos"])
    before = ctx.text[max(0, ctx.start - 12) : ctx.start].lower()
    # a season only after a preposition or determiner ("prices fall", "the spring rains"
    # are no seasons), and "fall" not as the noun of "the fall in prices"
    if not re.search(
        r"\b(in|the|this|last|next|during|since|by|until|into|over|through|throughout|"
        r"of|for|from|before|after)\s+$",
        before,
    ):
        return None
    if code == "FA" and re.match(r"\s+(?:in|of|from|to)\b", ctx.text[ctx.end : ctx.end + 6]):
        return None
    if not ctx.anchor:
        return D, None, _position_mod(m["pos"])
    order = ["WI", "SP", "SU", "FA"]
    cur = order[(ctx.anchor.month % 12) // 3]
    y = ctx.anchor.year
    if not _looks_future(ctx) and order.index(code) > order.index(cur):
        y -= 1
    return D, f"{y}-{code}", _position_mod(m["pos"])


# --------------------------------------------------------------------------- vague references


@rule(r"now|currently|nowadays|at\s+present|presently|the\s+present|right\s+now|these\s+days", 1)
def _present(m: re.Match, ctx: _Ctx):
    # "now that ...", "from now on" still refer to the present (TimeML: PRESENT_REF)
    return D, "PRESENT_REF", None


@rule(r"(?P<then>then[\s-]+)?current(?=\s+[a-z])", 0, 0)
def _current(m: re.Match, ctx: _Ctx):
    """The adjective "current" ("current market conditions", "his current post"): the
    present (TimeML: PRESENT_REF; "the then current price": PAST_REF); not "current
    account", nor the noun ("the current swept ...": a past form follows)."""
    if re.match(
        rf"\s+(?:accounts?|affairs|[a-z]+ed|{_IRREGULAR_PAST})\b", ctx.text[ctx.end : ctx.end + 14]
    ):
        return None
    return D, "PAST_REF" if m["then"] else "PRESENT_REF", None


@rule(
    r"(?:(?:more|most)\s+)?recently|recent\s+(?:years|quarters|months|weeks|days|times)|the\s+past|"
    r"lately",
    0,
)
def _past(m: re.Match, ctx: _Ctx):
    w = re.sub(r"\s+", " ", m.group(0).lower())
    if w == "earlier":
        nxt = ctx.text[ctx.end : ctx.end + 12]
        prev = ctx.text[max(0, ctx.start - 12) : ctx.start]
        if re.match(r"\s*(?:than|this|that|in|on|today|yesterday|,)", nxt, re.I) or re.search(
            r"\d\s*$", prev
        ):
            return None
        if re.match(r"\s*[A-Z]", nxt):
            return None
    if w.startswith("in the past"):
        return None
    if w == "the past" and re.match(
        r"\s+(?:few|several|\d|two|three|four|five|six|decade|year|week|"
        r"month|day|quarter)",
        ctx.text[ctx.end : ctx.end + 12],
        re.I,
    ):
        return None
    if w.startswith("recent ") and not w.endswith(("years", "times")):
        # "recent weeks": an unspecified stretch up to now
        return DUR, duration_value(None, w.split()[-1]), None
    return D, "PAST_REF", None


@rule(
    r"(?:the\s+)?coming\s+(?P<u>days|weeks|months|years|quarters)|"
    r"the\s+(?P<u2>days|weeks|months|years)\s+ahead",
    1,
)
def _coming(m: re.Match, ctx: _Ctx):
    """ "in coming weeks", "the months ahead": an unspecified stretch from now on (the
    counterpart of "recent weeks")."""
    return DUR, duration_value(None, m["u"] or m["u2"]), None


@rule(r"one\s+day|some\s*day", 3)
def _indefinite_day(m: re.Match, ctx: _Ctx):
    """ "he hopes to one day fly", "someday": an indefinite time, not a day's length
    (FUTURE_REF, or PAST_REF in a past clause: "One day, he walked in")."""
    w = re.sub(r"\s+", " ", m.group(0).lower())
    before = ctx.text[max(0, ctx.start - 12) : ctx.start]
    after = ctx.text[ctx.end : ctx.end + 2]
    # "one day" is indefinite between a modal or subject and its verb ("he will one day
    # fly"), or opening a sentence as an adverbial ("One day, ..."); else a length
    indefinite = (
        w != "one day"
        or re.search(
            r"\b(?:will|would|could|may|might|can|should|must|to|he|she|they|we|I|you|it)\s+$",
            before,
        )
        or (re.search(r"(?:^|[.!?\n]\s*)$", before) and after.startswith(","))
    )
    if not indefinite:
        return None
    return D, ("PAST_REF" if _looks_past(ctx) else "FUTURE_REF"), None


@rule(r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bafter\s))a\s+(?:long\s+)?while", 1)
def _a_while(m: re.Match, ctx: _Ctx):
    return DUR, "PXX", None


@rule(
    r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bafter\s))(?:a|an)\s+(?:(?:fairly|very|relatively|"
    r"rather|quite)\s+)?(?:long|lengthy|extended|prolonged|short|brief)\s+period(?:\s+of\s+time)?",
    1,
)
def _vague_period(m: re.Match, ctx: _Ctx):
    """ "stay for a fairly lengthy period": a stretch of unknown length (PXX), as "a
    while" is."""
    return DUR, "PXX", None


@rule(r"(?<=\bat\s)(?:a|an|some)\s+(?P<w>later|earlier|future)\s+(?:date|time|stage|point)", 1)
def _later_date(m: re.Match, ctx: _Ctx):
    """ "at a later date", "at an earlier stage": an unspecified time to come or gone."""
    return D, ("PAST_REF" if m["w"].lower() == "earlier" else "FUTURE_REF"), None


@rule(r"the\s+(?:near|short|long)\s+term", 1)
def _term(m: re.Match, ctx: _Ctx):
    return D, "FUTURE_REF", None


@rule(r"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s))the\s+(?P<p>morning|afternoon|evening|night)", 1)
def _the_part_of_day(m: re.Match, ctx: _Ctx):
    """ "in the morning": that part of the text's reference day (its last day-level date,
    else the publication date)."""
    code = PARTS_OF_DAY[m["p"].lower()]
    fallback = f"{ctx.anchor.isoformat()}T{code}" if ctx.anchor else ""
    return T, f"&+0dayT{code}|{fallback}", None


@rule(
    r"the\s+(?P<rel>next|following|previous|preceding|prior|same)\s+"
    r"(?P<p>morning|afternoon|evening|night)(?!\s+(?:after|before))",
    2,
)
def _anaphoric_part_of_day(m: re.Match, ctx: _Ctx):
    """ "the next morning", "the previous night": that part of the day after (before) the
    text's reference day, as "the following day" counts from it."""
    rel = m["rel"].lower()
    step = 0 if rel == "same" else 1 if rel in ("next", "following") else -1
    code = PARTS_OF_DAY[m["p"].lower()]
    fallback = shift(ctx.anchor, step, "day") + f"T{code}" if ctx.anchor else ""
    return T, f"&{step:+d}dayT{code}|{fallback}", None


@rule(r"the\s+(?:near\s+|foreseeable\s+|distant\s+)?future", 0)
def _future(m: re.Match, ctx: _Ctx):
    w = m.group(0).lower()
    if w == "future" and re.match(r"\s+[a-z]", ctx.text[ctx.end : ctx.end + 3]):
        return None  # "future plans": an adjective
    return D, "FUTURE_REF", None


@rule(r"(?:the\s+)?future\s+(?:days|weeks|months|quarters|years|decades)", 1)
def _future_units(m: re.Match, ctx: _Ctx):
    """ "tax savings in future quarters": "future" before a plural time unit is no mere
    adjective, the phrase is the time to come (FUTURE_REF), as "coming years" is."""
    return D, "FUTURE_REF", None


@rule(
    r"(?:(?<=['’]s\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\bits\s)|(?<=\bour\s)|(?<=\bmy\s)|"
    r"(?<=\byour\s)|(?<=\btheir\s))future"
    r"(?=\s*[,.;:!?)'\"’”]|\s+(?:of|in|is|was|will|would|and|or|as|at|with|away|to|remains|"
    r"looks|lies|depends|hangs)\b)",
    0,
)
def _possessive_future(m: re.Match, ctx: _Ctx):
    """ "the decision about Elian's future", "their future is uncertain": the noun, a time
    to come (FUTURE_REF); not the adjective ("the company's future earnings")."""
    return D, "FUTURE_REF", None


# --------------------------------------------------------------------------- times of day


@rule(
    r"(?P<pre>(?:about|around)\s+)?(?P<h>[01]?\d)"
    r"(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m)(?:\s+(?P<tz>[A-Z]{2,4}T))?"
    rf"(?:,?\s+(?:(?P<wd>{WEEKDAY})|(?P<w2>today|yesterday|tomorrow)|"
    rf"(?P<md>{MONTH}\s+{DAYNUM})))?",
    4,
    re.I,
)
def _clock(m: re.Match, ctx: _Ctx):
    h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    mi = m["mi"] or "00"
    day = ctx.anchor
    if ctx.anchor and m["md"]:
        month_word, day_word = m["md"].split()[0], m["md"].split()[-1]
        day = nearest_day(
            ctx.anchor,
            _month(month_word),
            int(re.match(r"\d+", day_word).group()),
            future=_looks_future(ctx),
        )
    elif ctx.anchor and m["wd"]:
        day = _weekday_of(ctx, _weekday(m["wd"]))
    elif ctx.anchor and m["w2"]:
        day = ctx.anchor + dt.timedelta(
            days={"today": 0, "yesterday": -1, "tomorrow": 1}[m["w2"].lower()]
        )
    elif ctx.anchor:
        aside = _day_after_aside(ctx)
        if aside is None:
            # no day of its own: the day its sentence names ("Friday at 10 a.m."), else
            # the publication date
            return T, f"%T{h:02d}:{mi}|{ctx.anchor.isoformat()}T{h:02d}:{mi}", None
        day = aside
    if day is None:
        return T, f"XXXX-XX-XXT{h:02d}:{mi}", None
    return T, f"{day.isoformat()}T{h:02d}:{mi}", None


_ASIDE_THEN_DAY = re.compile(
    rf"(?:\s*\([^()]{{1,30}}\))?\)?\s*,?\s*(?:on\s+)?(?P<wd>{WEEKDAY})\b|"
    r"(?:\s*\([^()]{1,30}\))?\)?\s*,?\s*(?P<w2>today|yesterday|tomorrow)\b"
)


def _day_after_aside(ctx: _Ctx) -> dt.date | None:
    """The day named right after a clock time and its aside: "10:35 a.m. (0735 GMT)
    Friday", "(1600 GMT) Saturday"."""
    m = _ASIDE_THEN_DAY.match(ctx.text, ctx.end)
    if m is None or ctx.anchor is None:
        return None
    if m["wd"]:
        if not m["wd"][0].isupper() or m["wd"].lower().endswith("s"):
            return None
        return _weekday_of(ctx, _weekday(m["wd"]))
    return ctx.anchor + dt.timedelta(
        days={"today": 0, "yesterday": -1, "tomorrow": 1}[m["w2"].lower()]
    )


@rule(r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?:GMT|UTC)", 4, 0)
def _clock_24h(m: re.Match, ctx: _Ctx):
    """A 24-hour clock time with its zone, as wire copy gives it: "(0735 GMT)"."""
    stamp = f"T{m['h']}:{m['mi']}"
    if ctx.anchor is None:
        return T, f"XXXX-XX-XX{stamp}", None
    day = _day_after_aside(ctx)
    if day is None:  # the day its sentence names, else the publication date
        return T, f"%{stamp}|{ctx.anchor.isoformat()}{stamp}", None
    return T, f"{day.isoformat()}{stamp}", None


@rule(rf"another\s+(?:(?P<n>{NUMBER})\s+)?(?P<u>{UNIT})s?", 2)
def _another(m: re.Match, ctx: _Ctx):
    """ "another decade", "another two years": a further stretch (DURATION)."""
    n = number_value(m["n"]) if m["n"] else 1
    if m["n"] is None and m.group(0).lower().endswith("s"):
        return None
    if re.search(r"\b(?:on|at)\s+$", ctx.text[max(0, ctx.start - 4) : ctx.start]):
        return None  # "on another day": some other date, not a stretch
    return DUR, duration_value(n, m["u"]), None


@rule(
    rf"(?P<w>noon|midnight|mid[-\s]?afternoon|mid[-\s]?morning)(?:\s+(?P<wd>{WEEKDAY}|today|yesterday|tomorrow))?",
    2,
)
def _noon(m: re.Match, ctx: _Ctx):
    w = m["w"].lower()
    if w == "noon" and re.search(r"\bhigh\s+$", ctx.text[max(0, ctx.start - 6) : ctx.start], re.I):
        return None  # "high noon", "High Noon": a showdown (or the film), not a clock time
    code = {"noon": "12:00", "midnight": "24:00"}.get(w, "AF" if "afternoon" in w else "MO")
    day = ctx.anchor
    if ctx.anchor and m["wd"]:
        wd = m["wd"].lower()
        if wd in ("today", "yesterday", "tomorrow"):
            day = ctx.anchor + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[wd])
        else:
            day = _weekday_of(ctx, _weekday(m["wd"]))
    if day is None:
        return T, None, None
    if not m["wd"]:  # the day its sentence names, else the publication date
        return T, f"%T{code}|{day.isoformat()}T{code}", None
    return T, f"{day.isoformat()}T{code}", None


# --------------------------------------------------------------------------- durations


@rule(
    rf"(?P<pre>{APPROX_PREFIX}\s+)?(?:the\s+(?:(?:first|last|past|next|previous|coming|"
    rf"following|latest|final|preceding|ensuing|same|entire)\s+)?)?(?P<n>{NUMBER})(?:\s+and\s+a\s+half)?"
    rf"(?:\s+or\s+(?:so|more|\w+)|\s*(?:to|-)\s*(?:\d+|{_WORDNUM}))?\s+"
    r"(?P<adj>(?:long|full|straight|consecutive|more|additional|previous|fiscal|calendar|"
    r"trading|business|working|school)\s+)?"
    rf"(?P<u>{UNIT})s?(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+(?:so|more|less|two|three))?",
    2,
)
def _duration(m: re.Match, ctx: _Ctx):
    n = number_value(m["n"])
    u = m["u"].lower()
    if re.fullmatch(r"(?:1[89]|20)\d\d", m["n"]) and not m.group(0).lower().endswith("s"):
        return None  # "the 1988 quarter": a year, not 1988 quarters
    if re.match(r"\s+old\b", ctx.text[ctx.end : ctx.end + 5]):
        return None  # an age ("52 years old"), as "a 52-year-old man": not a TIMEX3
    if m["u"][0].isupper() and m["n"][0].isdigit():
        return None  # "60 Minutes", "48 Hours": a title in running text
    fraction = r"\s+of\s+(?:the|its|their|all|his|her|our|those|these|total)\b"
    if u == "quarter" and re.match(fraction, ctx.text[ctx.end : ctx.end + 12]):
        return None  # "over a quarter of the market": a fraction ("of an hour" is a time)
    if (
        u == "second"
        and m["n"].lower() in ("a", "one")
        and re.match(
            r"\s+(?!or\b|and\b|of\b|to\b|in\b|later\b|earlier\b|ago\b|before\b|after\b|"
            r"longer\b|more\b|less\b)[A-Za-z]",
            ctx.text[ctx.end : ctx.end + 12],
        )
    ):
        return None  # "a second blast", "a second ID": the ordinal
    words = m.group(0).lower()
    if "and a half" in words and n is not None:
        n += 0.5  # "two and a half years", "a minute and a half"
    if m["n"].lower() in ("a", "an") and u == "year":
        # "$5 a year": a rate
        before = ctx.text[max(0, ctx.start - 20) : ctx.start]
        if re.search(r"(\d|percent|%|times|once|twice)\s*$", before):
            return S, "P1Y", None
    if m["n"].lower() in ("a", "an", "one") and re.search(
        r"(\d|percent|%|times|once|twice)\s*$", ctx.text[max(0, ctx.start - 20) : ctx.start]
    ):
        return S, duration_value(1, u), None
    later = _in_units_to_come(m, ctx, n, u)
    if later is not None:
        return D, later, None
    return DUR, duration_value(n, u), _prefix_mod((m["pre"] or "").strip())


#: "the first rise in five years", "its highest level in a decade": "in" counts back
_SINCE_READING = re.compile(
    r"\b(?:first|last|only|best|worst|most|least|[a-z]{3,}est)\b[\w\s,'-]{0,40}$", re.I
)


def _in_units_to_come(m: re.Match, ctx: _Ctx, n: float | None, u: str) -> str | None:
    """ "will be repaid in five years": a counted unit after a bare "in", in a clause about
    what is to come, is the date that many units after the publication date (TimeML: a
    DATE, not a DURATION); "in a year or two" is FUTURE_REF. None otherwise ("within five
    years", "in the next five years", "the first rise in five years" stay durations)."""
    if not ctx.anchor or m["pre"] or u not in ("day", "week", "month", "year"):
        return None
    words = m.group(0).lower()
    if words.startswith("the ") or n is None or m["adj"]:
        return None
    before = ctx.text[max(0, ctx.start - 60) : ctx.start]
    if not re.search(r"(?<![\w-])in\s+$", before, re.I) or _SINCE_READING.search(before[:-3]):
        return None
    if clause_tense(ctx.text, ctx.start, ctx.end) not in ("future", "near"):
        return None
    if re.search(r"\s(?:or|to)\s|-", words):
        return "FUTURE_REF"  # "in a year or two", "in two to three weeks"
    if n != int(n):
        return None
    return shift(ctx.anchor, n, u)


@rule(
    rf"(?P<n>\d+|{_WORDNUM}|half|several|few|many)[-\s](?P<u>second|minute|hour|day|week|month|year|decade)"
    r"(?=[-\s](?:old|long)?\s*[a-z])",
    3,
)
def _duration_adj(m: re.Match, ctx: _Ctx):
    if not re.match(r"[-\s]", ctx.text[ctx.end : ctx.end + 1]):
        return None
    after = ctx.text[ctx.end : ctx.end + 5].lower()
    if after.startswith("-old") or after.startswith(" old"):
        return None
    n = 0.5 if m["n"].lower() == "half" else number_value(m["n"])
    if "-" not in m.group(0) and not re.match(
        r"\s+(?:low|high|period|term|plan|contract|deal|"
        r"old|long|history|span|stint|sentence|loan|"
        r"bond|note|program|extension|ban|delay)",
        ctx.text[ctx.end : ctx.end + 12],
    ):
        return None
    return DUR, duration_value(n, m["u"]), None


@rule(r"(?P<u>hour|day|week|month|year|decade)-long", 3)
def _unit_long(m: re.Match, ctx: _Ctx):
    """ "a month-long strike": a stretch of one unit."""
    return DUR, duration_value(1, m["u"]), None


@rule(r"(?P<u>hours|days|weeks|months|years|decades|centuries)-(?:long|old)", 3)
def _units_long(m: re.Match, ctx: _Ctx):
    """ "a decades-long feud", "a years-old slump": a stretch of an unknown number of
    units (a plural unit is never a person's age, unlike "a 6-year-old")."""
    return DUR, duration_value(None, m["u"]), None


@rule(
    r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bwithin\s)|(?<=\bafter\s)|(?<=\bover\s)the\s+)"
    r"(?P<u>years|months|weeks|decades|centuries|days|hours)"
    r"(?:\s+or\s+(?:years|months|weeks|decades|days|hours))?",
    1,
)
def _vague_duration(m: re.Match, ctx: _Ctx):
    """A bare plural unit after "for", "in", "within", "after" ("the first time in
    years", "within weeks") or "over the": an unspecified number of them."""
    return DUR, duration_value(None, m["u"]), None


@rule(r"(?:the\s+)?(?:past|last|next|coming)\s+(?P<n>several|few)\s+(?P<u>" + UNIT + ")s", 3)
def _past_few(m: re.Match, ctx: _Ctx):
    if not m.group(0).lower().startswith("the") and re.search(
        r"\b(?:will|would|could|may|might|can|should|must|to|did|does|do|not|n't)\s+$",
        ctx.text[max(0, ctx.start - 10) : ctx.start],
    ):
        return None  # "could last several months": the verb "last"
    words = m.group(0).lower()
    before = ctx.text[max(0, ctx.start - 8) : ctx.start]
    if re.match(r"the\s+(?:past|last)\b", words) and re.search(
        r"\b(?:in|over|during)\s+$", before, re.I
    ):
        # "rates have fallen in the last few months": a vague stretch up to now used as
        # the time of an event is PAST_REF; "for the past few weeks" stays a DURATION
        return D, "PAST_REF", None
    return DUR, duration_value(None, m["u"]), None


# --------------------------------------------------------------------------- sets


@rule(
    rf"(?:every|each|per)\s+(?:(?P<n>other|{NUMBER})\s+)?(?P<u>{UNIT}|{WEEKDAY}|{_MONTH_FULL}|"
    rf"morning|evening|night|afternoon|summer|winter|spring|fall)s?",
    4,
)
def _every(m: re.Match, ctx: _Ctx):
    u = m["u"].lower()
    if u in WEEKDAYS or (u.endswith("s") and u[:-1] in WEEKDAYS):
        return S, f"XXXX-WXX-{_weekday(u) + 1}", None
    if u in MONTHS:
        return S, f"XXXX-{MONTHS[u]:02d}", None
    if u in PARTS_OF_DAY:
        return S, f"XXXX-XX-XXT{PARTS_OF_DAY[u]}", None
    if u in SEASONS:
        return S, f"XXXX-{SEASONS[u]}", None
    n = 2 if (m["n"] or "").lower() == "other" else (number_value(m["n"]) if m["n"] else 1)
    return S, duration_value(n, u), None


_FREQ_ADVERB = {"daily": "D", "weekly": "W", "monthly": "M", "annually": "Y", "yearly": "Y"}


@rule(r"(?-i:daily|weekly|monthly|annually|yearly)\b(?!-)", 1)
def _frequency_adverb(m: re.Match, ctx: _Ctx):
    """ "rallies held almost daily", "a festival held annually": SET, as "every day" is.
    Not the adjective ("daily flights", "the daily tally", "the party daily Granma") nor a
    rate after an amount ("20% annually", "10,000 units annually": per year)."""
    after = ctx.text[ctx.end : ctx.end + 24]
    before = ctx.text[max(0, ctx.start - 40) : ctx.start]
    adverbial = re.match(
        r"\s*(?:[.,;:!?)'\"]|$|(?:outside|inside|in|at|on|for|from|since|through|until|"
        r"and|or|to|by|with|during|across|around|near|before|after|as|than)\b)",
        after,
    )
    if not adverbial or re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", before, re.I):
        return None
    if re.search(r"[\d%]\S*(?:\s+[a-z]+){0,2}\s+$", before):
        return None
    return S, f"P1{_FREQ_ADVERB[m.group().lower()]}", None


RULES = _RULES
Context = _Ctx
