"""Shared fixtures. Tests build small inputs themselves; only `slow` tests load a model."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

needs_shared = pytest.mark.skipif(
    not (SHARED / "corpora").is_dir(),
    reason="needs ../shared (corpora and scorers) beside the repo",
)


@pytest.fixture(scope="session")
def blank_nlp():
    """The claimtrace pipeline on a blank base: tokenizer, sentencizer, claimtrace components."""
    from claimtrace.nlp.pipeline import build_pipeline

    return build_pipeline("blank")


@pytest.fixture
def english_text() -> str:
    return (
        "The ministry said on Monday that about 40 people had been evacuated from the valley. "
        "Officials warned that the river could rise further, according to a local newspaper."
    )
