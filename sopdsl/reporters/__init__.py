"""Reporters: diagnostics printed for people (text), programs (json), code scanning (sarif) and CI logs (github)."""

from __future__ import annotations

import importlib

REPORTERS = ("text", "json", "sarif", "github", "junit", "gitlab")


def reporter(name: str):
    """`report(diagnostics, sources, stream)` of the named reporter, imported only when asked for.

    `sources` maps each checked path to its text (or None).
    """
    if name not in REPORTERS:
        raise ValueError(f"no reporter named {name!r}")
    return importlib.import_module(f"{__name__}.{name}_reporter").report
