from __future__ import annotations

import subprocess
import sys

import pytest

from claimtrace.errors import ModelNotFound
from claimtrace.nlp.pipeline import CLAIMTRACE_COMPONENTS, build_pipeline, resolve_model


def test_blank_pipeline_has_sentences_and_every_claimtrace_component():
    nlp = build_pipeline("blank")
    assert nlp.has_pipe("sentencizer")
    assert [n for n in nlp.pipe_names if n.startswith("claimtrace_")] == list(CLAIMTRACE_COMPONENTS)


@pytest.mark.parametrize(
    ("tagger", "named"), [("fast", ""), ("rules", "rules"), ("accurate", "attribution_accurate")]
)
def test_provenance_label_names_a_tagger_other_than_the_shipped_cnn(monkeypatch, tagger, named):
    from claimtrace.nlp.pipeline import model_label

    monkeypatch.setenv("CLAIMTRACE_TAGGER", tagger)
    monkeypatch.setenv("CLAIMTRACE_MODELS", "/nonexistent")
    base, _, tagger_part = model_label(build_pipeline("blank")).partition("+")
    assert base.startswith("en_")
    assert tagger_part == named


def test_unknown_model_and_non_pipeline_directory_are_explained(tmp_path):
    with pytest.raises(ModelNotFound, match="unknown model"):
        resolve_model("not_a_model_anywhere")
    with pytest.raises(ModelNotFound, match=r"no config\.cfg"):
        resolve_model(str(tmp_path))


def test_saved_pipeline_loads_in_a_fresh_process_through_entry_points(tmp_path):
    """spacy.load finds claimtrace factories without importing claimtrace first (E002)."""
    build_pipeline("blank").to_disk(tmp_path / "pipe")
    code = "import spacy, sys; nlp = spacy.load(sys.argv[1]); print(','.join(nlp.pipe_names))"
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "pipe")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "claimtrace_link" in out


def test_accurate_tier_encoder_is_found_by_spacy_through_an_entry_point():
    """spacy.load of the accurate tier needs its encoder architecture without our import."""
    code = (
        "import spacy; "
        "print(spacy.registry.architectures.get('claimtrace.MiniLMTok2Vec.v1').__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "MiniLMTok2Vec"
