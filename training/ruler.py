"""Entity-ruler patterns mined from the TRAINING data (no test/dev data, no external lists).

A phrase becomes a pattern when, in train.spacy,
  * it is annotated as an entity at least --min-count times,
  * one label covers >= --purity of those annotations, and
  * it is annotated (with any label) in >= --coverage of all its occurrences in the training text
    (so words that are only sometimes names, e.g. "May", "Bush" as a noun, are left to the NER model).

The patterns go into a standard spaCy `entity_ruler` component (no custom code). Usage:
    python training/ruler.py MODEL_DIR --train training/corpus/fast/train.spacy [--where after|before]
"""

import argparse
from collections import Counter, defaultdict

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import DocBin


def mine(nlp, train_path, min_count=3, purity=0.9, coverage=0.6):
    docs = list(DocBin().from_disk(train_path).get_docs(nlp.vocab))
    labs = defaultdict(Counter)
    for d in docs:
        if not d.has_annotation("ENT_IOB"):
            continue
        for e in d.ents:
            labs[e.text][e.label_] += 1
    cands = {t: c for t, c in labs.items() if sum(c.values()) >= min_count and len(t) > 1}
    matcher = PhraseMatcher(nlp.vocab)
    for t in cands:
        matcher.add(t, [nlp.make_doc(t)])
    occ = Counter()
    for d in docs:
        if not d.has_annotation("ENT_IOB"):
            continue
        for mid, _start, _end in matcher(d):
            occ[nlp.vocab.strings[mid]] += 1
    patterns = []
    for t, c in cands.items():
        label, n = c.most_common(1)[0]
        total = sum(c.values())
        if n / total >= purity and total / max(occ[t], 1) >= coverage:
            patterns.append({"label": label, "pattern": t})
    return patterns


def add_ruler(nlp, patterns, where="after"):
    if "entity_ruler" in nlp.pipe_names:
        nlp.remove_pipe("entity_ruler")
    kw = {"after": "ner"} if where == "after" else {"before": "ner"}
    ruler = nlp.add_pipe(
        "entity_ruler", config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"}, **kw
    )
    ruler.add_patterns(patterns)
    return ruler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--train", required=True)
    ap.add_argument("--where", choices=["after", "before"], default="after")
    ap.add_argument("--out")
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    pats = mine(nlp, args.train, min_count=args.min_count)
    print(f"{len(pats)} patterns: {Counter(p['label'] for p in pats)}")
    add_ruler(nlp, pats, args.where)
    nlp.to_disk(args.out or args.model)


if __name__ == "__main__":
    main()
