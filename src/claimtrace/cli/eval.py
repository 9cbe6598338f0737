"""``claimtrace eval ...``: benchmark runners, each scored by the shared scorers.

Every subcommand takes a gold file in a public corpus format, analyses the raw text with
the gold annotations hidden, writes predictions in the same format (``--predictions``)
and prints the scorer's report. The runners live in :mod:`claimtrace.evaluation`.
"""

from __future__ import annotations

import click


@click.group(name="eval")
def eval_group() -> None:
    """Measure claimtrace on a benchmark file.

    Example: claimtrace eval attribution ../shared/corpora/polnear/dev.jsonl
    """


COMMANDS = [eval_group]
