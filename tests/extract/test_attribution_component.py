"""The claimtrace_attribution / claimtrace_sources components and the eval runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import claimtrace.nlp.factories
from claimtrace.evaluation.shared import shared_dir
from claimtrace.model import SourceKind

SHARED = shared_dir()
POLNEAR_DEV = SHARED / "corpora" / "polnear" / "dev.jsonl" if SHARED else Path("/nonexistent")
PACKAGED_TAGGER = (
    Path(claimtrace.nlp.factories.__file__).resolve().parent.parent
    / "models"
    / "attribution_tagger"
)


def _rules_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimtrace_attribution", config={"model": "rules"})
    nlp.add_pipe("claimtrace_sources")
    return nlp


def test_components_fill_claims_and_entities_without_a_model():
    nlp = _rules_pipeline()
    doc = nlp("The Kremlin said the talks had failed. Supplies were reportedly running low.")
    claims = doc._.ct_claims
    assert [c.id for c in claims] == ["c1", "c2"]
    assert claims[0].source_entity.id == "russia/government"
    assert claims[0].source_kind is SourceKind.GOVERNMENT
    assert claims[1].source_kind is SourceKind.UNATTRIBUTED
    assert [e.id for e in doc._.ct_entities] == ["russia/government"]


def test_docs_pickle_with_claims():
    import pickle

    doc = _rules_pipeline()("Officials said the border was closed.")
    again = pickle.loads(pickle.dumps(doc))
    assert again._.ct_claims == doc._.ct_claims


@pytest.mark.slow
@pytest.mark.skipif(not (PACKAGED_TAGGER / "config.cfg").is_file(), reason="no packaged tagger")
def test_packaged_tagger_finds_direct_quote_and_saves_with_pipeline(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("claimtrace_attribution", config={"model": "fast"})
    nlp.add_pipe("claimtrace_sources")
    text = '"We will not give up the harbour," the governor told reporters on Monday.'
    doc = nlp(text)
    assert any(c.content and c.content[0].text.startswith('"We will') for c in doc._.ct_claims)
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert [c.cue for c in again(text)._.ct_claims] == [c.cue for c in doc._.ct_claims]


def test_the_default_tagger_is_the_accurate_one_only_where_it_can_run(monkeypatch, tmp_path):
    factories = claimtrace.nlp.factories
    monkeypatch.delenv("CLAIMTRACE_TAGGER", raising=False)
    monkeypatch.setenv("CLAIMTRACE_MODELS", str(tmp_path))  # no tagger built by the user
    monkeypatch.setattr(factories, "accurate_runtime_installed", lambda: False)
    assert factories.default_tagger() == "fast"
    assert factories.tagger_path("default") == PACKAGED_TAGGER
    monkeypatch.setattr(factories, "accurate_runtime_installed", lambda: True)
    assert factories.default_tagger() == "accurate"  # the shipped one
    assert factories.tagger_path("default") == factories.tagger_path("accurate")
    monkeypatch.setenv("CLAIMTRACE_TAGGER", "fast")  # the environment names one: it wins
    assert factories.tagger_path("default") == PACKAGED_TAGGER
    monkeypatch.setenv("CLAIMTRACE_TAGGER", "rules")
    assert factories.tagger_path("default") is None


def test_an_unknown_tagger_name_is_a_clear_error_not_the_rule_fallback(monkeypatch, tmp_path):
    from claimtrace.errors import ModelNotFound

    factories = claimtrace.nlp.factories
    with pytest.raises(ModelNotFound, match="accurate, fast or rules"):
        factories.tagger_path(str(tmp_path / "no-such-tagger"))
    monkeypatch.setenv("CLAIMTRACE_TAGGER", "acurate")
    with pytest.raises(ModelNotFound, match="'acurate'"):
        factories.tagger_path("default")


def test_without_an_accurate_tagger_the_default_is_the_cnn_one(monkeypatch, tmp_path):
    factories = claimtrace.nlp.factories
    monkeypatch.delenv("CLAIMTRACE_TAGGER", raising=False)
    monkeypatch.setenv("CLAIMTRACE_MODELS", str(tmp_path))
    monkeypatch.setattr(factories, "accurate_runtime_installed", lambda: True)
    monkeypatch.setattr(factories, "_accurate_dir", lambda: None)
    assert factories.default_tagger() == "fast"


@pytest.mark.shared
@pytest.mark.skipif(not POLNEAR_DEV.is_file(), reason="../shared corpora absent")
def test_eval_runner_writes_polnear_predictions(tmp_path):
    from claimtrace.evaluation.attribution import run_attribution_eval

    out = tmp_path / "pred.jsonl"
    run = run_attribution_eval(
        POLNEAR_DEV, predictions=out, model="blank", tagger="rules", limit=3, breakdown=True
    )
    preds = [json.loads(line) for line in out.read_text().splitlines()]
    assert run.n_docs == 3 and len(preds) == 3
    assert all("attributions" in p and "doc_id" in p for p in preds)
    assert run.result["relation"]["partial"]["n_pred"] > 0
    assert "recall_breakdown" in run.result
    assert "relation" in run.report
