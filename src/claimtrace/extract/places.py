"""Places: toponym recognition, offline geocoding, and how each place is used.

1. **Candidates.** Named-entity spans (GPE, LOC, NORP) when a trained pipeline provides
   them, plus gazetteer matches on runs of capitalised words ("Laurel County", "W.Va.",
   "Russia's Far East"), demonyms ("Russian", "North Korean") and a few lower-case forms
   ("western Russia", "the Korean Peninsula").
2. **Filtering.** A match inside a longer name ("Chiquita Henry", "Moscow Times"), after a
   title ("Gov. Jackson"), or a name listed in ``needs_context`` without a preposition of
   place or a "City, State" qualifier, is not a place.
3. **Disambiguation.** Every candidate feature gets a prior (countries and states over
   cities, cities by population) plus context: a "City, State" qualifier, the countries and
   states the rest of the article mentions, nearness to its other places, and the outlet's
   country. Two passes: the first picks by prior, the second re-scores with the first
   pass's picks as context.
4. **Use.** Demonyms are ``adjectival`` (linked to their country, not a place visited);
   a country or capital that speaks ("Moscow said", "Seoul has reiterated") is a
   ``metonym`` for its government; everything else is a ``location``.

:func:`find_places` is the pure entry point; :func:`said_at_for` gives a claim the place
where it was made ("speaking in Rome").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claimtrace.extract.gazetteer import GazEntry, Gazetteer, load_gazetteer, name_key
from claimtrace.model import Claim, Place, PlaceKind, PlaceUse, Span

#: entity labels that name places (GPE, LOC) or peoples/nationalities (NORP)
PLACE_LABELS = frozenset({"GPE", "LOC"})
DEMONYM_LABELS = frozenset({"NORP"})
#: words before a name that make it a person, not a place
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "gov",
        "governor",
        "sen",
        "senator",
        "rep",
        "representative",
        "president",
        "judge",
        "justice",
        "officer",
        "sgt",
        "sergeant",
        "lt",
        "lieutenant",
        "capt",
        "captain",
        "coach",
        "pastor",
        "rev",
        "reverend",
        "det",
        "detective",
        "deputy",
        "chief",
        "mayor",
        "sheriff",
        "prof",
        "professor",
        "gen",
        "general",
        "col",
        "colonel",
        "maj",
        "major",
        "adm",
        "admiral",
        "secretary",
        "minister",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "saint",
        "sir",
        "lord",
        "lady",
        "st.",
        "dame",
    ]
)
#: capitalised words after a place name that make the whole a name of something else
NAME_CONTINUATIONS = frozenset(
    [
        "times",
        "post",
        "herald",
        "journal",
        "tribune",
        "news",
        "gazette",
        "star",
        "daily",
        "press",
        "inc",
        "corp",
        "co",
        "company",
        "group",
        "bank",
        "university",
        "college",
        "institute",
        "hospital",
        "church",
        "mall",
        "street",
        "st.",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "drive",
        "dr",
        "boulevard",
        "blvd",
        "lane",
        "highway",
        "hwy",
        "way",
        "pike",
        "parkway",
        "plaza",
    ]
)
#: capitalised words after a town's name that keep it a toponym ("Paris Public Library")
ORG_WORDS = frozenset(
    [
        "public",
        "library",
        "police",
        "fire",
        "department",
        "county",
        "city",
        "high",
        "school",
        "middle",
        "elementary",
        "university",
        "college",
        "hospital",
        "medical",
        "council",
        "board",
        "sheriff",
        "sheriff's",
        "area",
        "regional",
        "community",
        "memorial",
        "airport",
        "street",
        "st",
        "road",
        "rd",
        "avenue",
        "ave",
        "drive",
        "boulevard",
        "lane",
        "highway",
        "park",
        "center",
        "centre",
        "township",
        "town",
        "village",
        "district",
        "court",
        "courthouse",
        "museum",
        "church",
        "chamber",
        "club",
        "news",
        "times",
        "post",
        "herald",
        "journal",
        "tribune",
        "gazette",
        "star",
        "daily",
        "press",
        "register",
        "telegram",
        "dispatch",
        "sentinel",
        "zoo",
        "mall",
        "square",
        "bridge",
        "river",
        "lake",
        "valley",
        "harbor",
        "harbour",
        "port",
        "station",
        "campus",
        "state",
        "metro",
        "municipal",
        "central",
        "north",
        "south",
        "east",
        "west",
    ]
)
_SPEECH_AFTER = re.compile(r"['’]?s?\s+(?:said|says|told|added|noted|explained|wrote|asked)\b")

#: words that place a following name ("in Paris", "near Kursk")
PLACE_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "from",
        "near",
        "of",
        "to",
        "outside",
        "across",
        "into",
        "toward",
        "towards",
        "around",
        "throughout",
        "within",
        "between",
        "via",
        "through",
        "inside",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "north",
        "south",
        "east",
        "west",
        "over",
        "on",
    ]
)
REPORTING_VERBS = (
    "said|says|say|announced|announces|accused|accuses|denied|denies|warned|warns|claimed|"
    "claims|insisted|insists|reiterated|reiterates|responded|responds|condemned|condemns|"
    "rejected|rejects|confirmed|confirms|called|calls|urged|urges|demanded|demands|"
    "threatened|threatens|maintains|maintained|argued|argues|stated|states|declared|"
    "declares|vowed|vows|protested|protests|dismissed|dismisses|blamed|blames|sees|saw|"
    "wants|wanted|has\\s+said|has\\s+denied|has\\s+reiterated|has\\s+warned|has\\s+accused|"
    "has\\s+not\\s+commented|did\\s+not\\s+comment|declined|refused|agreed|signed|imposed|"
    "retaliated|recalled|expelled|summoned|sent|deployed|supplied|backed|supports|supported"
)
_METONYM_AFTER = re.compile(
    r"^(?:'s\s+(?:government|foreign\s+ministry|embassy|response|position|envoy))?\s*"
    r"(?:(?:has|have|had|also|again|quickly|repeatedly|publicly|officially|reportedly|"
    r"previously|strongly|flatly|so\s+far|,\s*\w+\s*,)\s+)*(?:" + REPORTING_VERBS + r")\b",
    re.I,
)
_DIRECTION = re.compile(
    r"(?:north|south|east|west|central|northern|southern|eastern|western|north-?western|"
    r"north-?eastern|south-?western|south-?eastern|northwest|northeast|southwest|southeast)",
)
_TOKEN = re.compile(r"[A-Z][A-Za-z'’.\-]*[A-Za-z.]|[A-Z]")
_JOINERS = frozenset({"of", "de", "del", "la", "upon", "and", "on", "el", "al", "es", "du"})
_DESIGNATORS = re.compile(r"\s+(region|oblast|province|governorate|prefecture|district|krai)\b")
HOME_TLDS = {
    "uk": "GB", "ca": "CA", "au": "AU", "nz": "NZ", "ie": "IE", "in": "IN", "de": "DE",
    "fr": "FR", "ru": "RU", "kr": "KR", "jp": "JP", "cn": "CN", "ua": "UA", "za": "ZA",
    "sg": "SG", "il": "IL", "tr": "TR", "it": "IT", "es": "ES", "nl": "NL",
}  # fmt: skip
MAX_NGRAM = 6
#: capitalised words that are never toponyms on their own (months, weekdays, pronouns ...)
NEVER_PLACES = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "He",
        "She",
        "It",
        "We",
        "They",
        "I",
        "But",
        "And",
        "Or",
        "If",
        "As",
        "So",
        "To",
        "Of",
        "More",
        "Most",
        "Many",
        "Much",
        "Still",
        "Metro",
        "Name",
        "Red",
        "Green",
        "Branch",
        "Villas",
        "Creek",
        "Gulf",
        "Superior",
    ]
)
#: a single-word city smaller than this needs support (a preposition of place, a
#: "City, State" qualifier, or another place of the article in the same state or nearby)
SMALL_CITY = 20_000


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    entries: tuple[GazEntry, ...]
    adjectival: bool = False
    primary: set = field(default_factory=set)  # geonameids/names matched by their own name
    qualifier: tuple[str | None, str | None] | None = None  # (country, admin1) from "X, ST"
    supported: bool = False  # a preposition of place or a qualifier
    region_of: str | None = None  # "western Russia": the direction word
    designator: str | None = None  # "Kursk region"
    choice: GazEntry | None = None


# --------------------------------------------------------------------------- recognition


def _tokens(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _TOKEN.finditer(text):
        start = m.start()
        if re.match(r"[DRI]-[A-Z]", m.group(0)):
            start += 2  # "D-W. Va.": party and state
        out.append((start, m.end()))
    return out


def _capitalised_runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised tokens, joined by single spaces, hyphens or joiner words."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in _tokens(text):
        if current:
            gap = text[current[-1][1] : start]
            ok = gap in (" ", "-", " - ") or (
                gap.startswith(" ") and gap.endswith(" ") and gap.strip() in _JOINERS
            )
            if not ok:
                runs.append(current)
                current = []
        current.append((start, end))
    if current:
        runs.append(current)
    return runs


def _lookup_variants(surface: str) -> list[tuple[str, int]]:
    """Lookup forms of a surface string and how many characters each drops at the end."""
    out = [(surface, 0)]
    for suffix in ("'s", "’s", "'", "’"):
        if surface.endswith(suffix):
            out.append((surface[: -len(suffix)], len(suffix)))
    if (
        surface.endswith(".") and not re.search(r"\.\w+\.$|^\w{1,4}\.$", surface)
    ) or surface.endswith("."):
        out.append((surface[:-1], 1))
    return out


_ABBREVIATED_PREFIX = {"st.": "Saint", "st": "Saint", "mt.": "Mount", "mt": "Mount", "ft.": "Fort"}


def _match(gaz: Gazetteer, surface: str) -> tuple[tuple[GazEntry, ...], str | None, int]:
    """(entries, demonym country, characters dropped) for a surface string."""
    first, _, rest = surface.partition(" ")
    if rest and first.lower() in _ABBREVIATED_PREFIX:
        expanded = f"{_ABBREVIATED_PREFIX[first.lower()]} {rest}"
        got = _match(gaz, expanded)
        if got[0]:
            return got
    for form, dropped in _lookup_variants(surface):
        key = name_key(form)
        if key in gaz.demonyms:  # "Canadian" is the demonym, not Canadian, Texas
            return (), gaz.demonyms[key], dropped
        entries = gaz.lookup(form)
        if entries:
            return entries, None, dropped
    return (), None, 0


#: countries, states and regions: a town of the same name needs strong local evidence to win
#: ("Cuba" is Cuba, not Cuba, Missouri, unless the article is about Missouri)
DOMINANT = frozenset({"PCLI", "ADM1", "CONT", "RGN"})
DOMINANT_BONUS = 6.0


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z.]+)\s*$", text[max(0, start - 25) : start])
    return m.group(1).lower().rstrip(".") if m else ""


def _state_after(gaz: Gazetteer, text: str, end: int) -> tuple[str | None, str | None, int] | None:
    """A ", Ohio" / ", Ga." / ", OH" / ", France" right after a place name."""
    m = re.match(r",\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)", text[end : end + 30])
    if not m:
        return None
    words = m.group(1)
    for cand in (words, words.split(" ")[0]):
        for form, dropped in _lookup_variants(cand):
            if len(form) == 2 and form.isupper() and form in gaz.us_states:
                return "US", form, end + m.start(1) + len(form)
            for e in gaz.lookup(form):
                if e.fcode == "ADM1" and e.country == "US":
                    return "US", e.admin1, end + m.start(1) + len(cand) - dropped
                if e.fcode == "PCLI":
                    return e.country, None, end + m.start(1) + len(cand) - dropped
                if e.fcode == "ADM1":
                    return e.country, None, end + m.start(1) + len(cand) - dropped
    return None


def _gazetteer_mentions(text: str, gaz: Gazetteer) -> list[_Mention]:
    mentions: list[_Mention] = []
    surnames: set[str] = set()  # town names this article uses as people's names
    for run in _capitalised_runs(text):
        i = 0
        while i < len(run):
            found = None
            for j in range(min(len(run), i + MAX_NGRAM) - 1, i - 1, -1):
                surface = text[run[i][0] : run[j][1]]
                entries, demonym, dropped = _match(gaz, surface)
                if entries or demonym:
                    found = (j, entries, demonym, dropped)
                    break
            if found is None:
                i += 1
                continue
            j, entries, demonym, dropped = found
            start, end = run[i][0], run[j][1] - dropped
            surface = text[start:end]
            before_tokens = run[:i]
            after_tokens = run[j + 1 :]
            reject = False
            towns_only = bool(entries) and all(
                e.fcode.startswith("PPL") and e.fcode != "PPLC" for e in entries
            )
            if before_tokens and towns_only:
                # "Chiquita Raquel Henry": a surname, not a place; but "Rapides Parish" is fine
                prev = text[before_tokens[-1][0] : before_tokens[-1][1]]
                prev_entries, prev_dem, _ = _match(gaz, prev)
                if not (prev_entries or prev_dem) and prev.lower().rstrip(".") not in ("the",):
                    reject = True
            if after_tokens and not reject and not demonym:
                nxt = text[after_tokens[0][0] : after_tokens[0][1]]
                if surface in gaz.needs_context:
                    # "Jordan Smith", "Lincoln Memorial": an ambiguous word inside another name
                    reject = True
                elif towns_only and nxt.rstrip(".").lower() not in ORG_WORDS:
                    nxt_entries, nxt_dem, _ = _match(gaz, nxt)
                    # "Vladimir Putin": a first name, not a town
                    reject = not (nxt_entries or nxt_dem)
            if surface.rstrip(".") in NEVER_PLACES:
                reject = True
            word_before = _word_before(text, start)
            if word_before in TITLES:
                reject = True
                if towns_only:
                    surnames.add(name_key(surface))
            if towns_only and _SPEECH_AFTER.match(text[end : end + 14]):
                surnames.add(name_key(surface))  # "Trapani said": a person
            if not reject:
                mention = _Mention(start, end, surface, entries, adjectival=demonym is not None)
                if demonym:
                    country = gaz.countries.get(demonym)
                    mention.entries = (country,) if country else ()
                mention.primary = {id(e) for e in entries if name_key(e.name) == name_key(surface)}
                mention.supported = word_before in PLACE_PREPOSITIONS
                q = _state_after(gaz, text, end)
                if q and not demonym:
                    mention.qualifier = (q[0], q[1])
                    mention.supported = True
                d = _DESIGNATORS.match(text[end : end + 16])
                d_before = re.search(
                    r"\b(region|province|oblast|governorate|prefecture)\s+of\s+$",
                    text[max(0, start - 24) : start],
                )
                if d_before and not demonym and not d:
                    # "the Russian region of Kursk" = "Kursk region"
                    named = [
                        e
                        for e in gaz.lookup(f"{surface} {d_before.group(1)}")
                        if e.fcode in ("ADM1", "RGN")
                    ]
                    mention.designator = d_before.group(1)
                    mention.supported = True
                    if named:
                        mention.entries = tuple(named)
                        mention.primary = {id(e) for e in named}
                        mention.designator = None
                if d and not demonym:
                    mention.designator = d.group(1)
                    mention.end = end + d.end()
                    mention.text = text[start : mention.end]
                    mention.supported = True
                m = re.search(
                    r"\b(" + _DIRECTION.pattern + r")\s+$", text[max(0, start - 16) : start]
                )
                big = any(e.fcode in ("PCLI", "ADM1", "RGN", "CONT") for e in entries)
                if m and not demonym and m.group(1).islower() and big:
                    # "western Russia": a region of a country or state ("north Arlington"
                    # stays Arlington)
                    mention.region_of = m.group(1)
                    mention.start = start - (len(text[max(0, start - 16) : start]) - m.start(1))
                    mention.text = text[mention.start : mention.end]
                if (mention.designator or mention.region_of) and not demonym:
                    # "Kursk region", "western Russia": a feature of the table, where it has one
                    table = [e for e in gaz.lookup(mention.text) if e.fcode in ("ADM1", "RGN")]
                    if table:
                        mention.entries = tuple(table)
                        mention.primary = {id(e) for e in table}
                        mention.designator = mention.region_of = None
                if mention.entries:
                    mentions.append(mention)
            i = j + 1
    # "Andrew Trapani ... Trapani's film": once a person, the name is a person throughout
    return [
        m
        for m in mentions
        if m.qualifier
        or m.adjectival
        or name_key(_strip_possessive(m.text)) not in surnames
        or any(e.fcode in DOMINANT for e in m.entries)
    ]


def _strip_possessive(surface: str) -> str:
    return re.sub(r"['’]s?$", "", surface)


def _is_first_name_like(text: str, token: tuple[int, int]) -> bool:
    """A capitalised single word followed by another capitalised word reads as a name."""
    word = text[token[0] : token[1]]
    return word[:1].isupper() and word[1:].islower() and len(word) > 2


def _entity_mentions(
    text: str, ents: Iterable[tuple[int, int, str]], gaz: Gazetteer
) -> list[_Mention]:
    out = []
    for start, end, label in ents:
        if label not in PLACE_LABELS | DEMONYM_LABELS:
            continue
        surface = text[start:end]
        if surface.lower().startswith("the "):
            start, surface = start + 4, surface[4:]
        entries, demonym, dropped = _match(gaz, surface)
        if demonym:
            country = gaz.countries.get(demonym)
            if country:
                out.append(_Mention(start, end - dropped, surface, (country,), adjectival=True))
        elif entries and label in PLACE_LABELS:
            m = _Mention(start, end - dropped, text[start : end - dropped], entries)
            m.primary = {id(e) for e in entries if name_key(e.name) == name_key(surface)}
            m.supported = True
            q = _state_after(gaz, text, end - dropped)
            if q:
                m.qualifier = (q[0], q[1])
            out.append(m)
    return out


# --------------------------------------------------------------------------- disambiguation


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def prior(entry: GazEntry) -> float:
    """How likely a bare mention of this feature's name means this feature."""
    if entry.fcode in ("PCLI", "CONT"):
        return 9.0
    if entry.fcode == "RGN":
        return 8.0
    if entry.fcode == "ADM1":
        return 8.5 if entry.country == "US" else 7.5
    if entry.fcode == "ADM2":
        return 6.0
    score = 1.2 * math.log10(entry.population + 1)
    if entry.fcode == "PPLC":
        score += 2.0
    return score


@dataclass(frozen=True, slots=True)
class PlacePrior:
    """What an outlet usually writes about: shares of its articles per country and state.

    Built by :func:`outlet_prior` from the places found in other articles of the same
    outlet (no gold data), it breaks ties like "Paris" or "Dublin" in local news.
    """

    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[tuple[str, str], float] = field(default_factory=dict)


def outlet_prior(
    texts: Iterable[str], *, home: str | None = None, gazetteer: Gazetteer | None = None
) -> PlacePrior:
    """The share of an outlet's articles that name each country and each (country, state).

    Only unambiguous evidence counts: countries, states and regions by name, counties and
    towns that are unique or qualified ("Paris, Ill."), so a wrong guess does not feed itself.
    """
    gaz = gazetteer or load_gazetteer()
    countries: Counter = Counter()
    admin1: Counter = Counter()
    n = 0
    for text in texts:
        n += 1
        mentions = _gazetteer_mentions(text, gaz)
        _resolve(mentions, home, None)
        seen_c, seen_a = set(), set()
        for m in mentions:
            e = m.choice
            if e is None or m.adjectival or not e.country:
                continue
            if not reliable(m):
                continue
            seen_c.add(e.country)
            if e.admin1 and e.fcode != "PCLI":
                seen_a.add((e.country, e.admin1))
        countries.update(seen_c)
        admin1.update(seen_a)
    if not n:
        return PlacePrior()
    return PlacePrior(
        {k: v / n for k, v in countries.items()}, {k: v / n for k, v in admin1.items()}
    )


@dataclass(frozen=True, slots=True)
class _Context:
    countries: Counter
    admin1: Counter
    points: tuple[tuple[float, float], ...]
    home: str | None
    outlet: PlacePrior | None = None


#: the most that local evidence (state, neighbours, outlet's state) adds to a candidate
LOCAL_CAP = 8.0


def _score(m: _Mention, e: GazEntry, ctx: _Context, own: Counter, own_a1: Counter) -> float:
    s = prior(e)
    if e.fcode in DOMINANT or (
        e.fcode == "PPLC" and any(x.fcode in DOMINANT and x.country == e.country for x in m.entries)
    ):
        s += DOMINANT_BONUS  # "Washington": the capital competes with the state
    if e.fcode == "PPLC" and any(x.fcode == "PCLI" and x.country == e.country for x in m.entries):
        s -= 3.0  # a city-state is its country ("Singapore")
    if e.fcode.startswith("PPL") and id(e) not in m.primary:
        s -= 2.0  # matched through an alternate name only
    if m.designator and e.fcode.startswith("PPL"):
        s += 2.0
    if m.qualifier:
        qc, qa = m.qualifier
        if e.country == qc and (qa is None or e.admin1 == qa):
            s += 15.0
        elif e.country == qc:
            s += 4.0
    if e.country:
        s += 2.5 * min(ctx.countries[e.country] - own[e.country], 3)
    if e.country and e.country == ctx.home:
        s += 1.5
    if ctx.outlet is not None and e.country:
        s += 3.0 * ctx.outlet.countries.get(e.country, 0.0)
    # local evidence (same state, nearby places, the outlet's state) is capped, so that a
    # large city is not beaten by a hamlet of the same name just because the article is local
    local = 0.0
    if e.country and e.admin1 and e.fcode != "PCLI":
        local += 3.0 * min(ctx.admin1[(e.country, e.admin1)] - own_a1[(e.country, e.admin1)], 2)
        if ctx.outlet is not None:
            local += 6.0 * ctx.outlet.admin1.get((e.country, e.admin1), 0.0)
    if e.lat is not None and e.fcode.startswith(("PPL", "ADM2")) and ctx.points:
        near = min(km(e.lat, e.lon, lat, lon) for lat, lon in ctx.points)
        if 1 <= near < 100:
            local += 3.0
        elif 1 <= near < 300:
            local += 1.5
    return s + min(local, LOCAL_CAP)


def reliable(m: _Mention) -> bool:
    """Evidence that does not hinge on a guess between same-named towns."""
    e = m.choice
    if e is None:
        return False
    if e.fcode in ("PCLI", "ADM1", "RGN", "CONT") or m.qualifier:
        return True
    # a unique name, matched as the feature's own name (not an alternate like "Dublin City")
    return len(m.entries) == 1 and id(e) in m.primary


def _context(
    mentions: Sequence[_Mention], home: str | None, outlet: PlacePrior | None = None
) -> _Context:
    countries: Counter = Counter()
    admin1: Counter = Counter()
    points = []
    for m in mentions:
        e = m.choice
        if e is None:
            continue
        weight = 1.0 if (reliable(m) or e.population >= 100_000) else 0.3
        if e.country:
            countries[e.country] += weight
        if e.country and e.admin1 and e.fcode != "PCLI":
            admin1[(e.country, e.admin1)] += weight
        if e.lat is not None and (e.fcode.startswith("PPL") or e.fcode == "ADM2"):
            points.append((e.lat, e.lon))
    return _Context(countries, admin1, tuple(points), home, outlet)


def _qualified(m: _Mention, e: GazEntry) -> bool:
    return (
        bool(m.qualifier)
        and e.country == m.qualifier[0]
        and (m.qualifier[1] is None or e.admin1 == m.qualifier[1])
    )


def _resolve(mentions: list[_Mention], home: str | None, outlet: PlacePrior | None) -> None:
    """Pick one feature per mention: by prior first, then twice more with context.

    The context of a mention leaves out every mention of the same name (all the
    "Dublin"s of an article), so an ambiguous name never confirms itself.
    """
    for m in mentions:
        m.choice = max(m.entries, key=lambda e, m=m: prior(e) + (15 if _qualified(m, e) else 0))
    ids = [{id(e) for e in m.entries} for m in mentions]
    for _ in range(2):
        for i, m in enumerate(mentions):
            if len(m.entries) == 1:
                continue
            others = [x for j, x in enumerate(mentions) if not (ids[j] & ids[i])]
            ctx = _context(others, home, outlet)
            empty: Counter = Counter()
            m.choice = max(m.entries, key=lambda e, m=m, ctx=ctx: _score(m, e, ctx, empty, empty))


# --------------------------------------------------------------------------- use


def place_use(text: str, start: int, end: int, entry: GazEntry, *, adjectival: bool) -> PlaceUse:
    """``adjectival`` for demonyms, ``metonym`` for a country or capital that speaks."""
    if adjectival:
        return PlaceUse.ADJECTIVAL
    if entry.fcode in ("PCLI", "PPLC") or entry.name == "Washington":
        after = text[end : end + 60]
        if _METONYM_AFTER.match(after):
            return PlaceUse.METONYM
    return PlaceUse.LOCATION


# --------------------------------------------------------------------------- driver


def home_country(outlet: str | None = None, url: str | None = None) -> str | None:
    """The outlet's country from its web domain's country code, if it has one."""
    for value in (url, outlet):
        if not value:
            continue
        m = re.search(r"(?:https?://)?([^/\s]+)", value)
        host = m.group(1).lower() if m else ""
        tld = host.rsplit(".", 1)[-1] if "." in host else ""
        if tld in HOME_TLDS:
            return HOME_TLDS[tld]
    return None


def _keep(m: _Mention, gaz: Gazetteer, ctx: _Context, text: str, same_text: Counter) -> bool:
    e = m.choice
    if e is None:
        return False
    if m.supported or m.adjectival:
        return True
    if m.text in gaz.needs_context:
        return False
    if not e.fcode.startswith("PPL") or e.population >= SMALL_CITY or " " in m.text.strip():
        return True
    # a small town named by one word: "Jones", "Hughes" are more often people
    if re.match(
        r"\s+(?:said|says|told|added|noted|explained|wrote|asked)\b", text[m.end : m.end + 12]
    ):
        return False
    if e.country and e.admin1 and ctx.admin1[(e.country, e.admin1)] > same_text[m.text]:
        return True
    if (
        ctx.outlet is not None
        and ctx.outlet.admin1.get((e.country or "", e.admin1 or ""), 0) >= 0.3
    ):
        return True
    if e.lat is not None:
        near = [km(e.lat, e.lon, lat, lon) for lat, lon in ctx.points]
        if sum(1 for d in near if 1 < d < 100):
            return True
    return False


def _estimate_county(
    county: GazEntry, mentions: Sequence[_Mention], gaz: Gazetteer
) -> tuple[float | None, float | None]:
    """Approximate coordinates for a county the gazetteer cannot place.

    The mean position of the article's towns in the county's state (local news names the
    county's towns), else the state's centre. An estimate: the record has no GeoNames id.
    """
    towns = [
        (m.choice.lat, m.choice.lon)
        for m in mentions
        if m.choice is not None
        and m.choice.fcode.startswith("PPL")
        and m.choice.country == county.country
        and m.choice.admin1 == county.admin1
        and m.choice.lat is not None
    ]
    if towns:
        return (
            round(sum(t[0] for t in towns) / len(towns), 4),
            round(sum(t[1] for t in towns) / len(towns), 4),
        )
    state = gaz.us_states.get(county.admin1 or "") if county.country == "US" else None
    if state is not None:
        return state.lat, state.lon
    return None, None


def find_places(
    text: str,
    *,
    ents: Iterable[tuple[int, int, str]] | None = None,
    home: str | None = None,
    outlet: PlacePrior | None = None,
    gazetteer: Gazetteer | None = None,
    prefix: str = "p",
) -> list[Place]:
    """Places named in ``text``, geocoded offline, with ids ``p1``, ``p2``... in text order.

    ``ents`` are (start, end, label) named-entity spans from a trained pipeline; without
    them, capitalised spans are matched against the gazetteer. ``home`` is the outlet's
    country (ISO code), a weak prior; ``outlet`` what the outlet usually writes about
    (:func:`outlet_prior`).
    """
    gaz = gazetteer or load_gazetteer()
    mentions = _gazetteer_mentions(text, gaz)
    if ents is not None:
        extra = _entity_mentions(text, ents, gaz)
        taken = [(m.start, m.end) for m in mentions]
        for m in extra:
            if not any(s < m.end and m.start < e for s, e in taken):
                mentions.append(m)
    mentions.sort(key=lambda m: m.start)
    _resolve(mentions, home, outlet)
    ctx = _context(mentions, home, outlet)
    same_text = Counter(m.text for m in mentions)
    places = []
    for m in mentions:
        if not _keep(m, gaz, ctx, text, same_text):
            continue
        e = m.choice
        kind = e.kind
        name = e.name
        lat, lon, gid = e.lat, e.lon, e.geonameid
        if lat is None and e.fcode == "ADM2":
            lat, lon = _estimate_county(e, mentions, gaz)
        if m.region_of and not m.adjectival:
            kind, name, gid = PlaceKind.REGION, f"{m.region_of} {e.name}", None
        elif m.designator and e.fcode.startswith("PPL"):
            kind, name, gid = PlaceKind.ADMIN, f"{e.name} {m.designator}", None
        use = place_use(text, m.start, m.end, e, adjectival=m.adjectival)
        places.append(
            Place(
                id=f"{prefix}{len(places) + 1}",
                span=Span.of(text, m.start, m.end),
                name=name,
                kind=kind,
                use=use,
                country=e.country,
                geonameid=gid,
                lat=lat,
                lon=lon,
            )
        )
    return places


# --------------------------------------------------------------------------- said_at

_SPEAKING_IN = re.compile(
    r"\b(?:speaking|said|says|told\s+\w+|talking|addressing\s+\w+|writing|announced|"
    r"a\s+(?:news\s+)?(?:conference|briefing|speech|statement))\s+(?:\w+\s+){0,3}?"
    r"(?:in|at|from)\s+$",
    re.I,
)


def said_at_for(claim: Claim, places: Sequence[Place], text: str) -> str | None:
    """The id of the place where the claim was made ("Speaking in Rome, X said ...").

    A location outside the claim's content, in the cue's sentence, introduced by "in",
    "at" or "from" after a speech word ("speaking in", "told reporters in", "a news
    conference in"). None when the text gives no such place.
    """
    if not claim.cue:
        return None
    from claimtrace.extract.dates import _sentence_bounds

    s_start, s_end = _sentence_bounds(text, claim.cue[0].start)
    for place in places:
        if place.use is not PlaceUse.LOCATION:
            continue
        if not (s_start <= place.span.start and place.span.end <= s_end):
            continue
        if any(c.start <= place.span.start and place.span.end <= c.end for c in claim.content):
            continue
        if _SPEAKING_IN.search(text[max(s_start, place.span.start - 60) : place.span.start]):
            return place.id
    return None


__all__ = [
    "PlacePrior",
    "find_places",
    "home_country",
    "km",
    "outlet_prior",
    "place_use",
    "prior",
    "said_at_for",
]
