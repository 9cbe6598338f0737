"""Score :func:`claimtrace.extract.quantities.extract_quantities` on the quantities gold set.

The gold file (``eval/gold/quantities.jsonl``, see docs/guidelines-quantities.md) holds one
news sentence per line with its hand-annotated quantities. Each sentence is analysed on its
own; a predicted quantity matches a gold one when their spans overlap and their values are
equal (relative tolerance 0.1%, so 0.3333 == 1/3). Greedy one-to-one matching.

- value P/R/F1: matches as above;
- value+qualifier P/R/F1: the match also has the same qualifier (and, for ranges, the same
  upper bound);
- on matched pairs: accuracy of the counted head noun, unit, currency, change, modality.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from claimtrace.errors import ClaimtraceError
from claimtrace.evaluation.shared import read_gold_jsonl
from claimtrace.model import Quantity, to_dict


def load_gold(path: str | Path, split: str = "all") -> list[dict[str, Any]]:
    """The gold sentences of ``split`` (dev, test or all)."""
    rows = read_gold_jsonl(path)
    return [r for r in rows if split == "all" or r.get("split") == split]


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-3 * max(1.0, abs(b)) if abs(b) < 1 else abs(a - b) <= 1e-3 * abs(b)


def _overlap(p: Quantity, g: dict[str, Any]) -> bool:
    return p.span.start < g["end"] and g["start"] < p.span.end


def _head(text: str | None) -> str | None:
    return text.split()[-1].lower() if text else None


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class QuantityScores:
    value: Counts = field(default_factory=Counts)
    value_qualifier: Counts = field(default_factory=Counts)
    attrs: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, total]
    errors: list[dict[str, Any]] = field(default_factory=list)

    def attr(self, name: str, right: bool) -> None:
        cell = self.attrs.setdefault(name, [0, 0])
        cell[0] += int(right)
        cell[1] += 1


def match(preds: list[Quantity], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if pi in used or not _overlap(p, g) or not _same_value(p.value, g["value"]):
                continue
            pairs.append((pi, gi))
            used.add(pi)
            break
    return pairs


def score(rows: Iterable[tuple[dict[str, Any], list[Quantity]]]) -> QuantityScores:
    s = QuantityScores()
    for row, preds in rows:
        gold = row["quantities"]
        pairs = match(preds, gold)
        s.value.tp += len(pairs)
        s.value.fp += len(preds) - len(pairs)
        s.value.fn += len(gold) - len(pairs)
        vq = 0
        matched_p = {pi for pi, _ in pairs}
        matched_g = {gi for _, gi in pairs}
        for pi, gi in pairs:
            p, g = preds[pi], gold[gi]
            ok = p.qualifier.value == g["qualifier"] and (
                g["qualifier"] != "range" or _same_value(p.value_high, g.get("value_high"))
            )
            vq += ok
            if not ok:
                s.errors.append(
                    {"sid": row["sid"], "kind": "qualifier", "gold": g, "pred": to_dict(p)}
                )
            if g.get("counted"):
                s.attr("counted", _head(p.counted) == _head(g["counted"]))
            s.attr("unit", (p.unit or None) == (g.get("unit") or None))
            s.attr("currency", (p.currency or None) == (g.get("currency") or None))
            s.attr("change", (p.change.value if p.change else None) == g.get("change"))
            s.attr(
                "modality", (p.modality.value == "expected") == (g.get("modality") == "expected")
            )
        s.value_qualifier.tp += vq
        s.value_qualifier.fp += len(preds) - vq
        s.value_qualifier.fn += len(gold) - vq
        for pi, p in enumerate(preds):
            if pi not in matched_p:
                s.errors.append(
                    {"sid": row["sid"], "kind": "fp", "pred": to_dict(p), "text": row["text"]}
                )
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                s.errors.append({"sid": row["sid"], "kind": "fn", "gold": g, "text": row["text"]})
    return s


def predict(nlp: Language, rows: list[dict[str, Any]]) -> list[list[Quantity]]:
    """Run the pipeline on each gold sentence and read ``doc._.ct_quantities``."""
    from claimtrace.extract.quantities import extract_quantities
    from claimtrace.extract.stance import quantity_modality

    out = []
    for doc in nlp.pipe(r["text"] for r in rows):
        quantities = doc._.ct_quantities
        if quantities is None:
            quantities = extract_quantities(doc)
            quantities = [quantity_modality(doc, q) for q in quantities]
        out.append(list(quantities))
    return out


def report(s: QuantityScores, *, title: str) -> str:
    lines = [f"### {title}", "", "| metric | P | R | F1 |", "|---|---|---|---|"]
    for name, counts in (("value", s.value), ("value+qualifier", s.value_qualifier)):
        p, r, f = counts.prf()
        lines.append(f"| {name} | {100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} |")
    lines += ["", "| attribute on matched quantities | accuracy | n |", "|---|---|---|"]
    for name, (right, total) in sorted(s.attrs.items()):
        lines.append(f"| {name} | {100 * right / total:.1f} | {total} |")
    gold_n = s.value.tp + s.value.fn
    lines.append(f"\n{gold_n} gold quantities, {s.value.tp + s.value.fp} predicted.")
    return "\n".join(lines)


def evaluate(
    gold_path: str | Path,
    nlp: Language,
    *,
    split: str = "all",
    predictions: str | Path | None = None,
) -> tuple[QuantityScores, str]:
    rows = load_gold(gold_path, split)
    if not rows:
        raise ClaimtraceError(f"no gold sentences with split {split!r} in {gold_path}")
    preds = predict(nlp, rows)
    s = score(zip(rows, preds, strict=True))
    if predictions:
        with Path(predictions).open("w", encoding="utf-8") as fh:
            for row, qs in zip(rows, preds, strict=True):
                fh.write(
                    json.dumps(
                        {
                            "sid": row["sid"],
                            "text": row["text"],
                            "quantities": [to_dict(q) for q in qs],
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
    return s, report(s, title=f"quantities, split={split} ({len(rows)} sentences)")


__all__ = ["Counts", "QuantityScores", "evaluate", "load_gold", "match", "predict", "score"]
