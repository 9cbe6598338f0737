"""Every claimtrace spaCy component is registered here, in one module.

Each factory is a thin shell over a pure function in :mod:`claimtrace.extract`; the
``spacy_factories`` entry points in ``pyproject.toml`` name these factories, so
``spacy.load`` of a pipeline that contains them never fails with "Can't find factory".

A component reads the Doc (tokens, parse, entities, ``doc._.ct_meta``) and writes plain
records into the ``doc._.ct_*`` lists described in :mod:`claimtrace.nlp.extensions`.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimtrace.errors import ModelNotFound
from claimtrace.extract.attribution import extract_attributions, load_tagger
from claimtrace.extract.dates import TextSentences, find_timexes, said_on_for
from claimtrace.extract.docview import DocView
from claimtrace.extract.link import link_claims
from claimtrace.extract.places import find_places, home_country, said_at_for
from claimtrace.extract.quantities import extract_quantities
from claimtrace.extract.sources import Mention, resolve_sources
from claimtrace.extract.stance import (
    analyze_claim,
    drop_basis_statements,
    drop_comment_requests,
    find_comment_requests,
    quantity_modality,
)
from claimtrace.nlp.extensions import published_date, records, register_extensions
from claimtrace.nlp.transformer_parser import make_transformer_parser  # noqa: F401 (registers)

register_extensions()
log = logging.getLogger(__name__)

#: Directory name of the accurate attribution tagger, in the package and the models home.
ATTRIBUTION_ACCURATE = "attribution_accurate"
#: Where the shipped models are.
_PACKAGED = Path(__file__).resolve().parent.parent / "models"


class LinkComponent:
    """Attach quantities, dates and places to the claims whose content holds them."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ct_claims = link_claims(
            records(doc, "ct_claims"),
            quantities=records(doc, "ct_quantities"),
            timexes=records(doc, "ct_timexes"),
            places=records(doc, "ct_places"),
        )
        return doc


@Language.factory(
    "claimtrace_link",
    assigns=["doc._.ct_claims"],
    requires=["doc._.ct_claims", "doc._.ct_quantities", "doc._.ct_timexes", "doc._.ct_places"],
)
def make_link(nlp: Language, name: str) -> LinkComponent:
    return LinkComponent()


# --------------------------------------------------------------------------- attribution


class AttributionComponent:
    """Find attributions (source, cue, content) and write them to ``doc._.ct_claims``.

    The roles come from the role tagger ``model`` names (see :func:`tagger_path`; by
    default the accurate one when the ``accurate`` extra is installed, else the shipped CNN
    tagger); without a tagger, from lexicon rules. The tagger is saved with the pipeline
    (``to_disk``), so a pipeline that sources this component carries it along.
    """

    def __init__(self, nlp: Language, name: str, *, model: str, hedge_rules: bool) -> None:
        self.name = name
        self.model = model
        self.hedge_rules = hedge_rules
        self._tagger = None
        self._loaded = False
        # resolved now, so a tagger asked for but not built stops the run before any
        # article is read (ModelNotFound), instead of failing every article one by one
        self._name = default_tagger() if model in ("", "default") else model
        self._path = tagger_path(self._name)

    @property
    def tagger(self):
        if not self._loaded:
            if self._path is None:
                if self._name != "rules":  # asked for a tagger, got none
                    log.warning(
                        "attribution tagger %r not found: using the rule fallback (weak)",
                        self._name,
                    )
            else:  # a tagger that fails to load fails every time, never falls back silently
                log.info("attribution tagger: %s", self._path)
                self._tagger = load_tagger(self._path)
            self._loaded = True
        return self._tagger

    def __call__(self, doc: Doc) -> Doc:
        doc._.ct_claims = extract_attributions(
            doc.text, tagger=self.tagger, hedge_rules=self.hedge_rules
        )
        return doc

    def pipe(self, stream, *, batch_size: int = 32):
        """Tag documents in batches (faster than one by one)."""
        if self.tagger is None:
            for doc in stream:
                yield self(doc)
            return
        for batch in spacy.util.minibatch(stream, size=batch_size):
            tagged = self.tagger.pipe((doc.text for doc in batch), batch_size=batch_size)
            for doc, tdoc in zip(batch, tagged, strict=True):
                try:
                    doc._.ct_claims = extract_attributions(
                        doc.text, tagged=tdoc, hedge_rules=self.hedge_rules
                    )
                except Exception:  # one bad article must not stop a batch
                    log.exception("attribution failed on one document; no claims for it")
                    doc._.ct_claims = []
                yield doc

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.tagger is not None:
            self.tagger.to_disk(path / "tagger")

    def from_disk(self, path, *, exclude=()) -> AttributionComponent:
        tagger_dir = Path(path) / "tagger"
        if _is_tagger_dir(tagger_dir):
            self._tagger = load_tagger(tagger_dir)
            self._loaded = True
        return self


def _is_tagger_dir(path: Path) -> bool:
    from claimtrace.extract.attribution_transformer import is_transformer_tagger

    return (path / "config.cfg").is_file() or is_transformer_tagger(path)


#: The environment variable that picks the role tagger a run uses when none is named.
TAGGER_ENV = "CLAIMTRACE_TAGGER"


def accurate_runtime_installed() -> bool:
    """Whether the accurate tagger's runtime (the ``accurate`` extra: torch and
    transformers) is importable. Checked without importing either (both are slow to load)."""
    import importlib.util

    return all(importlib.util.find_spec(name) is not None for name in ("torch", "transformers"))


def _accurate_dir() -> Path | None:
    """The accurate tagger's directory: one the user built into the models home wins over
    the shipped one; None when neither exists."""
    from claimtrace.nlp.pipeline import models_home

    for path in (models_home() / ATTRIBUTION_ACCURATE, _PACKAGED / ATTRIBUTION_ACCURATE):
        if _is_tagger_dir(path):
            return path
    return None


def default_tagger() -> str:
    """The name of the role tagger a run uses when it names none: $CLAIMTRACE_TAGGER if set,
    else the most accurate one that can run here, "accurate" when the ``accurate`` extra is
    installed (PolNeAR dev relation exact F1 58.2 against 51.1, at a sixth of the speed),
    else "fast" (the shipped CNN tagger, which needs nothing more)."""
    chosen = os.environ.get(TAGGER_ENV, "").strip()
    if chosen and chosen != "default":
        return chosen
    if _accurate_dir() is not None and accurate_runtime_installed():
        return "accurate"
    return "fast"


def tagger_path(model: str) -> Path | None:
    """The directory of the role tagger named ``model``: "default" (the one
    :func:`default_tagger` picks), "fast" (the shipped CNN tagger), "accurate" (the
    fine-tuned transformer: one built by ``training/attribution/transformer.py`` into the
    models home, else the shipped one; it needs the ``accurate`` extra), "rules" (none: the
    rule fallback) or a path."""
    if model in ("", "default"):
        model = default_tagger()
    if model == "fast":
        path = _PACKAGED / "attribution_tagger"
    elif model == "rules":
        return None
    elif model == "accurate":
        path = _accurate_dir()
        if path is None:
            from claimtrace.nlp.pipeline import models_home

            raise ModelNotFound(
                f"the accurate attribution tagger is neither shipped nor built "
                f"({models_home() / ATTRIBUTION_ACCURATE}): run "
                "`python training/attribution/transformer.py` (see training/attribution/README.md)"
            )
    else:
        path = Path(model).expanduser()
        if not _is_tagger_dir(path):  # a typo must not quietly mean the weak rule fallback
            raise ModelNotFound(
                f"no attribution tagger {model!r}: name accurate, fast or rules, or the "
                "directory of a saved tagger"
            )
    return path if _is_tagger_dir(path) else None


@Language.factory(
    "claimtrace_attribution",
    assigns=["doc._.ct_claims"],
    default_config={"model": "default", "hedge_rules": True},
)
def make_attribution(
    nlp: Language, name: str, model: str, hedge_rules: bool
) -> AttributionComponent:
    return AttributionComponent(nlp, name, model=model, hedge_rules=hedge_rules)


class SourcesComponent:
    """Resolve each claim's source: entity, kind, coreference, metonymy, via, channel."""

    def __call__(self, doc: Doc) -> Doc:
        mentions = [
            Mention(ent.start_char, ent.end_char, ent.label_)
            for ent in doc.ents
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC")
        ]
        outlet = (doc._.ct_meta or {}).get("outlet")
        claims, entities = resolve_sources(
            doc.text, records(doc, "ct_claims"), mentions=mentions, outlet=outlet
        )
        doc._.ct_claims = claims
        known = {e.id for e in records(doc, "ct_entities")}
        doc._.ct_entities = records(doc, "ct_entities") + [e for e in entities if e.id not in known]
        return doc


@Language.factory(
    "claimtrace_sources",
    assigns=["doc._.ct_claims", "doc._.ct_entities"],
    requires=["doc._.ct_claims"],
)
def make_sources(nlp: Language, name: str) -> SourcesComponent:
    return SourcesComponent()


# --------------------------------------------------------------------------- dates and places


class DatesComponent:
    """TIMEX3 expressions normalised against the publication date (``doc._.ct_meta``)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ct_timexes = find_timexes(doc.text, anchor=published_date(doc))
        return doc


@Language.factory("claimtrace_dates", assigns=["doc._.ct_timexes"], requires=["doc._.ct_meta"])
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()


class PlacesComponent:
    """Toponyms geocoded offline; entity spans (GPE/LOC/NORP) are used when the base
    pipeline has a named-entity recogniser, capitalised spans otherwise."""

    def __init__(self, use_entities: bool = True) -> None:
        self.use_entities = use_entities

    def __call__(self, doc: Doc) -> Doc:
        ents = None
        if self.use_entities and doc.has_annotation("ENT_IOB"):
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        meta = doc._.ct_meta or {}
        home = home_country(meta.get("outlet"), meta.get("url"))
        doc._.ct_places = find_places(doc.text, ents=ents, home=home)
        return doc


@Language.factory(
    "claimtrace_places",
    assigns=["doc._.ct_places"],
    requires=["doc._.ct_meta"],
    default_config={"use_entities": True},
)
def make_places(nlp: Language, name: str, use_entities: bool) -> PlacesComponent:
    return PlacesComponent(use_entities=use_entities)


class SaidOnComponent:
    """Give each claim the date (``said_on``) and place (``said_at``) of its utterance."""

    def __call__(self, doc: Doc) -> Doc:
        timexes = records(doc, "ct_timexes")
        places = records(doc, "ct_places")
        claims = records(doc, "ct_claims")
        text = doc.text  # spaCy joins it from the tokens at every access
        sentences = TextSentences(text)  # the sentence breaks, found once per Doc
        doc._.ct_claims = [
            dataclasses.replace(
                claim,
                said_on=claim.said_on
                or said_on_for(claim, timexes, text, others=claims, sentences=sentences),
                said_at=claim.said_at or said_at_for(claim, places, text, sentences=sentences),
            )
            for claim in claims
        ]
        return doc


@Language.factory(
    "claimtrace_said_on",
    assigns=["doc._.ct_claims"],
    requires=["doc._.ct_claims", "doc._.ct_timexes", "doc._.ct_places"],
)
def make_said_on(nlp: Language, name: str) -> SaidOnComponent:
    return SaidOnComponent()


# --------------------------------------------------------------------------- quantities


class QuantitiesComponent:
    """Every quantity the article states, as :class:`Quantity` records (ids q1, q2 ...)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ct_quantities = extract_quantities(doc)
        return doc


@Language.factory(
    "claimtrace_quantities",
    assigns=["doc._.ct_quantities"],
    requires=[],
)
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent()


# --------------------------------------------------------------------------- stance


class StanceComponent:
    """Fill stance, hedges, basis and modality of the claims; mark expected quantities.

    "X reached out to Y for comment" becomes a :class:`CommentRequest` in
    ``doc._.ct_comment_requests``; a claim the attribution component made of such a request
    is dropped, since it is nobody's claim.

    ``backup``: let the learned stance backup overturn the rules' assert (None: the
    ``$CLAIMTRACE_STANCE_BACKUP`` setting, off when unset).
    """

    def __init__(self, backup: bool | None = None) -> None:
        self.backup = backup

    def __call__(self, doc: Doc) -> Doc:
        view = DocView.of(doc)  # sentence bounds and annotation flags, once per Doc
        requests = find_comment_requests(doc, view=view)
        claims = drop_comment_requests(records(doc, "ct_claims"), requests)
        # a basis statement ("The channel did not say how it knew") goes first: it is read
        # into the basis of the claim before it, and is no claim that keeps that sentence
        claims = drop_basis_statements(doc, claims, view=view)
        kept = [
            analyze_claim(doc, claim, view=view, others=claims, backup=self.backup)
            for claim in claims
        ]
        # ids stay "c1", "c2", ... in text order after the drops
        doc._.ct_claims = [dataclasses.replace(c, id=f"c{i}") for i, c in enumerate(kept, 1)]
        doc._.ct_quantities = [
            quantity_modality(doc, q, view=view) for q in records(doc, "ct_quantities")
        ]
        records(doc, "ct_comment_requests").extend(requests)
        return doc


@Language.factory(
    "claimtrace_stance",
    assigns=["doc._.ct_claims", "doc._.ct_quantities", "doc._.ct_comment_requests"],
    requires=["doc._.ct_claims"],
    default_config={"backup": None},
)
def make_stance(nlp: Language, name: str, backup: bool | None) -> StanceComponent:
    return StanceComponent(backup=backup)
