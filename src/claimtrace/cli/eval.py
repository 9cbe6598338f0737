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


def _pipeline(model: str | None, components: tuple[str, ...]):
    from claimtrace.nlp.pipeline import build_pipeline

    return build_pipeline(model, components=components)


@eval_group.command("quantities")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default="all",
    show_default=True,
    help="Which part of the gold set to score.",
)
@click.option(
    "--model",
    default=None,
    help="Base pipeline: fast, blank, a path ... (default: the shipped fast tier, else blank).",
)
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the predicted quantities here (JSONL).",
)
def eval_quantities(gold: str, split: str, model: str | None, predictions: str | None) -> None:
    """Value and value+qualifier F1 on a hand-annotated quantities gold set.

    Example: claimtrace eval quantities eval/gold/quantities.jsonl --split test
    """
    from claimtrace.evaluation.quantities import evaluate

    nlp = _pipeline(model, ("claimtrace_quantities", "claimtrace_stance"))
    _scores, text = evaluate(gold, nlp, split=split, predictions=predictions)
    click.echo(text)


@eval_group.command("stance")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default="all",
    show_default=True,
    help="Which part of the gold set to score.",
)
@click.option(
    "--corpus",
    type=click.Path(dir_okay=False),
    default=None,
    help="PolNeAR dev.jsonl holding the article texts "
    "(default: ../shared/corpora/polnear/dev.jsonl).",
)
@click.option(
    "--model",
    default=None,
    help="Base pipeline: fast, blank, a path ... (default: the shipped fast tier, else blank).",
)
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the predicted claims here (JSONL).",
)
def eval_stance(
    gold: str, split: str, corpus: str | None, model: str | None, predictions: str | None
) -> None:
    """Stance macro-F1, hedge F1, basis and modality on gold PolNeAR attributions.

    The gold source/cue/content spans are given; only stance and hedging are predicted.

    Example: claimtrace eval stance eval/gold/stance-polnear-dev.jsonl --split test
    """
    from claimtrace.evaluation.stance import evaluate

    nlp = _pipeline(model, ())
    _scores, text = evaluate(gold, nlp, corpus=corpus, split=split, predictions=predictions)
    click.echo(text)
