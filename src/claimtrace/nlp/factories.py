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
