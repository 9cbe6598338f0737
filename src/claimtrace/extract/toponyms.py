"""Toponym candidates for :mod:`claimtrace.extract.places`: recognition and filtering.

Runs of capitalised words are matched longest-first against the gazetteer (names, aliases,
demonyms, "W. Va."-style abbreviations, "Kursk region" / "western Russia" forms); entity
spans from a trained pipeline add candidates. Person names, titles, months and ambiguous
words without support are filtered out. The result is a list of :class:`Mention` with every
gazetteer feature the name could denote; :mod:`claimtrace.extract.places` picks one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimtrace.extract.gazetteer import GazEntry, Gazetteer, division_entries, name_key

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
        "sens",
        "senator",
        "rep",
        "reps",
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
#: capitalised words after a town's name that keep it a toponym ("Paris Public Library");
#: street words are not among them: "Dublin Road", "Nokomis Street" name streets, not towns
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
#: offices after a town's name that make it the town's ("Gainesville Mayor Myrtle Figueras")
OFFICE_WORDS = frozenset(
    {
        "mayor", "sheriff", "councilman", "councilwoman", "alderman", "selectman", "selectmen",
        "superintendent", "commissioner", "commissioners", "investigator", "detective",
        "manager", "administrator", "treasurer", "clerk", "officials", "residents",
    }
)  # fmt: skip
#: words after a place name that make the whole a street's name
STREET_WORDS = frozenset(
    {
        "street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "boulevard", "blvd",
        "lane", "highway", "hwy", "pike", "parkway", "pkwy", "turnpike",
    }
)  # fmt: skip
#: capitalised words before a town's name that do not make it a surname ("East Oxford")
PLACE_MODIFIERS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "metropolitan",
        "metro",
        "downtown",
        "historic",
        "old",
        "new",
        "suburban",
        "rural",
        "urban",
        "inner",
        "outer",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    ]
)

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
_DIRECTION = re.compile(
    r"(?:north|south|east|west|central|northern|southern|eastern|western|north-?western|"
    r"north-?eastern|south-?western|south-?eastern|northwest|northeast|southwest|southeast)",
)
_TOKEN = re.compile(r"[A-Z][A-Za-z'’.]*[A-Za-z.]|[A-Z]")  # "Russia-Turkey": two tokens
_JOINERS = frozenset({"of", "de", "del", "la", "upon", "and", "on", "el", "al", "es", "du"})
_DESIGNATORS = re.compile(r"\s+(region|oblast|province|governorate|prefecture|district|krai)\b")
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
        "Grand",
        "None",
        "Christmas",
        "Easter",
        "Thanksgiving",
    ]
)


@dataclass(slots=True)
class Mention:
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
    dateline: bool = False  # "WASHINGTON (AP) -": a wire dateline without a state
    tentative: bool = False  # read as a first name by the next word alone ("Arlington Boys")


# --------------------------------------------------------------------------- recognition


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


#: abbreviations with a full stop that do not end a sentence ("Cox Inc. of Atlanta")
ABBREVIATIONS = frozenset(["inc", "corp", "ltd", "co", "jr", "sr", "bros", "ave", "blvd", "no"])


def _ends_sentence(token: str, gaz: Gazetteer) -> bool:
    """A word with a full stop that ends a sentence ("in Arlington. The clubs"), not an
    abbreviation ("St. Louis", "W. Va.", "Tenn.", "Gov.")."""
    stem = token[:-1]
    if not token.endswith(".") or "." in stem or len(stem) <= 2:
        return False
    if stem.lower() in TITLES or stem.lower() in ABBREVIATIONS:
        return False
    return not (gaz.lookup(token) and not gaz.lookup(stem))  # "Tenn." names Tennessee


def _capitalised_runs(text: str, gaz: Gazetteer) -> list[list[tuple[int, int]]]:
    """Runs of capitalised tokens, joined by single spaces, hyphens or joiner words; a
    sentence ends a run."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in _tokens(text):
        if current:
            gap = text[current[-1][1] : start]
            ok = gap in (" ", "-", " - ") or (
                gap[:1] == gap[-1:] and gap[:1] in " -" and gap.strip(" -") in _JOINERS
            )  # "Stratford-upon-Avon", "Isle of Wight"
            if not ok or _ends_sentence(text[current[-1][0] : current[-1][1]], gaz):
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
    county = re.fullmatch(r"(.+) (?:Co|CO)\.", surface)
    if county:  # "Platte Co.", "PLYMOUTH CO.": the county, never a company's "Co."
        entries = tuple(e for e in gaz.lookup(f"{county.group(1)} County") if e.fcode == "ADM2")
        return entries, None, 0
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


def _word_before(text: str, start: int) -> str:
    """The word before a name, lower case, without its full stop; "" after a sentence end
    ("... interim president. CINCINNATI": no title before Cincinnati)."""
    m = re.search(r"([A-Za-z.]+)\s*$", text[max(0, start - 25) : start])
    if not m:
        return ""
    word = m.group(1)
    if word.endswith(".") and len(word.strip(".")) >= 5 and "." not in word.strip("."):
        return ""  # a full word and a full stop: the sentence ended
    return word.lower().rstrip(".")


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


_DATELINE = re.compile(r"\s*\((?:AP|Reuters|AFP|UPI|CNN|RNS|Bloomberg)\)")


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A wire-service dateline with no state ("WASHINGTON (AP) —") at the start of a line or
    sentence: wire style names only prominent cities alone ("CINCINNATI (AP)")."""
    before = text[max(0, start - 3) : start]
    starts = start == 0 or before.endswith("\n") or re.search(r"[.!?]\s+$", before) is not None
    return starts and _DATELINE.match(text, end) is not None


def _city_alias_only(surface: str, entries: Iterable[GazEntry]) -> bool:
    """ "Dublin City" matched only as an alternate name of one city (Dublin, Ireland): before
    an institution word the word "City" belongs to it ("Dublin City Council"), not to the
    name ("Quebec City" alone stays the city)."""
    words = surface.split()
    if words[-1] != "City":
        return False
    return all(name_key(e.name) != name_key(surface) for e in entries)


def _capitals_not_a_name(surface: str, entries: Iterable[GazEntry]) -> bool:
    """An all-capitals word that is a short word or an acronym rather than a town's own
    name written in capitals ("AS the temperature", "IRNA"; but "DETROIT")."""
    if not surface.isupper():
        return False
    first, _, rest = surface.partition(" ")
    if rest and first.lower() in _ABBREVIATED_PREFIX:  # "ST. PAUL" is Saint Paul's name
        surface = f"{_ABBREVIATED_PREFIX[first.lower()]} {rest}"
    return len(surface) <= 3 or all(name_key(e.name) != name_key(surface) for e in entries)


def _towns_only(entries: Iterable[GazEntry]) -> bool:
    """Every feature is a town (not a capital, state or country): the name may be a person's."""
    entries = tuple(entries)
    return bool(entries) and all(e.fcode.startswith("PPL") and e.fcode != "PPLC" for e in entries)


_NAME_WORD = re.compile(r"[A-Z][a-z]+")


_OF_AN_INSTITUTION = re.compile(r"\b([A-Z][a-z]+)\s+of\s+$")
#: words before "of" that keep the name after it a place ("City of Clinton")
_PLACE_HEADS = frozenset(
    ["city", "town", "village", "county", "township", "state", "province", "district", "borough"]
)


def _of_an_institution(text: str, start: int) -> bool:
    """ "Chamber of Commerce": "of" after a capitalised institution word is no preposition
    of place for an ambiguous name (``needs_context``); "City of Clinton" still is."""
    m = _OF_AN_INSTITUTION.search(text[max(0, start - 30) : start])
    return m is not None and m.group(1).lower() not in _PLACE_HEADS


def _given_name(text: str, token: tuple[int, int]) -> bool:
    """A token that reads as a given name or initial ("Raquel", "J."): a plain capitalised
    word that does not start a sentence ("Another Gainesville", "Overall Edmonton")."""
    word = text[token[0] : token[1]]
    if not (_NAME_WORD.fullmatch(word) or re.fullmatch(r"[A-Z]\.", word)):
        return False
    before = text[max(0, token[0] - 3) : token[0]]
    return not (token[0] == 0 or "\n" in before or re.search(r"[.!?\"”:]\s*$", before))


def _name_pair(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Two tokens that read as a person's given name and surname ("Troy Blakely"): plain
    capitalised words one space apart, neither an institution word ("Metro", "Superior")."""
    if text[left[1] : right[0]] != " ":
        return False
    words = (text[left[0] : left[1]], text[right[0] : right[1]].rstrip("."))
    return all(
        _NAME_WORD.fullmatch(w) and w not in NEVER_PLACES and w.lower() not in ORG_WORDS
        for w in words
    )


#: what follows a person's name, never a town's: ", who", an age (", 62,")
_PERSON_AFTER = re.compile(r",\s+(?:who\b|\d{1,3},)")


def gazetteer_mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    mentions: list[Mention] = []
    surnames: set[str] = set()  # town names this article uses as people's names
    full_names: set[str] = set()  # town names seen after a given name ("Carla Modena")
    for run in _capitalised_runs(text, gaz):
        i = 0
        while i < len(run):
            found = None
            for j in range(min(len(run), i + MAX_NGRAM) - 1, i - 1, -1):
                surface = text[run[i][0] : run[j][1]]
                entries, demonym, dropped = _match(gaz, surface)
                if (
                    entries
                    and j > i
                    and j + 1 < len(run)
                    and text[slice(*run[j + 1])].lower() in ORG_WORDS | OFFICE_WORDS
                    and _city_alias_only(surface, entries)
                ):
                    continue  # "Dublin City Council": Dublin's city council (any Dublin)
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
            reject = tentative = False
            towns_only = _towns_only(entries)
            if before_tokens and towns_only:
                # "Chiquita Raquel Henry": a surname, not a place; but "Rapides Parish" is fine
                prev = text[before_tokens[-1][0] : before_tokens[-1][1]]
                prev_entries, prev_dem, _ = _match(gaz, prev)
                # two town names in a row are a person's names ("Troy Blakely")
                first_name = _towns_only(prev_entries) and _name_pair(
                    text, before_tokens[-1], run[i]
                )
                unplaced = not (prev_entries or prev_dem) or first_name
                # only a name right before it ("Raquel Henry"), not "University of Cincinnati",
                # "An Alexandria man", "East Oxford", "Metropolitan Atlanta"
                given = (
                    text[before_tokens[-1][1] : start] == " "
                    and prev.rstrip(".") not in NEVER_PLACES
                    and prev.lower().rstrip(".") not in PLACE_MODIFIERS
                    and not (prev.isalpha() and prev.isupper() and len(prev) > 1)  # "CBC Toronto"
                )
                hyphen = text[before_tokens[-1][1] : start] == "-"
                if hyphen and not (prev_entries or prev_dem or prev.isupper()):
                    # "News-Leader": the second half of a hyphenated name (but a party's
                    # "D-Charleston", "DFL-Minneapolis" is the member's home town)
                    reject = True
                if unplaced and given:
                    reject = True
                    nxt_word = text[slice(*after_tokens[0])].lower() if after_tokens else ""
                    if _given_name(text, before_tokens[-1]) and (
                        nxt_word.rstrip(".") not in STREET_WORDS
                    ):  # ("Old Alton Edwardsville Road" is a road, not a person)
                        full_names.add(name_key(surface))
            if after_tokens and not reject and not demonym:
                nxt = text[after_tokens[0][0] : after_tokens[0][1]]
                if surface in gaz.needs_context:
                    # "Jordan Smith", "Lincoln Memorial": an ambiguous word inside another name
                    reject = True
                elif (
                    towns_only
                    and nxt.rstrip(".").lower() not in ORG_WORDS
                    # "Gainesville Mayor Myrtle Figueras": an office after a name is the town's
                    and not (
                        nxt.rstrip(".").lower() in OFFICE_WORDS
                        and text[end : after_tokens[0][0]] == " "
                    )
                    # "Logan-Rogersville": a hyphenated compound of places, not a first name
                    and text[end : after_tokens[0][0]] != "-"
                    # "DETROIT The U.S. ...": a dateline; but "Harvey A. Rittle": an initial
                    and (nxt.rstrip(".") not in NEVER_PLACES or re.fullmatch(r"[A-Z]\.", nxt))
                    and not surface.isupper()
                    # "Gainesville's VFW": a possessive is no first name
                    and text[end : run[j][1]] not in ("'s", "’s", "'", "’")
                ):
                    nxt_entries, nxt_dem, _ = _match(gaz, nxt)
                    # "Vladimir Putin", "Troy Blakely": a first name, not a town
                    reject = not (nxt_entries or nxt_dem) or (
                        _towns_only(nxt_entries) and _name_pair(text, run[j], after_tokens[0])
                    )
                    # only a guess from the next word: a place if the article names it as one
                    # elsewhere ("in Arlington ... the Arlington Boys Club")
                    tentative = reject
            if tentative:
                reject = False  # decided below, unless another rule rejects the name
            if surface.rstrip(".") in NEVER_PLACES:
                reject = True
            if towns_only and _capitals_not_a_name(surface, entries):
                reject = True
            if after_tokens and text[end : after_tokens[0][0]] == " ":
                street = text[after_tokens[0][0] : after_tokens[0][1]].rstrip(".").lower()
                # "Dublin Road": a street, not the town; but "Florida Highway Patrol" is
                # the state's
                named_org = len(after_tokens) > 1 and (
                    text[after_tokens[0][1] : after_tokens[1][0]] == " "
                )
                town = any(e.fcode.startswith("PPL") for e in entries)
                if street in STREET_WORDS and town and not named_org:
                    reject = True
            if (
                towns_only
                and " " in surface
                and surface.rsplit(" ", 1)[1].lower().rstrip(".") in STREET_WORDS
                and not _state_after(gaz, text, end)
            ):
                # "in Church Street", "on Park Avenue": a street, though hamlets bear the
                # name (Church Street, Essex), unless qualified ("Pike Road, Ala.")
                reject = True
            if towns_only and surface.lower().rstrip(".") in ORG_WORDS | TITLES:
                # "Police said", "the Chamber", "Sens. Byrd": an institution word or a title
                reject = True
            if (
                towns_only
                and _PERSON_AFTER.match(text, run[j][1])
                # not "Daniel Hufstetler of Roswell, who ...", "Abbey Street, Tipperary, who"
                and _word_before(text, start) not in PLACE_PREPOSITIONS | {"the"}
                and not re.search(r",\s*$", text[max(0, start - 3) : start])
            ):
                # "Robertson, who had ...", "Patricia Moore, 62, of ...": a person, and the
                # name is a person throughout the article
                reject = True
                surnames.add(name_key(_strip_possessive(surface)))
            word_before = _word_before(text, start)
            if word_before in TITLES:
                reject = True
                if towns_only:
                    surnames.add(name_key(surface))
            if not reject:
                mention = Mention(start, end, surface, entries, adjectival=demonym is not None)
                mention.tentative = tentative
                if demonym:
                    country = gaz.countries.get(demonym)
                    mention.entries = (country,) if country else ()
                mention.primary = {id(e) for e in entries if name_key(e.name) == name_key(surface)}
                mention.supported = word_before in PLACE_PREPOSITIONS and not (
                    surface in gaz.needs_context and _of_an_institution(text, start)
                )
                q = _state_after(gaz, text, end)
                if q and not demonym:
                    mention.qualifier = (q[0], q[1])
                    mention.supported = True
                    unlisted = _unlisted_town(gaz, surface, entries, q[0], q[1])
                    if unlisted is not None:
                        mention.entries = (*mention.entries, unlisted)
                        mention.primary.add(id(unlisted))
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
                    state = any(e.fcode == "ADM1" and e.country == "US" for e in entries)
                    if mention.region_of and state:
                        # "northern California" is a part of the state and takes its id (the
                        # corpora's convention), not the table's "Northern California"
                        table = []
                    if table:
                        mention.entries = tuple(table)
                        mention.primary = {id(e) for e in table}
                        mention.designator = mention.region_of = None
                if mention.entries:
                    mention.dateline = _is_dateline(text, mention.start, mention.end)
                    mentions.append(mention)
            i = j + 1
    # "Andrew Trapani ... Trapani said ... Trapani's film": once a person (after a title or
    # a given name), the name is a person throughout; a town that "says" something without
    # ever being a full name is a place ("Gainesville says no")
    surnames |= full_names
    # "HOLLIDAY, Mo. ... south of Holliday": the unlisted town of the qualifier's state is
    # a candidate of the name's other mentions too (one sense per article)
    unlisted_by_name = {
        name_key(_strip_possessive(m.text)): e
        for m in mentions
        for e in m.entries
        if is_unlisted_town(e)
    }
    for m in mentions:
        extra = unlisted_by_name.get(name_key(_strip_possessive(m.text)))
        if extra is not None and not any(e is extra for e in m.entries):
            m.entries = (*m.entries, extra)
    placed = {
        name_key(_strip_possessive(m.text)) for m in mentions if m.supported and not m.tentative
    }
    mentions = [
        m for m in mentions if not m.tentative or name_key(_strip_possessive(m.text)) in placed
    ]
    kept = [
        m
        for m in mentions
        if m.qualifier
        or m.adjectival
        or name_key(_strip_possessive(m.text)) not in surnames
        or any(e.fcode in DOMINANT for e in m.entries)
    ]
    return _division_mentions(text, gaz, _county_lists(text, gaz, kept))


def is_unlisted_town(entry: GazEntry) -> bool:
    """A town the gazetteer lacks, known only by its qualifier's state (no id, no people)."""
    return entry.fcode == "PPL" and entry.geonameid is None and entry.population == 0


def _unlisted_town(
    gaz: Gazetteer,
    surface: str,
    entries: tuple[GazEntry, ...],
    country: str | None,
    admin1: str | None,
) -> GazEntry | None:
    """ "Holliday, Mo.", where no Holliday of Missouri is in the gazetteer (towns under 1,000
    people are not): a town of that state, placed at the state's point until the article's
    other places of the state refine it, rather than a namesake in another state."""
    if country != "US" or admin1 is None or not entries:
        return None
    if not all(e.fcode.startswith("PPL") for e in entries):  # "Belgrade, Minn.": capitals too
        return None
    if any(e.country == country and e.admin1 == admin1 for e in entries):
        return None
    state = gaz.us_states.get(admin1)
    if state is None or state.lat is None:
        return None
    return GazEntry(None, surface, "PPL", country, admin1, state.lat, state.lon, 0)


_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*"
#: "Harvey, Harper and Kingman counties": names sharing a plural designator
_COUNTY_LIST = re.compile(
    rf"({_NAME}(?:\s*,\s*{_NAME})*,?\s+(?:and|or|&)\s+{_NAME})\s+(counties|parishes)\b"
)
_COUNTY_DESIGNATOR = re.compile(r"\s+(?:counties|parishes)\b")
#: How far before "counties" its list may start: the list is read backwards from each
#: designator, so that a long run of capitals is not rescanned from every word.
COUNTY_LIST_MAX = 300


def _county_list_matches(text: str) -> list[re.Match[str]]:
    """The :data:`_COUNTY_LIST` matches of ``text``, found from each designator backwards
    (the leftmost list that ends there, never reaching into the match before it)."""
    found: list[re.Match[str]] = []
    taken = 0
    for d in _COUNTY_DESIGNATOR.finditer(text):
        lo = max(taken, d.start() - COUNTY_LIST_MAX)
        for start in range(lo, d.start()):
            if not text[start].isupper():
                continue
            m = _COUNTY_LIST.match(text, start, d.end())
            if m and m.end() == d.end():
                found.append(m)
                taken = m.end()
                break
    return found


def _county_lists(text: str, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """Each name of a list before "counties" / "parishes" is a county ("Jackson and Barrow
    counties": Barrow County, not Barrow-in-Furness); it replaces overlapping mentions."""
    found: list[Mention] = []
    for m in _county_list_matches(text):
        designator = "County" if m.group(2) == "counties" else "Parish"
        for name in re.finditer(_NAME, m.group(1)):
            words = name.group(0).split(" ")
            for i in range(len(words)):  # "In Barrow": the longest tail that is a county
                tail = " ".join(words[i:])
                entries = tuple(e for e in gaz.lookup(f"{tail} {designator}") if e.fcode == "ADM2")
                if entries:
                    start = m.start(1) + name.end() - len(tail)
                    county = Mention(start, start + len(tail), tail, entries, supported=True)
                    county.primary = {id(e) for e in entries}
                    found.append(county)
                    break
    if not found:
        return mentions
    spans = [(c.start, c.end) for c in found]
    rest = [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]
    return sorted(rest + found, key=lambda m: m.start)


_DIVISION_WORDS = r"(?:province|region|oblast|governorate|prefecture|krai)"
#: "Zhejiang province", "Fars Province"
_DESIGNATED = re.compile(rf"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+(?i:{_DIVISION_WORDS})\b")
#: "the provinces of Jiangsu and Zhejiang", "the province of Fars"
_DIVISION_OF = re.compile(
    rf"\b(?i:{_DIVISION_WORDS}s?)\s+of\s+([A-Z][a-z]+(?:(?:,\s*|,?\s+and\s+)[A-Z][a-z]+)*)"
)


def _division_mentions(text: str, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """First-level divisions outside the US that the gazetteer has no row for, named with
    a designator ("Zhejiang province", "the provinces of Jiangsu and Zhejiang")."""
    found: list[Mention] = []
    spans = [(m.start, m.end) for m in mentions]

    def add(start: int, end: int, name: str) -> None:
        if any(s < end and start < e for s, e in spans) or gaz.lookup(name):
            return
        if name.split("-")[0].split(" ")[0].lower() in PLACE_MODIFIERS:
            return  # "the Northern region", "Western Province": a direction, not a name
        entries = division_entries(gaz, name)
        if entries:
            m = Mention(start, end, text[start:end], entries, supported=True)
            m.primary = {id(e) for e in entries}
            found.append(m)
            spans.append((start, end))

    for m in _DESIGNATED.finditer(text):
        add(m.start(1), m.end(), m.group(1))
    for m in _DIVISION_OF.finditer(text):
        for name in re.finditer(r"[A-Z][a-z]+", m.group(1)):
            add(m.start(1) + name.start(), m.start(1) + name.end(), name.group(0))
    if not found:
        return mentions
    return sorted(mentions + found, key=lambda m: m.start)


def _strip_possessive(surface: str) -> str:
    return re.sub(r"['’]s?$", "", surface)


def entity_mentions(
    text: str, ents: Iterable[tuple[int, int, str]], gaz: Gazetteer
) -> list[Mention]:
    out = []
    for start, end, label in ents:
        if label not in PLACE_LABELS | DEMONYM_LABELS:
            continue
        surface = text[start:end]
        if surface.lower().startswith("the "):
            start, surface = start + 4, surface[4:]
        entries, demonym, dropped = _match(gaz, surface)
        if not entries and not demonym and label in PLACE_LABELS:
            # "Sindh", "Bavaria": a first-level division the gazetteer keeps no row for,
            # named bare where the NER takes it for a place
            entries = division_entries(gaz, _strip_possessive(surface))
            dropped = len(surface) - len(_strip_possessive(surface))
        if demonym:
            country = gaz.countries.get(demonym)
            if country:
                out.append(Mention(start, end - dropped, surface, (country,), adjectival=True))
        elif entries and label in PLACE_LABELS:
            m = Mention(start, end - dropped, text[start : end - dropped], entries)
            m.primary = {id(e) for e in entries if name_key(e.name) == name_key(surface)}
            m.supported = True
            q = _state_after(gaz, text, end - dropped)
            if q:
                m.qualifier = (q[0], q[1])
            out.append(m)
    return out
