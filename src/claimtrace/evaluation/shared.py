"""Locate the project's shared corpora and scorers (``../shared`` beside the checkout)."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

from claimtrace.errors import ClaimtraceError


def read_gold_jsonl(path: str | Path) -> list[dict]:
    """The records of a gold JSON Lines file (a clear error when it is missing)."""
    path = Path(path)
    if not path.is_file():
        raise ClaimtraceError(f"gold file {path} not found")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ClaimtraceError(f"{path}, line {number}: not JSON ({err.msg})") from err
    return rows


def shared_dir() -> Path | None:
    """``$CLAIMTRACE_SHARED``, else the first ``shared`` folder beside the cwd or the repo."""
    env = os.environ.get("CLAIMTRACE_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *Path.cwd().parents, *here.parents):
        candidate = base / "shared"
        if (candidate / "tools").is_dir():
            return candidate
        candidate = base.parent / "shared"
        if (candidate / "tools").is_dir():
            return candidate
    return None


def reference_article() -> tuple[str, dict] | None:
    """The reference article's text and its hand-made analysis (``shared/examples``), or
    None when ``../shared`` is not found."""
    root = shared_dir()
    if root is None:
        return None
    examples = root / "examples"
    text = (examples / "nk-troops-russia.txt").read_text(encoding="utf-8")
    gold = json.loads((examples / "nk-troops-russia.gold.json").read_text(encoding="utf-8"))
    return text, gold


def load_scorer(name: str) -> ModuleType:
    """Import ``shared/tools/<name>.py`` (the scorers that judge the project)."""
    root = shared_dir()
    path = root / "tools" / f"{name}.py" if root else None
    if path is None or not path.is_file():
        raise ClaimtraceError(
            f"scorer {name}.py not found: set CLAIMTRACE_SHARED to the folder holding tools/"
        )
    spec = importlib.util.spec_from_file_location(f"claimtrace_scorer_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the scorer look their module up
    spec.loader.exec_module(module)
    return module
