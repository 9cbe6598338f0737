"""Find, load and assemble the claimtrace pipeline.

A *base* pipeline (tokenizer, tagger, parser, lemmatizer, entities) comes from one of:

- ``fast`` (default): the CNN pipeline shipped inside the package (``claimtrace/models``);
- ``accurate``: the transformer tier, built into ``$CLAIMTRACE_MODELS`` (default
  ``~/.cache/claimtrace/models``) because it is too big to ship: the fine-tuned MiniLM
  pipeline (``en_claimtrace_accurate_ft``, one ``claimtrace_transformer_parser`` component;
  ``training/train.py --tier accurate``) when it is built, else the earlier frozen-feature
  build (``en_claimtrace_accurate``); ``accurate-ft`` and ``accurate-frozen`` name one of
  the two (docs/results-pipeline.md compares them);
- the name of an installed spaCy package (``en_core_web_sm`` ...);
- a directory written by ``nlp.to_disk``;
- ``blank``: tokenizer and rule-based sentences only (every extractor still runs, with
  less to go on).

The claimtrace components are then appended in :data:`CLAIMTRACE_COMPONENTS` order.
Pipelines are loaded once per process and lazily (:func:`get_pipeline`).
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
from pathlib import Path

import spacy
from spacy.language import Language

import claimtrace.nlp.factories  # noqa: F401  (registers the components)
from claimtrace.errors import ModelNotFound
from claimtrace.nlp.abbreviations import add_title_abbreviations
from claimtrace.nlp.transformer_parser import FACTORY as TRANSFORMER_PARSER

log = logging.getLogger(__name__)

PACKAGED_MODELS = Path(__file__).resolve().parent.parent / "models"
#: Each tier's pipeline directories, in order of preference.
TIERS = {
    "fast": ("en_claimtrace_fast",),
    "accurate": ("en_claimtrace_accurate_ft", "en_claimtrace_accurate"),
    "accurate-ft": ("en_claimtrace_accurate_ft",),
    "accurate-frozen": ("en_claimtrace_accurate",),
}
#: The training command that builds each tier (for the "not installed" message).
BUILD = {
    "fast": "reinstall claimtrace or build it with `python training/train.py`",
    "accurate": "build it with `python training/train.py --tier accurate`",
    "accurate-ft": "build it with `python training/train.py --tier accurate`",
    "accurate-frozen": "build it with `python training/train.py --tier accurate-frozen`",
}

#: The claimtrace components, in pipeline order. Later ones read what earlier ones wrote.
#: claimtrace_sources, claimtrace_said_on and claimtrace_stance read the claims, so they go
#: after claimtrace_attribution.
CLAIMTRACE_COMPONENTS: tuple[str, ...] = (
    "claimtrace_dates",
    "claimtrace_places",
    "claimtrace_quantities",
    "claimtrace_attribution",
    "claimtrace_sources",
    "claimtrace_stance",
    "claimtrace_said_on",
    "claimtrace_link",
)


def models_home() -> Path:
    """Where built (not shipped) pipelines live: ``$CLAIMTRACE_MODELS`` or the user cache."""
    env = os.environ.get("CLAIMTRACE_MODELS")
    return Path(env) if env else Path.home() / ".cache" / "claimtrace" / "models"


def _tier_path(tier: str) -> Path | None:
    for name in TIERS[tier]:
        for root in (PACKAGED_MODELS, models_home()):
            if (root / name / "config.cfg").is_file():
                return root / name
    return None


def _installed_spacy_models() -> list[str]:
    return [
        name
        for name in ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
        if importlib.util.find_spec(name) is not None
    ]


def resolve_model(name: str | None = None) -> str | Path:
    """Turn a ``--model`` value into something :func:`spacy.load` accepts, or ``"blank"``.

    ``None`` means the default: the shipped fast tier, else an installed en_core_web
    model, else the blank pipeline (with a warning, since parses and entities are missing).
    """
    if name in (None, "", "default"):
        path = _tier_path("fast")
        if path is not None:
            return path
        installed = _installed_spacy_models()
        if installed:
            return installed[0]
        log.warning(
            "no trained pipeline found (shipped fast tier missing); using a blank English "
            "pipeline: attribution, entities and places will be weak"
        )
        return "blank"
    if name == "blank":
        return "blank"
    if name in TIERS:
        path = _tier_path(name)
        if path is None:
            raise ModelNotFound(f"the {name} pipeline is not installed: {BUILD[name]}")
        return path
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "config.cfg").is_file():
            raise ModelNotFound(f"{path} is not a spaCy pipeline directory (no config.cfg)")
        return path
    if importlib.util.find_spec(name) is not None:
        return name
    raise ModelNotFound(
        f"unknown model {name!r}: use fast, accurate, accurate-ft, accurate-frozen, blank, an "
        "installed spaCy package (en_core_web_sm ...) or a pipeline directory"
    )


def load_base(name: str | None = None) -> Language:
    """Load the base pipeline named by ``name`` (see :func:`resolve_model`)."""
    target = resolve_model(name)
    if target == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    else:
        nlp = spacy.load(target)
    return add_title_abbreviations(nlp)  # "Sgt. Ann Ruiz" opens no new sentence


def build_pipeline(
    name: str | None = None, *, components: tuple[str, ...] | None = None
) -> Language:
    """The base pipeline with the claimtrace components appended. It takes any text the
    ingest step lets through (``MAX_CHARS``), beyond spaCy's default limit of 1,000,000."""
    from claimtrace.ingest.validate import MAX_CHARS

    nlp = load_base(name)
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    if not any(nlp.has_pipe(p) for p in ("parser", "senter", "sentencizer", TRANSFORMER_PARSER)):
        nlp.add_pipe("sentencizer", first=True)
    for component in CLAIMTRACE_COMPONENTS if components is None else components:
        if not nlp.has_pipe(component):
            nlp.add_pipe(component)
    return nlp


def get_pipeline(name: str | None = None) -> Language:
    """The full pipeline for ``name`` with the role tagger chosen now (``$CLAIMTRACE_TAGGER``
    or the default), loaded on first use and kept for the process."""
    from claimtrace.nlp.factories import default_tagger

    return _cached_pipeline(name, default_tagger())


@functools.lru_cache(maxsize=4)
def _cached_pipeline(name: str | None, tagger: str) -> Language:
    """One pipeline per (base model, role tagger): ``tagger`` is the cache key, the
    attribution component reads the same choice when it is built."""
    return build_pipeline(name)


def model_label(nlp: Language) -> str:
    """``name-version`` of the pipeline's base model, for provenance records, followed by
    the attribution role tagger in use when it is not the CNN one shipped with the package
    ("en_claimtrace_fast-0.1.0+attribution_accurate"): the two taggers find different claims,
    so a ledger must be able to tell their analyses apart."""
    meta = nlp.meta
    label = f"{meta.get('lang', 'en')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
    if "claimtrace_attribution" in nlp.pipe_names:
        path = getattr(nlp.get_pipe("claimtrace_attribution"), "_path", None)
        tagger = Path(path).name if path is not None else "rules"
        if tagger != "attribution_tagger":
            label += f"+{tagger}"
    return label
