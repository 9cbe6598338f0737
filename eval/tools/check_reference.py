"""Compare quantities, stances, dates and places with the hand-made analysis of the
reference article.

The reference article (../shared/examples/nk-troops-russia.txt) is a spec by example, not
a test set: no rule or lexicon entry exists for its wording. This prints, for each of its
gold quantities, claims, dates and places, what claimtrace finds (claims are given the gold
spans, as in the PolNeAR stance evaluation; dates are normalised against the article's
publication date), and exits 1 if a value, qualifier, stance, hedge, date value or type,
or a place's country, kind or GeoNames id differs.

Usage: PYTHONPATH=src python eval/tools/check_reference.py [--model blank|PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from claimtrace.evaluation.shared import reference_article
from claimtrace.extract.dates import find_timexes
from claimtrace.extract.places import find_places
from claimtrace.extract.quantities import extract_quantities
from claimtrace.extract.stance import analyze_claim, find_comment_requests
from claimtrace.model import Claim, Span
from claimtrace.nlp.pipeline import build_pipeline


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="blank")
    args = parser.parse_args()
    reference = reference_article()
    if reference is None:
        print("../shared not found", file=sys.stderr)
        return 2
    text, gold = reference
    doc = build_pipeline(args.model, components=())(text)
    bad = 0
    found = extract_quantities(doc)
    print(f"quantities: {len(found)} found, {len(gold['quantities'])} in the reference")
    for g in gold["quantities"]:
        s, e = g["span"]
        hit = next((q for q in found if q.span.start < e and s < q.span.end), None)
        ok = hit is not None and hit.value == g["value"] and hit.qualifier.value == g["qualifier"]
        bad += not ok
        got = f"{hit.value:g} {hit.qualifier.value} {hit.counted}" if hit else "-"
        print(f"  {'ok ' if ok else 'BAD'} {g['text']!r}: {got}")
    print("claims (gold spans):")
    for g in gold["claims"]:

        def spans(role: dict | None) -> tuple[Span, ...]:
            return (Span.of(text, *role["span"]),) if role else ()

        claim = Claim("c", spans(g["source"]), spans(g["cue"]), spans(g["content"]))
        out = analyze_claim(doc, claim)
        hedges = sorted(h.cue for h in out.hedges)
        ok = out.stance.value == g["stance"] and hedges == sorted(g.get("hedges", []))
        if g.get("basis"):
            ok = ok and out.basis.value == g["basis"]
        bad += not ok
        print(
            f"  {'ok ' if ok else 'BAD'} {out.stance.value:<11} hedges={hedges} "
            f"basis={out.basis.value} | {g['content']['text'][:60]}"
        )
    for r in find_comment_requests(doc):
        print(
            f"comment request: {r.requester[0].text if r.requester else '?'} -> "
            f"{r.target[0].text} (answered={r.answered})"
        )
    bad += check_dates(text, gold) + check_places(text, gold)
    return 1 if bad else 0


def _overlapping(found: list, start: int, end: int):
    return next((x for x in found if x.span.start < end and start < x.span.end), None)


def check_dates(text: str, gold: dict) -> int:
    """Print each gold date against the TIMEX3 found over it; return how many differ."""
    published = dt.date.fromisoformat(gold["article"]["published"][:10])
    found = find_timexes(text, anchor=published)
    print(f"dates: {len(found)} found, {len(gold['timexes'])} in the reference")
    bad = 0
    for g in gold["timexes"]:
        hit = _overlapping(found, *g["span"])
        ok = hit is not None and hit.value == g["value"] and hit.type.value == g["type"]
        bad += not ok
        got = f"{hit.type.value} {hit.value} {hit.span.text!r}" if hit else "-"
        print(f"  {'ok ' if ok else 'BAD'} {g['text']!r} {g['type']} {g['value']}: {got}")
    return bad


def check_places(text: str, gold: dict) -> int:
    """Print each gold place against the place found over it; return how many differ."""
    found = find_places(text)
    print(f"places: {len(found)} found, {len(gold['places'])} in the reference")
    bad = 0
    for g in gold["places"]:
        hit = _overlapping(found, *g["span"])
        ok = (
            hit is not None
            and hit.country == g["country"]
            and hit.kind.value == g["kind"]
            and (g.get("geonameid") is None or hit.geonameid == g["geonameid"])
        )
        bad += not ok
        got = f"{hit.name} {hit.kind.value} {hit.country} {hit.geonameid}" if hit else "-"
        print(f"  {'ok ' if ok else 'BAD'} {g['text']!r} {g['kind']} {g['country']}: {got}")
    return bad


if __name__ == "__main__":
    sys.exit(main())
