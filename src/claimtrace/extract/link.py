"""In-article linking: which quantities, dates and places each claim's content holds."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from claimtrace.model import Claim, Place, Quantity, Span, TimeExpr


def inside(span: Span, regions: Sequence[Span]) -> bool:
    """Whether ``span`` lies inside one of ``regions``."""
    return any(r.start <= span.start and span.end <= r.end for r in regions)


def link_claims(
    claims: Sequence[Claim],
    *,
    quantities: Sequence[Quantity] = (),
    timexes: Sequence[TimeExpr] = (),
    places: Sequence[Place] = (),
) -> list[Claim]:
    """Return the claims with ``quantities``, ``dates`` and ``places`` filled by containment.

    A record belongs to a claim when its span lies inside one of the claim's content spans.
    Ids already set on a claim are kept (an extractor may know better).
    """
    linked = []
    for claim in claims:
        content = claim.content
        linked.append(
            dataclasses.replace(
                claim,
                quantities=claim.quantities
                or tuple(q.id for q in quantities if inside(q.span, content)),
                dates=claim.dates or tuple(t.id for t in timexes if inside(t.span, content)),
                places=claim.places or tuple(p.id for p in places if inside(p.span, content)),
            )
        )
    return linked
