"""Evaluate a claimtrace pipeline on the held-out test splits.

    python training/evaluate.py MODEL_DIR [--corpus training/corpus] [--json out.json] [--speed-words 60000]
    python training/evaluate.py MODEL_DIR --split dev   # the same scores on EWT dev / UNER EWT dev
                                                        # (model selection; no GUM, no speed)

Prints (and optionally writes as JSON):
  * UD English EWT test: LAS / UAS / UPOS / XPOS / lemma / morph / sentence F, from raw text
    (spaCy's tokenizer, scores aligned to the gold tokens by spaCy's Scorer, as `spacy evaluate` does),
    plus the same with gold tokenization.
  * LAS per relation for the attribution-relevant ones (ccomp, parataxis, obl, nsubj, ...).
  * How the reported clause of speech verbs ("X said Y") is attached: for gold ccomp/parataxis
    dependents of say/tell/..., the predicted relation (gold tokenization).
  * UNER English EWT test entity P/R/F: predictions mapped back with PERSON->PER, ORG->ORG,
    GPE|LOC->LOC, NORP dropped; gold is the original UNER PER/ORG/LOC annotation (OTH ignored, as the
    official UNER scorer does); exact span match, from raw text (spaCy Scorer alignment).
  * GUM test LAS (only meaningful for models trained with GUM train).
  * words/s on one core (nlp.pipe, batch 256, one process; set OMP_NUM_THREADS=1) and size on disk.
"""

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.scorer import Scorer
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).parent))
from labels import to_uner

HERE = Path(__file__).resolve().parent
SAY = {
    "say",
    "tell",
    "report",
    "claim",
    "add",
    "state",
    "announce",
    "insist",
    "argue",
    "warn",
    "explain",
    "write",
    "note",
    "deny",
    "confirm",
    "suggest",
    "believe",
    "think",
    "reply",
    "ask",
}
REL_TYPES = [
    "nsubj",
    "obj",
    "ccomp",
    "xcomp",
    "parataxis",
    "obl",
    "advcl",
    "conj",
    "acl:relcl",
    "nmod",
    "root",
]


def load_docs(nlp, path):
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def raw_examples(nlp, refs):
    return [Example(nlp.make_doc(r.text), r) for r in refs]


def syntax_scores(nlp, refs, gold_tok=False):
    if gold_tok:
        preds = [
            Doc(nlp.vocab, words=[t.text for t in r], spaces=[bool(t.whitespace_) for t in r])
            for r in refs
        ]
    else:
        preds = [nlp.make_doc(r.text) for r in refs]
    preds = list(nlp.pipe(preds, batch_size=256))
    exs = [Example(p, r) for p, r in zip(preds, refs, strict=False)]
    sc = Scorer(nlp)
    s = sc.score(exs)
    tok = Scorer.score_tokenization(exs)
    out = {
        "LAS": s["dep_las"] * 100,
        "UAS": s["dep_uas"] * 100,
        "UPOS": s["pos_acc"] * 100,
        "XPOS": s["tag_acc"] * 100,
        "lemma": s["lemma_acc"] * 100,
        "morph": s["morph_acc"] * 100,
        "sents_f": s["sents_f"] * 100,
        "token_acc": tok["token_acc"] * 100,
        "las_per_type": {
            k: round(v["f"] * 100, 1) for k, v in s["dep_las_per_type"].items() if k in REL_TYPES
        },
    }
    return out, preds


def reported_clauses(refs, preds_gold_tok):
    """Predicted relation of gold ccomp/parataxis dependents of speech verbs (gold tokenization)."""
    c = Counter()
    head_ok = 0
    n = 0
    for r, p in zip(refs, preds_gold_tok, strict=False):
        for t in r:
            if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_ in SAY and t.head.i != t.i:
                n += 1
                pt = p[t.i]
                c[(t.dep_, pt.dep_)] += 1
                if pt.head.i == t.head.i:
                    head_ok += 1
    # "The plan failed, he said": UD makes the speech verb a parataxis dependent of the quote
    c2, ok2, n2 = Counter(), 0, 0
    for r, p in zip(refs, preds_gold_tok, strict=False):
        for t in r:
            if t.lemma_ in SAY and t.dep_ == "parataxis":
                n2 += 1
                pt = p[t.i]
                c2[pt.dep_] += 1
                ok2 += int(pt.head.i == t.head.i and pt.dep_ == "parataxis")
    return {
        "n": n,
        "head_correct": round(100 * head_ok / max(n, 1), 1),
        "gold->pred": {f"{g}->{q}": v for (g, q), v in c.most_common(12)},
        "speech_verb_parataxis": {
            "n": n2,
            "las_correct": round(100 * ok2 / max(n2, 1), 1),
            "pred": dict(c2.most_common(8)),
        },
    }


def uner_scores(nlp, refs):
    preds = list(nlp.pipe([r.text for r in refs], batch_size=256))
    exs = []
    for p, r in zip(preds, refs, strict=False):
        ents = [
            Span(p, e.start, e.end, label=to_uner(e.label_)) for e in p.ents if to_uner(e.label_)
        ]
        p.ents = ents
        exs.append(Example(p, r))
    s = Scorer.score_spans(exs, "ents")
    out = {
        "P": s["ents_p"] * 100,
        "R": s["ents_r"] * 100,
        "F": s["ents_f"] * 100,
        "per_type": {
            k: {m: round(v[m] * 100, 1) for m in "prf"} for k, v in s["ents_per_type"].items()
        },
    }
    return out


def ents_own_labels(nlp, refs):
    """Our label set vs UNER test mapped by training/labels.py. UNER dev/test have no OTH spans, so
    there is no NORP gold: NORP predictions are removed before scoring."""
    preds = list(nlp.pipe([r.text for r in refs], batch_size=256))
    for p in preds:
        p.ents = [e for e in p.ents if e.label_ != "NORP"]
    exs = [Example(p, r) for p, r in zip(preds, refs, strict=False)]
    s = Scorer.score_spans(exs, "ents")
    return {
        "P": s["ents_p"] * 100,
        "R": s["ents_r"] * 100,
        "F": s["ents_f"] * 100,
        "per_type": {k: round(v["f"] * 100, 1) for k, v in s["ents_per_type"].items()},
    }


CODE = {}


def speed(nlp, texts, n_words):
    if n_words <= 0:  # not measured
        return {"words": 0, "seconds": 0, "cpu_seconds": 0, "words_per_s": 0, "wall_words_per_s": 0}
    if hasattr(CODE.get("module"), "enable_feature_cache"):
        CODE["module"].enable_feature_cache(False)
    # warm-up
    list(nlp.pipe(texts[:20]))
    start, cpu0 = time.perf_counter(), time.process_time()
    words = 0
    for d in nlp.pipe(texts, batch_size=256):
        words += len(d)
        if words >= n_words:
            break
    dt = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    # words_per_s: per CPU-second of this (single-threaded) process, i.e. one core's throughput even
    # when the machine is shared; wall_words_per_s: plain wall-clock figure on this machine now.
    return {
        "words": words,
        "seconds": round(dt, 2),
        "cpu_seconds": round(cpu, 2),
        "words_per_s": round(words / cpu),
        "wall_words_per_s": round(words / dt),
    }


def dir_size_mb(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 1e6


def speed_texts(corpus_refs, corpora):
    texts = [r.text for r in corpus_refs]
    pol = Path(corpora) / "polnear" / "dev.jsonl"
    if pol.exists():
        news = []
        for line in pol.open(encoding="utf8"):
            t = json.loads(line)["text"]
            news.extend(p for p in t.split("\n") if p.strip())
        texts = news + texts
    return texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--corpora", type=Path, default=Path("/work/shared/corpora"))
    ap.add_argument("--json", type=Path)
    ap.add_argument("--speed-words", type=int, default=60000)
    ap.add_argument("--skip-gum", action="store_true")
    ap.add_argument("--code", type=Path, help="Python file to import first (custom architectures)")
    ap.add_argument(
        "--split",
        choices=["test", "dev"],
        default="test",
        help="dev: EWT dev (dev.spacy) and UNER EWT dev (dev_uner.spacy) instead of the test "
        "splits; the keys of the JSON keep their test names, 'split' says which",
    )
    args = ap.parse_args()
    if os.environ.get("OMP_NUM_THREADS") != "1":
        print("note: set OMP_NUM_THREADS=1 for a one-core speed figure", file=sys.stderr)
    if args.code:
        import importlib.util

        spec = importlib.util.spec_from_file_location("claimtrace_code", args.code)
        CODE["module"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(CODE["module"])
        if hasattr(CODE["module"], "enable_feature_cache"):
            CODE["module"].enable_feature_cache(True)  # same texts are scored several times
    nlp = spacy.load(args.model)
    dev = args.split == "dev"
    res = {
        "split": args.split,
        "model": str(args.model),
        "pipeline": nlp.pipe_names,
        "name": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
    }
    ewt = load_docs(nlp, args.corpus / ("dev.spacy" if dev else "test_ewt.spacy"))
    res["ewt_test_raw"], _ = syntax_scores(nlp, ewt)
    res["ewt_test_goldtok"], preds_gold = syntax_scores(nlp, ewt, gold_tok=True)
    res["reported_clauses"] = reported_clauses(ewt, preds_gold)
    uner = load_docs(nlp, args.corpus / ("dev_uner.spacy" if dev else "test_uner.spacy"))
    res["uner_test"] = uner_scores(nlp, uner)
    res["ewt_test_own_labels"] = ents_own_labels(nlp, ewt)
    if not dev and not args.skip_gum and (args.corpus / "test_gum.spacy").exists():
        gum = load_docs(nlp, args.corpus / "test_gum.spacy")
        res["gum_test_raw"], _ = syntax_scores(nlp, gum)
        res["gum_test_raw"].pop("las_per_type", None)
    res["speed"] = speed(nlp, speed_texts(ewt, args.corpora), 0 if dev else args.speed_words)
    res["size_mb"] = round(dir_size_mb(args.model), 1)
    r = res
    e = r["ewt_test_raw"]
    print(f"model {r['name']}  {r['model']}")
    print(
        f"EWT {args.split} (raw text): LAS {e['LAS']:.2f}  UAS {e['UAS']:.2f}  UPOS {e['UPOS']:.2f}  XPOS {e['XPOS']:.2f}  "
        f"lemma {e['lemma']:.2f}  morph {e['morph']:.2f}  sents F {e['sents_f']:.2f}  token acc {e['token_acc']:.2f}"
    )
    g = r["ewt_test_goldtok"]
    print(
        f"EWT {args.split} (gold tok): LAS {g['LAS']:.2f}  UAS {g['UAS']:.2f}  UPOS {g['UPOS']:.2f}  lemma {g['lemma']:.2f}"
    )
    print(f"LAS F per relation: {e['las_per_type']}")
    print(f"reported clauses of speech verbs (gold tok): {r['reported_clauses']}")
    u = r["uner_test"]
    print(
        f"UNER {args.split} entities (PER/ORG/LOC): P {u['P']:.2f}  R {u['R']:.2f}  F {u['F']:.2f}  {u['per_type']}"
    )
    o = r["ewt_test_own_labels"]
    print(
        f"EWT {args.split} entities, claimtrace labels (mapped gold): F {o['F']:.2f} {o['per_type']}"
    )
    if "gum_test_raw" in r:
        print(
            f"GUM test (raw text): LAS {r['gum_test_raw']['LAS']:.2f}  UPOS {r['gum_test_raw']['UPOS']:.2f}"
        )
    print(
        f"speed: {r['speed']['words_per_s']} words per CPU-second ({r['speed']['wall_words_per_s']} words/s wall; "
        f"{r['speed']['words']} words, {r['speed']['cpu_seconds']} CPU s, {r['speed']['seconds']} s, "
        f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')})   size {r['size_mb']} MB"
    )
    if args.json:
        args.json.write_text(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
