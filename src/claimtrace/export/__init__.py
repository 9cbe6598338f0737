"""Serialisations of analysed articles."""
