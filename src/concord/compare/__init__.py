"""Policies: facts gathered across sources, turned into findings."""
