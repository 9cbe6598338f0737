"""The ingest loop: batches, failures, skipping what is stored, retrying what failed.

The reader and the analyser are replaced by small fakes with the signatures of
``claimtrace.ingest.read_inputs`` and ``claimtrace.api.analyze_articles``, so these
tests need no trained model.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from claimtrace.ledger.ingest import (
    expand_sources,
    ingest,
    read_analyzed,
    retry_origin,
    store_items,
)
from claimtrace.ledger.synthetic import synthetic_article, synthetic_corpus
from claimtrace.model import Article, Claim, Failure, Span, article_id


class FakePipeline:
    """Reads .txt files (empty ones fail); 'CRASH' in the text fails analysis."""

    def __init__(self) -> None:
        self.analysed: list[str] = []

    def read_inputs(self, sources, *, input_format=None, meta=None):
        for source in sources:
            text = Path(source).read_text(encoding="utf-8")
            if not text.strip():
                yield Failure(source, "the file is empty", "CT011", "ingest")
                continue
            yield Article(id=article_id(text), text=text, origin=source, **(meta or {}))

    def analyze_articles(self, items, *, model=None):
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            self.analysed.append(item.origin)
            if "CRASH" in item.text:
                yield Failure(item.origin, "the analysis failed", "CT020", "analysis")
                continue
            span = Span(0, len(item.text), item.text)
            yield dataclasses.replace(item, claims=(Claim("c1", (), (), (span,)),))


@pytest.fixture
def fake(monkeypatch):
    pipeline = FakePipeline()
    import claimtrace.api
    import claimtrace.ingest

    monkeypatch.setattr(claimtrace.ingest, "read_inputs", pipeline.read_inputs, raising=False)
    monkeypatch.setattr(
        claimtrace.api, "analyze_articles", pipeline.analyze_articles, raising=False
    )
    return pipeline


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_ingest_stores_skips_and_retries(ledger, fake, tmp_path):
    good = [_write(tmp_path, f"a{i}.txt", f"Article number {i} said things.") for i in range(3)]
    empty = _write(tmp_path, "empty.txt", "  ")
    crash = _write(tmp_path, "crash.txt", "This one makes the model CRASH.")
    sources = [*good, empty, crash]

    first = ingest(ledger, sources)
    assert (first.inserted, first.failures, first.skipped) == (3, 2, 0)
    assert {(f.origin, f.stage) for f in ledger.failures()} == {
        (empty, "ingest"),
        (crash, "analysis"),
    }

    fake.analysed.clear()
    second = ingest(ledger, sources)  # a rerun analyses only what is not stored
    assert (second.inserted, second.skipped, second.failures) == (0, 3, 2)
    assert fake.analysed == [crash]
    assert {f.attempts for f in ledger.failures()} == {2}

    _write(tmp_path, "crash.txt", "This one is fine now.")
    third = ingest(ledger, [], retry=True)  # reads the failed origins again
    assert (third.inserted, third.failures) == (1, 1)
    assert [f.origin for f in ledger.failures()] == [empty]
    assert ledger.count() == 4


def test_store_items_keeps_the_good_articles_of_a_failing_batch(ledger):
    good = synthetic_corpus(5, claims=2, seed=5)
    bad = synthetic_article(99, claims=2, seed=5)
    bad = dataclasses.replace(bad, quantities=bad.quantities[:1] * 2)  # duplicate ids
    items = [*good[:2], bad, Failure("x.html", "not an article", "CT013"), *good[2:]]
    progress = []
    stats = store_items(ledger, items, batch_size=10, on_progress=progress.append)
    assert stats.inserted == 5
    assert stats.failures == 2
    assert sorted(ledger.article_ids()) == sorted(a.id for a in good)
    failures = {f.origin: f for f in ledger.failures()}
    assert failures[bad.origin].stage == "store"
    assert bad.id in failures[bad.origin].reason
    assert failures["x.html"].code == "CT013"
    assert progress


def test_read_analyzed_reports_bad_lines(tmp_path):
    article = synthetic_article(1)
    data = article.to_dict()
    del data["id"]  # computed from the text when missing
    path = tmp_path / "in.jsonl"
    refused = {
        "failure": {"origin": "x.html", "reason": "empty", "code": "CT011", "stage": "ingest"}
    }
    path.write_text(
        json.dumps(data)
        + "\n\n{oops\n"
        + json.dumps({"text": 3})
        + "\n"
        + json.dumps(refused)
        + "\n"
    )
    items = list(read_analyzed(str(path)))
    assert items[0] == article
    assert [(f.origin, f.code) for f in items[1:]] == [
        (f"{path}:3", "CT013"),
        (f"{path}:4", "CT013"),
        ("x.html", "CT011"),
    ]
    [missing] = read_analyzed(str(tmp_path / "nope.jsonl"))
    assert isinstance(missing, Failure) and "nope.jsonl" in missing.reason


def test_retry_origin_maps_items_to_their_file(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss/>")
    assert retry_origin(f"{feed}#3") == str(feed)
    assert retry_origin(f"{feed}:12") == str(feed)
    assert retry_origin(str(feed)) == str(feed)
    assert retry_origin("https://example.org/a#2") == "https://example.org/a#2"
    assert retry_origin("stdin") is None
    assert retry_origin(str(tmp_path / "gone.txt")) is None


def test_folders_expand_to_their_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in (
        "a.txt",
        "a.meta.json",
        "b/c.html",
        ".git/x.txt",
        ".hidden.txt",
        "claimtrace.db",
        "claimtrace.db-wal",
        "photo.jpg",
    ):
        (tmp_path / name).write_text("x")
    got = list(expand_sources([str(tmp_path), "-", "missing.txt"]))
    assert got == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.html"), "-", "missing.txt"]


def test_end_to_end_with_the_real_readers_and_the_blank_pipeline(ledger, tmp_path):
    """Files through claimtrace.ingest.read_inputs and claimtrace.api.analyze_articles."""
    folder = tmp_path / "news"
    folder.mkdir()
    texts = [
        "Officials said on Monday that 3,000 troops had arrived near the border.",
        "The ministry denied the report, calling it baseless, in a statement on Tuesday.",
    ]
    for i, text in enumerate(texts):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("   ", encoding="utf-8")
    stats = ingest(ledger, [str(folder)], model="blank")
    assert (stats.inserted, stats.failures) == (2, 1)
    assert [f.origin for f in ledger.failures()] == [str(folder / "empty.txt")]
    for text in texts:
        stored = ledger.get_article(article_id(text))
        assert stored.text == text and stored.analyzer is not None
    again = ingest(ledger, [str(folder)], model="blank")
    assert (again.inserted, again.skipped) == (0, 2)
