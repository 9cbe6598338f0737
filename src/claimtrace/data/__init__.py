"""Data files shipped with claimtrace (lexicons, gazetteers, small model weights).

The lexicons and learned weights at this folder's top level are read through
:func:`read_json`; the gazetteer tables and the attribution cue lists (in subfolders or
big enough to stream) are read by their own modules.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_json(name: str, *, missing_ok: bool = False) -> Any:
    """The parsed JSON data file ``name`` of this package.

    With ``missing_ok`` a missing or unreadable file gives None (optional weights such as
    the learned stance backup); without it the error propagates (required lexicons).
    """
    try:
        raw = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        if missing_ok:
            return None
        raise
    return json.loads(raw)
