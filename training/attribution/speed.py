"""CPU time of the attribution step against a base pipeline, on PolNeAR dev texts.

    PYTHONPATH=src python training/attribution/speed.py BASE_PIPELINE [TAGGER] [N_DOCS]

Prints words per CPU-second of the base pipeline (``nlp.pipe``) and of the attribution
step (the role tagger and the rules), and the share of base-only speed left when both run.
"""

from __future__ import annotations

import json
import sys
import time

import spacy

from claimtrace.evaluation.shared import shared_dir
from claimtrace.extract.attribution import extract_attributions, load_tagger

DEFAULT_TAGGER = "src/claimtrace/models/attribution_tagger"


def main(base_path: str, tagger_path: str = DEFAULT_TAGGER, n_docs: int = 40) -> None:
    dev = shared_dir() / "corpora" / "polnear" / "dev.jsonl"
    with open(dev, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()][: int(n_docs)]
    words = sum(len(t.split()) for t in texts)
    base = spacy.load(base_path)
    tagger = load_tagger(tagger_path)

    def cpu(f) -> float:
        start = time.process_time()
        f()
        return time.process_time() - start

    for _ in range(2):
        tb = cpu(lambda: list(base.pipe(texts)))
        ta = cpu(
            lambda: [
                extract_attributions(t, tagged=d)
                for t, d in zip(texts, tagger.pipe(texts), strict=True)
            ]
        )
        print(
            f"words={words} base {words / tb:.0f} w/s  attribution {words / ta:.0f} w/s  "
            f"base+attribution = {tb / (tb + ta):.2f} of base alone"
        )


if __name__ == "__main__":
    main(*sys.argv[1:])
