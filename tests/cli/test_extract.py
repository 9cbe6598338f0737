from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimtrace.cli import main

STORY = (
    "The port authority said on Tuesday that two cranes had collapsed during the storm. "
    "Workers were reportedly evacuated before the structures fell, a spokesperson told reporters."
)


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, *args, input=None):
    return runner.invoke(main, [*args, "--model", "blank"], input=input, catch_exceptions=False)


def test_extract_text_prints_one_json_object(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = invoke(runner, "extract", str(path), "--published", "2024-03-05", "--outlet", "Wire")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["text"] == STORY and data["published"] == "2024-03-05" and data["outlet"] == "Wire"
    assert set(data) >= {"claims", "quantities", "timexes", "places", "analyzer"}


def test_several_files_give_an_array_and_jsonl_a_stream(runner, tmp_path):
    paths = []
    for n in range(2):
        path = tmp_path / f"s{n}.txt"
        path.write_text(STORY + f" It was the {n + 1}th storm.")
        paths.append(str(path))
    assert len(json.loads(invoke(runner, "extract", *paths).stdout)) == 2
    lines = invoke(runner, "extract", "--jsonl", *paths).stdout.strip().splitlines()
    assert [json.loads(line)["origin"] for line in lines] == paths


def test_stdin_with_forced_input_format(runner):
    result = invoke(runner, "extract", "-", "--input-format", "text", input=STORY)
    assert result.exit_code == 0 and json.loads(result.stdout)["origin"] == "stdin"


def test_jsonl_input_with_a_bad_line_exits_1_and_keeps_the_rest(runner, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"text": STORY}) + "\n{oops\n")
    result = invoke(runner, "extract", "--jsonl", str(path))
    assert result.exit_code == 1
    assert len(result.stdout.strip().splitlines()) == 1
    assert "invalid JSON" in result.stderr and "1 item(s) failed" in result.stderr


def test_bad_inputs_each_get_a_message(runner, tmp_path):
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text("")
    result = invoke(
        runner,
        "extract",
        str(tmp_path / "bin.dat"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "missing.txt"),
    )
    assert result.exit_code == 1
    assert result.stderr.count("error:") == 3
    assert (
        "binary" in result.stderr and "empty" in result.stderr and "No such file" in result.stderr
    )


def test_table_format(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = invoke(runner, "extract", str(path), "--format", "table", "--title", "Cranes")
    assert result.exit_code == 0 and "Cranes" in result.stdout and "Claims" in result.stdout


def test_invalid_published_is_a_usage_error(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = invoke(runner, "extract", str(path), "--published", "yesterday-ish")
    assert result.exit_code == 2 and "not a date" in result.output


def test_demo_prints_the_reference_article_table(runner):
    result = invoke(runner, "demo")
    assert result.exit_code == 0
    assert "Newsweek" in result.stdout and "2024-10-24" in result.stdout


def test_unknown_model_is_a_clean_error(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = runner.invoke(main, ["extract", str(path), "--model", "no_such_model_xyz"])
    assert result.exit_code == 2 and "CT001" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(("tagger", "named"), [("rules", "rules"), ("fast", "")])
def test_the_tagger_option_picks_the_role_tagger(runner, tmp_path, monkeypatch, tagger, named):
    monkeypatch.setenv("CLAIMTRACE_TAGGER", "accurate")  # the option overrides the environment
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = invoke(runner, "extract", str(path), "--tagger", tagger)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["analyzer"]["model"].partition("+")[2] == named  # the shipped CNN goes unnamed
    assert any(c["cue"] for c in data["claims"])  # "said", whichever tagger finds it


def test_an_unknown_tagger_is_a_clean_error(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACE_TAGGER", "")  # unset, and restored after the option sets it
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = runner.invoke(main, ["extract", str(path), "--model", "blank", "--tagger", "acurate"])
    assert result.exit_code == 2 and "'acurate'" in result.stderr
    assert "Traceback" not in result.output


def test_the_tagger_option_does_not_outlive_its_command(runner, tmp_path, monkeypatch):
    import os

    monkeypatch.setenv("CLAIMTRACE_TAGGER", "fast")
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = invoke(runner, "extract", str(path), "--tagger", "rules")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["analyzer"]["model"].endswith("+rules")
    assert os.environ["CLAIMTRACE_TAGGER"] == "fast"  # the caller's choice is back


def test_a_quantity_reads_as_people_write_it():
    from claimtrace.cli.render import quantity_value
    from claimtrace.model import Change, Qualifier, Quantity, Span

    money = Quantity("q1", Span(0, 10, "$2 billion"), 2e9, currency="USD", change=Change.DOWN)
    assert quantity_value(money) == "USD 2,000,000,000 · exact · change down"
    troops = Quantity(
        "q2",
        Span(0, 20, "10,000-12,000 troops"),
        10_000,
        Qualifier.RANGE,
        value_high=12_000,
        counted="troops",
        modifiers=("North", "Korean"),
        event="deployed",
    )
    assert quantity_value(troops) == "10,000–12,000 · range · North Korean troops · deployed"
    share = Quantity("q3", Span(0, 11, "5.2 percent"), 5.2, unit="percent")
    assert quantity_value(share) == "5.2 percent · exact"
