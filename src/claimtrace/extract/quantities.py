"""Quantities: every amount an article states, with its value, qualifier and counted thing.

:func:`extract_quantities` reads a spaCy ``Doc`` and returns frozen :class:`Quantity`
records (ids ``q1``, ``q2`` ... in text order). It needs only a tokenizer: on a blank
pipeline the counted noun is found with word-shape heuristics, and when the Doc has
part-of-speech tags and a parse (the trained pipeline) it uses them for the counted noun
and the event.

What counts as a quantity is fixed by docs/guidelines-quantities.md: years, dates, times of
day, durations, ages, ordinals and numbers that are part of names ("Flight 370", "Week
16") are skipped; the dates component owns the temporal ones.

Lexicons (number words, qualifiers, units, currencies, change verbs) live in
``claimtrace/data/quantity_lexicon.json``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc

from claimtrace.data import read_json
from claimtrace.model import Change, Qualifier, Quantity, Span

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
GLUED = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z][a-z.]*)$", re.IGNORECASE)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


BIG_SCALES = ("hundred", "thousand", "million", "billion", "trillion", "mn", "bn", "tn")
DETERMINERS = _set(
    "the a an its his her their our my your these those this that all some any each every both such"
)
STOP = _set(
    "the a an and or but of to in on at by for from with as than that which who whom whose is "
    "are was were be been being am has have had do does did will would shall should can could "
    "may might must not no nor so if then there here this these those it its he she they them "
    "his her their we our you your i me my per each every apiece respectively still also now "
    "just only even already again more less most least later ago earlier alone very too about "
    "around over under into onto upon while when where why how what after before since until "
    "during against between among through via including like plus minus versus vs said says "
    "say told according reportedly allegedly throughout soon away down up out off back go "
    "went come came get got make made take took see saw monday tuesday wednesday thursday "
    "friday saturday sunday yesterday today tomorrow tonight last next"
)
SUBJECT_BRIDGE = _set(
    "were was have has had been being are is reportedly allegedly also all later already were’"
)
RATE_TAILS = (
    ("a", "share"),
    ("per", "share"),
    ("a", "year"),
    ("a", "ton"),
    ("a", "week"),
    ("a", "day"),
    ("a", "month"),
    ("per", "year"),
    ("each",),
)
FRACTION_NEXT = _set("of from to in than and or , . ; : ) share")
HALF_NEXT = _set("of the a an its his her their our my that this these those")
HALF_BLOCK = _set("first second third last latter other back front")
ONE_KEEP_PREV = _set("least than only just exactly")
CHANGE_STOP = _set("; while but whereas compared although")


@functools.cache
def lexicon() -> dict[str, Any]:
    """The quantity lexicons from ``claimtrace/data/quantity_lexicon.json``."""
    data = read_json("quantity_lexicon.json")
    phrases: dict[tuple[str, ...], Qualifier] = {}
    for qual, items in data["qualifiers_before"].items():
        for item in items:
            phrases[tuple(item.split())] = Qualifier(qual)
    after: dict[tuple[str, ...], Qualifier] = {}
    for qual, items in data["qualifiers_after"].items():
        for item in items:
            after[tuple(item.split())] = Qualifier(qual)
    data["_before"] = phrases
    data["_after"] = after
    for key in (
        "time_units",
        "time_markers",
        "months",
        "age_words",
        "score_nouns",
        "one_skip_after",
        "change_up",
        "change_down",
        "events",
        "percent",
    ):
        data[key] = frozenset(data[key])
    return data


@dataclass
class _Num:
    """A number core found in the token sequence (token indices, end-exclusive)."""

    start: int
    end: int
    value: float
    kind: str  # digits | words | vague | fraction | times | skip
    scaled: bool = False
    unit: str | None = None
    approx: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class _Tokens:
    """Token texts of a Doc with look-ups that tolerate running off either end, and the
    Doc's annotation flags (each ``doc.has_annotation`` call walks the whole Doc)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = [t.text for t in doc]
        self.low = [t.lower_ for t in doc]
        self.n = len(doc)
        self.has_sent_start = doc.has_annotation("SENT_START")
        self.has_pos = _has_pos(doc)
        self.has_dep = doc.has_annotation("DEP")

    def low_at(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def text_at(self, i: int) -> str:
        return self.text[i] if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """No whitespace between token i-1 and token i."""
        return 0 < i < self.n and self.doc[i - 1].whitespace_ == ""

    def sent_start(self, i: int) -> bool:
        if i <= 0:
            return True
        token = self.doc[i]
        if self.has_sent_start:
            return bool(token.is_sent_start)
        return self.low[i - 1] in (".", "!", "?", "\n")


# --------------------------------------------------------------------------- number cores


def _word_number(tk: _Tokens, i: int) -> _Num | None:
    lex = lexicon()
    units, scales = lex["units_words"], lex["scales"]
    total, current, j, last, consumed = 0.0, 0.0, i, None, False
    while j < tk.n:
        w = tk.low[j]
        if w in units:
            val = units[w]
            if last in ("unit", "teen") or (last == "tens" and (val >= 10)):
                break
            if last == "hundred" and current % 100 != 0:
                break
            current += val
            last = "tens" if val >= 20 else ("teen" if val >= 10 else "unit")
        elif w in ("-", "–") and last == "tens" and tk.low_at(j + 1) in units and tk.glued(j):
            j += 1
            continue
        elif w == "hundred" and consumed and last != "hundred":
            current = (current or 1) * 100
            last = "hundred"
        elif w in ("thousand", "million", "billion", "trillion") and consumed:
            total += (current or 1) * scales[w]
            current, last = 0.0, "scale"
        elif w == "dozen" and consumed:
            current *= 12
            last = "scale"
        elif w == "and" and last in ("hundred", "scale") and tk.low_at(j + 1) in units:
            j += 1
            continue
        else:
            break
        consumed = True
        j += 1
    if not consumed:
        return None
    return _Num(i, j, total + current, "words", scaled=last == "scale")


def _fraction(tk: _Tokens, i: int) -> _Num | None:
    fractions, units = lexicon()["fractions"], lexicon()["units_words"]
    w = tk.low[i]
    # "one-third", "two-thirds", "three quarters"
    if w in units and 0 < units[w] < 10:
        k = i + 1
        if tk.low_at(k) in ("-", "–"):
            k += 1
        frac = tk.low_at(k)
        if (
            frac in fractions
            and frac not in ("half", "halves")
            and (frac.endswith("s") == (units[w] > 1))
        ):
            return _Num(i, k + 1, round(units[w] * fractions[frac], 4), "fraction")
    # "a third", "a quarter"
    if (
        w in ("a", "an")
        and tk.low_at(i + 1) in fractions
        and tk.low_at(i + 1) != "half"
        and (tk.low_at(i + 2) in FRACTION_NEXT or i + 2 >= tk.n)
    ):
        return _Num(i, i + 2, fractions[tk.low[i + 1]], "fraction")
    # "half a million", "half of", "half the"
    if w == "half" and tk.low_at(i - 1) not in HALF_BLOCK and not tk.glued(i):
        if tk.low_at(i + 1) == "a" and tk.low_at(i + 2) in BIG_SCALES:
            return _Num(i, i + 3, 0.5 * lexicon()["scales"][tk.low[i + 2]], "words", True)
        if tk.low_at(i + 1) in HALF_NEXT:
            return _Num(i, i + 1, 0.5, "fraction")
    return None


def _one_in(tk: _Tokens, first: _Num) -> _Num | None:
    """ "1 in 4", "one in five" → 0.25, 0.2."""
    if tk.low_at(first.end) != "in" or first.value <= 0:
        return None
    second = _simple_core(tk, first.end + 1)
    if second is None or second.kind not in ("digits", "words") or second.value <= first.value:
        return None
    if second.value > 1000:
        return None
    return _Num(first.start, second.end, round(first.value / second.value, 4), "fraction")


def _simple_core(tk: _Tokens, i: int) -> _Num | None:
    """A digit or word number at token i (no vague plurals, fractions or ranges)."""
    w = tk.low_at(i)
    if not w:
        return None
    scales = lexicon()["scales"]
    if DIGITS.match(w):
        value = float(w.replace(",", ""))
        num = _Num(i, i + 1, value, "digits", extra={"raw": w})
        nxt = tk.low_at(i + 1)
        if (
            nxt in BIG_SCALES
            or nxt == "dozen"
            or (
                nxt in ("m", "b", "k", "bn", "mn")
                and tk.glued(i + 1)
                and tk.low_at(i - 1) in (lexicon()["currency_symbols"])
            )
        ):
            num.value *= scales[nxt]
            num.end, num.scaled = i + 2, True
        return num
    m = GLUED.match(w)
    if m:
        value = float(m.group(1).replace(",", ""))
        suffix = m.group(2).lower()
        if suffix in lexicon()["time_markers"]:
            return _Num(i, i + 1, value, "skip")
        if suffix in scales and suffix not in ("hundred", "dozen"):
            if suffix in ("m", "b", "k") and tk.low_at(i - 1) not in lexicon()["currency_symbols"]:
                unit = lexicon()["units"].get(suffix)
                return _Num(i, i + 1, value, "digits", unit=unit) if unit else None
            return _Num(i, i + 1, value * scales[suffix], "digits", scaled=True)
        unit = lexicon()["units"].get(suffix)
        if unit:
            return _Num(i, i + 1, value, "digits", unit=unit)
        return None
    if w in ("a", "an") and tk.low_at(i + 1) in ("dozen", *BIG_SCALES[:5]):
        return _Num(i, i + 2, float(scales[tk.low[i + 1]]), "words", scaled=True)
    if w in lexicon()["units_words"]:
        return _word_number(tk, i)
    return None


def _core(tk: _Tokens, i: int) -> _Num | None:
    """Any number core at token i: fractions, vague plurals, "twice", digits, words."""
    w = tk.low[i]
    lex = lexicon()
    frac = _fraction(tk, i)
    if frac is not None:
        return frac
    if w == "twice":
        return _Num(i, i + 1, 2.0, "times", unit="times")
    if w in lex["vague"] and (w not in ("tens", "scores") or tk.low_at(i + 1) == "of"):
        value, j = float(lex["vague"][w]), i + 1
        while (
            tk.low_at(j) == "of"
            and tk.low_at(j + 1) in lex["vague"]
            and tk.low_at(j + 1) not in ("dozens", "tens", "scores")
        ):
            value *= lex["vague"][tk.low[j + 1]]
            j += 2
        return _Num(i, j, value, "vague")
    if w in ("several", "few") and tk.low_at(i + 1) in BIG_SCALES[:5]:
        start = i - 1 if (w == "few" and tk.low_at(i - 1) == "a") else i
        return _Num(start, i + 2, float(lex["scales"][tk.low[i + 1]]), "vague")
    if w == "a" and tk.low_at(i + 1) == "couple" and tk.low_at(i + 2) == "of":
        return _Num(i, i + 2, 2.0, "words", approx=True)
    num = _simple_core(tk, i)
    if num is None:
        return None
    ratio = _one_in(tk, num)
    return ratio if ratio is not None else num


# --------------------------------------------------------------------------- filters


def _is_year(num: _Num) -> bool:
    raw = num.extra.get("raw", "")
    return (
        num.kind == "digits"
        and not num.scaled
        and re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", raw) is not None
    )


def _skip_reason(tk: _Tokens, num: _Num, has_currency: bool) -> str | None:
    lex = lexicon()
    i, j = num.start, num.end
    prev, nxt = tk.low_at(i - 1), tk.low_at(j)
    if num.kind == "skip":
        return "time"
    if nxt in lex["time_markers"] or ":" in tk.text[i]:
        return "time"
    if nxt in lex["time_units"] or (nxt in ("-", "–") and tk.low_at(j + 1) in lex["time_units"]):
        return "duration"
    if nxt in ("s", "'s", "’s") and num.kind == "digits" and num.value % 10 == 0:
        return "decade"
    if has_currency:
        return None
    if _is_year(num) and nxt not in lex["percent"] and nxt not in lex["units"]:
        return "year"
    if prev in lex["months"] or nxt in lex["months"]:
        return "date"
    if prev in lex["age_words"]:
        return "age"
    if (
        num.kind == "digits"
        and prev == ","
        and nxt == ","
        and num.value <= 120
        and tk.text_at(i - 2)[:1].isupper()
        and tk.low_at(j + 1) not in lex["percent"]
    ):
        return "age"
    if i == 0 and num.kind == "digits" and num.value <= 31 and nxt == ",":
        return "date"
    if prev in ("no", "no.", "#", "number", "nos.") and num.kind in ("digits", "words"):
        return "rank"
    if prev == "[" and nxt == "]":
        return "index"
    if prev in ("-", "–", "/") and tk.glued(i) and re.search(r"[A-Za-z]", tk.text_at(i - 2)):
        return "identifier"
    if (
        tk.sent_start(i)
        and num.kind == "digits"
        and num.value <= 31
        and "." not in tk.text[i]
        and (nxt == "," or tk.text_at(j)[:1].islower())
        and nxt not in lex["percent"]
        and nxt not in lex["units"]
    ):
        return "date"  # news style spells out sentence-initial numbers: this is a date's tail
    if nxt in ("-", "/") and tk.glued(j) and tk.text_at(j + 1)[:1].isalpha():
        word = tk.low_at(j + 1)
        if word not in lex["units"] and word not in lex["fractions"]:
            return "compound"
    if num.kind in ("digits", "words") and i > 0 and not tk.sent_start(i):
        before = tk.text[i - 1]
        if (
            re.search(r"[A-Z]", before)
            and before.isalpha()
            and not tk.sent_start(i - 1)
            and prev not in DETERMINERS
            and prev not in STOP
            and prev not in lex["months"]
            and (prev,) not in lex["_before"]
            and not (nxt in ("-", "–") and DIGITS.match(tk.low_at(j + 1)))
            and nxt not in lex["percent"]
            and nxt not in lex["units"]
            and nxt not in BIG_SCALES
        ):
            return "identifier"
    if num.kind == "words" and num.value == 1 and j - i == 1 and tk.low[i] == "one":
        if prev in ONE_KEEP_PREV:
            return None
        if nxt == "or" or nxt in lex["units"] or nxt in lex["currency_words"]:
            return None
        if nxt in ("percent", "%", "cent"):
            return None
        return "pronoun-one"
    return None


# --------------------------------------------------------------------------- context


def _qualifier_before(tk: _Tokens, start: int) -> tuple[Qualifier | None, int]:
    phrases = lexicon()["_before"]
    for size in (4, 3, 2, 1):
        if start - size < 0:
            continue
        key = tuple(tk.low[start - size : start])
        if key in phrases:
            return phrases[key], start - size
    return None, start


def _currency_before(tk: _Tokens, start: int, num: _Num) -> tuple[str | None, int]:
    symbols = lexicon()["currency_symbols"]
    prev = tk.low_at(start - 1)
    if prev in symbols:
        return symbols[prev], start - 1
    if prev == "#" and num.scaled:
        return "GBP", start - 1  # the Wall Street Journal's pound sign in Penn Treebank text
    return None, start


def _unit_after(tk: _Tokens, j: int, currency: str | None) -> tuple[str | None, str | None, int]:
    """(unit, currency, new end) for the words right after a number ending at token j."""
    lex = lexicon()
    units, cwords = lex["units"], lex["currency_words"]
    k = j
    hyphen = tk.low_at(k) in ("-", "–") and tk.glued(k)
    if hyphen:
        k += 1
    # at the end of the Doc a two- or three-word phrase is cut short: "" rather than the
    # one word left (which would count two tokens for one: "fell 60 mm")
    one = tk.low_at(k)
    two = " ".join(tk.low[k : k + 2]) if k + 2 <= tk.n else ""
    three = " ".join(tk.low[k : k + 3]) if k + 3 <= tk.n else ""
    if not hyphen:
        if one in ("%",) or one in ("percent", "pct"):
            return "percent", currency, k + 1
        if two == "per cent":
            return "percent", currency, k + 2
        for phrase, size in ((three, 3), (two, 2)):
            if phrase in cwords:
                return None, cwords[phrase], k + size
            if phrase in units:
                return units[phrase], currency, k + size
        if tk.low_at(k) in ("canadian", "australian", "u.s.") and tk.low_at(k + 1) in (
            "cents",
            "cent",
        ):
            cur = {"canadian": "CAD", "australian": "AUD"}.get(tk.low_at(k), "USD")
            return "cents", cur, k + 2
        if one in cwords and not (one in ("pounds", "marks", "won") and currency is None):
            if one in ("pounds",):
                return "pounds", currency, k + 1
            return None, cwords[one], k + 1
        if one in ("cents", "cent"):
            return "cents", currency or "USD", k + 1
    if one in units:
        unit = units[one]
        return unit, currency, k + 1
    return None, currency, j


def _rate_tail(tk: _Tokens, j: int) -> int:
    for tail in RATE_TAILS:
        if tuple(tk.low[j : j + len(tail)]) == tail:
            return j + len(tail)
    return j


def _has_pos(doc: Doc) -> bool:
    return doc.has_annotation("POS") or doc.has_annotation("TAG")


def _looks_plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


def _counted(tk: _Tokens, p: int, *, partitive: bool) -> tuple[int, int, int] | None:
    """(first modifier index, head index, end) of the noun phrase starting at token p."""
    doc = tk.doc
    if partitive:
        if tk.low_at(p) != "of":
            return None
        p += 1
        while (
            tk.low_at(p) in DETERMINERS
            or tk.low_at(p).endswith(("'s", "’s"))
            or tk.low_at(p + 1) in ("'s", "’s")
        ):
            p += 2 if tk.low_at(p + 1) in ("'s", "’s") else 1
    elif tk.low_at(p) == "of" and tk.low_at(p + 1) in ("the", "its", "his", "her", "their", "our"):
        return _counted(tk, p, partitive=True)
    words: list[int] = []
    k = p
    use_pos = tk.has_pos
    while k < tk.n and len(words) < 6:
        token = doc[k]
        low = tk.low[k]
        if low in ("-", "–") and words and tk.glued(k) and k + 1 < tk.n and tk.glued(k + 1):
            words.append(k)
            k += 1
            continue
        if use_pos:
            if token.pos_ not in ("NOUN", "PROPN", "ADJ") and not (
                token.tag_ == "VBN" and k + 1 < tk.n and doc[k + 1].pos_ in ("NOUN", "ADJ")
            ):
                break
        else:
            if not re.fullmatch(r"[A-Za-z][A-Za-z'’.]*", token.text) or low in STOP:
                break
            if low in lexicon()["months"] or low in lexicon()["time_units"]:
                break
            if (
                words
                and _looks_plural(tk.low[words[-1]])
                and token.text[:1].islower()
                and (low.endswith(("ed", "ing")) or not _looks_plural(low))
            ):
                break  # "2,500 protesters marched", "five boats capsized": the verb
        words.append(k)
        k += 1
    # trim trailing words that cannot be the head
    while words:
        last = doc[words[-1]]
        low = last.lower_
        if use_pos:
            bad = last.pos_ not in ("NOUN", "PROPN")
        else:
            bad = (
                low.endswith(("ed", "ing", "ly"))
                and low not in ("seed", "need", "thing", "things", "building", "buildings")
            ) or low in ("-", "–")
        if not bad:
            break
        words.pop()
    if not words:
        return None
    return words[0], words[-1], words[-1] + 1


def _modifiers(tk: _Tokens, first: int, head: int) -> tuple[str, ...]:
    mods: list[str] = []
    k = first
    while k < head:
        text = tk.text[k]
        if text in ("-", "–") and mods:
            nxt = tk.text[k + 1] if k + 1 < head else ""
            mods[-1] = mods[-1] + "-" + nxt
            k += 2
            continue
        if text[:1].isupper() and mods and mods[-1][:1].isupper() and k > first:
            mods[-1] = f"{mods[-1]} {text}"
        else:
            mods.append(text)
        k += 1
    return tuple(m for m in mods if m)


#: particles of a phrasal event verb: "laid off", "wiped out", "shot down", "rounded up"
_PARTICLES = frozenset(["off", "out", "up", "down", "away"])


def _event_at(tk: _Tokens, i: int) -> str:
    """The event word at token ``i`` with its particle, if it has one: "laid off" rather
    than "laid". Parsed, the particle is the verb's ``prt`` (``compound:prt`` in UD)
    child; unparsed, the particle word right after it."""
    k = i + 1
    particle = k < tk.n and tk.low[k] in _PARTICLES
    attached = tk.has_dep and tk.doc[k].dep_ in ("prt", "compound:prt") and tk.doc[k].head.i == i
    if particle and (not tk.has_dep or attached):
        return f"{tk.low[i]} {tk.low[k]}"
    return tk.low[i]


def _event(tk: _Tokens, start: int, head: int | None, end: int) -> str | None:
    events = lexicon()["events"]
    doc = tk.doc
    if head is not None and tk.has_dep:
        token = doc[head]
        subject_or_object = ("nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj")
        if token.dep_ in subject_or_object and token.head.pos_ == "VERB":
            verb = token.head
            if verb.lower_ in events or verb.lemma_.lower() in events:
                return _event_at(tk, verb.i)
    k = end
    steps = 0
    while tk.low_at(k) in SUBJECT_BRIDGE and steps < 3:
        k += 1
        steps += 1
    if steps and tk.low_at(k) in events:
        return _event_at(tk, k)
    if end < tk.n and tk.low_at(end) in events and tk.low_at(end).endswith("ed") and head:
        return _event_at(tk, end)
    b = start - 1
    if tk.low_at(b) in ("the", "a"):
        b -= 1
    if tk.low_at(b) in events and tk.low_at(b).endswith(("ed", "ing")):
        return _event_at(tk, b)
    return None


def _change(tk: _Tokens, start: int) -> Change | None:
    lex = lexicon()
    for k in (start - 1, start - 2):
        w = tk.low_at(k)
        if (
            w in lex["adjacent_change"]
            and tk.low_at(k + 1) != "to"
            and (k == start - 1 or tk.low_at(start - 1) in ("from", "by"))
        ):
            return Change(lex["adjacent_change"][w])
    k = start - 1
    steps = 0
    while k >= 0 and steps < 14:
        w = tk.low[k]
        if w in CHANGE_STOP or (tk.sent_start(k + 1) and steps > 0):
            break
        if w in lex["change_up"] and not _modifies_a_noun(tk, k):
            return Change.UP
        elif w in lex["change_down"] and not _modifies_a_noun(tk, k):
            return Change.DOWN
        k -= 1
        steps += 1
    return None


#: Words that may follow a verb of change before its amount ("rose sharply on Thursday
#: to", "fell by", "jumped 4%"); any other word after it makes it a modifier of that word.
_AFTER_CHANGE = _set(
    "to by from about around nearly almost over more less than some roughly an a the another "
    "as much its their his her for on in at this last after again further still just "
    "slightly sharply steadily"
)


#: Words before a change word that make it an adjective: "in advanced talks", "the
#: rising prices", "with increased spending".
_BEFORE_ADJECTIVE = _set(
    "a an the in of with amid for its their his her our this that these those amid despite"
)


def _decimal(value: float) -> float:
    """``value`` rid of binary rounding noise: 4.1 × 10⁹ is 4100000000, not
    4099999999.9999995 (12 significant digits are more than any news figure has)."""
    return float(f"{value:.12g}")


def _modifies_a_noun(tk: _Tokens, k: int) -> bool:
    """ "in advanced talks", "the increased spending": after a determiner or preposition
    and before a noun, the change word describes that noun; it does not say that the
    amount changed. ("to reduce emissions 80 percent", "boosted net 16%" are verbs.)"""
    nxt = tk.low_at(k + 1)
    return (
        tk.low_at(k - 1) in _BEFORE_ADJECTIVE
        and nxt.isalpha()
        and nxt not in _AFTER_CHANGE
        and not nxt.endswith("ly")
        and nxt not in lexicon()["scales"]
    )


# --------------------------------------------------------------------------- main


def _range_partner(tk: _Tokens, a: _Num, qual_start: int) -> tuple[_Num, str] | None:
    """The upper bound of a range starting with ``a`` ("10 to 12", "between X and Y", "X-Y",
    and with the unit on both sides, "40mm to 60mm")."""
    k = a.end
    unit_a = None
    if tk.low_at(k) in lexicon()["units"] and tk.low_at(k + 1) in ("to", "and", "-", "–"):
        unit_a, k = lexicon()["units"][tk.low_at(k)], k + 1  # the second one must match it
    conn = tk.low_at(k)
    if conn not in ("to", "-", "–", "—", "or", "and", "through"):
        return None
    if conn == "and" and tk.low_at(qual_start - 1) != "between":
        return None
    if conn in ("to", "through") and tk.low_at(qual_start - 1) == "from":
        return None
    k2 = k + 1
    if tk.low_at(k2) in lexicon()["currency_symbols"]:
        k2 += 1
    b = _simple_core(tk, k2)
    if b is None or b.kind == "skip" or _is_year(b) or _is_year(a):
        return None
    if unit_a is not None and lexicon()["units"].get(tk.low_at(b.end)) != unit_a:
        return None
    if conn in ("-", "–", "—"):
        after = tk.low_at(b.end)
        in_parens = tk.low_at(a.start - 1) == "(" and after == ")"
        if b.value <= a.value or after in lexicon()["score_nouns"] or in_parens:
            return None
    if conn == "to" and b.value < a.value and not b.scaled:
        return b, "ratio"
    if conn == "or" and (a.value > 1000 or b.value <= a.value):
        return None
    if b.scaled and not a.scaled and a.kind == "digits" and b.value > a.value * 100:
        scale = b.value / float(b.extra.get("raw", "1").replace(",", "") or 1)
        a.value *= scale
    return b, conn


def extract_quantities(doc: Doc, *, start_id: int = 1) -> list[Quantity]:
    """Every quantity stated in ``doc``, in text order, with ids ``q1``, ``q2`` ...

    Works on any Doc with tokens; uses part-of-speech tags and the dependency parse when
    the Doc has them.
    """
    tk = _Tokens(doc)
    text = doc.text
    found: list[Quantity] = []
    i = 0
    while i < tk.n:
        num = _core(tk, i)
        if num is None:
            i += 1
            continue
        currency, cstart = _currency_before(tk, num.start, num)
        reason = _skip_reason(tk, num, currency is not None)
        if reason is not None:
            i = max(num.end, i + 1)
            # "ages 16 to 24", "1983-2005": the second number shares the first one's fate
            if tk.low_at(i) in ("to", "-", "–", "and") and _simple_core(tk, i + 1) is not None:
                i = _simple_core(tk, i + 1).end  # type: ignore[union-attr]
            continue
        qualifier, qstart = _qualifier_before(tk, cstart)
        if num.approx and qualifier is None:
            qualifier = Qualifier.APPROX
        value_high = None
        end = num.end
        partner = _range_partner(tk, num, qstart)
        if partner is not None and partner[1] == "ratio":
            b = partner[0]
            num.value, num.unit, end = round(num.value / b.value, 4), "ratio", b.end
        elif partner is not None:
            b = partner[0]
            value_high = b.value
            end = b.end
            qualifier = Qualifier.RANGE
        unit, currency, end2 = _unit_after(tk, end, currency)
        unit = unit or num.unit
        if num.kind == "fraction":
            unit = unit or "fraction"
        if num.kind == "times":
            unit = "times"
        if unit is None and tk.low_at(end) == "times":
            unit, end2 = "times", end + 1
        if tk.low_at(cstart - 1) == "magnitude" and unit is None:
            unit = "magnitude"
            qstart = min(qstart, cstart - 1)
        end = end2
        if (
            unit is None
            and currency is None
            and num.kind in ("digits", "words")
            and tk.low_at(end) in lexicon()["time_units"]
        ):
            i = end + 1
            continue
        vague = num.kind == "vague"
        if vague and qualifier is None:
            qualifier = Qualifier.AT_LEAST
        for tail, qual in lexicon()["_after"].items():
            if tuple(tk.low[end : end + len(tail)]) == tail:
                if qualifier is None:
                    qualifier = qual
                end += len(tail)
                break
        if currency is not None or unit == "cents":
            end = _rate_tail(tk, end)
        head_idx = None
        modifiers: tuple[str, ...] = ()
        counted = None
        if currency is None and unit not in ("times", "cents"):
            partitive = (
                unit in ("percent", "fraction")
                or vague
                or (tk.low_at(end) == "of" and num.kind in ("digits", "words"))
            )
            if unit is None or partitive:
                np = _counted(tk, end, partitive=partitive)
                if np is not None:
                    first, head_idx, np_end = np
                    counted = tk.text[head_idx]
                    mod_end = head_idx
                    if (
                        head_idx - 2 >= first
                        and tk.text[head_idx - 1] in ("-", "–")
                        and tk.glued(head_idx)
                    ):
                        counted = f"{tk.text[head_idx - 2]}-{counted}"
                        mod_end = head_idx - 2
                    modifiers = _modifiers(tk, first, mod_end)
                    end = np_end
        if qualifier is None:
            qualifier = Qualifier.EXACT
        start_char = doc[qstart].idx
        end_char = doc[end - 1].idx + len(doc[end - 1].text)
        found.append(
            Quantity(
                id="",
                span=Span.of(text, start_char, end_char),
                value=_decimal(num.value),
                qualifier=qualifier,
                value_high=None if value_high is None else _decimal(value_high),
                counted=counted,
                modifiers=modifiers,
                unit=unit,
                currency=currency,
                change=_change(tk, qstart),
                event=_event(tk, qstart, head_idx, end),
                vague=vague,
            )
        )
        i = max(end, i + 1)
    return [replace(q, id=f"q{start_id + n}") for n, q in enumerate(found)]


__all__ = ["extract_quantities", "lexicon"]
