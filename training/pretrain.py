"""Pretrain the fast tier's CNN token encoder on raw news text (`spacy pretrain`).

    python training/pretrain.py --out training/runs/pretrain --max-epochs 6
    python training/train.py --tier fast --init-tok2vec training/runs/pretrain/model5.bin

Raw text: the article texts of PolNeAR's *train* split (news of 2015-16) and the FNC-1 article
bodies (Emergent rumour news, 2014-15), minus every FNC-1 body that any claimtrace gold file
(eval/gold/*.jsonl) annotates, so no evaluated text is seen even without its labels. Neither
corpus carries a licence for the texts (research use; see their PROVENANCE/README): the weights
of a pipeline initialised this way are a derived work of research-use news text, recorded in
the model's meta.json by train.py.

The objective is spaCy's character objective (predict the first and last four characters of
each word from its context), which needs no static vectors. The encoder's architecture is read
from training/configs/fast.cfg, so the weights fit `[initialize] init_tok2vec` of that config.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Pieces longer than this many whitespace words are cut: spaCy's JsonlCorpus skips documents
# over its max_length (500 tokens) instead of cutting them.
MAX_WORDS = 300


def gold_fnc1_bodies(gold_dir: Path) -> set[str]:
    """FNC-1 body ids that any gold file annotates (by a "corpus": "fnc1" record or an
    "fnc1:<id>" document name)."""
    ids: set[str] = set()
    for path in sorted(gold_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("corpus") == "fnc1" and rec.get("doc_id") is not None:
                ids.add(str(rec["doc_id"]))
            for key in ("doc", "id", "doc_id"):
                value = str(rec.get(key) or "")
                if value.startswith("fnc1:"):
                    ids.add(value.split(":", 1)[1].split("#", 1)[0])
    return ids


def pieces(text: str) -> list[str]:
    """Paragraphs of a text, each cut into runs of at most MAX_WORDS words."""
    out = []
    for para in re.split(r"\n\s*\n|\n", text):
        words = para.split()
        for i in range(0, len(words), MAX_WORDS):
            chunk = " ".join(words[i : i + MAX_WORDS])
            if len(chunk.split()) >= 5:
                out.append(chunk)
    return out


def write_raw_text(corpora: Path, out: Path) -> dict:
    """Write the pretraining text as JSON Lines ({"text": ...}); returns counts."""
    needed = [corpora / "polnear" / "train.jsonl", corpora / "fnc1" / "train_bodies.csv"]
    missing = [str(path) for path in needed if not path.is_file()]
    if missing:
        raise SystemExit(f"raw text not found: {', '.join(missing)} (set --corpora)")
    skip = gold_fnc1_bodies(ROOT / "eval" / "gold")
    n_docs = n_words = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for line in (corpora / "polnear" / "train.jsonl").open(encoding="utf-8"):
            for piece in pieces(json.loads(line)["text"]):
                f.write(json.dumps({"text": piece}) + "\n")
                n_words += len(piece.split())
            n_docs += 1
        csv.field_size_limit(sys.maxsize)
        with (corpora / "fnc1" / "train_bodies.csv").open(encoding="utf-8") as bodies:
            for row in csv.DictReader(bodies):
                if row["Body ID"] in skip:
                    continue
                for piece in pieces(row["articleBody"]):
                    f.write(json.dumps({"text": piece}) + "\n")
                    n_words += len(piece.split())
                n_docs += 1
    return {"documents": n_docs, "words": n_words, "fnc1_bodies_left_out": len(skip)}


def pretrain_config(raw_text: Path, max_epochs: int):
    """fast.cfg with spaCy's [pretraining] block for its tok2vec component."""
    from spacy.util import load_config

    config = load_config(HERE / "configs" / "fast.cfg")
    config["paths"]["raw_text"] = str(raw_text)
    config["corpora"]["pretrain"] = {
        "@readers": "spacy.JsonlCorpus.v1",
        "path": "${paths.raw_text}",
        "min_length": 5,
        "max_length": 500,
        "limit": 0,
    }
    config["pretraining"] = {
        "max_epochs": max_epochs,
        "dropout": 0.2,
        "n_save_every": None,
        "n_save_epoch": None,
        "component": "tok2vec",
        "layer": "",
        "corpus": "corpora.pretrain",
        "batcher": {
            "@batchers": "spacy.batch_by_words.v1",
            "size": 3000,
            "discard_oversize": False,
            "tolerance": 0.2,
            "get_length": None,
        },
        "objective": {
            "@architectures": "spacy.PretrainCharacters.v1",
            "maxout_pieces": 3,
            "hidden_size": 300,
            "n_characters": 4,
        },
        "optimizer": {
            "@optimizers": "Adam.v1",
            "beta1": 0.9,
            "beta2": 0.999,
            "L2_is_weight_decay": True,
            "L2": 0.01,
            "grad_clip": 1.0,
            "use_averages": True,
            "eps": 1e-8,
            "learn_rate": 0.001,
        },
    }
    return config


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--out", type=Path, default=HERE / "runs" / "pretrain")
    ap.add_argument("--max-epochs", type=int, default=6)
    args = ap.parse_args()
    raw = args.out / "raw_text.jsonl"
    counts = write_raw_text(args.corpora, raw)
    print(f"raw text: {counts}", flush=True)
    (args.out / "raw_text.json").write_text(json.dumps(counts, indent=1) + "\n")
    config = pretrain_config(raw, args.max_epochs)
    cfg_path = args.out / "pretrain.cfg"
    config.to_disk(cfg_path)
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, "-m", "spacy", "pretrain", str(cfg_path), str(args.out)]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env=env)


if __name__ == "__main__":
    main()
