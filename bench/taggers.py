"""Speed of the attribution role taggers: the shipped CNN tagger against the accurate one.

Both tag the same texts in the same process, one after the other; the printed ratio
(accurate / CNN words per CPU-second) is what to compare across machines. The accurate
tagger needs the ``accurate`` extra; it is the one ``--tagger accurate`` loads (a built one,
else the shipped one).

    OMP_NUM_THREADS=1 python bench/taggers.py --limit 20
    python bench/taggers.py --texts my.jsonl          # any JSONL with a "text" field
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from throughput import DEFAULT_TEXTS, load_texts

from claimtrace.extract.attribution import load_tagger
from claimtrace.nlp.factories import tagger_path


def cpu_seconds(tagger, texts: list[str], repeats: int) -> float:
    """The least CPU time of ``repeats`` passes of ``tagger`` over ``texts``."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for text in texts:
            tagger(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--limit", type=int, default=20, help="use the first N texts")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()

    texts = load_texts(args.texts, args.limit)
    taggers = {name: load_tagger(tagger_path(name)) for name in ("fast", "accurate")}
    words = sum(len(taggers["fast"].make_doc(t)) for t in texts)
    speed = {}
    for name, tagger in taggers.items():
        tagger(texts[0])  # lazy loads and caches, outside the timing
        speed[name] = words / cpu_seconds(tagger, texts, args.repeats)
        print(f"{name:<10}{speed[name]:>10,.0f} words per CPU-second  ({tagger_path(name)})")
    print(f"texts: {len(texts)}  words: {words:,}")
    print(f"ratio accurate/CNN: {speed['accurate'] / speed['fast']:.2f}")


if __name__ == "__main__":
    main()
