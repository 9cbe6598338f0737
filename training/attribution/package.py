"""Copy a trained role tagger into the package (src/claimtrace/models/attribution_tagger).

python training/attribution/package.py training/output/attribution/model/model-best
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import spacy

DEST = Path(__file__).resolve().parents[2] / "src" / "claimtrace" / "models" / "attribution_tagger"
CARD = "MODEL_CARD.md"


def main(src: str) -> None:
    nlp = spacy.load(src)
    nlp.meta["name"] = "claimtrace_attribution_tagger"
    nlp.meta["description"] = (
        "PolNeAR attribution roles (SOURCE, CUE, CONTENT) as spans; "
        "trained on PolNeAR v1.0.0 train (research-only data)"
    )
    nlp.meta["license"] = "research-only (trained on PolNeAR; see MODEL_CARD.md)"
    card = DEST / CARD
    kept = card.read_text("utf-8") if card.is_file() else None
    if DEST.exists():
        shutil.rmtree(DEST)
    DEST.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(DEST)
    if kept is not None:
        card.write_text(kept, "utf-8")
    size = sum(p.stat().st_size for p in DEST.rglob("*") if p.is_file())
    print(f"{DEST} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(sys.argv[1])
