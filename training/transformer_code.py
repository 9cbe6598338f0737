"""Import hook for `training/evaluate.py --code`: registers the transformer pipeline component
(claimtrace_transformer_parser) before spacy.load of a pipeline built by pipeline_transformer.py."""

import claimtrace.nlp.transformer_parser  # noqa: F401
