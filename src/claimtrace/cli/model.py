"""``claimtrace model ...``: which pipeline is in use, and where it lives."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import click

from claimtrace.cli.options import model_option
from claimtrace.errors import ModelNotFound
from claimtrace.nlp.pipeline import CLAIMTRACE_COMPONENTS, load_base, resolve_model


@click.group(name="model")
def model_group() -> None:
    """Inspect the NLP pipeline.

    Example: claimtrace model path
    """


@model_group.command("path")
@model_option
def path(model: str | None) -> None:
    """Print the directory of the pipeline in use, loadable by spacy.load.

    Example: python -m spacy evaluate $(claimtrace model path) dev.spacy
    """
    target = resolve_model(model)
    if target == "blank":
        raise click.ClickException("no trained pipeline is installed; the blank one has no path")
    if isinstance(target, Path):
        click.echo(str(target))
    else:  # an installed package
        module = importlib.import_module(target)
        click.echo(str(Path(module.__file__).parent))


@model_group.command("info")
@model_option
def info(model: str | None) -> None:
    """Print the pipeline's name, version, components and labels as JSON."""
    from claimtrace.nlp.factories import default_tagger, tagger_path

    nlp = load_base(model)
    meta = nlp.meta
    tagger = tagger_path("default")  # honours $CLAIMTRACE_TAGGER
    try:
        accurate = str(tagger_path("accurate"))
    except ModelNotFound as exc:
        accurate = f"not available: {exc}"
    if importlib.util.find_spec("torch") is None and not accurate.startswith("not"):
        accurate += " (needs the accurate extra: pip install 'claimtrace[accurate]')"
    click.echo(
        json.dumps(
            {
                "name": f"{meta.get('lang')}_{meta.get('name')}",
                "version": meta.get("version"),
                "base_components": nlp.pipe_names,
                "claimtrace_components": list(CLAIMTRACE_COMPONENTS),
                "labels": meta.get("labels", {}),
                "sources": meta.get("sources", []),
                "attribution_tagger_name": default_tagger(),  # accurate, fast, rules, a path
                "attribution_tagger": str(tagger) if tagger else "rules (no tagger found)",
                "attribution_tagger_accurate": accurate,  # what --tagger accurate loads
            },
            indent=2,
        )
    )


COMMANDS = [model_group]
