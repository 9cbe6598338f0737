"""Stance, hedging, basis and modality (placeholder, filled below)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from claimtrace.model import Modality, Quantity


def quantity_modality(doc: Doc, quantity: Quantity) -> Quantity:
    return replace(quantity, modality=Modality.UNKNOWN)
