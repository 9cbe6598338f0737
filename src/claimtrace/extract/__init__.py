"""Extractors: pure functions over a parsed Doc that return frozen records."""
