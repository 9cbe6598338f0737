"""A small learned stance signal that backs up the stance rules.

The rules of :mod:`claimtrace.extract.stance` are precise but miss many non-assert stances
worded in ways their lexicons do not list ("beat back the whisper campaign", "declined to
concur with that assessment"). This module holds a multinomial logistic regression over
sparse, general features of the attribution -- the cue's words and stems, a negation or
refusal in the cue, the first words of the content, a question mark, conditional and
denial markers -- and the rules' own label. It needs no third-party package at run time:
the weights are a small JSON file (``claimtrace/data/stance_model.json``) written by
``training/stance/train_stance_model.py`` from hand-labelled PolNeAR *train* attributions
(``training/stance/stance-polnear-train.jsonl``).

:func:`combine` decides: a non-assert label of the rules is kept; when the rules say
``assert``, the model's best non-assert label replaces it only if its probability reaches
the shipped threshold (chosen by cross-validation on the training labels and checked on the
gold dev split).
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

from claimtrace.data import read_json
from claimtrace.extract.stance import _joined, _norm
from claimtrace.model import Claim, Stance

MODEL_FILE = "stance_model.json"
HEAD_WORDS = 8  # content words whose identity is a feature
NEGATION = re.compile(r"\b(not|n't|never|no|nor|neither|without)\b|n't\b")
REFUSAL = re.compile(r"\b(declin|refus|avoid|reject|resist|decli)\w*")
CONDITIONAL = re.compile(r"\b(if|unless|as long as|provided that|only if|even if|otherwise)\b")
UNTRUE = re.compile(
    r"\b(not true|untrue|false|falsely|a lie|lies|lying|never happened|no evidence|myth|"
    r"fiction|nonsense|ridiculous|absurd|baseless|unfounded|wrong|incorrect|inaccurate|"
    r"misleading|misled|mischaracteri[sz]\w*|distort\w*|bogus|groundless|liar)\b"
)
#: nouns that make the object of a cue a claim ("rejected the notion", "challenged the assertion")
CLAIM_NOUN = re.compile(
    r"\b(claims?|allegations?|accusations?|reports?|assertions?|ideas?|notions?|suggestions?|"
    r"implications?|charges?|stor(y|ies)|rumou?rs?|speculation|criticism|critiques?|labels?|"
    r"terms?|characteri[sz]ations?|arguments?|theor(y|ies)|narrative|premise|assessments?|"
    r"remarks?|comments?|statements?|attacks?)\b"
)
#: verbs of telling, explaining or disclosing (a negated one is a refusal to state)
TELLING = re.compile(
    r"\b(say|said|says|explain\w*|disclos\w*|releas\w*|respon\w*|repl\w*|comment\w*|"
    r"answer\w*|reveal\w*|provid\w*|identif\w*|name|named|elaborat\w*|discuss\w*|confirm\w*|"
    r"specif\w*|detail\w*|apologi\w*|acknowledg\w*|return\w*)\b"
)
#: cue words with no stance of their own ("went on about", "talk of")
FUNCTION_WORDS = frozenset(
    [
        "about",
        "on",
        "of",
        "to",
        "for",
        "with",
        "in",
        "at",
        "by",
        "the",
        "a",
        "an",
        "that",
        "this",
        "over",
        "from",
        "into",
        "up",
        "out",
        "as",
        "against",
    ]
)
DETERMINERS = frozenset(["the", "a", "an", "any", "his", "her", "their", "its", "such"])
WH = frozenset(
    ["what", "why", "how", "when", "where", "who", "whom", "whose", "which", "whether", "if"]
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?|[?!]", _norm(text))


def _stem(word: str) -> str:
    """A crude suffix stripper: declined/declines/declining -> declin."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _ends_with_question(text: str) -> bool:
    return text.rstrip(" \n\"'”’),.—-").endswith("?")


def _claim_object(head: list[str]) -> bool:
    """The content opens with a claim noun as the cue's object: "the notion", "that
    assessment", "Trump's remarks", "the false accusations" (not "recommending charges")."""
    if not head:
        return False
    first = head[0]
    if first in DETERMINERS or first in ("that", "this", "these", "those") or first.endswith("'s"):
        # a determiner, then the noun or one adjective and the noun
        return any(CLAIM_NOUN.fullmatch(w) for w in head[1:3])
    return CLAIM_NOUN.fullmatch(first) is not None


CONTEXT_WORDS = 3  # words of the sentence on either side of the attribution's window


def _window(claim: Claim) -> tuple[int, int] | None:
    spans = [*claim.source, *claim.cue, *claim.content]
    if not spans:
        return None
    return min(s.start for s in spans), max(s.end for s in spans)


def context_features(text: str, claim: Claim) -> list[str]:
    """Features of the words around the attribution (``text`` is the article): the last
    words of its sentence before the window (``lw=``; "when asked", "did not"), the words of
    the window that belong to no role (``gw=``; "refused, through a spokesman, to"), the first
    words after it (``rw=``), a negation among those, and whether the sentence ends in "?"."""
    win = _window(claim)
    if win is None:
        return []
    first = claim.cue[0] if claim.cue else [*claim.source, *claim.content][0]
    if text[first.start : first.end] != first.text:
        return []  # not the text the spans point into
    start, end = win
    before = text[max(0, start - 200) : start]
    cut = max(before.rfind(m) for m in (". ", "? ", "! ", "\n"))
    before = before[cut + 1 :] if cut >= 0 else before
    after = text[end : end + 200]
    stop = re.search(r"[.?!](\s|$)|\n", after)
    sentence_end = after[: stop.end()] if stop else after
    roles = sorted((s.start, s.end) for s in (*claim.source, *claim.cue, *claim.content))
    gap, pos = [], start
    for s, e in roles:
        if s > pos:
            gap.append(text[pos:s])
        pos = max(pos, e)
    left = [w for w in _words(before) if w not in FUNCTION_WORDS][-CONTEXT_WORDS:]
    inner = [w for w in _words(" ".join(gap)) if w not in FUNCTION_WORDS]
    right = [w for w in _words(after) if w not in FUNCTION_WORDS][:CONTEXT_WORDS]
    feats = [f"lw={w}" for w in left] + [f"gw={w}" for w in inner] + [f"rw={w}" for w in right]
    if left:
        feats.append(f"l1={left[-1]}")
    if NEGATION.search(_norm(" ".join([before[-40:], *gap]))):
        feats.append("ctx_neg")
    if sentence_end.rstrip(" \n\"'”’)").endswith("?"):
        feats.append("sent_q")
    return feats


def stance_features(claim: Claim, rule: Stance | None = None, text: str | None = None) -> list[str]:
    """The sparse features of one attribution (names only; every feature has value 1); with
    the article ``text``, also the :func:`context_features` of the words around it."""
    cue_text = _norm(_joined(claim.cue))
    content_text = _joined(claim.content)
    cue = _words(cue_text)
    content = _words(content_text)
    head = content[:HEAD_WORDS]
    feats = ["bias"]
    if rule is not None:
        feats.append(f"rule={rule.value}")
    for w in cue:
        if w not in FUNCTION_WORDS:  # "asked about" is kept whole in ``cue=`` below
            feats.append(f"cw={w}")
            feats.append(f"cs={_stem(w)}")
    content_words = [w for w in cue if w not in FUNCTION_WORDS]
    if content_words:
        feats.append(f"clast={_stem(content_words[-1])}")
    if 0 < len(cue) <= 4:
        feats.append(f"cue={' '.join(cue)}")
    if NEGATION.search(cue_text):
        feats.append("cue_neg")
    if REFUSAL.search(cue_text):
        feats.append("cue_refusal")
    if TELLING.search(cue_text) and (NEGATION.search(cue_text) or REFUSAL.search(cue_text)):
        feats.append("cue_not_telling")
    # the verb that is negated or refused: "did not mention", "refused to admit", "declined
    # {to comment}" (then the refused verb opens the content)
    after_neg = [w for w in _words(NEGATION.split(cue_text)[-1]) if w not in FUNCTION_WORDS]
    if NEGATION.search(cue_text) and after_neg:
        feats.append(f"negv={_stem(after_neg[0])}")
    refusal = REFUSAL.search(cue_text)
    if refusal:
        rest = [w for w in _words(cue_text[refusal.end() :]) if w not in FUNCTION_WORDS]
        if not rest and content[:1] == ["to"] and len(content) > 1:
            rest = content[1:2]
        if rest:
            feats.append(f"refv={_stem(rest[0])}")
    if not claim.source:
        feats.append("no_source")
    if claim.cue and claim.content and claim.content[0].start < claim.cue[0].start:
        feats.append("content_first")
    for k, w in enumerate(head):
        feats.append(f"hw={w}")
        if k < 2:
            feats.append(f"h{k}={w}")
    if head[:1] and head[0] in WH:
        feats.append("head_wh")
    elif any(w in WH for w in head[1:3]):
        feats.append("near_wh")
    if len(head) > 1:
        feats.append(f"h01={head[0]} {head[1]}")
    if _claim_object(head):
        feats.append("claim_noun_head")
    if head[:1] == ["to"]:
        feats.append("head_to")
    if _ends_with_question(content_text):
        feats.append("ends_q")
    elif "?" in content_text:
        feats.append("has_q")
    head_text = " ".join(content[:20])
    if CONDITIONAL.search(head_text):
        feats.append("cond_head")
    if NEGATION.search(head_text):
        feats.append("neg_head")
    if UNTRUE.search(head_text):
        feats.append("untrue_head")
    n = len(content)
    feats.append(
        "len<=3" if n <= 3 else "len<=12" if n <= 12 else "len<=30" if n <= 30 else "len>30"
    )
    if text is not None:
        feats += context_features(text, claim)
    return feats


@functools.cache
def load_model() -> dict[str, Any] | None:
    """The shipped weights, or None when the data file is absent."""
    model: dict[str, Any] | None = read_json(MODEL_FILE, missing_ok=True)
    return model


def predict_proba(
    claim: Claim,
    rule: Stance | None = None,
    model: dict[str, Any] | None = None,
    text: str | None = None,
) -> dict[str, float]:
    """The model's probability for each stance label (empty when no model is shipped).
    A model trained with context features (``"context": true``) reads them from the article
    ``text``; without the text it scores the attribution's own features only."""
    model = model if model is not None else load_model()
    if not model:
        return {}
    labels: list[str] = model["labels"]
    weights: dict[str, list[float]] = model["weights"]
    scores = list(model["intercept"])
    rule = rule if model.get("uses_rule") else None
    for f in stance_features(claim, rule, text if model.get("context") else None):
        w = weights.get(f)
        if w is not None:
            scores = [s + x for s, x in zip(scores, w, strict=True)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return {label: e / total for label, e in zip(labels, exps, strict=True)}


def combine(rule: Stance, probs: dict[str, float], threshold: float | None = None) -> Stance:
    """The rules' label, unless they say assert and the model is confident of another."""
    if rule is not Stance.ASSERT or not probs:
        return rule
    if threshold is None:
        model = load_model()
        threshold = float(model["threshold"]) if model else 1.0
    label, p = max(
        ((k, v) for k, v in probs.items() if k != Stance.ASSERT.value), key=lambda kv: kv[1]
    )
    return Stance(label) if p >= threshold else rule


__all__ = ["combine", "context_features", "load_model", "predict_proba", "stance_features"]
