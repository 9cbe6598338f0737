"""Sample the articles of the source-resolution gold set and rebuild their text.

    python eval/tools/sample_sources_articles.py CORPORA > eval/gold/sources-articles.jsonl

(CORPORA: the shared corpora folder, ../shared/corpora from a worktree.)

Eight batches, printed one after the other:

- session 3 (random.seed(20261126)): 20 ECB+ documents (any topic; text rebuilt from the
  XML tokens, one line per sentence, the URL line of ecbplus documents dropped) and 12 FNC-1
  train bodies (800..4000 characters). Each article goes to dev or test by a seeded draw
  (half each).
- batch b8, session 8 (random.seed(20261207)): 8 more ECB+ documents and 8 more FNC-1
  bodies drawn the same way, skipping every document of the first batch and, for FNC-1,
  the bodies of the stance gold set ``eval/gold/stance-fnc1-b5.jsonl``; all go to split
  ``dev2`` (fresh articles nobody had tuned on when they were labelled).
- batch b9, session 9 (random.seed(20261208)): 8 more ECB+ documents and 8 more FNC-1
  bodies drawn the same way, skipping every document of the two earlier batches and the
  FNC-1 bodies of the stance gold set; all go to split ``dev3`` (labelled blind, from the
  text alone, before claimtrace was run on them).
- batch b11, session 10 (random.seed(20261209)): 6 more ECB+ documents and 6 more FNC-1
  bodies drawn the same way, skipping every document of the three earlier batches and the
  FNC-1 bodies of the stance gold set; all go to split ``dev4`` (labelled blind, as b9).
- batch b13, session 11 (random.seed(20261211)): 6 more ECB+ documents and 6 more FNC-1
  bodies drawn the same way, skipping every document of the four earlier batches and the
  FNC-1 bodies of the stance gold set; all go to split ``dev5`` (labelled blind, as b9).
- batch b14, session 11 (random.seed(20261212)): 6 more ECB+ documents and 6 more FNC-1
  bodies drawn the same way, skipping every document of the five earlier batches and the
  FNC-1 bodies of the stance gold set; all go to split ``dev6`` (labelled blind, as b9).
- batch b15, session 12 (random.seed(20261213)): 6 more ECB+ documents and 6 more FNC-1
  bodies drawn the same way, skipping every document of the six earlier batches and the
  FNC-1 bodies of the stance gold set; all go to split ``dev7`` (labelled blind, as b9).
- batch b17, session 12 (random.seed(20261215)): 6 more ECB+ documents and 6 more FNC-1
  bodies drawn the same way, skipping every document of the seven earlier batches, the
  FNC-1 bodies of the stance gold set and those of the stance batch b16
  (``eval/gold/stance-fnc1-b16.jsonl``; skipped for this batch only: skipping them from b8
  on would change the earlier draws); all go to split ``dev8`` (labelled blind, as b9).

The gold file (eval/gold/sources-*.jsonl) stores the rebuilt text together with its sha256,
so scoring needs no corpus; ``ecbplus_text`` is the reconstruction.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261126
N_ECB = 20
N_FNC = 12
B8_SEED = 20261207
B8_ECB = 8
B8_FNC = 8
B9_SEED = 20261208
B9_ECB = 8
B9_FNC = 8
B11_SEED = 20261209
B11_ECB = 6
B11_FNC = 6
B13_SEED = 20261211
B13_ECB = 6
B13_FNC = 6
B14_SEED = 20261212
B14_ECB = 6
B14_FNC = 6
B15_SEED = 20261213
B15_ECB = 6
B15_FNC = 6
B17_SEED = 20261215
B17_ECB = 6
B17_FNC = 6
#: the fresh batches drawn after the first: (seed, ECB+ documents, FNC-1 bodies, split)
FRESH_BATCHES = (
    (B8_SEED, B8_ECB, B8_FNC, "dev2"),
    (B9_SEED, B9_ECB, B9_FNC, "dev3"),
    (B11_SEED, B11_ECB, B11_FNC, "dev4"),
    (B13_SEED, B13_ECB, B13_FNC, "dev5"),
    (B14_SEED, B14_ECB, B14_FNC, "dev6"),
    (B15_SEED, B15_ECB, B15_FNC, "dev7"),
    (B17_SEED, B17_ECB, B17_FNC, "dev8"),
)
STANCE_GOLD = Path(__file__).resolve().parents[1] / "gold/stance-fnc1-b5.jsonl"
#: the stance gold batch b16 (session 12): its FNC-1 bodies are skipped from batch b17 on
#: only, so that the draws of the earlier batches stay as they were
STANCE_GOLD_B16 = Path(__file__).resolve().parents[1] / "gold/stance-fnc1-b16.jsonl"
STANCE_B16_FROM = "dev8"


def stance_bodies(path: Path) -> set[str]:
    """The FNC-1 Body IDs of a stance gold file."""
    return {
        str(json.loads(line)["doc_id"])
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    }


def ecbplus_text(path: Path) -> str:
    """One line per ECB+ sentence, tokens joined with the usual detokenisation."""
    toks: dict[int, list[str]] = {}
    for m in re.finditer(
        r'<token t_id="\d+" sentence="(\d+)"[^>]*>([^<]*)</token>', path.read_text("utf-8")
    ):
        toks.setdefault(int(m.group(1)), []).append(html.unescape(m.group(2)))
    lines = []
    for _sid, words in sorted(toks.items()):
        s = " ".join(words)
        if re.match(r"^https?\s*:", s):
            continue
        s = re.sub(r" ([,.;:!?%)\]])", r"\1", s)
        s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
        s = s.replace("( ", "(").replace("[ ", "[").replace("$ ", "$")
        # quotation marks: ``/'' and alternating straight quotes become curly ones
        s = s.replace("``", "\u201c").replace("''", "\u201d")
        parts = s.split('"')
        if len(parts) > 1 and len(parts) % 2 == 1:
            s = "".join(
                p + ("\u201c" if i % 2 == 0 else "\u201d") for i, p in enumerate(parts[:-1])
            )
            s += parts[-1]
        s = re.sub("\u201c ", "\u201c", s)
        s = re.sub(" \u201d", "\u201d", s)
        s = re.sub(r"\s+", " ", s).strip()
        lines.append(s)
    return "\n".join(lines) + "\n"


def pick_ecb(rng: random.Random, files: list[Path], n: int, skip: set[str]) -> list:
    """``n`` ECB+ documents of at least 4 sentences, in the order of a seeded shuffle."""
    picked = []
    for p in rng.sample(files, len(files)):
        if p.stem in skip:
            continue
        t = ecbplus_text(p)
        if len(t.splitlines()) >= 4:
            picked.append((p, t))
        if len(picked) == n:
            break
    return picked


def emit(corpus: str, doc: str, split: str, text: str) -> None:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    row = {"doc": f"{corpus}:{doc}", "corpus": corpus, "split": split, "sha256": digest}
    print(json.dumps({**row, "text": text}, ensure_ascii=False))


def main() -> None:
    root = Path(sys.argv[1])
    rng = random.Random(SEED)
    ecb = sorted((root / "ecbplus/ECB+").glob("*/*.xml"), key=lambda p: p.name)
    ecb_pick = pick_ecb(rng, ecb, N_ECB, set())
    csv.field_size_limit(10**9)
    with open(root / "fnc1/train_bodies.csv", encoding="utf-8") as fh:
        bodies = [r for r in csv.DictReader(fh) if 800 <= len(r["articleBody"]) <= 4000]
    bodies.sort(key=lambda r: int(r["Body ID"]))
    fnc_pick = rng.sample(bodies, N_FNC)
    arts = [("ecbplus", p.stem, t) for p, t in ecb_pick]
    arts += [("fnc1", r["Body ID"], r["articleBody"].strip() + "\n") for r in fnc_pick]
    order = list(range(len(arts)))
    rng.shuffle(order)
    test = set(order[: len(arts) // 2])
    for i, (corpus, doc, text) in enumerate(arts):
        emit(corpus, doc, "test" if i in test else "dev", text)

    # batches b8 .. b17: fresh documents, none of the earlier batches nor of the FNC-1
    # bodies of the stance gold set (b5; from b17 on also b16)
    ecb_used = {p.stem for p, _t in ecb_pick}
    used = {r["Body ID"] for r in fnc_pick}
    used |= stance_bodies(STANCE_GOLD)
    for seed, n_ecb, n_fnc, split in FRESH_BATCHES:
        if split == STANCE_B16_FROM:
            used |= stance_bodies(STANCE_GOLD_B16)
        rng = random.Random(seed)
        picked = pick_ecb(rng, ecb, n_ecb, ecb_used)
        for p, t in picked:
            emit("ecbplus", p.stem, split, t)
        fresh = [r for r in bodies if r["Body ID"] not in used]
        chosen = rng.sample(fresh, n_fnc)
        for r in chosen:
            emit("fnc1", r["Body ID"], split, r["articleBody"].strip() + "\n")
        ecb_used |= {p.stem for p, _t in picked}
        used |= {r["Body ID"] for r in chosen}


if __name__ == "__main__":
    main()
