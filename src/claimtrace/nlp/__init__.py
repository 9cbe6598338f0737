"""The spaCy side of claimtrace: Doc extensions, component factories, pipeline loading."""
