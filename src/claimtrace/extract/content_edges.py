"""A small learned model of where a content ends at a clause boundary.

PolNeAR splits on clause edges: a content followed by ", but ...", "; ...", ", which ...",
"because ..." or ", focusing on ..." sometimes takes the clause in and sometimes leaves it
out, so no single hand rule fixes the tagger's late and early content ends. This module
looks at every *candidate boundary* after the start of a content (a comma, semicolon,
colon, dash or parenthesis, or a linking word such as "because", "but", "and", "which")
and scores, from the words around it, how likely the content goes on past it. The model
is a binary logistic regression over sparse, general features (the boundary and the words
after it, whether the next clause has its own subject or finite verb, whether a quotation
is open, how far the content and the sentence have come, the cue's last word), trained on
the gold contents of PolNeAR *train* by ``training/attribution/train_content_edges.py``;
its weights are a small JSON file (``claimtrace/data/content_edges.json``), so nothing
beyond the standard library is needed at run time.

:func:`learned_content_end` applies it after the tagger, but only where the tagger itself
is unsure: at these boundaries on PolNeAR dev the model alone is right less often than the
accurate tagger, whether it would cut a content or carry it on; but where the tagger's own
CRF marginal doubts that the boundary is still in the content, the model tells the
boundaries to cut at from the ones to keep. Thresholds chosen on PolNeAR dev.
"""

from __future__ import annotations

import functools
import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from claimtrace.data import read_json
from claimtrace.model import Span

MODEL_FILE = "content_edges.json"
#: ``doc.user_data`` key under which a tagger leaves, per token, its probability that the
#: token is in a content (the accurate tagger's CRF marginals; None for white space)
CONTENT_PROB = "ct_content_prob"

_TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|--|[^\w\s]")
#: punctuation at which a clause may begin
_PUNCT_BOUNDARIES = frozenset([",", ";", ":", "—", "–", "--", "(", "-"])
#: words that may open a clause that a content takes in or leaves out
_WORD_BOUNDARIES = frozenset(
    [
        "after",
        "because",
        "when",
        "while",
        "before",
        "since",
        "as",
        "if",
        "unless",
        "although",
        "though",
        "until",
        "whereas",
        "but",
        "and",
        "or",
        "so",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "including",
        "despite",
        "amid",
        "saying",
        "adding",
        "noting",
        "than",
        "even",
    ]
)
_SUBJECTS = frozenset(
    ["i", "you", "he", "she", "it", "we", "they", "who", "there", "this", "that", "these", "those"]
)
_AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "'s",
        "'re",
        "'ve",
        "'d",
        "'ll",
    ]
)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
    ]
)
_QUOTE_CHARS = frozenset('“”"')


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation marks of ``text[start:end]``, with their character offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def sentence_end(text: str, start: int) -> int:
    """Where the sentence holding ``start`` ends: before the first ``.?!`` that is followed
    by white space and a capital, quotation mark or line break, or before a line break."""
    m = re.compile(r"[.?!]+[”’\"']*(?=\s+[\"“'‘(A-Z0-9]|\s*$)|\n").search(text, start)
    return m.start() if m else len(text)


def _bucket(n: int, edges: Sequence[int]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _shape(word: str) -> str:
    low = word.lower()
    if low.endswith("ing"):
        return "ing"
    if low.endswith("ed"):
        return "ed"
    if word[:1].isupper():
        return "cap"
    if word[:1].isdigit():
        return "num"
    return "low" if word[:1].isalpha() else "punct"


def boundaries(toks: Sequence[Token]) -> list[int]:
    """Indices into ``toks`` of the tokens that open a candidate boundary (a comma before a
    linking word is the boundary, not the word)."""
    out = []
    for i, t in enumerate(toks):
        if i == 0:
            continue
        if t.text in _PUNCT_BOUNDARIES:
            if t.text == "-" and not (
                toks[i - 1].end < t.start and i + 1 < len(toks) and t.end < toks[i + 1].start
            ):
                continue  # a hyphen, not a dash
            out.append(i)
        elif t.lower in _WORD_BOUNDARIES and toks[i - 1].text not in _PUNCT_BOUNDARIES:
            out.append(i)
    return out


def _quote_open(text: str, start: int, end: int) -> bool:
    """Whether a quotation opened in ``text[start:end]`` is still open at ``end``."""
    depth = 0
    for ch in text[start:end]:
        if ch == "“":
            depth = 1
        elif ch == "”":
            depth = 0
        elif ch == '"':
            depth = 1 - depth
    return depth == 1


def boundary_features(
    text: str, toks: Sequence[Token], i: int, content_start: int, cue_word: str, n_before: int
) -> list[str]:
    """Features of the boundary opened by ``toks[i]`` for a content starting at
    ``content_start`` (``toks`` run from the content start to the sentence end)."""
    b = toks[i].lower
    after = [t for t in toks[i + 1 : i + 7]]
    words = [t.lower for t in after]
    w1 = words[0] if words else "<end>"
    w2 = words[1] if len(words) > 1 else "<end>"
    prev = toks[i - 1].lower
    # the next clause's subject and verb, up to the next punctuation mark
    clause = []
    for t in after:
        if t.text in _PUNCT_BOUNDARIES or t.text in ".?!":
            break
        clause.append(t)
    low = [t.lower for t in clause]
    skip = 1 if low[:1] and low[0] in _WORD_BOUNDARIES else 0
    head = low[skip : skip + 3]
    feats = [
        f"b={b}",
        f"b1={b} {w1}",
        f"b12={b} {w1} {w2}",
        f"shape1={b} {_shape(after[0].text) if after else 'end'}",
        f"prev={prev}",
        f"bprev={b} {prev}",
    ]
    if head[:1] and head[0] in _SUBJECTS:
        feats.append(f"subj={b}")
    elif head[:1] and head[0] in _DETERMINERS:
        feats.append(f"det={b}")
    elif head[:1] and clause[skip : skip + 1] and clause[skip].text[:1].isupper():
        feats.append(f"name={b}")
    if any(w in _AUXILIARIES for w in low):
        feats.append(f"aux={b}")
    if any(w.endswith("ed") and len(w) > 4 for w in low[skip : skip + 4]):
        feats.append(f"ed={b}")
    if len(clause) < len(after):
        feats.append(f"short={b}")
    quoted = _quote_open(text, content_start, toks[i].start)
    feats.append(f"q={b} {quoted}")
    if any(ch in _QUOTE_CHARS for ch in text[toks[i].start : toks[-1].end]):
        feats.append(f"qafter={b}")
    n_so_far = sum(1 for t in toks[:i] if t.text[:1].isalnum())
    n_rest = sum(1 for t in toks[i:] if t.text[:1].isalnum())
    feats.append(f"len={b} {_bucket(n_so_far, (2, 5, 10, 20))}")
    feats.append(f"rest={b} {_bucket(n_rest, (3, 6, 10, 20))}")
    feats.append(f"nb={b} {_bucket(n_before, (0, 1, 3))}")
    if any(t.lower == b for t in toks[:i]):
        feats.append(f"again={b}")
    feats += [f"nw={b} {w}" for w in low[skip:]]
    if i >= 2:
        feats.append(f"prev2={b} {toks[i - 2].lower} {prev}")
    feats.append(f"first={b} {toks[0].lower}")
    feats.append(f"cue={cue_word}")
    feats.append(f"cueb={cue_word} {b}")
    return feats


def candidate_points(
    text: str, start: int, limit: int, cue_word: str
) -> list[tuple[int, int, list[str]]]:
    """Each candidate boundary after ``start`` up to ``limit`` (a sentence end) as (where a
    content would end there, where the text past the boundary begins, its features)."""
    toks = tokens(text, start, limit)
    out = []
    for n, i in enumerate(boundaries(toks)):
        feats = boundary_features(text, toks, i, start, cue_word, n)
        out.append((toks[i - 1].end, toks[i].start, feats))
    return out


def cue_word(text: str, cue: Sequence[Span]) -> str:
    """The cue's last word, lower-cased (a crude lemma: its inflection is a feature too)."""
    words = re.findall(r"\w+", text[cue[-1].start : cue[-1].end]) if cue else []
    return words[-1].lower() if words else "<none>"


@functools.cache
def load_model() -> dict[str, Any] | None:
    """The shipped weights, or None when the data file is absent or the model is switched
    off (``CLAIMTRACE_CONTENT_EDGES=off``, to measure what it changes)."""
    if os.environ.get("CLAIMTRACE_CONTENT_EDGES", "").lower() == "off":
        return None
    model: dict[str, Any] | None = read_json(MODEL_FILE, missing_ok=True)
    return model


def p_continue(feats: Sequence[str], model: dict[str, Any]) -> float:
    """The model's probability that the content goes on past the boundary."""
    weights: dict[str, float] = model["weights"]
    z = model["intercept"] + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-z))


def content_prob_of(doc) -> Callable[[int], float | None] | None:
    """The tagger's content probability of the token starting at a character offset of
    ``doc`` (None between tokens), or None when the tagger left none (the CNN tagger)."""
    probs = doc.user_data.get(CONTENT_PROB) if doc is not None else None
    if not probs:
        return None
    by_start = {t.idx: p for t, p in zip(doc, probs, strict=True)}
    return by_start.get


def learned_content_end(
    text: str,
    claim_spans,
    content_prob: Callable[[int], float | None],
    model: dict[str, Any] | None = None,
):
    """Cut a content that follows its cue at the first clause boundary inside it where the
    tagger was unsure and the model is confident the content stops.

    ``content_prob(at)`` is the tagger's probability that the token starting at character
    ``at`` belongs to a content (its CRF marginal; None where it has none). The cut is made
    where that probability is below the model's ``gate`` and the model's probability of
    going on is below ``cut`` (both chosen on PolNeAR dev). On dev the model alone is less
    often right than the tagger at these boundaries, and it never helps to carry a content
    on past where the tagger stopped, so only cuts are made, only where the tagger doubts."""
    model = model if model is not None else load_model()
    source, cue, content, conf = claim_spans
    if not model or not cue or not content:
        return claim_spans
    last = content[-1]
    if last.start < cue[-1].end:
        return claim_spans
    limit = sentence_end(text, last.start)
    if limit < last.end:
        return claim_spans
    for end, after, feats in candidate_points(text, last.start, limit, cue_word(text, cue)):
        if end >= last.end:
            break
        prob = content_prob(after)
        if prob is None or prob >= model["gate"]:
            continue
        if p_continue(feats, model) < model["cut"]:
            if any(ch in _QUOTE_CHARS for ch in text[end : last.end]):
                return claim_spans
            kept = (*content[:-1], Span.of(text, last.start, end))
            return (source, cue, kept, conf)
    return claim_spans


__all__ = [
    "CONTENT_PROB",
    "boundary_features",
    "candidate_points",
    "content_prob_of",
    "learned_content_end",
    "load_model",
    "p_continue",
]
