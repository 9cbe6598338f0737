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
import sys
from pathlib import Path

from package import replace_keeping_card  # training/attribution/package.py, beside this one

from claimtrace.extract.attribution_transformer import TAGGER_FILE, TransformerRoleTagger

DEST = (
    Path(__file__).resolve().parents[2] / "src" / "claimtrace" / "models" / "attribution_accurate"
)


def main(src: str) -> None:
    tagger = TransformerRoleTagger.load(src)
    trained_on = json.loads((Path(src) / TAGGER_FILE).read_text("utf-8")).get("trained_on", "")
    replace_keeping_card(DEST, lambda dest: tagger.save(dest, trained_on=trained_on, int8=True))


if __name__ == "__main__":
    main(sys.argv[1])
