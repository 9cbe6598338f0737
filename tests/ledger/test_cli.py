"""The ledger commands through click, on both backends."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from claimtrace.cli import main
from claimtrace.ledger.synthetic import synthetic_corpus

CORPUS = synthetic_corpus(8, claims=4, seed=7)


@pytest.fixture
def runner(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACE_DB", db_url)  # every command finds the ledger here
    monkeypatch.setenv("COLUMNS", "200")
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in CORPUS) + "{broken\n")
    cli = CliRunner()
    result = cli.invoke(main, ["ingest", "--analyzed", str(path)])
    assert result.exit_code == 0, result.output
    assert "8 new" in result.output and "1 failed" in result.output
    return cli


def test_claims_as_json_csv_and_table(runner):
    rows = json.loads(
        runner.invoke(
            main, ["claims", "--stance", "deny", "--format", "json", "--limit", "0"]
        ).output
    )
    want = sum(c.stance.value == "deny" for a in CORPUS for c in a.claims)
    assert len(rows) == want > 0
    assert all(r["stance"] == "deny" for r in rows)
    out = runner.invoke(main, ["claims", "--about", "troops", "--format", "csv"]).output
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert parsed and all("troops" in r["content"] for r in parsed)
    table = runner.invoke(main, ["claims", "--kind", "media"]).output
    assert "claims" in table and "media" in table


def test_sources_show_and_failures(runner):
    sources = json.loads(runner.invoke(main, ["sources", "--format", "json"]).output)
    assert sum(s["claims"] for s in sources) == sum(len(a.claims) for a in CORPUS)
    article = CORPUS[3]
    shown = json.loads(runner.invoke(main, ["show", article.id[:10], "--format", "json"]).output)
    assert shown == article.to_dict()
    text = runner.invoke(main, ["show", article.id]).output
    assert article.id in text and article.title in text
    failures = runner.invoke(main, ["failures", "--format", "json"]).output
    [failure] = json.loads(failures)
    assert failure["origin"].endswith("in.jsonl:9") and failure["code"] == "CT013"


def test_errors_are_clean(runner):
    missing = runner.invoke(main, ["show", "ffffffffffff"])
    assert missing.exit_code == 2 and "CT041" in missing.output
    bad = runner.invoke(main, ["claims", "--since", "yesterday"])
    assert bad.exit_code == 2 and "CT040" in bad.output
    nothing = runner.invoke(main, ["ingest"])
    assert nothing.exit_code == 2 and "SOURCE" in nothing.output
    unknown = runner.invoke(main, ["ingest", "story.txt", "--input-format", "docx"])
    assert unknown.exit_code == 2 and "'docx' is not one of" in unknown.output
    assert "Traceback" not in unknown.output
