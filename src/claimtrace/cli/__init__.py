"""The ``claimtrace`` command line: thin commands over the Python API.

Each command group lives in its own module and is listed in ``COMMAND_MODULES``; every
module exposes ``COMMANDS``, a list of click commands. Library errors
(:class:`claimtrace.errors.ClaimtraceError`) become one clean message and exit status 2.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from claimtrace.errors import ClaimtraceError

COMMAND_MODULES = ("extract", "model", "eval", "ledger")


class _Main(click.Group):
    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except ClaimtraceError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_Main)
@click.version_option(package_name="claimtrace")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Follow what the news claims, who claims it, and how it holds up.

    Example: claimtrace extract article.txt --published 2024-10-24 --format table
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


for _name in COMMAND_MODULES:
    for _command in importlib.import_module(f"claimtrace.cli.{_name}").COMMANDS:
        main.add_command(_command)
