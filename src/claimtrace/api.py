"""The Python API (filled in by the foundation work)."""

from __future__ import annotations


def analyze(*args, **kwargs):  # pragma: no cover - replaced in the next commit
    raise NotImplementedError


analyze_many = analyze
