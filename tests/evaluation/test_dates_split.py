"""The dev/test split lists of `claimtrace eval dates` (no corpus needed, except the last test)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace.errors import InputError
from claimtrace.evaluation.dates import SPLIT_DIR, find_split_list, iter_docs, split_names
from claimtrace.evaluation.shared import shared_dir

TML = (
    '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07">Aug 7</TIMEX3></DCT>'
    "<TEXT>It rained {}.</TEXT></TimeML>"
)


def _folder(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(parents=True)
    for name in names:
        (folder / f"{name}.tml").write_text(TML.format(name), encoding="utf-8")
    return folder


def _write_list(path: Path, dev: list[str], test: list[str]) -> Path:
    path.write_text(json.dumps({"dev": dev, "test": test}), encoding="utf-8")
    return path


def test_split_all_needs_no_list(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["a", "b"])
    assert split_names(folder, "all") is None
    assert [d.name for d in iter_docs(folder)] == ["a", "b"]


def test_split_reads_an_explicit_list(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["a", "b", "c"])
    lst = _write_list(tmp_path / "s.json", ["a", "c"], ["b"])
    assert split_names(folder, "dev", lst) == {"a", "c"}
    assert [d.name for d in iter_docs(folder, split_names(folder, "test", lst))] == ["b"]


def test_split_list_is_found_by_the_folder_files(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["a", "b"])
    lists = tmp_path / "splits"
    lists.mkdir()
    _write_list(lists / "other.json", ["a"], ["z"])
    mine = _write_list(lists / "mine.json", ["b"], ["a"])
    assert find_split_list(folder, lists) == mine
    assert find_split_list(_folder(tmp_path / "x", ["q"]), lists) is None


def test_split_without_a_list_or_with_a_bad_one_is_an_input_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["never-seen"])
    with pytest.raises(InputError, match="--files"):
        split_names(folder, "dev")
    with pytest.raises(InputError, match="not in"):
        split_names(folder, "dev", _write_list(tmp_path / "s.json", ["gone"], []))
    with pytest.raises(InputError, match="disjoint"):
        split_names(folder, "dev", _write_list(tmp_path / "t.json", ["a"], ["a"]))
    with pytest.raises(InputError, match="split must be"):
        split_names(folder, "train")


def test_cli_split_without_a_list_fails_cleanly(tmp_path: Path) -> None:
    from claimtrace.cli import main

    folder = _folder(tmp_path, ["never-seen"])
    result = CliRunner().invoke(main, ["eval", "dates", str(folder), "--split", "test"])
    assert result.exit_code == 2
    assert "no split list" in result.output


def test_aquaint_list_follows_its_documented_rule() -> None:
    data = json.loads((SPLIT_DIR / "tempeval3-aquaint.json").read_text(encoding="utf-8"))
    names = data["dev"] + data["test"]
    assert len(names) == len(set(names)) == 73
    ranked = sorted(names, key=lambda n: hashlib.sha256((data["seed"] + n).encode()).hexdigest())
    assert sorted(ranked[: len(names) // 2]) == data["dev"]
    assert sorted(ranked[len(names) // 2 :]) == data["test"]


@pytest.mark.shared
def test_aquaint_split_scores_only_its_documents(tmp_path: Path) -> None:
    root = shared_dir()
    aquaint = root / "corpora" / "tempeval3" / "AQUAINT" if root else None
    if aquaint is None or not aquaint.is_dir():
        pytest.skip("../shared corpora are not available")
    from claimtrace.evaluation.dates import evaluate

    small = tmp_path / "aq"
    small.mkdir()
    data = json.loads((SPLIT_DIR / "tempeval3-aquaint.json").read_text(encoding="utf-8"))
    for name in data["dev"][:2] + data["test"][:1]:
        (small / f"{name}.tml").write_bytes((aquaint / f"{name}.tml").read_bytes())
    lst = _write_list(tmp_path / "s.json", data["dev"][:2], data["test"][:1])
    out = tmp_path / "pred.jsonl"
    summary = evaluate(small, out, split="dev", files=lst)
    docs = [json.loads(line)["doc"] for line in out.read_text().splitlines()]
    assert docs == sorted(data["dev"][:2]) and summary["docs"] == 2
    assert summary["counts"]["gold"] > 0
    assert summary["report"].startswith("split=dev docs=2")
