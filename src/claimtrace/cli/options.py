"""Options shared by several commands, declared once so they mean the same everywhere."""

from __future__ import annotations

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
