"""Copy a trained role tagger into the package (src/claimtrace/models/attribution_tagger).

python training/attribution/package.py training/output/attribution/model/model-best
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import spacy

import claimtrace.extract.attribution_model  # noqa: F401  (registers the tagger architecture)

DEST = Path(__file__).resolve().parents[2] / "src" / "claimtrace" / "models" / "attribution_tagger"
CARD = "MODEL_CARD.md"


def replace_keeping_card(dest: Path, write: Callable[[Path], None]) -> None:
    """Replace the folder ``dest`` by what ``write(dest)`` puts there, keeping the model
    card it held, and print its size."""
    card = dest / CARD
    kept = card.read_text("utf-8") if card.is_file() else None
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    write(dest)
    if kept is not None:
        card.write_text(kept, "utf-8")
    size = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
    print(f"{dest} ({size / 1e6:.1f} MB)")


def main(src: str) -> None:
    nlp = spacy.load(src)
    nlp.meta["name"] = "claimtrace_attribution_tagger"
    nlp.meta["description"] = (
        "PolNeAR attribution roles (SOURCE, CUE, CONTENT) as spans; "
        "trained on PolNeAR v1.0.0 train (research-only data)"
    )
    nlp.meta["license"] = "research-only (trained on PolNeAR; see MODEL_CARD.md)"
    replace_keeping_card(DEST, nlp.to_disk)


if __name__ == "__main__":
    main(sys.argv[1])
