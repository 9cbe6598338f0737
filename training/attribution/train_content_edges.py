"""Train the content-edge model (claimtrace/extract/content_edges.py) and write its weights.

Examples: every gold content of PolNeAR *train* that follows its cue and ends in the
sentence it starts in gives one example per candidate boundary from its start on: "goes
on" for a boundary inside it, "stops" for the boundary it ends at (boundaries after its
end give none). A binary logistic regression (scikit-learn, here only) is fitted on them.

With ``--dev`` the script also compares, at the boundaries of the dev gold contents whose
start a prediction file's matching content shares, how often the tagger's prediction, the
model and the train majority of the boundary's word or mark are right, per boundary type;
``--gate`` and ``--cut`` (the thresholds of ``learned_content_end``: the tagger's content
probability below which the model is asked, and the model's probability of going on below
which the content is cut) are stored in the written file; they were chosen on dev with the
attribution eval (docs/results-attribution.md, session 8).

Usage (single-threaded, well under a minute):
  PYTHONPATH=src OMP_NUM_THREADS=1 python training/attribution/train_content_edges.py \
      [--corpus ../shared/corpora/polnear/train.jsonl] \
      [--out src/claimtrace/data/content_edges.json] [--gate 0.7 --cut 0.5] \
      [--dev ../shared/corpora/polnear/dev.jsonl --predictions PRED.jsonl [--tagger accurate]]

``--predictions`` are those of ``claimtrace eval attribution ... --predictions`` made with
the model off (``CLAIMTRACE_CONTENT_EDGES=off``) by the same tagger; the tagger is run
again on dev for its content probabilities (about a minute for the accurate one).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from claimtrace.extract.content_edges import candidate_points, cue_word, sentence_end
from claimtrace.model import Span

ROOT = Path(__file__).resolve().parents[2]


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def spans(pairs) -> list[Span]:
    return [Span(a, b, "") for a, b in sorted(pairs)]


def examples(
    text: str, cue: list[Span], content: list[Span]
) -> Iterator[tuple[list[str], int, int]]:
    """(features, label, where the content would end) for the candidate boundaries of the
    content's last fragment; label 1: the content goes on past the boundary."""
    if not cue or not content:
        return
    last = content[-1]
    if last.start < cue[-1].end:
        return
    limit = sentence_end(text, last.start)
    if limit < last.end:
        return
    for end, after, feats in candidate_points(text, last.start, limit, cue_word(text, cue)):
        if end < last.end:
            yield feats, 1, end, after
        elif end == last.end:
            yield feats, 0, end, after
            return
        else:
            return


def collect(docs: list[dict]) -> tuple[list[list[str]], list[int]]:
    X, y = [], []
    for doc in docs:
        for att in doc["attributions"]:
            for feats, label, _, _ in examples(
                doc["text"], spans(att["cue"]), spans(att["content"])
            ):
                X.append(feats)
                y.append(label)
    return X, y


def fit(X: list[list[str]], y: list[int], c: float, min_count: int) -> dict:
    counts = Counter(f for feats in X for f in set(feats))
    rows = [{f: 1.0 for f in feats if counts[f] >= min_count} for feats in X]
    vec = DictVectorizer()
    lr = LogisticRegression(C=c, max_iter=2000)
    lr.fit(vec.fit_transform(rows), y)
    weights = {
        f: round(float(w), 4)
        for f, w in zip(vec.get_feature_names_out(), lr.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    return {"intercept": round(float(lr.intercept_[0]), 4), "weights": weights}


def boundary_type(feats: list[str]) -> str:
    return feats[0].removeprefix("b=")


def tagger_probs(dev: list[dict], tagger: str) -> list:
    """Per dev article, the tagger's content probability by character offset (or None)."""
    from claimtrace.extract.attribution import load_tagger
    from claimtrace.extract.content_edges import content_prob_of
    from claimtrace.nlp.factories import tagger_path

    tag = load_tagger(tagger_path(tagger))
    return [content_prob_of(doc) for doc in tag.pipe(d["text"] for d in dev)]


def compare(
    model: dict, train: list[dict], dev: list[dict], preds: dict[str, list], probs: list
) -> None:
    """Right decisions of the tagger, the model and the train majority per boundary type, at
    the dev boundaries where the tagger's content (same start) takes a side; "model<t" lets
    the model overrule the tagger where its probability is below t or above 1 - t, "gated"
    only where it cuts and the tagger's content probability is below the gate (what
    ``learned_content_end`` does), with the overrules made and right in "cuts"/"cuts ok"."""
    from claimtrace.extract.content_edges import p_continue

    majority: dict[str, Counter] = defaultdict(Counter)
    for feats, label in zip(*collect(train), strict=True):
        majority[boundary_type(feats)][label] += 1
    table: dict[str, Counter] = defaultdict(Counter)
    for doc, prob in zip(dev, probs, strict=True):
        text = doc["text"]
        predicted = [(spans(p["cue"]), spans(p["content"])) for p in preds.get(doc["doc_id"], [])]
        for att in doc["attributions"]:
            cue, content = spans(att["cue"]), spans(att["content"])
            match = [
                pc[-1]
                for pq, pc in predicted
                if pc
                and content
                and pc[-1].start == content[-1].start
                and any(a.start < b.end and b.start < a.end for a in pq for b in cue)
            ]
            if not match:
                continue
            pred_end = match[0].end
            for feats, label, end, after in examples(text, cue, content):
                if end > pred_end:
                    break
                tagger = 1 if end < pred_end else 0
                t = boundary_type(feats)
                p = p_continue(feats, model)
                row = table[t]
                row["n"] += 1
                row["tagger"] += tagger == label
                row["model"] += (p >= 0.5) == label
                maj = majority[t]
                row["majority"] += (maj[1] >= maj[0]) == label
                for th in (0.1, 0.2, 0.3):  # the model overrules only when confident
                    confident = p < th if tagger else p > 1 - th
                    row[f"model<{th}"] += (1 - tagger if confident else tagger) == label
                sure = prob(after) if prob is not None else None
                unsure = sure is not None and sure < model["gate"]
                cut = tagger == 1 and unsure and p < model["cut"]
                row["gated"] += (0 if cut else tagger) == label
                row["cuts"] += cut
                row["cuts ok"] += cut and label == 0
    cols = ["n", "tagger", "model", "majority", "model<0.1", "model<0.2", "model<0.3"]
    cols += ["gated", "cuts", "cuts ok"]
    print("type      " + " ".join(f"{c:>9}" for c in cols))
    total: Counter = Counter()
    for t, row in sorted(table.items(), key=lambda kv: -kv[1]["n"]):
        total.update(row)
        print(f"{t:9} " + " ".join(f"{row[c]:>9}" for c in cols))
    print(f"{'ALL':9} " + " ".join(f"{total[c]:>9}" for c in cols))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared/corpora/polnear/train.jsonl"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "src/claimtrace/data/content_edges.json")
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--gate", type=float, default=0.7)
    ap.add_argument("--cut", type=float, default=0.5)
    ap.add_argument("--dev", type=Path)
    ap.add_argument("--predictions", type=Path)
    ap.add_argument("--tagger", default="accurate", help="whose content probabilities gate")
    args = ap.parse_args()
    train = read(args.corpus)
    X, y = collect(train)
    print(f"{len(y)} train boundaries, {sum(y)} inside a content, {len(y) - sum(y)} at its end")
    model = fit(X, y, args.c, args.min_count)
    model.update(
        gate=args.gate,
        cut=args.cut,
        trained_on=f"PolNeAR train ({len(train)} articles, {len(y)} boundaries)",
        c=args.c,
        min_count=args.min_count,
    )
    print(f"{len(model['weights'])} weights")
    if args.dev and args.predictions:
        preds = {r["doc_id"]: r["attributions"] for r in read(args.predictions)}
        dev = read(args.dev)
        compare(model, train, dev, preds, tagger_probs(dev, args.tagger))
    args.out.write_text(json.dumps(model, sort_keys=True, indent=0) + "\n")


if __name__ == "__main__":
    main()
