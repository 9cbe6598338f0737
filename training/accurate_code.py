"""--code file for `spacy train configs/accurate.cfg`: registers claimtrace.MiniLMTok2Vec.v1."""

import importlib.util
from pathlib import Path

_path = (
    Path(__file__).resolve().parent.parent / "src" / "claimtrace" / "models" / "minilm_tok2vec.py"
)
_spec = importlib.util.spec_from_file_location("claimtrace_minilm_tok2vec", _path)
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
