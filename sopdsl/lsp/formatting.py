"""Formatting: the buffer in the canonical form `sopdsl fmt` writes; a buffer that does not parse is left alone."""

from __future__ import annotations

from lsprotocol import types

from ..format import FormatError, format_text
from ..parse import SopSyntaxError
from .positions import whole


def formatted(text: str, lines: list[str]) -> list[types.TextEdit]:
    """One edit that replaces the whole text with its canonical form; none when it is canonical or cannot be."""
    try:
        canonical = format_text(text)
    except (SopSyntaxError, FormatError):
        return []
    if "\r\n" in text:
        canonical = canonical.replace("\n", "\r\n")
    return [] if canonical == text else [types.TextEdit(range=whole(lines), new_text=canonical)]
