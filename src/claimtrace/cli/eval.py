"""``claimtrace eval ...``: benchmark runners, each scored by the shared scorers.

Every subcommand takes a gold file in a public corpus format, analyses the raw text with
the gold annotations hidden, writes predictions in the same format (``--predictions``)
and prints the scorer's report. The runners live in :mod:`claimtrace.evaluation`.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimtrace.cli.options import model_option


@click.group(name="eval")
def eval_group() -> None:
    """Measure claimtrace on a benchmark file.

    Example: claimtrace eval attribution ../shared/corpora/polnear/dev.jsonl
    """


@eval_group.command("attribution")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--predictions", "-o", type=click.Path(dir_okay=False), help="Write predictions here."
)
@click.option("--breakdown", is_flag=True, help="Recall by quote type and for source-less gold.")
@click.option("--model", "-m", default=None, help="Base pipeline: fast, blank, a path ...")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option(
    "--tagger",
    default="default",
    show_default=True,
    help="Role tagger: default (accurate if the accurate extra is installed, else fast; "
    "or $CLAIMTRACE_TAGGER), accurate (fine-tuned MiniLM), fast (the CNN), rules (no model) "
    "or a path to a trained one.",
)
@click.option(
    "--json", "json_out", type=click.Path(dir_okay=False), help="Also write scores as JSON."
)
def eval_attribution(gold, predictions, breakdown, model, limit, tagger, json_out) -> None:
    """Attribution (source / cue / content) on a PolNeAR-style JSONL file.

    Example: claimtrace eval attribution ../shared/corpora/polnear/dev.jsonl --breakdown
    """
    import json

    from claimtrace.evaluation.attribution import run_attribution_eval
    from claimtrace.nlp.factories import default_tagger, tagger_path

    name = default_tagger() if tagger in ("", "default") else tagger
    click.echo(f"role tagger: {name} ({tagger_path(name) or 'rule fallback'})", err=True)
    run = run_attribution_eval(
        gold,
        predictions=predictions,
        model=model,
        breakdown=breakdown,
        limit=limit,
        tagger=tagger,
    )
    click.echo(run.report)
    click.echo(
        f"\n{run.n_docs} articles analysed in {run.seconds:.1f}s; predictions: {run.predictions}"
    )
    if json_out:
        with open(json_out, "w", encoding="utf-8") as fh:
            json.dump(run.result, fh, indent=1)


COMMANDS = [eval_group]


@eval_group.command("dates")
@click.argument("folder", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the predictions here (score_timex.py JSONL).",
)
@click.option(
    "--split",
    type=click.Choice(["all", "dev", "test"]),
    default="all",
    show_default=True,
    help="Score one part of a folder that has a split list (eval/splits), or all files.",
)
@click.option(
    "--files",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='A split list {"dev": [names], "test": [names]} (default: the project\'s list '
    "whose names are exactly the folder's files).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scorer's summary as JSON.")
def eval_dates(
    folder: Path, predictions: Path | None, split: str, files: Path | None, as_json: bool
) -> None:
    """TIMEX3 tagging and normalisation on a folder of TimeML (.tml) files.

    The <TEXT> is read as plain text and the <DCT> is the publication date; the gold
    TIMEX3 markup is only used by the scorer.

    Example: claimtrace eval dates ../shared/corpora/tempeval3/AQUAINT --split dev
    """
    from claimtrace.evaluation.dates import evaluate

    summary = evaluate(folder, predictions, split=split, files=files)
    report = summary.pop("report")
    click.echo(json.dumps(summary, indent=2) if as_json else report)


@eval_group.command("places")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the predictions here (score_places.py JSONL).",
)
@click.option(
    "--split",
    type=click.Choice(["all", "dev", "test"]),
    default="all",
    show_default=True,
    help="Articles at even (dev) or odd (test) positions, or all of them.",
)
@click.option(
    "--model",
    default=None,
    help="A base pipeline whose entities (GPE/LOC/NORP) add toponym candidates.",
)
def eval_places(file: Path, predictions: Path | None, split: str, model: str | None) -> None:
    """Toponym recognition and geocoding on an XML file in the LGL scheme.

    Example: claimtrace eval places ../shared/corpora/geoparsing/lgl.xml --split test
    """
    from claimtrace.evaluation.places import evaluate

    nlp = None
    if model:
        from claimtrace.nlp.pipeline import load_base

        nlp = load_base(model)
    click.echo(json.dumps(evaluate(file, predictions, split=split, nlp=nlp)))


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
@model_option
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
    type=click.Choice(["dev", "test", "heldout", "all"]),
    default="all",
    show_default=True,
    help="Which part of the gold set to score (heldout: test parts plus the fresh batches).",
)
@click.option(
    "--batch",
    default=None,
    help="Only this annotation batch (stance-b1 ... stance-b12).",
)
@click.option(
    "--corpus",
    type=click.Path(dir_okay=False),
    default=None,
    help="File holding the article texts: a PolNeAR dev.jsonl (default: "
    "../shared/corpora/polnear/dev.jsonl) or, for records with corpus=fnc1, the FNC-1 "
    "train_bodies.csv (default: ../shared/corpora/fnc1/train_bodies.csv).",
)
@model_option
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the predicted claims here (JSONL).",
)
@click.option(
    "--backup/--rules-only",
    default=False,
    show_default=True,
    help="Let the learned backup model overturn the rules' assert (off by default since "
    "session 6; --rules-only, the default, scores the rules alone).",
)
@click.option(
    "--backup-kind",
    type=click.Choice(["lr", "transformer"]),
    default=None,
    help="Which backup --backup uses: lr, the logistic regression (default), or "
    "transformer, the fine-tuned MiniLM classifier of session 7 (needs the accurate extra "
    "and a trained classifier in $CLAIMTRACE_STANCE_TRANSFORMER or "
    "$CLAIMTRACE_MODELS/stance_transformer).",
)
def eval_stance(
    gold: str,
    split: str,
    batch: str | None,
    corpus: str | None,
    model: str | None,
    predictions: str | None,
    backup: bool,
    backup_kind: str | None,
) -> None:
    """Stance macro-F1, hedge F1, basis and modality on gold attributions.

    The gold source/cue/content spans are given; only stance and hedging are predicted.
    Records without a corpus field are PolNeAR dev; records with corpus=fnc1 are FNC-1
    bodies (doc_id = Body ID).

    Example: claimtrace eval stance eval/gold/stance-polnear-dev.jsonl --split test
    """
    from claimtrace.evaluation.stance import evaluate

    nlp = _pipeline(model, ())
    _scores, text = evaluate(
        gold,
        nlp,
        corpus=corpus,
        split=split,
        batch=batch,
        predictions=predictions,
        backup=backup,
        backup_kind=backup_kind,
    )
    click.echo(text)


@eval_group.command("sources")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option(
    "--split",
    default="all",
    show_default=True,
    help="Which part of the gold set to score: any split its rows name, or all (the "
    "project's set is split by article; dev2 to dev8 are the batches b8, b9, b11, b13, b14, "
    "b15 and b17 of sessions 8 to 12).",
)
@click.option(
    "--articles",
    type=click.Path(dir_okay=False),
    default=None,
    help="The article texts (default: sources-articles.jsonl beside GOLD).",
)
@model_option
@click.option(
    "--predictions", type=click.Path(dir_okay=False), default=None, help="Write claims here."
)
@click.option("--errors", is_flag=True, help="Also list the claims with a wrong kind or entity.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_sources(gold, split, articles, model, predictions, errors, as_json) -> None:
    """Source resolution (entity, kind, coreference, via, channel, metonymy) on the
    hand-labelled gold set.

    Example: claimtrace eval sources eval/gold/sources.jsonl --split dev
    """
    from claimtrace.evaluation.sources import run_sources_eval

    scores = run_sources_eval(
        gold, split=split, articles=articles, model=model, predictions=predictions
    )
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=1))
    else:
        click.echo(scores.report())
    if errors:
        for e in scores.errors:
            click.echo(json.dumps(e, ensure_ascii=False))
