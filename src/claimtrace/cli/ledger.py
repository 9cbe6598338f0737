"""``claimtrace ingest|failures|claims|sources|show``: the ledger from the command line.

Every command takes ``--db URL`` (or ``$CLAIMTRACE_DB``); without either the ledger is
the SQLite file ``./claimtrace.db``. A plain path is a SQLite file; PostgreSQL is
``postgresql://user@host:port/dbname``. The commands are thin shells over
:mod:`claimtrace.ledger`.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

import click

from claimtrace.cli.options import input_format_option, model_option, tagger_option

FORMATS = click.Choice(["table", "json", "csv"])

db_option = click.option(
    "--db",
    envvar="CLAIMTRACE_DB",
    default=None,
    metavar="URL",
    help="Ledger database: a SQLAlchemy URL or a SQLite path "
    "[env CLAIMTRACE_DB; default sqlite:///claimtrace.db].",
)
format_option = click.option(
    "--format", "fmt", type=FORMATS, default="table", show_default=True, help="Output format."
)


def _open(db: str | None):
    try:
        from claimtrace.ledger import Ledger
    except ImportError as exc:  # the 'db' extra is missing
        raise click.ClickException(
            f"the ledger needs SQLAlchemy, Alembic and psycopg ({exc.name} is missing): "
            "pip install 'claimtrace[db]'"
        ) from exc
    return Ledger.open(db)


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _emit(rows: list[dict[str, Any]], columns: Sequence[str], fmt: str, title: str) -> None:
    from claimtrace.ledger.queries import flatten

    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=_json_default))
        return
    flat = [flatten(r, columns) for r in rows]
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in flat:
        table.add_row(*(str(row[c]) for c in columns))
    Console().print(table)


# -------------------------------------------------------------------------------- ingest


@click.command("ingest")
@click.argument("sources", nargs=-1)
@db_option
@click.option("--retry", is_flag=True, help="Also read again the inputs of stored failures.")
@click.option(
    "--analyzed",
    is_flag=True,
    help="Inputs are JSONL of analysed articles (claimtrace extract --format jsonl): "
    "store them as they are, without running the pipeline.",
)
@click.option("--reanalyze", is_flag=True, help="Analyse articles already stored again.")
@model_option
@tagger_option
@input_format_option
@click.option(
    "--allow-private",
    is_flag=True,
    help="Allow URLs on private, loopback and link-local addresses.",
)
@click.option("--batch-size", default=50, show_default=True, help="Articles per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest_command(
    sources: tuple[str, ...],
    db: str | None,
    retry: bool,
    analyzed: bool,
    reanalyze: bool,
    model: str | None,
    input_format: str | None,
    allow_private: bool,
    batch_size: int,
    quiet: bool,
) -> None:
    """Analyse articles and store them in the ledger.

    SOURCES are files, folders, feeds, URLs or - (stdin). Each article is stored once,
    keyed by a hash of its text: running the same command again stores nothing new, and
    after an interruption it completes the rest. Failures are listed by
    `claimtrace failures`; --retry tries them again.

    Example: claimtrace ingest news/*.html https://example.org/feed.xml --db ledger.db
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from claimtrace.ledger.ingest import ingest

    if not sources and not retry:
        raise click.UsageError("give at least one SOURCE, or --retry")
    console = Console(stderr=True)
    with _open(db) as ledger:
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest"),
            BarColumn(bar_width=None),
            TextColumn(
                "{task.fields[stored]} stored, {task.fields[skipped]} already there, "
                "[red]{task.fields[failures]} failed[/] · {task.fields[rate]:.1f} articles/s"
            ),
            TimeElapsedColumn(),
            console=console,
            disable=quiet,
            transient=False,
        )
        with progress:
            task = progress.add_task("ingest", total=None, stored=0, skipped=0, failures=0, rate=0)

            def update(stats) -> None:
                progress.update(
                    task,
                    completed=stats.seen,
                    stored=stats.stored,
                    skipped=stats.skipped,
                    failures=stats.failures,
                    rate=stats.rate,
                )

            stats = ingest(
                ledger,
                sources,
                retry=retry,
                analyzed=analyzed,
                reanalyze=reanalyze,
                model=model,
                input_format=input_format,
                allow_private=allow_private,
                batch_size=batch_size,
                on_progress=update,
            )
            update(stats)
        console.print(
            f"{stats.inserted} new, {stats.replaced} replaced, {stats.unchanged} unchanged, "
            f"{stats.skipped} already stored, {stats.failures} failed"
            + (" (claimtrace failures lists them)" if stats.failures else "")
        )


# ------------------------------------------------------------------------------ failures


@click.command("failures")
@db_option
@format_option
@click.option("--all", "include_resolved", is_flag=True, help="Include resolved failures.")
def failures_command(db: str | None, fmt: str, include_resolved: bool) -> None:
    """List inputs that could not be read, analysed or stored, and why.

    Example: claimtrace failures --format csv > failures.csv
    """
    with _open(db) as ledger:
        rows = [f.to_dict() for f in ledger.failures(include_resolved=include_resolved)]
    columns = ["origin", "stage", "code", "reason", "attempts", "last_failed_at"]
    if include_resolved:
        columns.append("resolved_at")
    _emit(rows, columns, fmt, f"{len(rows)} failures")


# -------------------------------------------------------------------------------- claims


@click.command("claims")
@db_option
@click.option("--source", "-s", default=None, help="Source entity (id, name or alias) or text.")
@click.option("--kind", "-k", default=None, help="Source kind: government, intelligence, ...")
@click.option("--stance", default=None, help="assert, deny, downplay, conditional, ...")
@click.option("--about", "-a", default=None, help="Words the claim content must contain.")
@click.option("--since", default=None, metavar="DATE", help="Published on or after (ISO date).")
@click.option("--until", default=None, metavar="DATE", help="Published on or before.")
@click.option("--limit", default=100, show_default=True, help="At most this many (0: all).")
@format_option
def claims_command(
    db: str | None,
    source: str | None,
    kind: str | None,
    stance: str | None,
    about: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    fmt: str,
) -> None:
    """Claims in the ledger, newest first, filtered by source, kind, stance, words, dates.

    Example: claimtrace claims --kind intelligence --stance deny --about troops --since 2024-10-01
    """
    from claimtrace.ledger.queries import CLAIM_COLUMNS, query_claims

    with _open(db) as ledger:
        rows = query_claims(
            ledger,
            source=source,
            kind=kind,
            stance=stance,
            about=about,
            since=since,
            until=until,
            limit=limit or None,
        )
    columns = (
        CLAIM_COLUMNS
        if fmt != "table"
        else ("published", "outlet", "source", "source_kind", "stance", "cue", "content", "uid")
    )
    _emit(rows, columns, fmt, f"{len(rows)} claims")


# ------------------------------------------------------------------------------- sources


@click.command("sources")
@db_option
@click.option("--kind", "-k", default=None, help="Only sources of this kind.")
@click.option("--limit", default=0, help="At most this many (0: all).")
@format_option
def sources_command(db: str | None, kind: str | None, limit: int, fmt: str) -> None:
    """Each source with its claims by stance and the first and last dates it was cited.

    Example: claimtrace sources --kind government --format json
    """
    from claimtrace.ledger.queries import query_sources

    with _open(db) as ledger:
        rows = query_sources(ledger, kind=kind, limit=limit or None)
    columns = ("id", "name", "kind", "claims", "by_stance", "articles", "first", "last")
    _emit(rows, columns, fmt, f"{len(rows)} sources")


# ---------------------------------------------------------------------------------- show


@click.command("show")
@click.argument("article_id")
@db_option
@format_option
def show_command(article_id: str, db: str | None, fmt: str) -> None:
    """One stored article with its claims (the id, or its first 6+ characters).

    Example: claimtrace show 3f2a9c1e --format json
    """
    from claimtrace.ledger.rows import claim_uid
    from claimtrace.model import spans_text

    with _open(db) as ledger:
        article = ledger.find_article(article_id)
    if fmt == "json":
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        return
    rows = [
        {
            "uid": claim_uid(article.id, c.id),
            "source": spans_text(c.source),
            "source_entity": c.source_entity.id if c.source_entity else None,
            "source_kind": c.source_kind.value,
            "cue": spans_text(c.cue),
            "content": spans_text(c.content),
            "stance": c.stance.value,
            "hedges": [h.cue for h in c.hedges],
            "via": [spans_text(v.source) for v in c.via],
        }
        for c in article.claims
    ]
    columns = ("uid", "source", "source_kind", "stance", "cue", "content", "hedges", "via")
    if fmt == "csv":
        _emit(rows, ("uid", "source", "source_entity", *columns[2:]), fmt, "")
        return
    click.echo(f"{article.id}  {article.published or 'undated'}  {article.outlet or ''}")
    if article.title:
        click.echo(article.title)
    if article.url:
        click.echo(article.url)
    _emit(rows, columns, fmt, f"{len(rows)} claims")


COMMANDS = [ingest_command, failures_command, claims_command, sources_command, show_command]
