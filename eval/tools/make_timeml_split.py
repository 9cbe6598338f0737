"""Write a reproducible dev/test split of a folder of TimeML files (eval/splits/*.json).

Rule: every file name (without ``.tml``) is ranked by the SHA-256 of ``SEED + name``; the
first half (rounded down) is ``dev``, the rest ``test``. It needs no random generator, so any
language reproduces it from the file names alone. The seed is fixed in the output file.

    python eval/tools/make_timeml_split.py ../shared/corpora/tempeval3/AQUAINT \
        --corpus tempeval3/AQUAINT > eval/splits/tempeval3-aquaint.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

SEED = "claimtrace-timeml-split-1:"


def split_names(names: list[str], seed: str = SEED) -> tuple[list[str], list[str]]:
    """(dev, test), each sorted: the first half of the names ranked by sha256(seed + name)."""
    ranked = sorted(names, key=lambda n: hashlib.sha256((seed + n).encode("utf-8")).hexdigest())
    half = len(ranked) // 2
    return sorted(ranked[:half]), sorted(ranked[half:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--corpus", required=True, help="a name for the folder, e.g. tempeval3/AQUAINT")
    a = ap.parse_args()
    names = sorted(p.name.removesuffix(".tml") for p in a.folder.glob("*.tml"))
    dev, test = split_names(names)
    out = {
        "corpus": a.corpus,
        "rule": "files ranked by sha256(seed + file name without .tml); first half (rounded "
        "down) = dev, rest = test",
        "seed": SEED,
        "dev": dev,
        "test": test,
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
