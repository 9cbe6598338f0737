"""Synthetic analysed articles for the ledger's tests and benchmarks.

Deterministic for a given seed; offsets are real (every span's text is the slice of the
article text it points to). Not language: template sentences over small word pools,
shaped like the pipeline's output (about ``claims`` claims per article, each with a
source entity from a shared pool, a stance, hedges, quantities, dates and places).
"""

from __future__ import annotations

import datetime as dt
import random

from claimtrace.model import (
    Analyzer,
    Article,
    Claim,
    Entity,
    Hedge,
    Place,
    PlaceKind,
    Quantity,
    QuoteType,
    SourceKind,
    Span,
    Stance,
    TimeExpr,
    TimexType,
    ViaLink,
    article_id,
)

_KINDS = [k for k in SourceKind if k is not SourceKind.UNATTRIBUTED]
_STANCES = list(Stance)
_NOUNS = ["troops", "soldiers", "drones", "missiles", "tanks", "refugees", "ships", "workers"]
_VERBS = ["arrived", "crossed", "deployed", "left", "gathered", "were seen", "advanced"]
_PLACES = [
    ("Kursk", PlaceKind.ADMIN, "RU"),
    ("Kyiv", PlaceKind.CITY, "UA"),
    ("Vladivostok", PlaceKind.CITY, "RU"),
    ("Seoul", PlaceKind.CITY, "KR"),
    ("Donetsk", PlaceKind.ADMIN, "UA"),
    ("Pyongyang", PlaceKind.CITY, "KP"),
]
_CUES = ["said", "told reporters", "claimed", "denied", "estimated", "reported"]
_HEDGES = ["reportedly", "allegedly", "possibly"]
_WORDS = [
    "border",
    "convoy",
    "training",
    "exercise",
    "ammunition",
    "supply",
    "frontline",
    "briefing",
    "statement",
    "assessment",
    "intelligence",
    "satellite",
    "images",
    "officials",
    "ministry",
    "spokesperson",
    "region",
]


def entity_pool(size: int = 200, *, seed: int = 0) -> list[Entity]:
    rng = random.Random(seed)
    pool = []
    for i in range(size):
        kind = _KINDS[i % len(_KINDS)]
        name = f"{kind.value.replace('_', ' ').title()} Source {i}"
        aliases = (f"source {i}", f"{kind.value} {i}")[: rng.randint(0, 2)]
        pool.append(
            Entity(
                f"{kind.value}/source-{i}",
                name,
                kind,
                rng.choice(["UA", "RU", "KR", "US"]),
                aliases,
            )
        )
    return pool


def synthetic_article(
    number: int,
    *,
    claims: int = 10,
    entities: list[Entity] | None = None,
    start: dt.date = dt.date(2024, 1, 1),
    seed: int = 0,
) -> Article:
    """Article number ``number`` of a synthetic corpus (about ``claims`` claims)."""
    rng = random.Random(seed * 1_000_003 + number)
    pool = entities or entity_pool(seed=seed)
    parts: list[str] = []
    pos = 0

    def add(fragment: str) -> Span:
        nonlocal pos
        parts.append(fragment)
        span = Span(pos, pos + len(fragment), fragment)
        pos += len(fragment)
        return span

    published = start + dt.timedelta(days=number % 365)
    used: dict[str, Entity] = {}
    out_claims, quantities, timexes, places = [], [], [], []
    add(f"Report {number}. ")
    for c in range(claims):
        entity = rng.choice(pool)
        used[entity.id] = entity
        source = add(entity.name)
        add(" ")
        cue = add(rng.choice(_CUES))
        add(" that ")
        hedges = []
        content_start = pos
        if rng.random() < 0.3:
            hedges.append(Hedge(add(rng.choice(_HEDGES)), "reportedly", "source"))
            add(" ")
        value = rng.randint(2, 20000)
        q_span = add(f"{value:,}")
        add(" ")
        noun = rng.choice(_NOUNS)
        add(noun)
        add(" ")
        add(rng.choice(_VERBS))
        add(" in ")
        place_name, place_kind, country = rng.choice(_PLACES)
        p_span = add(place_name)
        add(" on ")
        day = published - dt.timedelta(days=rng.randint(0, 6))
        t_span = add(day.strftime("%B %d"))
        add(" near the ")
        add(" ".join(rng.sample(_WORDS, 3)))
        content = Span(content_start, pos, "".join(parts)[content_start:pos])
        add(". ")
        qid, tid, pid = f"q{c}", f"t{c}", f"p{c}"
        quantities.append(Quantity(qid, q_span, float(value), counted=noun))
        timexes.append(TimeExpr(tid, t_span, TimexType.DATE, day.isoformat()))
        places.append(Place(pid, p_span, place_name, place_kind, country=country))
        via = ()
        if rng.random() < 0.2:
            origin = rng.choice(pool)
            used[origin.id] = origin
            via = (ViaLink((source,), (cue,), origin),)
        out_claims.append(
            Claim(
                id=f"c{c}",
                source=(source,),
                cue=(cue,),
                content=(content,),
                source_kind=entity.kind,
                source_entity=entity,
                quote_type=QuoteType.INDIRECT,
                stance=rng.choice(_STANCES),
                hedges=tuple(hedges),
                via=via,
                quantities=(qid,),
                dates=(tid,),
                places=(pid,),
                confidence=round(rng.random(), 3),
            )
        )
    text = "".join(parts)
    return Article(
        id=article_id(text),
        text=text,
        published=published,
        title=f"Report {number}",
        url=f"https://news.example.org/{number}",
        outlet=f"Outlet {number % 17}",
        language="en",
        origin=f"synthetic#{number}",
        claims=tuple(out_claims),
        quantities=tuple(quantities),
        timexes=tuple(timexes),
        places=tuple(places),
        entities=tuple(used.values()),
        analyzer=Analyzer("0.1.0", "synthetic"),
    )


def synthetic_corpus(n: int, *, claims: int = 10, seed: int = 0) -> list[Article]:
    pool = entity_pool(seed=seed)
    return [synthetic_article(i, claims=claims, entities=pool, seed=seed) for i in range(n)]
