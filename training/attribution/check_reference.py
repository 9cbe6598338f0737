"""Compare attributions with the hand-made analysis of the reference article.

The reference article (../shared/examples/nk-troops-russia.txt) is a spec by example, not a
test set: no rule, lexicon entry or test exists for its wording. For each gold claim this
prints the claimtrace claim that shares its cue or content (if any), and whether source,
kind, entity and via-chain agree.

    PYTHONPATH=src python training/attribution/check_reference.py [--model blank|PATH]
"""

from __future__ import annotations

import argparse
import re
import sys

from claimtrace.evaluation.attribution import attribution_pipeline
from claimtrace.evaluation.shared import reference_article


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="blank")
    parser.add_argument("--tagger", default="default")
    args = parser.parse_args()
    reference = reference_article()
    if reference is None:
        print("../shared not found", file=sys.stderr)
        return 2
    text, gold = reference
    doc = attribution_pipeline(args.model, tagger=args.tagger)(text)
    claims = doc._.ct_claims
    ok_all = 0
    for g in gold["claims"]:
        cue = tuple(g["cue"]["span"])
        content = tuple(g["content"]["span"])
        match = (
            next(
                (
                    c
                    for c in claims
                    if c.cue
                    and _overlap((c.cue[0].start, c.cue[-1].end), cue)
                    and any(_overlap((s.start, s.end), content) for s in c.content)
                ),
                None,
            )
            or next(
                (c for c in claims if any(_overlap((s.start, s.end), content) for s in c.content)),
                None,
            )
            or next(
                (c for c in claims if c.cue and _overlap((c.cue[0].start, c.cue[-1].end), cue)),
                None,
            )
        )
        gsrc = g["source"]["span"] if g.get("source") else None
        if match is None:
            print(f"MISSING  {g['cue']['text']!r}: {g['content']['text'][:60]!r}")
            continue
        src_ok = (not gsrc and not match.source) or (
            gsrc and match.source and _overlap((match.source[0].start, match.source[-1].end), gsrc)
        )
        kind_ok = match.source_kind.value == g["source_kind"]
        ent = match.source_entity
        gent = g.get("source_entity") or ""
        ent_ok = (ent is None and not gent) or (
            ent is not None and bool(_words(ent.id.replace("-", " ")) & _words(gent))
        )
        gvia = [v["source"] for v in g.get("via", [])]
        via_ok = [v.source[0].text for v in match.via] == gvia
        ok = bool(src_ok and kind_ok and ent_ok and via_ok)
        ok_all += ok
        print(
            f"{'OK      ' if ok else 'DIFFERS '} {g['cue']['text']!r}: source "
            f"{[s.text for s in match.source]} ({'ok' if src_ok else 'gold ' + repr(gsrc)}), "
            f"kind {match.source_kind.value} ({'ok' if kind_ok else 'gold ' + g['source_kind']}), "
            f"entity {ent.id if ent else None} (gold {gent!r}), via "
            f"{[v.source[0].text for v in match.via]} ({'ok' if via_ok else 'gold ' + str(gvia)})"
        )
    print(
        f"\n{ok_all}/{len(gold['claims'])} reference claims found with source, kind, entity "
        f"and via-chain right; {len(claims)} claims predicted"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
