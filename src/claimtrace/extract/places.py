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
where it was made ("speaking in Rome"). Candidates come from :mod:`claimtrace.extract.toponyms`,
features from :mod:`claimtrace.extract.gazetteer`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from claimtrace.extract.dates import TextSentences
from claimtrace.extract.gazetteer import (
    GazEntry,
    Gazetteer,
    division_key,
    load_gazetteer,
    name_key,
)
from claimtrace.extract.toponyms import (
    DOMINANT,
    Mention,
    entity_mentions,
    gazetteer_mentions,
    is_unlisted_town,
)
from claimtrace.model import Claim, Place, PlaceKind, PlaceUse, Span

#: web domain country codes -> the outlet's country (a weak prior)
HOME_TLDS = {
    "uk": "GB", "ca": "CA", "au": "AU", "nz": "NZ", "ie": "IE", "in": "IN", "de": "DE",
    "fr": "FR", "ru": "RU", "kr": "KR", "jp": "JP", "cn": "CN", "ua": "UA", "za": "ZA",
    "sg": "SG", "il": "IL", "tr": "TR", "it": "IT", "es": "ES", "nl": "NL",
}  # fmt: skip
#: a single-word city smaller than this needs support (a preposition of place, a
#: "City, State" qualifier, or another place of the article in the same state or nearby)
SMALL_CITY = 20_000
#: the population a listed town without one is taken to have (cities1000's threshold)
TOWN_FLOOR = 1_000
#: how much countries, states and regions outrank same-named towns in scoring
DOMINANT_BONUS = 6.0
#: verbs after a country or capital that make it stand for its government ("Moscow said")
REPORTING_VERBS = (
    "said|says|say|announced|announces|accused|accuses|denied|denies|warned|warns|claimed|"
    "claims|insisted|insists|reiterated|reiterates|responded|responds|condemned|condemns|"
    "rejected|rejects|confirmed|confirms|called|calls|urged|urges|demanded|demands|"
    "threatened|threatens|maintains|maintained|argued|argues|stated|states|declared|"
    "declares|vowed|vows|protested|protests|dismissed|dismisses|blamed|blames|sees|saw|"
    "wants|wanted|has\\s+said|has\\s+denied|has\\s+reiterated|has\\s+warned|has\\s+accused|"
    "has\\s+not\\s+commented|did\\s+not\\s+comment|declined|refused|agreed|signed|imposed|"
    "retaliated|recalled|expelled|summoned|sent|deployed|supplied|backed|supports|supported|"
    "expects|expected|hopes|hoped|believes|believed|fears|feared|plans|planned|intends|"
    "intended|considers|considered|regards|regarded"
)
_METONYM_AFTER = re.compile(
    r"^(?:'s\s+(?:government|foreign\s+ministry|embassy|response|position|envoy))?\s*"
    r"(?:(?:has|have|had|also|again|quickly|repeatedly|publicly|officially|reportedly|"
    r"previously|strongly|flatly|so\s+far|,\s*\w+\s*,)\s+)*(?:" + REPORTING_VERBS + r")\b",
    re.I,
)
#: a country's institution or people in the possessive: "Israel's military", "Iran's
#: foreign minister", "Lebanon's health ministry" -- the country as an attribute, like the
#: demonym ("the Israeli military"), not a place visited
_POSSESSIVE_INSTITUTION = re.compile(
    r"^['’]s\s+(?:(?:\w+|[A-Z][\w-]*)\s+){0,2}?(?:military|army|navy|air\s+force|"
    r"government|cabinet|parliament|ministry|minister|president|premier|leader|leadership|"
    r"officials?|forces|troops|police|intelligence|agency|embassy|envoy|ambassador|"
    r"spokes(?:man|woman|person)|chancellor|king|regime|authorities|junta|diplomats?|"
    r"delegation|negotiators?|central\s+bank|state\s+media|news\s+agency|prosecutors?|"
    r"court|congress|senate|legislature)\b",
    re.I,
)
#: acts a government takes, after a modal: "Washington would reconsider", "Tehran will
#: respond", "Beijing could retaliate" ("Paris will be hot" stays a place)
_MODAL_ACT = re.compile(
    r"^\s+(?:would|will|could|might|may|should|must|can|cannot|won't|wouldn't)\s+"
    r"(?:(?:not|also|never|soon|likely|probably)\s+)*"
    r"(?:respond|retaliate|reconsider|consider|review|impose|lift|send|deploy|supply|support|"
    r"back|oppose|veto|accept|reject|recognize|recognise|negotiate|sanction|expel|recall|"
    r"summon|insist|deny|say|announce|demand|welcome|condemn|protest|comply|cooperate|"
    r"intervene|act|agree|refuse|decline|allow|block|approve|seek|push|press|pressure|"
    r"warn|threaten|strike|hit\s+back)\b",
    re.I,
)
#: a capital or country as a party to relations: "a rift with Jerusalem", "talks with
#: Moscow", "tensions between Washington and Beijing", "sanctions on Moscow"
_RELATION_BEFORE = re.compile(
    r"\b(?:ties|talks|relations|relationship|tensions?|rift|dialogue|negotiations|deal|"
    r"agreement|dispute|standoff|row|feud|split|rapprochement|alliance|spat|clash|"
    r"cooperation|pact|treaty|summit)\s+(?:with|between)\s+(?:[A-Z][\w.'’-]*\s+(?:and|&)\s+)?$"
    r"|\bsanctions\s+(?:on|against)\s+$"
)

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
    if entry.fcode == "ADM2":  # among same-named counties, the more populous one
        return 5.0 + 0.5 * math.log10(entry.population + 1)
    # GeoNames' cities1000 lists towns of at least 1,000 people; a listed population of 0
    # is unknown, not empty (Twickenham), and counts as that threshold
    people = entry.population or (TOWN_FLOOR if entry.geonameid else 0)
    score = 1.2 * math.log10(people + 1)
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
    town: tuple[float, float] | None = None  # the outlet's home town, if its domain names one
    town_id: int | None = None  # its GeoNames id


def _domain_town(
    domain: str | None, admin1: dict[tuple[str, str], float], gaz: Gazetteer
) -> GazEntry | None:
    """The town a local outlet's web domain is named after ("parisbeacon.com" -> the Paris
    in the state its articles name most), if its articles support one."""
    if not domain:
        return None
    label = re.sub(r"^(?:www\d?|news|m)\.", "", domain.lower()).split(".")[0]
    label = re.sub(r"[^a-z]", "", label)
    best: tuple[float, int, GazEntry] | None = None
    for i in range(len(label)):
        for j in range(i + 5, min(len(label), i + 20) + 1):
            for e in gaz.lookup(label[i:j]):
                if not e.fcode.startswith("PPL") or e.lat is None:
                    continue
                share = admin1.get((e.country or "", e.admin1 or ""), 0.0)
                if share <= 0:
                    continue
                key = (share, e.population, e)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


def outlet_prior(
    texts: Iterable[str],
    *,
    home: str | None = None,
    domain: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> PlacePrior:
    """The share of an outlet's articles that name each country and each (country, state),
    and the outlet's home town when its ``domain`` is named after one.

    Only unambiguous evidence counts: countries, states and regions by name, counties and
    towns that are unique or qualified ("Paris, Ill."), so a wrong guess does not feed itself.
    """
    gaz = gazetteer or load_gazetteer()
    countries: Counter = Counter()
    admin1: Counter = Counter()
    n = 0
    for text in texts:
        n += 1
        mentions = gazetteer_mentions(text, gaz)
        _resolve(mentions, home, None)
        seen_c, seen_a = set(), set()
        for m in mentions:
            e = m.choice
            if e is None or m.adjectival or not e.country:
                continue
            if not reliable(m) or not _outlet_evidence(m):
                continue
            seen_c.add(e.country)
            if e.admin1 and e.fcode != "PCLI":
                seen_a.add((e.country, e.admin1))
        countries.update(seen_c)
        admin1.update(seen_a)
    if not n:
        return PlacePrior()
    shares = {k: v / n for k, v in admin1.items()}
    town = _domain_town(domain, shares, gaz)
    return PlacePrior(
        {k: v / n for k, v in countries.items()},
        shares,
        (town.lat, town.lon) if town is not None and town.lat is not None else None,
        town.geonameid if town is not None else None,
    )


@dataclass(frozen=True, slots=True)
class _Context:
    countries: Counter
    admin1: Counter
    points: tuple[tuple[float, float], ...]
    home: str | None
    outlet: PlacePrior | None = None


#: how much the outlet's home town outranks its namesakes ("Paris" in theparisnews.com)
HOME_TOWN_BONUS = 8.0
#: the most that local evidence (state, neighbours, outlet's state) adds to a candidate
LOCAL_CAP = 10.0


def _score(m: Mention, e: GazEntry, ctx: _Context, own: Counter, own_a1: Counter) -> float:
    s = prior(e)
    if e.fcode in DOMINANT or (
        e.fcode == "PPLC" and any(x.fcode in DOMINANT and x.country == e.country for x in m.entries)
    ):
        s += DOMINANT_BONUS  # "Washington": the capital competes with the state
    if e.fcode == "PPLC" and any(x.fcode == "PCLI" and x.country == e.country for x in m.entries):
        s -= 3.0  # a city-state is its country ("Singapore")
    if e.fcode.startswith("PPL") and id(e) not in m.primary:
        s -= 2.0  # matched through an alternate name only
        if any(x.fcode.startswith("PPL") and id(x) in m.primary for x in m.entries):
            # another town bears the name as its own ("Pittsburgh" is Pittsburgh, not
            # Pittsburg, California, by an alternate spelling)
            s -= 3.0
    if m.designator and e.fcode.startswith("PPL"):
        s += 2.0
    if m.qualifier:
        qc, qa = m.qualifier
        if e.country == qc and (qa is None or e.admin1 == qa):
            s += 15.0
        elif e.country == qc:
            s += 4.0
    # country-level evidence (the article's and the outlet's countries) does not make a
    # small town out of a country or region of the same name: "Italy" in an American paper
    # is still Italy, not Italy, Texas; only local evidence (below) can do that
    rival = (
        e.fcode.startswith("PPL")
        and e.population < 100_000
        and any(x.fcode in DOMINANT and x.country != e.country for x in m.entries)
    )
    if e.country and not rival:
        s += 2.5 * min(ctx.countries[e.country] - own[e.country], 3)
        if e.country == ctx.home:
            s += 1.5
        if ctx.outlet is not None:
            s += 3.0 * ctx.outlet.countries.get(e.country, 0.0)
    # local evidence (same state, nearby places, the outlet's state) is capped, so that a
    # large city is not beaten by a hamlet of the same name just because the article is local
    local = 0.0
    if e.country and e.admin1 and e.fcode != "PCLI":
        local += 3.0 * min(ctx.admin1[(e.country, e.admin1)] - own_a1[(e.country, e.admin1)], 2)
        if ctx.outlet is not None:
            local += 6.0 * ctx.outlet.admin1.get((e.country, e.admin1), 0.0)
    town = ctx.outlet.town if ctx.outlet is not None else None
    if e.lat is not None and town is not None and e.fcode.startswith(("PPL", "ADM2")):
        d = km(e.lat, e.lon, *town)
        local += 3.0 if d < 100 else 1.5 if d < 300 else 0.0
    if e.lat is not None and e.fcode.startswith(("PPL", "ADM2")) and ctx.points:
        near = min(km(e.lat, e.lon, lat, lon) for lat, lon in ctx.points)
        if 1 <= near < 100:
            local += 3.0
        elif 1 <= near < 300:
            local += 1.5
    if ctx.outlet is not None and e.geonameid and e.geonameid == ctx.outlet.town_id:
        s += HOME_TOWN_BONUS  # "Paris" in the Paris (Texas) News is that Paris
    return s + min(local, LOCAL_CAP)


def reliable(m: Mention) -> bool:
    """Evidence that does not hinge on a guess between same-named towns."""
    e = m.choice
    if e is None:
        return False
    if e.fcode in ("PCLI", "ADM1", "RGN", "CONT") or m.qualifier:
        return True
    # a unique name, matched as the feature's own name (not an alternate like "Dublin City")
    return len(m.entries) == 1 and id(e) in m.primary


def _outlet_evidence(m: Mention) -> bool:
    """What may teach an outlet's usual places: not a small town named by one word without
    a preposition of place ("Santa Claus", "Grill": often a person or a common word), nor a
    country whose name is also a town's ("Lebanon" in a Pennsylvania paper: counting it
    would make the paper's Lebanon the country in its other articles too)."""
    e = m.choice
    if e is None:
        return False
    if e.fcode.startswith("PPL") and e.population < SMALL_CITY and not m.supported:
        return False
    return not (e.fcode == "PCLI" and any(x.fcode.startswith("PPL") for x in m.entries))


def _context(
    mentions: Sequence[Mention], home: str | None, outlet: PlacePrior | None = None
) -> _Context:
    countries: Counter = Counter()
    admin1: Counter = Counter()
    points = []
    # the article's main country: a small town abroad that merely has a unique name
    # ("Heathrow", Florida, in a British story) is weak evidence
    main = Counter(
        m.choice.country for m in mentions if m.choice is not None and m.choice.country
    ).most_common(1)
    main_country = main[0][0] if main else None
    for m in mentions:
        e = m.choice
        if e is None:
            continue
        weight = 1.0 if (reliable(m) or e.population >= 100_000) else 0.3
        if (
            e.fcode.startswith("PPL")
            and e.population < SMALL_CITY
            and not m.qualifier
            and e.country != main_country
        ):
            weight = 0.3
        if not _outlet_evidence(m):
            weight = 0.1
        if e.country:
            countries[e.country] += weight
        if e.country and e.admin1 and e.fcode != "PCLI":
            admin1[(e.country, e.admin1)] += weight
        if (
            e.lat is not None
            and (e.fcode.startswith("PPL") or e.fcode == "ADM2")
            and _outlet_evidence(m)
            and (reliable(m) or e.population >= SMALL_CITY)
        ):
            points.append((e.lat, e.lon))
    return _Context(countries, admin1, tuple(points), home, outlet)


def _qualified(m: Mention, e: GazEntry) -> bool:
    return (
        bool(m.qualifier)
        and e.country == m.qualifier[0]
        and (m.qualifier[1] is None or e.admin1 == m.qualifier[1])
    )


def _resolve(mentions: list[Mention], home: str | None, outlet: PlacePrior | None) -> None:
    """Pick one feature per mention: by prior first, then twice more with context.

    The context of a mention leaves out every mention of the same name (all the
    "Dublin"s of an article), so an ambiguous name never confirms itself.
    """
    for m in mentions:
        m.choice = max(m.entries, key=lambda e, m=m: prior(e) + (15 if _qualified(m, e) else 0))
    ids = [{id(e) for e in m.entries} for m in mentions]
    for _ in range(2):
        for i, m in enumerate(mentions):
            if len(m.entries) == 1 or m.dateline:
                continue  # a wire dateline names the prominent place: the prior's choice
            others = [x for j, x in enumerate(mentions) if not (ids[j] & ids[i])]
            ctx = _context(others, home, outlet)
            empty: Counter = Counter()
            m.choice = max(m.entries, key=lambda e, m=m, ctx=ctx: _score(m, e, ctx, empty, empty))
    # one sense per article: a name the article qualifies once ("Paris, Missouri") means
    # that place wherever else it stands alone ("of Paris")
    settled = {
        name_key(m.text): m.choice
        for m in mentions
        if m.choice is not None and _qualified(m, m.choice)
    }
    for m in mentions:
        choice = settled.get(name_key(m.text))
        if choice is not None and not m.qualifier and any(e is choice for e in m.entries):
            m.choice = choice


# --------------------------------------------------------------------------- use


def place_use(text: str, start: int, end: int, entry: GazEntry, *, adjectival: bool) -> PlaceUse:
    """``adjectival`` for demonyms and a country's institutions in the possessive ("Iran's
    foreign minister"), ``metonym`` for a country or capital that speaks, acts
    as a government ("Tehran would respond") or is a party to relations ("talks with
    Moscow")."""
    if adjectival:
        return PlaceUse.ADJECTIVAL
    if entry.fcode == "PCLI" and _POSSESSIVE_INSTITUTION.match(text[end : end + 60]):
        return PlaceUse.ADJECTIVAL
    if entry.fcode in ("PCLI", "PPLC") or entry.name == "Washington":
        after = text[end : end + 60]
        if _METONYM_AFTER.match(after) or _MODAL_ACT.match(after):
            return PlaceUse.METONYM
        if _RELATION_BEFORE.search(text[max(0, start - 60) : start]):
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


def _common_word(m: Mention, text: str) -> bool:
    """A one-word town name the article also writes in lower case ("Driver safety ... the
    driver", "Pace yourself ... the pace") is a capitalised common word, not a town."""
    word = m.text.strip()
    if " " in word or not word.isalpha() or not all(e.fcode.startswith("PPL") for e in m.entries):
        return False
    if any(e.population >= 100_000 for e in m.entries):
        return False
    return re.search(rf"\b{re.escape(word.lower())}\b", text) is not None


def _keep(m: Mention, gaz: Gazetteer, ctx: _Context, text: str, same_text: Counter) -> bool:
    e = m.choice
    if e is None:
        return False
    if m.supported or m.adjectival:
        return True
    if ctx.outlet is not None and e.geonameid and e.geonameid == ctx.outlet.town_id:
        return True  # the paper's own town ("A Paris man" in the Paris Post-Intelligencer)
    if m.text in gaz.needs_context:
        return False
    if _common_word(m, text):
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
        and ctx.outlet.admin1.get((e.country or "", e.admin1 or ""), 0) >= OUTLET_STATE
    ):
        return True
    if e.lat is not None:
        near = [km(e.lat, e.lon, lat, lon) for lat, lon in ctx.points]
        if sum(1 for d in near if 1 < d < 100):
            return True
    return False


def _estimate_county(
    county: GazEntry, mentions: Sequence[Mention], gaz: Gazetteer
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
        and not is_unlisted_town(m.choice)
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


#: the share of an outlet's articles naming a state that makes the state one of its own
OUTLET_STATE = 0.3
#: how much evidence (reliable mentions) makes a state or country the article's own
LOCAL_EVIDENCE = 2.0


def _local_unlisted(
    text: str,
    mentions: list[Mention],
    kept: set[int],
    home: str | None,
    outlet: PlacePrior | None,
    gaz: Gazetteer,
) -> None:
    """A small town named alone whose every namesake lies outside the state (or country)
    the article is about ("a theft near Hinton" in an Iowa story, where the gazetteer's
    Hintons are in Oklahoma and West Virginia): news names out-of-state towns with their
    state, so it is a town of the article's state too small for the gazetteer, placed among
    the article's towns there, with no id. Abroad too ("crews at Heathrow" in a London
    story: the gazetteer's only Heathrow is in Florida), unless the article names the
    namesake's country; where no state is named twice, the article's country decides
    ("near Karak" in a Jordan story), and a designated division too ("Giza's Haram
    district": a district of Egypt, not Haram, Norway). Not where the outlet often writes
    about the namesake's state (:data:`OUTLET_STATE`)."""
    ids = [{id(e) for e in m.entries} for m in mentions]
    for i, m in enumerate(mentions):
        e = m.choice
        if id(m) not in kept or e is None or m.qualifier or m.dateline or m.adjectival:
            continue
        # a designated mention ("Giza's Haram district") follows its town
        if e.fcode != "PPL" or e.population >= SMALL_CITY or is_unlisted_town(e):
            continue
        others = [x for j, x in enumerate(mentions) if not (ids[j] & ids[i])]
        ctx = _context(others, home, outlet)
        own = (e.country or "", e.admin1 or "")
        if ctx.admin1[own] > 0:
            continue
        if ctx.points and min(km(e.lat, e.lon, a, b) for a, b in ctx.points) < 300:
            continue
        target = _article_state(ctx)
        if target is None:
            country = _article_country(ctx)
            if country is None or country == e.country:
                continue
            target = (country, None)
        if target == own:
            continue
        if e.country != target[0] and any(
            id(x) in kept
            and x.choice is not None
            and x.choice.country == e.country
            and x.choice.fcode in DOMINANT
            for x in others
        ):
            continue  # "a village of Flumeri in southern Italy": the article names its country
        if outlet is not None and outlet.admin1.get(own, 0.0) >= OUTLET_STATE:
            continue  # the outlet often writes about the namesake's state
        if any((x.country, x.admin1) == target for x in m.entries):
            continue  # a namesake there: the scores decided against it
        point = _point_in(target, others, text, gaz)
        if point is None:
            continue
        lat, lon = point
        name = e.name.title() if e.name.isupper() else e.name
        m.choice = GazEntry(None, name, "PPL", target[0], target[1], lat, lon, 0)


_BARE_DATELINE_BEFORE = re.compile(r"(?:^|[.!?\n])\s*$")
_BARE_DATELINE_AFTER = re.compile(r"\s*(?:—|–|--?|”)\s")


def _local_datelines(
    text: str, mentions: list[Mention], outlet: PlacePrior | None, gaz: Gazetteer
) -> None:
    """A local paper's dateline without a state ("WINDSOR - The town ..." in a Connecticut
    paper) names a town of the paper's state, where one bears the name and the article names
    no place outside that state; a wire dateline ("WASHINGTON (AP)") is left to the prior."""
    if outlet is None or not outlet.admin1:
        return
    state, share = max(outlet.admin1.items(), key=lambda kv: (kv[1], kv[0]))
    if share < OUTLET_STATE:
        return
    for m in mentions:
        e = m.choice
        if e is None or m.qualifier or m.dateline or not m.text.isupper():
            continue
        if (e.country, e.admin1) == state:
            continue
        if not (
            _BARE_DATELINE_BEFORE.search(text[max(0, m.start - 3) : m.start])
            and _BARE_DATELINE_AFTER.match(text, m.end)
        ):
            continue
        local = [
            x for x in m.entries if x.fcode.startswith("PPL") and (x.country, x.admin1) == state
        ]
        paper = gaz.by_id().get(outlet.town_id) if outlet.town_id else None
        if not local and (paper is None or (paper.country, paper.admin1) != state):
            continue
        key = name_key(m.text)
        outside = any(
            x.choice is not None
            and name_key(x.text) != key
            and reliable(x)
            and (
                x.choice.country != state[0]
                or (x.choice.fcode != "PCLI" and x.choice.admin1 not in (None, state[1]))
            )
            for x in mentions
        )
        if outside:
            continue
        if local:
            town = max(local, key=lambda x: x.population)
        else:  # "RICHLAND -" in a Columbus, Nebraska paper: a hamlet near the paper's town
            name = m.text.title()
            town = GazEntry(None, name, "PPL", state[0], state[1], paper.lat, paper.lon, 0)
        for x in mentions:  # the name's other mentions follow (one sense per article)
            if name_key(x.text) == key and not x.qualifier:
                x.choice = town


#: "Jerome Township", "Tennessee Colony": a settlement named after a place, by a word that
#: says so (US civil townships, colonies)
_SETTLEMENT = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (Township|Colony)\b")


def _settlements(
    text: str,
    mentions: list[Mention],
    home: str | None,
    outlet: PlacePrior | None,
    gaz: Gazetteer,
) -> list[Mention]:
    """A township or colony the gazetteer lacks ("in Jerome Township", "the Tennessee Colony
    area") is a settlement of the article's state, not the town or state it is named after:
    one mention over the whole name, with no id, placed like :func:`_local_unlisted`'s."""
    found = []
    for sm in _SETTLEMENT.finditer(text):
        start, end = sm.start(), sm.end()
        if any(e.fcode.startswith("PPL") for e in gaz.lookup(sm.group(0))):
            continue  # a listed town of that name (Clinton Township, Michigan)
        inside = [m for m in mentions if m.start < end and start < m.end]
        if not inside or any(m.start < start or m.end > end for m in inside):
            continue  # only where its name is a place, and not inside a longer one
        others = [m for m in mentions if not (m.start < end and start < m.end)]
        target = _article_state(_context(others, home, outlet))
        point = _point_in(target, others, text, gaz) if target is not None else None
        if point is None:
            continue
        entry = GazEntry(None, sm.group(0), "PPL", target[0], target[1], *point, 0)
        m = Mention(start, end, sm.group(0), (entry,), supported=True)
        m.primary = {id(entry)}
        m.choice = entry
        found.append((m, inside))
    if not found:
        return mentions
    drop = {id(x) for _, inside in found for x in inside}
    rest = [m for m in mentions if id(m) not in drop]
    return sorted(rest + [m for m, _ in found], key=lambda m: m.start)


def _point_in(
    target: tuple[str, str | None], others: Sequence[Mention], text: str, gaz: Gazetteer
) -> tuple[float, float] | None:
    """Where to put a place of ``target`` (a state, or a country with ``None``) that the
    gazetteer lacks: at the article's opening dateline when that names a place there, else
    at the mean of the article's reliable or large towns and counties there, else (for a
    country) at the country's point."""
    towns = [
        (x.choice.lat, x.choice.lon)
        for x in others
        if x.choice is not None
        and x.choice.lat is not None
        and x.choice.country == target[0]
        and target[1] in (None, x.choice.admin1)
        and x.choice.fcode.startswith(("PPL", "ADM2"))
        and not is_unlisted_town(x.choice)
        and (reliable(x) or x.choice.population >= SMALL_CITY)
    ]
    lead = next(
        (
            x.choice
            for x in others
            if x.choice is not None
            and x.choice.lat is not None
            and x.choice.country == target[0]
            and target[1] in (None, x.choice.admin1)
            and not is_unlisted_town(x.choice)
            and _opens_dateline(text, x)
        ),
        None,
    )
    if lead is not None:
        return lead.lat, lead.lon  # "PLYMOUTH CO. - ... near Hinton": the dateline's place
    if not towns and target[1] is None and target[0] in gaz.countries:
        country = gaz.countries[target[0]]
        if country.lat is not None:
            return country.lat, country.lon
    if not towns:
        return None
    return (
        round(sum(t[0] for t in towns) / len(towns), 4),
        round(sum(t[1] for t in towns) / len(towns), 4),
    )


_DATELINE_DASH = re.compile(r"(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?\s*(?:—|–|--?)\s")


def _opens_dateline(text: str, m: Mention) -> bool:
    """The place of a dateline that opens the article ("PLYMOUTH CO. - ", "HOLLIDAY, Mo. —")."""
    return not text[: m.start].strip() and _DATELINE_DASH.match(text, m.end) is not None


def _most_named(counts: Counter):
    """The key ``counts`` holds most, at least :data:`LOCAL_EVIDENCE` times and more than
    any other, or None."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < LOCAL_EVIDENCE:
        return None
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return None
    return ranked[0][0]


def _article_country(ctx: _Context) -> str | None:
    """The country the article is about, by the same measure as :func:`_article_state`."""
    return _most_named(ctx.countries)


def _article_state(ctx: _Context) -> tuple[str, str] | None:
    """The state (first-level division) the article is about: the one its reliable
    mentions name most, at least :data:`LOCAL_EVIDENCE` times and more than any other."""
    return _most_named(ctx.admin1)


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
    mentions = gazetteer_mentions(text, gaz)
    if ents is not None:
        extra = entity_mentions(text, ents, gaz)
        taken = [(m.start, m.end) for m in mentions]
        for m in extra:
            if not any(s < m.end and m.start < e for s, e in taken):
                mentions.append(m)
    mentions.sort(key=lambda m: m.start)
    _resolve(mentions, home, outlet)
    # "Holliday, Mo.": a town too small for the gazetteer, near the article's other towns of
    # its state (else at the state's point), with no id
    placed: dict[int, GazEntry] = {}
    for m in mentions:
        e = m.choice
        if e is not None and is_unlisted_town(e):
            if id(e) not in placed:
                lat, lon = _estimate_county(e, mentions, gaz)
                placed[id(e)] = replace(e, lat=lat, lon=lon) if lat is not None else e
            m.choice = placed[id(e)]
    mentions = _settlements(text, mentions, home, outlet, gaz)
    _local_datelines(text, mentions, outlet, gaz)
    ctx = _context(mentions, home, outlet)
    same_text = Counter(m.text for m in mentions)
    kept = [m for m in mentions if _keep(m, gaz, ctx, text, same_text)]
    _local_unlisted(text, mentions, {id(m) for m in kept}, home, outlet, gaz)
    places = []
    for m in kept:
        e = m.choice
        kind = e.kind
        name = e.name
        lat, lon, gid = e.lat, e.lon, e.geonameid
        if lat is None and e.fcode == "ADM2":
            lat, lon = _estimate_county(e, mentions, gaz)
        elif is_unlisted_town(e):
            name = e.name.title() if e.name.isupper() else e.name
        if m.region_of and not m.adjectival:
            # "western Russia": a part of a feature keeps the GeoNames id of the whole (the
            # convention of the LGL-scheme corpora), the most precise id the gazetteer has
            kind, name = PlaceKind.REGION, f"{m.region_of} {e.name}"
        elif m.designator and e.fcode.startswith("PPL"):
            # "Idlib province": the division named after the town, with its GeoNames id
            # where the gazetteer knows it
            kind, name = PlaceKind.ADMIN, f"{e.name} {m.designator}"
            stem = re.sub(rf"\s+{m.designator}$", "", m.text, flags=re.I)
            gid = gaz.divisions.get(division_key(e.country or "", stem)) or gaz.divisions.get(
                division_key(e.country or "", e.name)
            )
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


def said_at_for(
    claim: Claim,
    places: Sequence[Place],
    text: str,
    *,
    sentences: TextSentences | None = None,
) -> str | None:
    """The id of the place where the claim was made ("Speaking in Rome, X said ...").

    A location outside the claim's content, in the cue's sentence, introduced by "in",
    "at" or "from" after a speech word ("speaking in", "told reporters in", "a news
    conference in"). None when the text gives no such place. ``sentences``: the text's
    :class:`~claimtrace.extract.dates.TextSentences`, when the caller has them.
    """
    if not claim.cue:
        return None
    sentences = sentences if sentences is not None else TextSentences(text)
    s_start, s_end = sentences.bounds(claim.cue[0].start)
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
