"""claimtrace: follow what the news claims, who claims it, and how it holds up.

>>> import claimtrace
>>> article = claimtrace.analyze("Kyiv has said ...", published="2024-10-24")
>>> [c.source_kind for c in article.claims]
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("claimtrace")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

from claimtrace.api import analyze, analyze_articles, analyze_many

__all__ = ["__version__", "analyze", "analyze_articles", "analyze_many"]
