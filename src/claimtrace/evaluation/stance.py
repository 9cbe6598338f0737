"""Score stance, hedges, basis and modality on hand-labelled attributions.

The gold files (see docs/guidelines-stance.md) name attributions by document and id, with
their gold source/cue/content spans and the labels. A record's ``corpus`` field says where
its text comes from (the texts are not redistributed):

- no field (``eval/gold/stance-polnear-dev.jsonl``): PolNeAR dev,
  ``../shared/corpora/polnear/dev.jsonl``, ``doc_id`` = PolNeAR document id;
- ``"fnc1"`` (``eval/gold/stance-fnc1-b5.jsonl``): the FNC-1 training bodies,
  ``../shared/corpora/fnc1/train_bodies.csv``, ``doc_id`` = FNC-1 Body ID.

Each attribution becomes a
:class:`Claim` with the gold spans, so this measures stance and hedging on their own,
independent of the attribution extractor.

- stance, basis, modality: accuracy, per-label P/R/F1 and macro-F1 over the labels that
  occur in the gold or the predictions;
- hedges: mention P/R/F1 (a predicted hedge matches a gold hedge of the same attribution
  when the spans overlap), carrier accuracy on matches, and attribution-level detection
  F1 (does the attribution carry any hedge).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from claimtrace.errors import ClaimtraceError
from claimtrace.evaluation.shared import read_gold_jsonl, shared_dir
from claimtrace.model import Claim, Span, to_dict

#: Batches drawn and annotated after the rules were frozen: wholly held out.
FRESH_BATCHES = frozenset(["stance-b3", "stance-b4", "stance-b6", "stance-b10", "stance-b12"])


def _in_split(row: dict[str, Any], split: str) -> bool:
    if split == "all":
        return True
    if split == "heldout":
        return row.get("split") == "test" or row.get("batch") in FRESH_BATCHES
    if split == "dev" and row.get("batch") in FRESH_BATCHES:
        return False
    return row.get("split") == split


def load_gold(
    path: str | Path, split: str = "all", batch: str | None = None
) -> list[dict[str, Any]]:
    """The gold attributions of ``split``, optionally of one batch.

    ``split`` is dev, test, all, or heldout: the test part of every batch plus all of the
    fresh batches (:data:`FRESH_BATCHES`, annotated after the rules were frozen).
    """
    rows = read_gold_jsonl(path)
    return [r for r in rows if _in_split(r, split) and (batch is None or r.get("batch") == batch)]


#: Where each corpus's texts lie under the shared folder.
CORPUS_FILES = {
    "polnear": ("corpora", "polnear", "dev.jsonl"),
    "fnc1": ("corpora", "fnc1", "train_bodies.csv"),
}


def corpus_of(row: dict[str, Any]) -> str:
    """The corpus a gold record's text comes from (PolNeAR when the record does not say)."""
    return row.get("corpus") or "polnear"


def corpus_kind(path: str | Path) -> str:
    """``fnc1`` for an FNC-1 bodies CSV, else ``polnear`` (a PolNeAR JSONL)."""
    return "fnc1" if Path(path).suffix.lower() == ".csv" else "polnear"


def default_corpus(kind: str = "polnear") -> Path:
    if kind not in CORPUS_FILES:
        raise ClaimtraceError(f"unknown corpus {kind!r} in the gold file")
    root = shared_dir()
    if root is None:
        raise ClaimtraceError(
            f"{kind} texts not found: pass --corpus or set CLAIMTRACE_SHARED to the shared folder"
        )
    return root.joinpath(*CORPUS_FILES[kind])


def load_fnc1_bodies(path: str | Path, doc_ids: set[str]) -> dict[str, str]:
    """FNC-1 article bodies (``Body ID``, ``articleBody`` CSV) by Body ID, text as stored."""
    import csv

    path = Path(path)
    if not path.is_file():
        raise ClaimtraceError(f"FNC-1 bodies file {path} not found")
    csv.field_size_limit(10**7)
    texts = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            body_id = (row.get("Body ID") or "").strip()
            if body_id in doc_ids:
                texts[body_id] = row["articleBody"]
    missing = doc_ids - texts.keys()
    if missing:
        raise ClaimtraceError(f"{len(missing)} gold bodies missing from {path}")
    return texts


def text_key(row: dict[str, Any]) -> str:
    """The key of a record's text in :func:`load_row_texts` (corpus-qualified but for
    PolNeAR, so that ids of two corpora cannot collide)."""
    kind = corpus_of(row)
    return row["doc_id"] if kind == "polnear" else f"{kind}:{row['doc_id']}"


def load_row_texts(rows: list[dict[str, Any]], corpus: str | Path | None = None) -> dict[str, str]:
    """The texts of the gold records, by :func:`text_key`. ``corpus`` replaces the default
    file of the corpus of its kind (a ``.csv`` is FNC-1 bodies, anything else PolNeAR)."""
    texts: dict[str, str] = {}
    for kind in sorted({corpus_of(r) for r in rows}):
        ids = {r["doc_id"] for r in rows if corpus_of(r) == kind}
        path = corpus if corpus and corpus_kind(corpus) == kind else default_corpus(kind)
        loaded = load_fnc1_bodies(path, ids) if kind == "fnc1" else load_texts(path, ids)
        prefix = "" if kind == "polnear" else f"{kind}:"
        texts.update({prefix + doc_id: text for doc_id, text in loaded.items()})
    return texts


def load_texts(corpus: str | Path, doc_ids: set[str]) -> dict[str, str]:
    corpus = Path(corpus)
    if not corpus.is_file():
        raise ClaimtraceError(f"PolNeAR file {corpus} not found")
    texts = {}
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["doc_id"] in doc_ids:
                texts[d["doc_id"]] = d["text"]
    missing = doc_ids - texts.keys()
    if missing:
        raise ClaimtraceError(f"{len(missing)} gold documents missing from {corpus}")
    return texts


def claim_of(row: dict[str, Any], text: str) -> Claim:
    def spans(pairs: list[list[int]]) -> tuple[Span, ...]:
        return tuple(Span.of(text, s, e) for s, e in sorted(pairs))

    return Claim(
        id=f"{row['doc_id']}#{row['attr_id']}",
        source=spans(row["source"]),
        cue=spans(row["cue"]),
        content=spans(row["content"]),
    )


@dataclass
class LabelScores:
    gold: list[str] = field(default_factory=list)
    pred: list[str] = field(default_factory=list)

    def add(self, gold: str, pred: str) -> None:
        self.gold.append(gold)
        self.pred.append(pred)

    def per_label(self) -> dict[str, tuple[float, float, float, int]]:
        labels = sorted(set(self.gold) | set(self.pred))
        out = {}
        for label in labels:
            tp = sum(g == p == label for g, p in zip(self.gold, self.pred, strict=True))
            fp = sum(p == label and g != label for g, p in zip(self.gold, self.pred, strict=True))
            fn = sum(g == label and p != label for g, p in zip(self.gold, self.pred, strict=True))
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[label] = (p, r, f, tp + fn)
        return out

    def macro_f1(self) -> float:
        per = self.per_label()
        return sum(v[2] for v in per.values()) / len(per) if per else 0.0

    def accuracy(self) -> float:
        right = sum(g == p for g, p in zip(self.gold, self.pred, strict=True))
        return right / len(self.gold) if self.gold else 0.0


@dataclass
class StanceScores:
    stance: LabelScores = field(default_factory=LabelScores)
    basis: LabelScores = field(default_factory=LabelScores)
    modality: LabelScores = field(default_factory=LabelScores)
    hedge_tp: int = 0
    hedge_fp: int = 0
    hedge_fn: int = 0
    carrier_right: int = 0
    hedged: LabelScores = field(default_factory=LabelScores)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def hedge_prf(self) -> tuple[float, float, float]:
        p = self.hedge_tp / (self.hedge_tp + self.hedge_fp) if self.hedge_tp + self.hedge_fp else 0
        r = self.hedge_tp / (self.hedge_tp + self.hedge_fn) if self.hedge_tp + self.hedge_fn else 0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_row(s: StanceScores, row: dict[str, Any], claim: Claim) -> None:
    s.stance.add(row["stance"], claim.stance.value)
    s.basis.add(row["basis"], claim.basis.value)
    s.modality.add(row["modality"], claim.modality.value)
    gold_h = row["hedges"]
    used: set[int] = set()
    for h in claim.hedges:
        hit = next(
            (
                i
                for i, g in enumerate(gold_h)
                if i not in used and h.span.start < g["end"] and g["start"] < h.span.end
            ),
            None,
        )
        if hit is None:
            s.hedge_fp += 1
            s.errors.append({"id": claim.id, "kind": "hedge_fp", "pred": to_dict(h)})
        else:
            used.add(hit)
            s.hedge_tp += 1
            s.carrier_right += h.carrier == gold_h[hit]["carrier"]
    for i, g in enumerate(gold_h):
        if i not in used:
            s.hedge_fn += 1
            s.errors.append({"id": claim.id, "kind": "hedge_fn", "gold": g})
    s.hedged.add(str(bool(gold_h)), str(bool(claim.hedges)))
    for name in ("stance", "basis", "modality"):
        gold, pred = row[name], getattr(claim, name).value
        if gold != pred:
            s.errors.append({"id": claim.id, "kind": name, "gold": gold, "pred": pred})


def predict(
    nlp: Language,
    rows: list[dict[str, Any]],
    texts: dict[str, str],
    *,
    backup: bool = False,
    backup_kind: str | None = None,
) -> list[Claim]:
    """The analysed claims of the gold records: stance by the rules alone, or with
    ``backup`` by the rules and a learned backup (``backup_kind`` lr or transformer, as
    ``kind`` of :func:`~claimtrace.extract.stance.classify_stance`)."""
    from claimtrace.extract.stance import analyze_claim

    docs = {key: doc for key, doc in zip(texts, nlp.pipe(texts.values()), strict=True)}
    return [
        analyze_claim(
            docs[text_key(r)],
            claim_of(r, texts[text_key(r)]),
            backup=backup,
            backup_kind=backup_kind,
        )
        for r in rows
    ]


def _label_table(name: str, ls: LabelScores) -> list[str]:
    lines = [f"| {name} label | P | R | F1 | gold n |", "|---|---|---|---|---|"]
    for label, (p, r, f, n) in ls.per_label().items():
        lines.append(f"| {label} | {100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} | {n} |")
    return lines


def report(s: StanceScores, *, title: str) -> str:
    hp, hr, hf = s.hedge_prf()
    hedged_f1 = s.hedged.per_label().get("True", (0.0, 0.0, 0.0, 0))[2]
    lines = [
        f"### {title}",
        "",
        "| metric | value |",
        "|---|---|",
        f"| stance macro-F1 | {s.stance.macro_f1():.3f} |",
        f"| stance accuracy | {s.stance.accuracy():.3f} |",
        f"| hedge mention P / R / F1 | {hp:.3f} / {hr:.3f} / {hf:.3f} |",
        f"| hedge carrier accuracy (matched) | "
        f"{(s.carrier_right / s.hedge_tp if s.hedge_tp else 0):.3f} |",
        f"| hedged-attribution detection F1 | {hedged_f1:.3f} |",
        f"| basis macro-F1 / accuracy | {s.basis.macro_f1():.3f} / {s.basis.accuracy():.3f} |",
        f"| modality macro-F1 / accuracy | {s.modality.macro_f1():.3f} / "
        f"{s.modality.accuracy():.3f} |",
        f"| attributions / gold hedges | {len(s.stance.gold)} / {s.hedge_tp + s.hedge_fn} |",
        "",
    ]
    lines += [
        *_label_table("stance", s.stance),
        "",
        *_label_table("modality", s.modality),
        "",
        *_label_table("basis", s.basis),
    ]
    counts = Counter(s.stance.gold)
    lines.append(f"\nGold stances: {dict(counts)}")
    return "\n".join(lines)


def evaluate(
    gold_path: str | Path,
    nlp: Language,
    *,
    corpus: str | Path | None = None,
    split: str = "all",
    batch: str | None = None,
    predictions: str | Path | None = None,
    backup: bool = False,
    backup_kind: str | None = None,
) -> tuple[StanceScores, str]:
    rows = load_gold(gold_path, split, batch)
    if not rows:
        raise ClaimtraceError(f"no gold attributions with split {split!r} in {gold_path}")
    texts = load_row_texts(rows, corpus)
    claims = predict(nlp, rows, texts, backup=backup, backup_kind=backup_kind)
    s = StanceScores()
    for row, claim in zip(rows, claims, strict=True):
        score_row(s, row, claim)
    if predictions:
        with Path(predictions).open("w", encoding="utf-8") as fh:
            for claim in claims:
                fh.write(json.dumps(to_dict(claim), ensure_ascii=False) + "\n")
    which = f"split={split}" + (f", batch={batch}" if batch else "")
    if backup:
        which += f", stance by the rules + learned backup ({backup_kind or 'lr'})"
    else:
        which += ", stance by the rules alone"
    return s, report(s, title=f"stance and hedging, {which} ({len(rows)} attributions)")


__all__ = [
    "StanceScores",
    "claim_of",
    "evaluate",
    "load_fnc1_bodies",
    "load_gold",
    "load_row_texts",
    "predict",
    "report",
]
