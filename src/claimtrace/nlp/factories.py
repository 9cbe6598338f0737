"""Every claimtrace spaCy component is registered here, in one module.

Each factory is a thin shell over a pure function in :mod:`claimtrace.extract`; the
``spacy_factories`` entry points in ``pyproject.toml`` name these factories, so
``spacy.load`` of a pipeline that contains them never fails with "Can't find factory".

A component reads the Doc (tokens, parse, entities, ``doc._.ct_meta``) and writes plain
records into the ``doc._.ct_*`` lists described in :mod:`claimtrace.nlp.extensions`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimtrace.extract.link import link_claims
from claimtrace.extract.quantities import extract_quantities
from claimtrace.extract.stance import (
    analyze_claim,
    drop_comment_requests,
    find_comment_requests,
    quantity_modality,
)
from claimtrace.nlp.extensions import records, register_extensions

register_extensions()


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
    """

    def __call__(self, doc: Doc) -> Doc:
        requests = find_comment_requests(doc)
        claims = drop_comment_requests(records(doc, "ct_claims"), requests)
        doc._.ct_claims = [analyze_claim(doc, claim) for claim in claims]
        doc._.ct_quantities = [quantity_modality(doc, q) for q in records(doc, "ct_quantities")]
        records(doc, "ct_comment_requests").extend(requests)
        return doc


@Language.factory(
    "claimtrace_stance",
    assigns=["doc._.ct_claims", "doc._.ct_quantities", "doc._.ct_comment_requests"],
    requires=["doc._.ct_claims"],
)
def make_stance(nlp: Language, name: str) -> StanceComponent:
    return StanceComponent()
