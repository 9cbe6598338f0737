"""``claimtrace extract`` and ``claimtrace demo``."""

from __future__ import annotations

import sys
from importlib import resources

import click
from rich.console import Console

from claimtrace.api import analyze_articles
from claimtrace.cli.options import input_format_option, model_option, tagger_option
from claimtrace.export.jsonio import write_json, write_jsonl
from claimtrace.ingest import parse_date, read_inputs
from claimtrace.ingest.validate import MAX_CHARS
from claimtrace.model import Article, Failure

OUTPUT_FORMATS = ("json", "jsonl", "table")


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and parse_date(value) is None:
        raise click.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD)")
    return value


def run_extract(
    sources: list[str],
    *,
    output: str,
    input_format: str | None,
    meta: dict,
    model: str | None,
    max_chars: int = MAX_CHARS,
    require_english: bool = True,
) -> int:
    """Analyse sources and print them; return the exit status (1 if any item failed)."""
    console = Console(stderr=False, width=None if sys.stdout.isatty() else 160)
    items = read_inputs(
        sources,
        input_format=input_format,
        meta=meta,
        max_chars=max_chars,
        require_english=require_english,
    )
    done: list[Article] = []
    failures = 0
    for item in analyze_articles(items, model=model):
        if isinstance(item, Failure):
            failures += 1
            click.echo(f"error: {item.origin}: {item.reason} [{item.code}]", err=True)
            continue
        if output == "jsonl":
            write_jsonl(item, sys.stdout)
        elif output == "table":
            from claimtrace.cli.render import render_article

            render_article(item, console)
        else:
            done.append(item)
    if output == "json" and done:
        write_json(done, sys.stdout)
    total = failures + len(done) if output == "json" else None
    if failures:
        counted = f" of {total}" if total else ""
        click.echo(f"{failures}{counted} item(s) failed", err=True)
    return 1 if failures else 0


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--format",
    "output",
    type=click.Choice(OUTPUT_FORMATS),
    default="json",
    show_default=True,
    help="json: one object per article; jsonl: a stream; table.",
)
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Same as --format jsonl.")
@input_format_option
@click.option("--published", callback=_published, help="Publication date, YYYY-MM-DD.")
@click.option("--outlet", help="Outlet name, e.g. Reuters.")
@click.option("--url", help="Article URL.")
@click.option("--title", help="Article title.")
@model_option
@tagger_option
@click.option(
    "--max-chars",
    type=int,
    default=MAX_CHARS,
    show_default=True,
    help="Refuse articles longer than this.",
)
@click.option(
    "--language-check/--no-language-check",
    default=True,
    show_default=True,
    help="Refuse text that is detected as not English.",
)
def extract(
    sources: tuple[str, ...],
    output: str,
    as_jsonl: bool,
    input_format: str | None,
    published: str | None,
    outlet: str | None,
    url: str | None,
    title: str | None,
    model: str | None,
    max_chars: int,
    language_check: bool,
) -> None:
    """Analyse articles and print their claims.

    FILE is a text, HTML, RSS/Atom or JSONL file, or - for standard input. A text file
    NAME.txt may have a NAME.meta.json sidecar with published, outlet, url, title.

    Example: claimtrace extract story.txt --published 2024-10-24 --format table
    """
    meta = {"published": published, "outlet": outlet, "url": url, "title": title}
    status = run_extract(
        list(sources),
        output="jsonl" if as_jsonl else output,
        input_format=input_format,
        meta=meta,
        model=model,
        max_chars=max_chars,
        require_english=language_check,
    )
    sys.exit(status)


def example_path() -> str:
    """The reference article shipped inside the package."""
    return str(resources.files("claimtrace") / "examples" / "nk-troops-russia.txt")


@click.command()
@click.option(
    "--format", "output", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True
)
@model_option
@tagger_option
def demo(output: str, model: str | None) -> None:
    """Analyse the reference article shipped with claimtrace.

    Example: claimtrace demo --format json
    """
    sys.exit(
        run_extract([example_path()], output=output, input_format="text", meta={}, model=model)
    )


COMMANDS = [extract, demo]
