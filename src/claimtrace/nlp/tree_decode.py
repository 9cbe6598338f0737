"""Decoders for the fine-tuned transformer pipeline (numpy only, no torch).

* :func:`mst_heads`: the maximum spanning tree of a sentence's arc scores with exactly one
  root (Chu-Liu/Edmonds, with a penalty on root arcs large enough that the best tree with
  one root always beats any tree with more).
* :func:`bio_viterbi`: the best BIO tag sequence that never puts ``I-X`` after anything but
  ``B-X``/``I-X`` (optionally with a CRF's learned tag-bigram scores).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy

NEG = -1e18


def _find_cycle(heads: numpy.ndarray) -> list[int] | None:
    """A cycle of the head graph (node 0 is the root, ``heads[0] == -1``), or None."""
    n = len(heads)
    state = numpy.zeros(n, dtype=numpy.int8)  # 0 unseen, 1 on the current path, 2 done
    for start in range(1, n):
        if state[start]:
            continue
        path = []
        node = start
        while node > 0 and state[node] == 0:
            state[node] = 1
            path.append(node)
            node = int(heads[node])
        if node > 0 and state[node] == 1:
            return path[path.index(node) :]
        for p in path:
            state[p] = 2
    return None


def _cle(scores: numpy.ndarray) -> numpy.ndarray:
    """Chu-Liu/Edmonds on ``scores[dep, head]`` (node 0 = root; row 0 and the diagonal are
    ignored). Returns the head of every node (-1 for the root)."""
    n = len(scores)
    scores = scores.copy()
    scores[numpy.arange(n), numpy.arange(n)] = NEG
    scores[0, :] = NEG
    heads = scores.argmax(axis=1)
    heads[0] = -1
    cycle = _find_cycle(heads)
    if cycle is None:
        return heads
    cyc = numpy.array(cycle)
    in_cycle = numpy.zeros(n, dtype=bool)
    in_cycle[cyc] = True
    rest = numpy.flatnonzero(~in_cycle)  # contains 0
    c = len(rest)
    new = numpy.full((c + 1, c + 1), NEG)
    new[:c, :c] = scores[numpy.ix_(rest, rest)]
    out_sub = scores[numpy.ix_(rest, cyc)]  # dep outside, head in the cycle
    new[:c, c] = out_sub.max(axis=1)
    out_arg = cyc[out_sub.argmax(axis=1)]
    in_sub = scores[numpy.ix_(cyc, rest)] - scores[cyc, heads[cyc]][:, None]
    new[c, :c] = in_sub.max(axis=0)
    in_arg = cyc[in_sub.argmax(axis=0)]
    sub = _cle(new)
    result = heads.copy()
    for k, node in enumerate(rest):
        h = sub[k]
        if h < 0:
            result[node] = -1
        elif h == c:
            result[node] = out_arg[k]
        else:
            result[node] = rest[h]
    h = sub[c]
    result[in_arg[h]] = rest[h]
    return result


def mst_heads(scores: numpy.ndarray) -> list[int]:
    """Heads of the best tree with one root.

    ``scores`` is ``(n, n)``: ``scores[i, j]`` is the score of word ``j`` being the head of
    word ``i``, and ``scores[i, i]`` the score of ``i`` being the root (log-probabilities
    are best; any finite values work). Returns ``heads`` with ``heads[i] == i`` for the one
    root and no cycles.
    """
    n = len(scores)
    if n == 0:
        return []
    if n == 1:
        return [0]
    s = numpy.asarray(scores, dtype=numpy.float64)
    s = numpy.clip(numpy.nan_to_num(s, nan=-1e4), -1e4, 1e4)
    full = numpy.full((n + 1, n + 1), NEG)
    full[1:, 1:] = s
    diag = numpy.diag(s)
    full[1:, 0] = diag
    full[numpy.arange(1, n + 1), numpy.arange(1, n + 1)] = NEG
    # every tree has >= 1 root arc; a penalty above the spread of any tree's total score
    # makes the best tree have exactly one
    penalty = (s.max() - s.min() + 1.0) * (n + 1)
    full[1:, 0] -= penalty
    heads = _cle(full)
    return [i if heads[i + 1] == 0 else int(heads[i + 1]) - 1 for i in range(n)]


def bio_allowed(tags: Sequence[str]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The BIO constraints over ``tags``: ``allowed[prev, cur]`` (``I-X`` only after ``B-X``
    or ``I-X``) and ``start_ok[tag]`` (a sequence never starts with ``I-X``)."""
    k = len(tags)
    allowed = numpy.ones((k, k), dtype=bool)
    for cur, tag in enumerate(tags):
        if tag.startswith("I-"):
            for prev, ptag in enumerate(tags):
                allowed[prev, cur] = ptag in (f"B-{tag[2:]}", tag)
    start_ok = numpy.array([not t.startswith("I-") for t in tags])
    return allowed, start_ok


def bio_viterbi(
    scores: numpy.ndarray,
    tags: Sequence[str],
    transitions: numpy.ndarray | None = None,
) -> list[int]:
    """Best tag sequence (indices into ``tags``) under BIO constraints; ``scores`` holds
    one row per word (log-probabilities, or a CRF's emission scores), and
    ``transitions[prev, cur]``, when given, a CRF's learned score of each tag bigram."""
    n, k = scores.shape
    if n == 0:
        return []
    allowed, start_ok = bio_allowed(tags)
    penalty = numpy.where(allowed, 0.0, -1e9)
    if transitions is not None:
        penalty = penalty + numpy.asarray(transitions, dtype=numpy.float64)
    best = numpy.where(start_ok, scores[0], -1e9)
    back = numpy.zeros((n, k), dtype=numpy.int64)
    for i in range(1, n):
        total = best[:, None] + penalty
        back[i] = total.argmax(axis=0)
        best = total.max(axis=0) + scores[i]
    path = [int(best.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


def _logsumexp(x: numpy.ndarray, axis: int) -> numpy.ndarray:
    top = x.max(axis=axis, keepdims=True)
    return numpy.squeeze(top, axis=axis) + numpy.log(numpy.exp(x - top).sum(axis=axis))


def bio_marginals(
    scores: numpy.ndarray,
    tags: Sequence[str],
    transitions: numpy.ndarray | None = None,
) -> numpy.ndarray:
    """Each word's probability of each tag (rows sum to one) over all tag sequences that
    keep the BIO constraints, weighted like :func:`bio_viterbi` scores them (forward-
    backward). Where the best sequence and these marginals disagree, the tagger is unsure."""
    n, k = scores.shape
    if n == 0:
        return numpy.zeros((0, k))
    allowed, start_ok = bio_allowed(tags)
    penalty = numpy.where(allowed, 0.0, -1e9)
    if transitions is not None:
        penalty = penalty + numpy.asarray(transitions, dtype=numpy.float64)
    scores = numpy.asarray(scores, dtype=numpy.float64)
    forward = numpy.empty((n, k))
    backward = numpy.zeros((n, k))
    forward[0] = numpy.where(start_ok, scores[0], -1e9)
    for i in range(1, n):
        forward[i] = scores[i] + _logsumexp(forward[i - 1][:, None] + penalty, axis=0)
    for i in range(n - 2, -1, -1):
        backward[i] = _logsumexp(penalty + (scores[i + 1] + backward[i + 1])[None, :], axis=1)
    total = forward + backward
    return numpy.exp(total - _logsumexp(total, axis=1)[:, None])


def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(label, first, end)`` for each span of a BIO sequence."""
    spans = []
    label, first = None, 0
    for i, tag in enumerate([*tags, "O"]):
        if label is not None and tag != f"I-{label}":
            spans.append((label, first, i))
            label = None
        if tag.startswith("B-") or (tag.startswith("I-") and label is None):
            label, first = tag[2:], i
    return spans
