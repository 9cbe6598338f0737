"""Conversion between :mod:`claimtrace.model` records and ledger rows (plain dicts).

``article_rows`` flattens one Article into rows per table; ``article_from_rows`` builds
the Article back. The pair is exact: ``article_from_rows(article_rows(a)) == a`` (the
hypothesis tests in tests/ledger check it against real databases).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from claimtrace.ledger.schema import UNDATED
from claimtrace.model import (
    Analyzer,
    Article,
    Basis,
    Change,
    Claim,
    CommentRequest,
    Entity,
    Hedge,
    Modality,
    Place,
    PlaceKind,
    PlaceUse,
    Qualifier,
    Quantity,
    QuoteType,
    SourceKind,
    Span,
    Stance,
    TimeExpr,
    TimexType,
    ViaLink,
    to_dict,
)

SPAN_SEP = " … "


def claim_uid(article_id: str, claim_id: str) -> str:
    """The ledger-wide key of a claim: ``"<article id>:<claim id>"``."""
    return f"{article_id}:{claim_id}"


def analysis_hash(article: Article) -> str:
    """A digest of everything stored for an article (text, metadata and analysis).

    The records' ``repr`` spells out every field (floats exactly), and is several times
    faster than serialising to JSON; a new model field changes the digest, which only
    means the article is stored again.
    """
    return hashlib.sha256(repr(article).encode("utf-8", "surrogatepass")).hexdigest()


# ------------------------------------------------------------------------------ spans


def spans_json(spans: Iterable[Span]) -> list[list[Any]]:
    return [[s.start, s.end, s.text] for s in spans]


def spans_from_json(data: Sequence[Sequence[Any]] | None) -> tuple[Span, ...]:
    return tuple(Span(int(a), int(b), str(t)) for a, b, t in (data or ()))


def _span_text(spans: Iterable[Span]) -> str:
    return SPAN_SEP.join(s.text for s in spans)


def _span_cols(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "span_text": span.text}


def _span_of(row: Mapping[str, Any]) -> Span:
    return Span(row["start"], row["end"], row["span_text"])


def _opt(enum_type: Any, value: Any) -> Any:
    return None if value is None else enum_type(value)


# --------------------------------------------------------------------------- to rows


def _entity_row(article_id: str, entity: Entity, position: int | None) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "entity_id": entity.id,
        "position": position,
        "name": entity.name,
        "kind": entity.kind.value,
        "country": entity.country,
        "aliases": list(entity.aliases),
    }


def article_rows(article: Article, *, stored_at: dt.datetime) -> dict[str, list[dict]]:
    """Rows for every table, keyed by table name. Entities referred to by claims or
    via-links but missing from ``article.entities`` get an ``article_entities`` row with
    ``position`` NULL; the first record seen for an entity id wins within an article."""
    aid = article.id
    analyzer = article.analyzer
    rows: dict[str, list[dict]] = {
        "articles": [
            {
                "id": aid,
                "text": article.text,
                "published": article.published,
                "title": article.title,
                "url": article.url,
                "outlet": article.outlet,
                "author": article.author,
                "language": article.language,
                "origin": article.origin,
                "comment_requests": to_dict(article.comment_requests),
                "analyzer_version": analyzer.claimtrace_version if analyzer else None,
                "analyzer_model": analyzer.model if analyzer else None,
                "analyzer_schema": analyzer.schema_version if analyzer else None,
                "analysis_hash": analysis_hash(article),
                "stored_at": stored_at,
            }
        ],
        "article_entities": [],
        "claims": [],
        "claim_refs": [],
        "via_links": [],
        "quantities": [],
        "timexes": [],
        "places": [],
    }
    seen: dict[str, Entity] = {}

    def note(entity: Entity | None, position: int | None = None) -> None:
        if entity is not None and entity.id not in seen:
            seen[entity.id] = entity
            rows["article_entities"].append(_entity_row(aid, entity, position))

    for i, entity in enumerate(article.entities):
        note(entity, i)
    for i, claim in enumerate(article.claims):
        uid = claim_uid(aid, claim.id)
        note(claim.source_entity)
        origin = claim.origin
        note(origin)
        rows["claims"].append(
            {
                "uid": uid,
                "article_id": aid,
                "claim_id": claim.id,
                "position": i,
                "sort_date": article.published or UNDATED,
                "source_spans": spans_json(claim.source),
                "cue_spans": spans_json(claim.cue),
                "content_spans": spans_json(claim.content),
                "source_text": _span_text(claim.source),
                "cue_text": _span_text(claim.cue),
                "content_text": _span_text(claim.content),
                "source_kind": claim.source_kind.value,
                "source_entity_id": claim.source_entity.id if claim.source_entity else None,
                "origin_entity_id": origin.id if origin else None,
                "quote_type": claim.quote_type.value,
                "stance": claim.stance.value,
                "hedges": [
                    [h.span.start, h.span.end, h.span.text, h.cue, h.carrier] for h in claim.hedges
                ],
                "basis": claim.basis.value,
                "modality": claim.modality.value,
                "channel": spans_json([claim.channel])[0] if claim.channel else None,
                "said_on": claim.said_on,
                "said_at": claim.said_at,
                "confidence": claim.confidence,
            }
        )
        for kind, ids in (
            ("quantity", claim.quantities),
            ("timex", claim.dates),
            ("place", claim.places),
        ):
            rows["claim_refs"].extend(
                {"claim_uid": uid, "kind": kind, "position": j, "ref_id": ref}
                for j, ref in enumerate(ids)
            )
        for j, link in enumerate(claim.via):
            note(link.entity)
            rows["via_links"].append(
                {
                    "claim_uid": uid,
                    "position": j,
                    "source_spans": spans_json(link.source),
                    "cue_spans": spans_json(link.cue),
                    "source_text": _span_text(link.source),
                    "entity_id": link.entity.id if link.entity else None,
                }
            )
    for i, q in enumerate(article.quantities):
        rows["quantities"].append(
            {
                "article_id": aid,
                "id": q.id,
                "position": i,
                **_span_cols(q.span),
                "value": q.value,
                "qualifier": q.qualifier.value,
                "value_high": q.value_high,
                "counted": q.counted,
                "modifiers": list(q.modifiers),
                "unit": q.unit,
                "currency": q.currency,
                "change": q.change.value if q.change else None,
                "event": q.event,
                "modality": q.modality.value,
                "vague": q.vague,
            }
        )
    for i, t in enumerate(article.timexes):
        rows["timexes"].append(
            {
                "article_id": aid,
                "id": t.id,
                "position": i,
                **_span_cols(t.span),
                "type": t.type.value,
                "value": t.value,
                "mod": t.mod,
            }
        )
    for i, p in enumerate(article.places):
        rows["places"].append(
            {
                "article_id": aid,
                "id": p.id,
                "position": i,
                **_span_cols(p.span),
                "name": p.name,
                "kind": p.kind.value,
                "use": p.use.value,
                "country": p.country,
                "geonameid": p.geonameid,
                "lat": p.lat,
                "lon": p.lon,
            }
        )
    return rows


# ------------------------------------------------------------------------- from rows


def entity_from_row(row: Mapping[str, Any]) -> Entity:
    return Entity(
        id=row["entity_id"],
        name=row["name"],
        kind=SourceKind(row["kind"]),
        country=row["country"],
        aliases=tuple(row["aliases"] or ()),
    )


def _comment_request(data: Mapping[str, Any]) -> CommentRequest:
    def spans(key: str) -> tuple[Span, ...]:
        return tuple(Span(s["start"], s["end"], s["text"]) for s in data.get(key, ()))

    return CommentRequest(
        requester=spans("requester"),
        target=spans("target"),
        cue=spans("cue"),
        answered=bool(data.get("answered", False)),
    )


def claim_from_row(
    row: Mapping[str, Any],
    *,
    refs: Sequence[Mapping[str, Any]],
    via: Sequence[Mapping[str, Any]],
    entities: Mapping[str, Entity],
) -> Claim:
    refs = sorted(refs, key=lambda r: (r["kind"], r["position"]))

    def ids(kind: str) -> tuple[str, ...]:
        return tuple(r["ref_id"] for r in refs if r["kind"] == kind)

    def entity(eid: str | None) -> Entity | None:
        return None if eid is None else entities[eid]

    return Claim(
        id=row["claim_id"],
        source=spans_from_json(row["source_spans"]),
        cue=spans_from_json(row["cue_spans"]),
        content=spans_from_json(row["content_spans"]),
        source_kind=SourceKind(row["source_kind"]),
        source_entity=entity(row["source_entity_id"]),
        quote_type=QuoteType(row["quote_type"]),
        stance=Stance(row["stance"]),
        hedges=tuple(
            Hedge(Span(a, b, t), cue, carrier) for a, b, t, cue, carrier in row["hedges"] or ()
        ),
        basis=Basis(row["basis"]),
        modality=Modality(row["modality"]),
        via=tuple(
            ViaLink(
                source=spans_from_json(v["source_spans"]),
                cue=spans_from_json(v["cue_spans"]),
                entity=entity(v["entity_id"]),
            )
            for v in sorted(via, key=lambda v: v["position"])
        ),
        channel=spans_from_json([row["channel"]])[0] if row["channel"] else None,
        said_on=row["said_on"],
        said_at=row["said_at"],
        quantities=ids("quantity"),
        dates=ids("timex"),
        places=ids("place"),
        confidence=row["confidence"],
    )


def article_from_rows(
    article: Mapping[str, Any],
    *,
    entities: Sequence[Mapping[str, Any]],
    claims: Sequence[Mapping[str, Any]],
    refs: Sequence[Mapping[str, Any]],
    via: Sequence[Mapping[str, Any]],
    quantities: Sequence[Mapping[str, Any]],
    timexes: Sequence[Mapping[str, Any]],
    places: Sequence[Mapping[str, Any]],
) -> Article:
    by_id = {row["entity_id"]: entity_from_row(row) for row in entities}
    listed = sorted((r for r in entities if r["position"] is not None), key=lambda r: r["position"])
    refs_of: dict[str, list] = {}
    for r in refs:
        refs_of.setdefault(r["claim_uid"], []).append(r)
    via_of: dict[str, list] = {}
    for v in via:
        via_of.setdefault(v["claim_uid"], []).append(v)
    analyzer = None
    if article["analyzer_version"] is not None:
        analyzer = Analyzer(
            claimtrace_version=article["analyzer_version"],
            model=article["analyzer_model"],
            schema_version=article["analyzer_schema"],
        )
    return Article(
        id=article["id"],
        text=article["text"],
        published=article["published"],
        title=article["title"],
        url=article["url"],
        outlet=article["outlet"],
        author=article["author"],
        language=article["language"],
        origin=article["origin"],
        claims=tuple(
            claim_from_row(
                c, refs=refs_of.get(c["uid"], ()), via=via_of.get(c["uid"], ()), entities=by_id
            )
            for c in sorted(claims, key=lambda c: c["position"])
        ),
        quantities=tuple(
            Quantity(
                id=q["id"],
                span=_span_of(q),
                value=q["value"],
                qualifier=Qualifier(q["qualifier"]),
                value_high=q["value_high"],
                counted=q["counted"],
                modifiers=tuple(q["modifiers"] or ()),
                unit=q["unit"],
                currency=q["currency"],
                change=_opt(Change, q["change"]),
                event=q["event"],
                modality=Modality(q["modality"]),
                vague=bool(q["vague"]),
            )
            for q in sorted(quantities, key=lambda q: q["position"])
        ),
        timexes=tuple(
            TimeExpr(
                id=t["id"],
                span=_span_of(t),
                type=TimexType(t["type"]),
                value=t["value"],
                mod=t["mod"],
            )
            for t in sorted(timexes, key=lambda t: t["position"])
        ),
        places=tuple(
            Place(
                id=p["id"],
                span=_span_of(p),
                name=p["name"],
                kind=PlaceKind(p["kind"]),
                use=PlaceUse(p["use"]),
                country=p["country"],
                geonameid=p["geonameid"],
                lat=p["lat"],
                lon=p["lon"],
            )
            for p in sorted(places, key=lambda p: p["position"])
        ),
        entities=tuple(by_id[r["entity_id"]] for r in listed),
        comment_requests=tuple(_comment_request(c) for c in article["comment_requests"] or ()),
        analyzer=analyzer,
    )
