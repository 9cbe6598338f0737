"""Options shared by several commands, declared once so they mean the same everywhere."""

from __future__ import annotations

import os

import click

from claimtrace.ingest import FORMATS

#: ``--model``: the base pipeline (see :func:`claimtrace.nlp.pipeline.resolve_model`).
model_option = click.option(
    "--model",
    default=None,
    help="fast (default), accurate, accurate-ft, accurate-frozen, blank, an en_core_web_* "
    "package or a directory.",
)

#: ``--input-format``: override format detection by content and extension.
input_format_option = click.option(
    "--input-format",
    type=click.Choice(FORMATS),
    default=None,
    help="Override detection by content and extension.",
)


def _choose_tagger(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """Name the role tagger for this run the way $CLAIMTRACE_TAGGER does: the attribution
    component reads it when the pipeline is built, after the options are parsed. The
    previous value comes back when the command ends, so a program that calls the CLI
    in-process (tests, notebooks) does not keep this run's choice."""
    if not value:
        return
    from claimtrace.nlp.factories import TAGGER_ENV

    before = os.environ.get(TAGGER_ENV)
    os.environ[TAGGER_ENV] = value

    def restore() -> None:
        if before is None:
            os.environ.pop(TAGGER_ENV, None)
        else:
            os.environ[TAGGER_ENV] = before

    ctx.call_on_close(restore)


#: ``--tagger``: the attribution role tagger (see :func:`claimtrace.nlp.factories.tagger_path`).
tagger_option = click.option(
    "--tagger",
    default=None,
    expose_value=False,
    is_eager=True,
    callback=_choose_tagger,
    help="Attribution role tagger: accurate (default where the accurate extra is installed), "
    "fast (the CNN), rules, or a directory; same as $CLAIMTRACE_TAGGER.",
)
