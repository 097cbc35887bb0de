"""Finds the grammar file: inside the installed package, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def grammar_path() -> Path:
    """The path of sop.lark, shipped as sopdsl/grammar in the wheel and kept in grammar/ in the source."""
    for candidate in (_PACKAGE / "grammar" / "sop.lark", _PACKAGE.parent / "grammar" / "sop.lark"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("sop.lark not found beside the sopdsl package")
