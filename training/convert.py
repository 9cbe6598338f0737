"""Convert the public corpora in ../shared/corpora into spaCy DocBin files.

Output (in --out, default training/corpus):
    train.spacy      EWT train (+UNER entities) + GUM train (syntax only) [+ GMB NER, entities+tags only]
    dev.spacy        EWT dev (+UNER entities)          -- model selection
    test_ewt.spacy   EWT test (+UNER entities mapped)  -- syntax scores
    test_uner.spacy  EWT test with the ORIGINAL UNER labels PER/ORG/LOC -- comparable NER F1
    test_gum.spacy   GUM test (syntax only)

Usage:
    python training/convert.py [--corpora DIR] [--out DIR] [--no-gum] [--no-gmb]
"""

import argparse
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).parent))
from labels import map_gmb, map_uner

HERE = Path(__file__).resolve().parent
DEFAULT_CORPORA = (
    HERE.parent.parent.parent / "shared" / "corpora"
)  # /work/wt/pipeline -> /work/shared
if not DEFAULT_CORPORA.exists():
    DEFAULT_CORPORA = Path("/work/shared/corpora")


def read_conllu(path):
    """Yield (doc_id, sent_id, words) with words = list of dicts (form, lemma, upos, xpos, feats, head, dep, space)."""
    doc_id, sent_id, words, mwt = None, None, [], None
    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                doc_id = line.split("=", 1)[1].strip()
            elif line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if words:
                    yield doc_id, sent_id, words
                words, mwt = [], None
            else:
                cols = line.split("\t")
                if "-" in cols[0]:
                    a, b = cols[0].split("-")
                    mwt = (int(a), int(b), "SpaceAfter=No" not in cols[9])
                    continue
                if "." in cols[0]:
                    continue  # empty nodes
                i = int(cols[0])
                space = "SpaceAfter=No" not in cols[9]
                if mwt is not None and mwt[0] <= i <= mwt[1]:
                    space = mwt[2] if i == mwt[1] else False
                words.append(
                    dict(
                        form=cols[1],
                        lemma=cols[2],
                        upos=cols[3],
                        xpos=cols[4],
                        feats=cols[5] if cols[5] != "_" else "",
                        head=int(cols[6]),
                        dep=cols[7],
                        space=space,
                        misc=cols[9],
                    )
                )
    if words:
        yield doc_id, sent_id, words


def read_iob2(path):
    """UNER: {sent_id: [(word, tag)]}"""
    out, sent_id, toks = {}, None, []
    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if toks:
                    out[sent_id] = toks
                toks = []
            else:
                cols = line.split("\t")
                tag = cols[2]
                if tag in ("B-O", "I-O"):
                    tag = "O"
                toks.append((cols[1], tag))
    if toks:
        out[sent_id] = toks
    return out


def iob_spans(tags):
    """[(start, end, label)] from IOB2 tags (tolerates I- without B-)."""
    spans, start, label = [], None, None
    for i, t in enumerate([*tags, "O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                spans.append((start, i, label))
                start, label = None, None
            if t != "O":
                start, label = i, t[2:]
    return spans


def sents_to_doc(vocab, sents, ents_per_sent=None, mapper=map_uner, set_ents=True):
    words, spaces, tags, pos, morphs, lemmas, heads, deps, sent_starts = (
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
    )
    ents = []
    for si, sent in enumerate(sents):
        offset = len(words)
        for j, w in enumerate(sent):
            words.append(w["form"])
            spaces.append(w["space"] if j < len(sent) - 1 else True)
            tags.append(w["xpos"])
            pos.append(w["upos"])
            morphs.append(w["feats"])
            lemmas.append(w["lemma"])
            heads.append(offset + w["head"] - 1 if w["head"] > 0 else offset + j)
            deps.append(w["dep"] if w["head"] > 0 else "ROOT")
            sent_starts.append(j == 0)
        if ents_per_sent is not None:
            for s, e, lab in ents_per_sent[si]:
                new = mapper(lab, [w["form"] for w in sent[s:e]])
                if new:
                    ents.append((offset + s, offset + e, new))
    spaces[-1] = False
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
    )
    if ents_per_sent is not None and set_ents:
        doc.ents = [
            doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=lab)
            for s, e, lab in ents
        ]
    return doc


def group_docs(sent_iter, max_sents=10):
    """Group sentences by newdoc id, in chunks of at most max_sents."""
    cur, cur_id = [], None
    for doc_id, sent_id, words in sent_iter:
        if (doc_id != cur_id and cur) or len(cur) >= max_sents:
            yield cur
            cur = []
        cur_id = doc_id
        cur.append((sent_id, words))
    if cur:
        yield cur


def ewt_docs(vocab, conllu, iob2, mapper=map_uner, stats=None):
    uner = read_iob2(iob2) if iob2 else {}
    for group in group_docs(read_conllu(conllu)):
        sents, ents = [], []
        for sent_id, words in group:
            sents.append(words)
            toks = uner.get(sent_id)
            if (
                toks is None
                or len(toks) != len(words)
                or any(t[0] != w["form"] for t, w in zip(toks, words, strict=False))
            ):
                if stats is not None:
                    stats["uner_mismatch"] = stats.get("uner_mismatch", 0) + 1
                toks = None
            ents.append(iob_spans([t for _, t in toks]) if toks else [])
        yield sents_to_doc(vocab, sents, ents if uner else None, mapper=mapper)


def gum_docs(vocab, conllu):
    for group in group_docs(read_conllu(conllu)):
        yield sents_to_doc(vocab, [w for _, w in group])


NO_SPACE_BEFORE = {
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "%",
    ")",
    "]",
    "}",
    "'s",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "'",
}


def gmb_docs(vocab, path, max_sents=10):
    sents, cur = [], []
    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                cur = []
            else:
                w, t, tag = line.split("\t")
                cur.append((w, t, tag))
    if cur:
        sents.append(cur)
    for k in range(0, len(sents), max_sents):
        chunk = sents[k : k + max_sents]
        words, spaces, tags, ents, starts = [], [], [], [], []
        for sent in chunk:
            off = len(words)
            for j, (w, t, _) in enumerate(sent):
                words.append(w)
                tags.append(t)
                starts.append(j == 0)
                spaces.append(True)
                if j > 0 and (w in NO_SPACE_BEFORE or w.lower() in NO_SPACE_BEFORE):
                    spaces[-2] = False
            for s, e, lab in iob_spans([x[2] for x in sent]):
                ws = [x[0] for x in sent[s:e]]
                if lab == "per":
                    from labels import strip_titles

                    s2, _e2 = strip_titles(ws, 0, len(ws))
                    s, ws = s + s2, ws[s2:]
                new = map_gmb(lab, ws, [x[1] for x in sent[s:e]])
                if new:
                    ents.append((off + s, off + e, new))
        spaces[-1] = False
        doc = Doc(vocab, words=words, spaces=spaces, tags=tags, sent_starts=starts)
        doc.ents = [
            doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=lab)
            for s, e, lab in ents
        ]
        yield doc


def keep_orig(label, words):
    return label if label in ("PER", "ORG", "LOC") else None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    p.add_argument("--out", type=Path, default=HERE / "corpus")
    p.add_argument("--no-gum", action="store_true", help="leave out GUM (CC BY-NC-SA)")
    p.add_argument("--no-gmb", action="store_true", help="leave out GMB NER (licence not cleared)")
    args = p.parse_args()
    c = args.corpora
    args.out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    stats = {}
    ewt = c / "ud-english-ewt"
    uner = c / "uner-english-ewt"
    train = list(
        ewt_docs(
            vocab,
            ewt / "en_ewt-ud-train.conllu",
            uner / "en_ewt-ud-train.2022-12-02-preliminary.iob2",
            stats=stats,
        )
    )
    n_ewt = len(train)
    if not args.no_gum:
        train += list(gum_docs(vocab, c / "ud-english-gum" / "en_gum-ud-train.conllu"))
    n_gum = len(train) - n_ewt
    if not args.no_gmb:
        train += list(gmb_docs(vocab, c / "gmb-ner" / "gmb_ner.iob2"))
    n_gmb = len(train) - n_ewt - n_gum
    random.Random(0).shuffle(train)
    DocBin(docs=train, store_user_data=False).to_disk(args.out / "train.spacy")
    dev = list(
        ewt_docs(vocab, ewt / "en_ewt-ud-dev.conllu", uner / "en_ewt-ud-dev.iob2", stats=stats)
    )
    DocBin(docs=dev).to_disk(args.out / "dev.spacy")
    test = list(
        ewt_docs(vocab, ewt / "en_ewt-ud-test.conllu", uner / "en_ewt-ud-test.iob2", stats=stats)
    )
    DocBin(docs=test).to_disk(args.out / "test_ewt.spacy")
    test_u = list(
        ewt_docs(
            vocab, ewt / "en_ewt-ud-test.conllu", uner / "en_ewt-ud-test.iob2", mapper=keep_orig
        )
    )
    DocBin(docs=test_u).to_disk(args.out / "test_uner.spacy")
    dev_u = list(
        ewt_docs(vocab, ewt / "en_ewt-ud-dev.conllu", uner / "en_ewt-ud-dev.iob2", mapper=keep_orig)
    )
    DocBin(docs=dev_u).to_disk(args.out / "dev_uner.spacy")
    gum_test = list(gum_docs(vocab, c / "ud-english-gum" / "en_gum-ud-test.conllu"))
    DocBin(docs=gum_test).to_disk(args.out / "test_gum.spacy")
    from collections import Counter

    lab = Counter(e.label_ for d in train for e in d.ents)
    print(f"train docs: EWT {n_ewt}, GUM {n_gum}, GMB {n_gmb}; words {sum(len(d) for d in train)}")
    print(f"train entity labels: {dict(lab)}")
    print(f"dev docs {len(dev)}, test docs {len(test)}, GUM test docs {len(gum_test)}; {stats}")


if __name__ == "__main__":
    main()
