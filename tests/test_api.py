from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import claimtrace
from claimtrace.api import analyze_articles
from claimtrace.errors import EmptyInput, UnsupportedLanguage
from claimtrace.ingest import make_article
from claimtrace.model import Article, Failure
from claimtrace.nlp.pipeline import build_pipeline


def test_analyze_returns_an_article_with_provenance(english_text):
    article = claimtrace.analyze(english_text, published="2024-10-24", outlet="Wire", model="blank")
    assert isinstance(article, Article)
    assert article.published == dt.date(2024, 10, 24) and article.outlet == "Wire"
    assert article.analyzer is not None and article.analyzer.claimtrace_version


def test_analyze_refuses_bad_text():
    with pytest.raises(EmptyInput):
        claimtrace.analyze("   ", model="blank")
    with pytest.raises(UnsupportedLanguage):
        claimtrace.analyze(
            "Le gouvernement a déclaré jeudi que les troupes étaient déjà dans le pays.",
            model="blank",
        )


@Language.component("test_explodes_on_storm")
def _explodes(doc):
    if "storm" in doc.text:
        raise RuntimeError("boom")
    return doc


def test_a_failing_component_fails_one_article_not_the_batch(english_text):
    nlp = build_pipeline("blank")
    nlp.add_pipe("test_explodes_on_storm")
    items = [
        make_article(english_text, origin="a"),
        Failure("b", "unreadable"),
        make_article("A storm hit the coast, the weather office said on Monday.", origin="c"),
        make_article(english_text + " Residents returned.", origin="d"),
    ]
    results = list(analyze_articles(items, nlp=nlp, batch_size=2))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Failure", "Article"]
    assert results[2].stage == "analysis" and "boom" in results[2].reason
    assert [r.origin for r in results] == ["a", "b", "c", "d"]


class _BatchPipeThatRaises:
    """A component with its own ``pipe`` and no error handler (like spaCy's Cython parser)."""

    def __call__(self, doc):
        if "storm" in doc.text:
            raise ValueError("bad doc")
        return doc

    def pipe(self, docs, **kwargs):
        for doc in docs:
            yield self(doc)


@Language.factory("test_batch_pipe_that_raises")
def _make_batch_pipe(nlp, name):
    return _BatchPipeThatRaises()


def test_a_component_without_error_handler_still_fails_only_its_article(english_text):
    nlp = build_pipeline("blank")
    nlp.add_pipe("test_batch_pipe_that_raises")
    items = [
        make_article(english_text, origin="a"),
        make_article("A storm hit the coast, the weather office said on Monday.", origin="b"),
        make_article(english_text + " Residents returned.", origin="c"),
    ]
    results = list(analyze_articles(items, nlp=nlp, batch_size=8))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert "bad doc" in results[1].reason


def test_the_pipeline_takes_every_text_the_ingest_step_lets_through():
    # spaCy refuses texts over nlp.max_length (1,000,000 by default) before any component
    # runs; ingest allows up to MAX_CHARS, so the pipelines must allow as much
    from claimtrace.extract.attribution import load_tagger
    from claimtrace.ingest.validate import MAX_CHARS
    from claimtrace.nlp.factories import tagger_path

    assert build_pipeline("blank").max_length >= MAX_CHARS > 1_000_000
    assert load_tagger(tagger_path("fast")).max_length >= MAX_CHARS


def test_a_text_the_tokenizer_refuses_fails_one_article_not_the_batch(english_text):
    nlp = build_pipeline("blank")
    long_text = english_text + " More news followed." * 20
    nlp.max_length = len(english_text) + 40  # the long article is over the limit
    items = [
        make_article(english_text, origin="a"),
        make_article(long_text, origin="b"),
        make_article(english_text, origin="c"),
    ]
    results = list(analyze_articles(items, nlp=nlp, batch_size=8))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert results[1].stage == "analysis" and "exceeds maximum" in results[1].reason
    assert results[0].claims == results[2].claims
