"""Throughput: words per second of the base parse alone vs. the whole claimtrace analysis.

Both runs use the same texts and the same loaded base pipeline, in the same process, so
the printed ratio (analysis / parse) is comparable across machines. Design goal: >= 0.85.

    python bench/throughput.py                          # PolNeAR dev texts from ../shared
    python bench/throughput.py --model blank --limit 20
    python bench/throughput.py --texts my.jsonl         # any JSONL with a "text" field

The analysis uses the default role tagger (the accurate one where the ``accurate`` extra
is installed); ``CLAIMTRACE_TAGGER=fast`` measures it with the CNN tagger, as the figures in
docs/results.md were.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from claimtrace.api import analyze_articles
from claimtrace.evaluation.shared import shared_dir
from claimtrace.ingest import make_article
from claimtrace.nlp.pipeline import CLAIMTRACE_COMPONENTS, build_pipeline

_SHARED = shared_dir()
DEFAULT_TEXTS = _SHARED / "corpora/polnear/dev.jsonl" if _SHARED else None
EXAMPLE = Path(__file__).resolve().parents[1] / "src/claimtrace/examples/nk-troops-russia.txt"


def load_texts(path: Path | None, limit: int | None) -> list[str]:
    if path is not None and path.is_file():
        with path.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle if line.strip()]
    else:
        print(f"(no PolNeAR texts at {path}; using the shipped example article x 50)")
        texts = [EXAMPLE.read_text(encoding="utf-8")] * 50
    return texts[:limit] if limit else texts


def best_of(repeats: int, run) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--model", default=None, help="base pipeline (default: shipped fast)")
    parser.add_argument("--limit", type=int, default=None, help="use the first N texts")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    texts = load_texts(args.texts, args.limit)
    nlp = build_pipeline(args.model)
    articles = [make_article(t, origin=str(i), require_english=False) for i, t in enumerate(texts)]
    words = sum(len(nlp.make_doc(t)) for t in texts)
    base = [name for name in nlp.pipe_names if name not in CLAIMTRACE_COMPONENTS]

    def parse_only() -> None:
        with nlp.select_pipes(enable=base):
            for _ in nlp.pipe(texts, batch_size=16):
                pass

    def full() -> None:
        for _ in analyze_articles(articles, nlp=nlp):
            pass

    parse_only()  # warm up caches and lazy loads once, outside the timings
    parse_s = best_of(args.repeats, parse_only)
    full_s = best_of(args.repeats, full)
    print(
        f"texts: {len(texts)}  words: {words:,}  model: {nlp.meta.get('name')}  "
        f"base: {','.join(base)}"
    )
    print(f"{'parse only':<22}{words / parse_s:>12,.0f} words/s")
    print(f"{'claimtrace analysis':<22}{words / full_s:>12,.0f} words/s")
    print(f"ratio analysis/parse: {parse_s / full_s:.2f}  (design goal >= 0.85)")


if __name__ == "__main__":
    main()
