"""Attribution benchmark: analyse PolNeAR-style JSONL and score with score_attribution.py.

The gold file needs only ``doc_id`` and ``text`` per line (gold ``attributions`` are read
by the scorer alone, never by the analysis). Predictions are written in the same schema:
one attribution per claim, its source / cue / content as lists of ``[start, end]``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claimtrace.errors import InputError
from claimtrace.evaluation.shared import load_scorer
from claimtrace.model import Claim

MODES = ("exact", "partial", "soft", "token")


@dataclass(frozen=True, slots=True)
class AttributionRun:
    report: str  # the scorer's table
    result: dict  # the scorer's JSON result
    predictions: Path
    n_docs: int
    seconds: float


def read_gold(path: str | Path, limit: int | None = None) -> list[dict]:
    docs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if "text" not in rec:
                raise InputError(f'{path}:{n}: no "text" field')
            rec.setdefault("doc_id", f"line{n}")
            docs.append(rec)
            if limit and len(docs) >= limit:
                break
    return docs


def claim_to_attribution(claim: Claim) -> dict:
    return {
        "id": claim.id,
        "type": "attribution" if claim.source else "attribution-no-source",
        "source": [[s.start, s.end] for s in claim.source],
        "cue": [[s.start, s.end] for s in claim.cue],
        "content": [[s.start, s.end] for s in claim.content],
        "quote_type": claim.quote_type.value,
        "source_kind": claim.source_kind.value,
        "source_entity": claim.source_entity.id if claim.source_entity else None,
        "confidence": claim.confidence,
    }


def predict(docs: Iterable[dict], nlp) -> Iterator[dict]:
    """One prediction record per gold record; a failing article yields no attributions.
    Claims nested in another claim or in a quotation, which PolNeAR's scheme never
    annotates, are left out (:func:`~claimtrace.extract.attribution.polnear_view`)."""
    from claimtrace.extract.attribution import polnear_view

    docs = list(docs)
    texts = (d["text"] for d in docs)
    for rec, doc in zip(docs, nlp.pipe(texts, batch_size=8), strict=True):
        claims = polnear_view(rec["text"], doc._.ct_claims or [])
        yield {
            "doc_id": rec["doc_id"],
            "attributions": [claim_to_attribution(c) for c in claims],
        }


def attribution_pipeline(model: str | None = None, *, tagger: str = "default"):
    """The base pipeline plus the attribution components (what the eval runs)."""
    from claimtrace.nlp.pipeline import build_pipeline

    nlp = build_pipeline(model, components=())
    nlp.add_pipe("claimtrace_attribution", config={"model": tagger})
    nlp.add_pipe("claimtrace_sources")
    return nlp


def run_attribution_eval(
    gold: str | Path,
    *,
    predictions: str | Path | None = None,
    model: str | None = None,
    breakdown: bool = False,
    limit: int | None = None,
    modes: tuple[str, ...] = MODES,
    tagger: str = "default",
    nlp=None,
) -> AttributionRun:
    """Analyse every text of ``gold``, write predictions, score them.

    ``model`` names the base pipeline (see :func:`claimtrace.nlp.pipeline.resolve_model`);
    ``tagger`` the role tagger (see :func:`claimtrace.nlp.factories.tagger_path`: "default",
    "accurate", "fast", "rules" for the rule fallback, or a path).
    """
    docs = read_gold(gold, limit)
    if nlp is None:
        nlp = attribution_pipeline(model, tagger=tagger)
    out = Path(predictions) if predictions else Path(gold).with_suffix(".pred.jsonl")
    if predictions is None:
        import tempfile

        out = Path(tempfile.mkdtemp(prefix="claimtrace-eval-")) / "attribution.pred.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with open(out, "w", encoding="utf-8") as fh:
        for pred in predict(docs, nlp):
            fh.write(json.dumps(pred, ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - start
    gold_path = Path(gold)
    if limit:
        import tempfile

        gold_path = Path(tempfile.mkdtemp(prefix="claimtrace-eval-")) / "gold.jsonl"
        with open(gold_path, "w", encoding="utf-8") as fh:
            for rec in docs:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    scorer = load_scorer("score_attribution")
    result = scorer.score_files(str(gold_path), str(out), modes=list(modes), breakdown=breakdown)
    report = scorer.format_table(result, f"gold={gold}  pred={out}")
    return AttributionRun(report, result, out, len(docs), seconds)
