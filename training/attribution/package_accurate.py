"""Copy a trained accurate (MiniLM) role tagger into the package, its encoder in int8.

    python training/attribution/package_accurate.py ~/.cache/claimtrace/models/attribution_accurate

Writes src/claimtrace/models/attribution_accurate (about 24 MB instead of 45 MB in fp16):
every matrix of the fine-tuned encoder is stored as int8 rows with one scale per row
(:func:`claimtrace.extract.attribution_transformer.quantize_rows`), the rest in fp16; the
tag layer, shape vectors and CRF are copied as they are. The tagger is loaded back in fp32,
so tagging is as fast as before. The model card kept in the destination survives.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from claimtrace.extract.attribution_transformer import TAGGER_FILE, TransformerRoleTagger

DEST = (
    Path(__file__).resolve().parents[2] / "src" / "claimtrace" / "models" / "attribution_accurate"
)
CARD = "MODEL_CARD.md"


def main(src: str) -> None:
    tagger = TransformerRoleTagger.load(src)
    trained_on = json.loads((Path(src) / TAGGER_FILE).read_text("utf-8")).get("trained_on", "")
    card = DEST / CARD
    kept = card.read_text("utf-8") if card.is_file() else None
    if DEST.exists():
        shutil.rmtree(DEST)
    tagger.save(DEST, trained_on=trained_on, int8=True)
    if kept is not None:
        card.write_text(kept, "utf-8")
    size = sum(p.stat().st_size for p in DEST.rglob("*") if p.is_file())
    print(f"{DEST} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(sys.argv[1])
