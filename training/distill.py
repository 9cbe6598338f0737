"""Silver training data for the fast tier: raw news text annotated by the accurate tier.

    python training/distill.py --out training/corpus/silver/silver.spacy --max-words 600000
    python training/train.py --tier fast --silver training/corpus/silver/silver.spacy

The teacher is the fine-tuned MiniLM pipeline (`--model accurate-ft`, built by
`training/train.py --tier accurate`): its sentence starts, tags, morphology, lemmas,
dependency trees and entities are stored as if they were gold, and the fast tier is then
trained on the gold corpora plus this silver corpus (knowledge distillation by hard labels).
The raw text is the one `training/pretrain.py` uses (PolNeAR train articles and FNC-1 bodies
that no claimtrace gold file annotates; research-use texts), read paragraph by paragraph.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ROOT = HERE.parent


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--out", type=Path, required=True, help="DocBin to write (.spacy)")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--teacher", default="accurate-ft", help="a claimtrace model name or dir")
    ap.add_argument("--max-words", type=int, default=600_000)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()

    import torch
    from pretrain import write_raw_text
    from spacy.tokens import DocBin

    from claimtrace.nlp.pipeline import load_base

    torch.set_num_threads(args.threads)
    raw = args.out.with_suffix(".raw.jsonl")
    counts = write_raw_text(args.corpora, raw)
    texts, words = [], 0
    for line in raw.open(encoding="utf-8"):
        text = json.loads(line)["text"]
        texts.append(text)
        words += len(text.split())
        if words >= args.max_words:
            break
    teacher = load_base(args.teacher)
    attrs = [
        "ORTH",
        "TAG",
        "POS",
        "MORPH",
        "LEMMA",
        "DEP",
        "HEAD",
        "SENT_START",
        "ENT_IOB",
        "ENT_TYPE",
    ]
    docs = DocBin(attrs=attrs, store_user_data=False)
    t0 = time.time()
    for i, doc in enumerate(teacher.pipe(texts, batch_size=32), 1):
        docs.add(doc)
        if i % 500 == 0:
            print(f"{i}/{len(texts)} pieces, {time.time() - t0:.0f} s", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(args.out)
    meta = {
        "teacher": args.teacher,
        "pieces": len(texts),
        "words": words,
        "raw_text": counts,
        "seconds": round(time.time() - t0),
    }
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n")
    print(meta, flush=True)


if __name__ == "__main__":
    main()
