"""Read, analyse and store inputs in committed batches; record what fails and why.

``ingest`` is what ``claimtrace ingest`` runs. Its guarantees:

- Work commits per batch (``batch_size`` articles, or whatever arrived within
  ``max_wait_s``), so a kill at any moment loses at most the batch in flight.
- Articles already stored are recognised by their content-hash id before analysis and
  skipped (``reanalyze=True`` analyses and replaces them), so a rerun after a kill only
  does the rest, and never stores an article twice.
- An input that cannot be read, analysed or stored becomes a row in ``failures`` with
  its reason; ``retry=True`` reads the origins of unresolved failures again, and a
  failure is marked resolved once its origin is stored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from claimtrace.errors import ClaimtraceError, LedgerError
from claimtrace.ledger.store import Ledger, StoreResult
from claimtrace.model import Article, Failure, article_id, from_dict

log = logging.getLogger(__name__)

Item = Article | Failure

#: Refresh the planner's statistics after an ingest that stored at least this many.
OPTIMIZE_AFTER = 100


@dataclass
class IngestStats:
    """Counts so far; ``rate`` is articles stored (or found unchanged) per second."""

    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0  # already stored, so not analysed again
    failures: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def stored(self) -> int:
        return self.inserted + self.replaced + self.unchanged

    @property
    def seen(self) -> int:
        return self.stored + self.skipped + self.failures

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.stored / elapsed if elapsed > 0 else 0.0

    def add(self, result: StoreResult) -> None:
        self.inserted += result.inserted
        self.replaced += result.replaced
        self.unchanged += result.unchanged


Progress = Callable[[IngestStats], None]


def store_items(
    ledger: Ledger,
    items: Iterable[Item],
    *,
    batch_size: int = 50,
    max_wait_s: float = 1.0,
    stats: IngestStats | None = None,
    on_progress: Progress | None = None,
) -> IngestStats:
    """Store analysed articles in batches and failures as they come."""
    stats = stats or IngestStats()
    batch: list[Article] = []
    batch_started = time.monotonic()

    def flush() -> None:
        nonlocal batch
        if batch:
            _store_batch(ledger, batch, stats)
            batch = []
        if on_progress:
            on_progress(stats)

    for item in items:
        if isinstance(item, Failure):
            ledger.record_failure(item)
            stats.failures += 1
            if on_progress:
                on_progress(stats)
            continue
        if not batch:
            batch_started = time.monotonic()
        batch.append(item)
        if len(batch) >= batch_size or time.monotonic() - batch_started >= max_wait_s:
            flush()
    flush()
    return stats


def _store_batch(ledger: Ledger, batch: list[Article], stats: IngestStats) -> None:
    try:
        stats.add(ledger.store_many(batch))
        return
    except SQLAlchemyError as exc:
        if len(batch) == 1:
            _fail_store(ledger, batch[0], exc, stats)
            return
        log.info("batch of %d failed (%s); storing one by one", len(batch), exc)
    for article in batch:  # find the one that fails; the others are stored
        try:
            stats.add(ledger.store(article))
        except SQLAlchemyError as exc:
            _fail_store(ledger, article, exc, stats)


def _fail_store(ledger: Ledger, article: Article, exc: Exception, stats: IngestStats) -> None:
    reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    ledger.record_failure(
        Failure(
            origin=article.origin or article.id,
            reason=f"cannot store article {article.id}: {reason}",
            code=LedgerError.code,
            stage="store",
        )
    )
    stats.failures += 1


# ------------------------------------------------------------------------------ reading


def read_analyzed(source: str) -> Iterator[Item]:
    """Analysed articles from JSONL (one ``Article.to_dict()`` per line; ``-``: stdin), as
    ``claimtrace extract --format jsonl`` writes them, its ``{"failure": ...}`` lines
    included."""
    import sys

    stream = sys.stdin if source == "-" else None
    name = "stdin" if source == "-" else source
    try:
        handle = stream or open(source, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        yield Failure(name, f"cannot read {name}: {exc.strerror or exc}", "CT010", "ingest")
        return
    with handle if stream is None else contextlib.nullcontext(handle):
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            origin = f"{name}:{number}"
            try:
                data = json.loads(line)
                if isinstance(data, dict) and isinstance(data.get("failure"), dict):
                    # `claimtrace extract --format jsonl` writes refused inputs like this
                    yield from_dict(Failure, data["failure"])
                    continue
                if "id" not in data and "text" in data:
                    data = {**data, "id": article_id(data["text"])}
                article = Article.from_dict(data)
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                yield Failure(origin, f"not an analysed article record: {exc}", "CT013", "ingest")
                continue
            yield article if article.origin else dataclasses.replace(article, origin=origin)


def _read_url(url: str, *, allow_private: bool, input_format: str | None) -> Iterator[Item]:
    from claimtrace.ingest import read_inputs
    from claimtrace.ingest.readers import failure_from
    from claimtrace.ingest.url import fetch_url

    try:
        fetched = fetch_url(url, allow_private=allow_private)
    except ClaimtraceError as exc:
        yield failure_from(exc, url)
        return
    with tempfile.TemporaryDirectory(prefix="claimtrace-url-") as tmp:
        path = Path(tmp) / f"fetched{fetched.suffix}"
        path.write_bytes(fetched.body)
        for item in read_inputs(
            [str(path)], input_format=input_format, meta={"url": fetched.final_url}
        ):
            origin = (item.origin or "").replace(str(path), url) or url
            if isinstance(item, Article) and not item.url:
                item = dataclasses.replace(item, url=fetched.final_url)
            yield dataclasses.replace(item, origin=origin)


#: Suffixes of the files taken from a folder (files named on the command line are always
#: read): what the ingest readers recognise. Anything else in a folder (the ledger's own
#: database, images, ...) is left alone.
FOLDER_SUFFIXES = frozenset(
    {
        ".txt",
        ".text",
        ".md",
        ".html",
        ".htm",
        ".xhtml",
        ".rss",
        ".atom",
        ".xml",
        ".jsonl",
        ".ndjson",
    }
)


def expand_sources(sources: Iterable[str]) -> Iterator[str]:
    """Sources with each folder replaced by the readable files under it (sorted; hidden
    files and ``.meta.json`` sidecars left out, as the readers pick sidecars up)."""
    for source in sources:
        path = Path(source)
        if source == "-" or not path.is_dir():
            yield source
            continue
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path).parts
            if (
                child.is_file()
                and child.suffix.lower() in FOLDER_SUFFIXES
                and not any(part.startswith(".") for part in relative)
            ):
                yield str(child)


def read_sources(
    sources: Iterable[str],
    *,
    analyzed: bool = False,
    input_format: str | None = None,
    allow_private: bool = False,
) -> Iterator[Item]:
    """Articles (unanalysed unless ``analyzed``) and failures from paths, URLs and feeds."""
    from claimtrace.ingest.url import is_url

    for source in expand_sources(sources):
        if analyzed:
            yield from read_analyzed(source)
        elif is_url(source):
            yield from _read_url(source, allow_private=allow_private, input_format=input_format)
        else:
            from claimtrace.ingest import read_inputs

            yield from read_inputs([source], input_format=input_format)


_ITEM_SUFFIX = re.compile(r"(#\d+|:\d+)$")


def retry_origin(origin: str) -> str | None:
    """The source to read again for a failure's origin, or None when it cannot be re-read
    (stdin, a file that is gone). ``feed.xml#3`` and ``file.jsonl:12`` map to the file."""
    from claimtrace.ingest.url import is_url

    if origin in ("stdin", "-"):
        return None
    if is_url(origin):
        return origin
    for candidate in (origin, _ITEM_SUFFIX.sub("", origin)):
        if Path(candidate).exists():
            return candidate
    return None


def ingest(
    ledger: Ledger,
    sources: Iterable[str],
    *,
    retry: bool = False,
    analyzed: bool = False,
    reanalyze: bool = False,
    model: str | None = None,
    input_format: str | None = None,
    allow_private: bool = False,
    batch_size: int = 50,
    max_wait_s: float = 1.0,
    on_progress: Progress | None = None,
) -> IngestStats:
    """Read ``sources`` (plus, with ``retry``, the origins of stored failures), analyse
    what is not stored yet, and store it. See the module docstring for the guarantees."""
    sources = list(dict.fromkeys(sources))
    if retry:
        for failure in ledger.failures():
            again = retry_origin(failure.origin)
            if again is None:
                log.warning("cannot retry %s: its input cannot be read again", failure.origin)
            elif again not in sources:
                sources.append(again)
    stats = IngestStats()
    items = read_sources(
        sources, analyzed=analyzed, input_format=input_format, allow_private=allow_private
    )
    if not analyzed:
        from claimtrace.api import analyze_articles

        items = analyze_articles(_unstored(ledger, items, stats, reanalyze), model=model)
    stats = store_items(
        ledger,
        items,
        batch_size=batch_size,
        max_wait_s=max_wait_s,
        stats=stats,
        on_progress=on_progress,
    )
    if stats.inserted + stats.replaced >= OPTIMIZE_AFTER:
        ledger.optimize()
    return stats


def _unstored(
    ledger: Ledger, items: Iterable[Item], stats: IngestStats, reanalyze: bool
) -> Iterator[Item]:
    """Drop articles already in the ledger (counted as skipped) so they are not analysed."""
    for item in items:
        if isinstance(item, Article) and not reanalyze and ledger.has_article(item.id):
            stats.skipped += 1
            if item.origin:
                ledger.resolve_failures([item.origin])
            continue
        yield item
