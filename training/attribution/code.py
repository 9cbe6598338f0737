"""``spacy train --code`` hook: registers claimtrace's tagger architecture."""

import claimtrace.extract.attribution_model  # noqa: F401
