"""Per-component time of the whole claimtrace analysis: seconds and share of the total.

Every component runs over all the Docs before the next one starts (through its ``pipe``
when it has one), so each figure is that component's own time on the same texts.

    python bench/profile_components.py                       # PolNeAR dev, shipped model
    python bench/profile_components.py --model blank --limit 20
    python bench/profile_components.py --cprofile claimtrace_stance   # hot functions
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from pathlib import Path

from claimtrace.api import _make_doc
from claimtrace.ingest import make_article
from claimtrace.nlp.pipeline import CLAIMTRACE_COMPONENTS, build_pipeline

DEFAULT_TEXTS = Path(__file__).resolve().parents[2] / "shared/corpora/polnear/dev.jsonl"


def load_texts(path: Path, limit: int | None) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    return texts[:limit] if limit else texts


def run_component(component, docs: list) -> None:
    if hasattr(component, "pipe"):
        for _ in component.pipe(docs):
            pass
    else:
        for doc in docs:
            component(doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--model", default=None, help="base pipeline (default: shipped fast)")
    parser.add_argument("--limit", type=int, default=40, help="use the first N texts")
    parser.add_argument("--cprofile", metavar="COMPONENT", help="print a cProfile of one")
    args = parser.parse_args()

    texts = load_texts(args.texts, args.limit)
    nlp = build_pipeline(args.model)
    articles = [make_article(t, origin=str(i), require_english=False) for i, t in enumerate(texts)]
    # warm-up: lazy loads (lexicons, gazetteers, taggers) happen outside the timings
    for _ in nlp.pipe([_make_doc(nlp, a) for a in articles[:2]]):
        pass

    docs = [_make_doc(nlp, a) for a in articles]
    times: dict[str, float] = {}
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        if name == args.cprofile:
            profiler = cProfile.Profile()
            profiler.runcall(run_component, component, docs)
        else:
            run_component(component, docs)
        times[name] = time.perf_counter() - start

    total = sum(times.values())
    base = sum(t for n, t in times.items() if n not in CLAIMTRACE_COMPONENTS)
    print(f"texts: {len(texts)}  model: {nlp.meta.get('name')}")
    print(f"{'component':<26}{'seconds':>9}{'share':>8}")
    for name, seconds in times.items():
        print(f"{name:<26}{seconds:>9.2f}{seconds / total:>8.1%}")
    print(f"{'base pipeline':<26}{base:>9.2f}{base / total:>8.1%}")
    print(f"{'claimtrace components':<26}{total - base:>9.2f}{(total - base) / total:>8.1%}")
    print(f"{'total':<26}{total:>9.2f}")
    if args.cprofile:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
