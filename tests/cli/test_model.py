from __future__ import annotations

import json

import spacy
from click.testing import CliRunner

from claimtrace.cli import main


def test_model_path_prints_a_loadable_directory(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "pipe")
    result = CliRunner().invoke(main, ["model", "path", "--model", str(tmp_path / "pipe")])
    assert result.exit_code == 0
    printed = result.stdout.strip()
    assert spacy.load(printed).pipe_names == ["sentencizer"]


def test_model_info_lists_components(tmp_path):
    result = CliRunner().invoke(main, ["model", "info", "--model", "blank"])
    info = json.loads(result.stdout)
    assert "claimtrace_link" in info["claimtrace_components"]
    # the accurate tagger where its extra is installed, else the shipped CNN one
    shipped = {"accurate": "attribution_accurate", "fast": "attribution_tagger"}
    assert info["attribution_tagger"].endswith(shipped[info["attribution_tagger_name"]])


def test_model_info_names_the_cnn_tagger_without_the_accurate_extra(monkeypatch):
    import claimtrace.nlp.factories as factories

    monkeypatch.delenv("CLAIMTRACE_TAGGER", raising=False)
    monkeypatch.setattr(factories, "accurate_runtime_installed", lambda: False)
    info = json.loads(CliRunner().invoke(main, ["model", "info", "--model", "blank"]).stdout)
    assert info["attribution_tagger_name"] == "fast"
    assert info["attribution_tagger"].endswith("attribution_tagger")


def test_model_info_names_the_tagger_chosen_by_the_environment(monkeypatch):
    monkeypatch.setenv("CLAIMTRACE_TAGGER", "rules")
    result = CliRunner().invoke(main, ["model", "info", "--model", "blank"])
    assert json.loads(result.stdout)["attribution_tagger"].startswith("rules")


def test_missing_accurate_tier_says_how_to_build_it(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACE_MODELS", str(tmp_path))
    import claimtrace.nlp.pipeline as pipeline

    monkeypatch.setattr(pipeline, "PACKAGED_MODELS", tmp_path / "none")
    result = CliRunner().invoke(main, ["model", "path", "--model", "accurate"])
    assert result.exit_code == 2 and "training/train.py" in result.stderr


def test_model_info_says_where_the_accurate_tagger_is(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACE_MODELS", str(tmp_path))
    result = CliRunner().invoke(main, ["model", "info", "--model", "blank"])
    shipped = json.loads(result.stdout)["attribution_tagger_accurate"]
    assert "models/attribution_accurate" in shipped  # the shipped one, no built one here
    import claimtrace.nlp.factories as factories

    monkeypatch.setattr(factories, "_PACKAGED", tmp_path / "none")
    result = CliRunner().invoke(main, ["model", "info", "--model", "blank"])
    assert json.loads(result.stdout)["attribution_tagger_accurate"].startswith("not available")
