"""Text bound for a terminal: what a file or its name contains must never drive the terminal."""

from __future__ import annotations


def printable(text: str, keep: str = "") -> str:
    """The text with control and other invisible characters (but those in `keep`) written as escapes."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char in keep else repr(char)[1:-1] for char in text)
