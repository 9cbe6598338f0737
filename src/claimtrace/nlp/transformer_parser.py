"""spaCy component ``claimtrace_transformer_parser``: the fine-tuned MiniLM multitask model
(:mod:`claimtrace.models.transformer_pipeline`) as one pipe that sets sentence boundaries,
heads and deps, ``pos_``, ``tag_``, morphology and ``doc.ents``.

The document is read in overlapping windows of word pieces; the model splits it into
sentences, then every sentence gets a tree with one root (maximum spanning tree). Whitespace
tokens are not shown to the model: they hang off the previous word (``dep``), with POS
``SPACE``. Needs torch and transformers (``pip install 'claimtrace[accurate]'``); importing
this module does not.

The model's files live in the pipe's directory of a spaCy pipeline (``encoder/`` in fp16,
``heads.pt``, ``manifest.json``), so ``spacy.load`` of a directory built by
``training/pipeline_transformer.py`` works after ``import claimtrace.nlp``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example

from claimtrace.nlp.tree_decode import bio_spans

FACTORY = "claimtrace_transformer_parser"


class TransformerParser:
    def __init__(self, nlp: Language, name: str = FACTORY, batch_size: int = 32) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.batch_size = batch_size
        self.model = None

    def set_model(self, model) -> None:
        self.model = model

    # ------------------------------------------------------------ annotation
    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        size = batch_size or self.batch_size
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self._annotate(batch)
                batch = []
        if batch:
            yield from self._annotate(batch)

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        if self.model is None:
            raise ValueError(f"{self.name}: no model loaded")
        keep = [[t.i for t in doc if not t.is_space] for doc in docs]
        results = self.model.analyse(
            [[doc[i].text for i in k] for doc, k in zip(docs, keep, strict=True)]
        )
        for doc, k, res in zip(docs, keep, results, strict=True):
            set_annotations(doc, k, res)
        return docs

    # ------------------------------------------------------------ scoring (spacy evaluate)
    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        examples = list(examples)
        out = {}
        out.update(Scorer.score_token_attr(examples, "pos", **kwargs))
        out.update(Scorer.score_token_attr(examples, "tag", **kwargs))
        out.update(Scorer.score_token_attr(examples, "morph", getter=_morph_key, **kwargs))
        out.update(Scorer.score_spans(examples, "sents", **kwargs))
        out.update(
            Scorer.score_deps(
                examples, "dep", getter=_dep_key, ignore_labels=("p", "punct"), **kwargs
            )
        )
        out.update(Scorer.score_spans(examples, "ents", **kwargs))
        return out

    # ------------------------------------------------------------ persistence
    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        src = getattr(self.model, "source_path", None)
        if src and Path(src).resolve() != path.resolve():
            shutil.copytree(src, path, dirs_exist_ok=True)
        elif self.model is not None and not src:
            self.model.save(path, manifest=getattr(self.model, "manifest", None))

    def from_disk(self, path, *, exclude=tuple()) -> TransformerParser:
        from claimtrace.models.transformer_pipeline import PipelineModel

        self.model = PipelineModel.load(path)
        self.model.source_path = str(path)
        return self


def _dep_key(token, attr):  # as spaCy's parser scores: label strings, lower case
    return token.vocab.strings.as_string(getattr(token, attr)).lower()


def _morph_key(token, attr):
    return getattr(token, attr).key


def set_annotations(doc: Doc, keep: list[int], res: dict) -> None:
    """Write the model's analysis of the non-space tokens ``keep`` into ``doc``."""
    n = len(doc)
    if n == 0:
        return
    heads = numpy.arange(n)
    deps = ["ROOT"] * n
    pos = ["SPACE"] * n
    tags = ["_SP"] * n
    feats = [""] * n
    for j, i in enumerate(keep):
        heads[i] = keep[res["heads"][j]]
        deps[i] = res["deps"][j]
        pos[i], tags[i] = res["upos"][j], res["xpos"][j]
        feats[i] = "" if res["feats"][j] == "_" else res["feats"][j]
    if keep:
        for i in range(n):
            if doc[i].is_space:  # hang whitespace off the previous word (else the next)
                prev = [k for k in keep if k < i]
                heads[i] = prev[-1] if prev else keep[0]
                deps[i] = "dep"
    arr = numpy.zeros((n, 2), dtype="uint64")
    arr[:, 0] = (heads - numpy.arange(n)).astype("int64").astype("uint64")
    arr[:, 1] = [doc.vocab.strings.add(d) for d in deps]
    doc.from_array([HEAD, DEP], arr)
    for tok in doc:
        tok.pos_ = pos[tok.i]
        tok.tag_ = tags[tok.i]
        tok.set_morph(feats[tok.i] or "_")  # "_": empty, as in the gold Docs (None would be unset)
    spans = [Span(doc, keep[a], keep[b - 1] + 1, label=lab) for lab, a, b in bio_spans(res["ner"])]
    doc.set_ents(spans, default="outside")


@Language.factory(FACTORY, default_config={"batch_size": 32})
def make_transformer_parser(nlp: Language, name: str, batch_size: int) -> TransformerParser:
    return TransformerParser(nlp, name, batch_size=batch_size)
