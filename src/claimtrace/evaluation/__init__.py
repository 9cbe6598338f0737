"""Benchmark runners behind ``claimtrace eval``."""
