"""The Python API: analyse article text into claims, quantities, dates and places.

>>> import claimtrace
>>> article = claimtrace.analyze(text, published="2024-10-24", outlet="Newsweek")
>>> for claim in article.claims:
...     print(claim.source_kind, claim.stance, claim.content[0].text)

:func:`analyze` raises :class:`claimtrace.errors.InputError` for text it refuses;
:func:`analyze_articles` never raises for one bad item: it yields a
:class:`claimtrace.model.Failure` in its place and goes on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimtrace.errors import AnalysisError
from claimtrace.ingest import make_article
from claimtrace.model import Analyzer, Article, Failure
from claimtrace.nlp.extensions import LIST_ATTRS
from claimtrace.nlp.pipeline import get_pipeline, model_label

log = logging.getLogger(__name__)

BATCH_SIZE = 16


def _version() -> str:
    from claimtrace import __version__

    return __version__


def _error_handler(name: str, component: Any, docs: list[Doc], error: Exception) -> None:
    """spaCy error handler: mark the failing Docs instead of stopping the batch."""
    for doc in docs:
        if isinstance(doc, Doc):
            doc.user_data["ct_error"] = f"{name}: {type(error).__name__}: {error}"
    log.warning("component %s failed: %s", name, error)


def _make_doc(nlp: Language, article: Article) -> Doc:
    """The article's Doc with its metadata; if the text cannot even be tokenized, an empty
    Doc marked with the error, so that the article fails alone."""
    try:
        doc = nlp.make_doc(article.text)
    except Exception as exc:  # one bad article must not stop the batch
        doc = nlp.make_doc("")
        doc.user_data["ct_error"] = f"{type(exc).__name__}: {exc}"
    doc._.ct_meta = {
        "published": article.published.isoformat() if article.published else None,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
    }
    return doc


def _install_error_handler(nlp: Language) -> None:
    """Route component errors to :func:`_error_handler` wherever spaCy allows it.

    (``Language.set_error_handler`` itself fails on spaCy 3.8's Cython parser, which has
    no ``error_handler`` slot; such components are covered by :func:`_run_pipeline`.)
    """
    nlp.default_error_handler = _error_handler
    for _, component in nlp.pipeline:
        if hasattr(component, "set_error_handler"):
            with contextlib.suppress(AttributeError):
                component.set_error_handler(_error_handler)


def _run_pipeline(nlp: Language, articles: list[Article], batch_size: int) -> list[Doc]:
    """Process the articles' Docs in place; a failure marks its Doc, never the batch.

    spaCy drops a Doc whose component failed from what ``pipe()`` yields, so results are
    read from our own Doc objects. If a component without an error handler raises, the
    batch is redone one article at a time to find and mark the culprit.
    """
    docs = [_make_doc(nlp, a) for a in articles]
    try:
        for _ in nlp.pipe(docs, batch_size=batch_size):
            pass
        return docs
    except Exception:  # a component that could not take our error handler
        log.debug("batch failed; retrying article by article", exc_info=True)
    docs = [_make_doc(nlp, a) for a in articles]
    for doc in docs:
        try:
            nlp(doc)
        except Exception as exc:  # one bad article must not stop the batch
            doc.user_data["ct_error"] = f"{type(exc).__name__}: {exc}"
    return docs


def article_from_doc(article: Article, doc: Doc, nlp: Language) -> Article:
    """Copy what the components wrote on ``doc`` into a new Article record."""
    values = {name: tuple(getattr(doc._, name) or ()) for name in LIST_ATTRS}
    return dataclasses.replace(
        article,
        claims=values["ct_claims"],
        quantities=values["ct_quantities"],
        timexes=values["ct_timexes"],
        places=values["ct_places"],
        entities=values["ct_entities"],
        comment_requests=values["ct_comment_requests"],
        analyzer=Analyzer(claimtrace_version=_version(), model=model_label(nlp)),
    )


def analyze_articles(
    items: Iterable[Article | Failure],
    *,
    model: str | None = None,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Article | Failure]:
    """Analyse unanalysed Articles in batches; Failures pass through unchanged.

    An article on which a component fails becomes a Failure (stage ``analysis``) and the
    batch goes on.
    """
    nlp = nlp or get_pipeline(model)
    _install_error_handler(nlp)
    batch: list[Article | Failure] = []

    def flush() -> Iterator[Article | Failure]:
        articles = [a for a in batch if isinstance(a, Article)]
        docs = _run_pipeline(nlp, articles, batch_size)
        by_article = iter(docs)
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            doc = next(by_article)
            error = doc.user_data.get("ct_error")
            if error:
                reason = f"analysis failed in {error}"
                yield Failure(item.origin or item.id, reason, AnalysisError.code, stage="analysis")
            else:
                yield article_from_doc(item, doc, nlp)
        batch.clear()

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()


def analyze(
    text: str,
    *,
    published: str | dt.date | None = None,
    model: str | None = None,
    require_english: bool = True,
    **meta: Any,
) -> Article:
    """Analyse one article's text. ``meta`` may hold title, url, outlet, author.

    Raises :class:`~claimtrace.errors.InputError` for empty, oversized or non-English
    text, and :class:`~claimtrace.errors.AnalysisError` if an extractor fails.
    """
    article = make_article(
        text, origin="api", meta={**meta, "published": published}, require_english=require_english
    )
    (result,) = analyze_articles([article], model=model)
    if isinstance(result, Failure):
        raise AnalysisError(result.reason)
    return result


#: Alias: analyse many articles (see :func:`analyze_articles`).
analyze_many = analyze_articles

__all__ = ["analyze", "analyze_articles", "analyze_many", "article_from_doc"]
