"""The text report: `path:line:column: severity rule message`, the source line and a caret, then a summary."""

from __future__ import annotations

from collections import Counter
from typing import Dict, List

from ..terminal import printable


def report(diagnostics, sources, stream) -> None:
    """`sources` maps a path to its text, for the quoted line under each finding."""
    lines_of: Dict[str, List[str]] = {}
    for d in diagnostics:
        stream.write(printable(d.line_text) + "\n")
        if d.path not in lines_of:
            text = sources.get(d.path)
            lines_of[d.path] = text.split("\n") if text is not None else []  # numbered as the parser numbers them
        lines = lines_of[d.path]
        if 1 <= d.line <= len(lines):
            stream.write(f"  {_shown(lines[d.line - 1])}\n  {' ' * (d.column - 1)}^\n")
    stream.write(f"{summary(diagnostics, len(sources))}\n")


def _shown(line: str) -> str:
    """A source line for the terminal: one visible character for each of its characters, so the caret lines up."""
    return "".join(char if char.isprintable() else " " if char == "\t" else "\ufffd" for char in line.rstrip("\r"))


def summary(diagnostics, file_count: int) -> str:
    """`3 files checked: 1 error, 2 warnings`, or `...: no findings`."""
    counts = Counter(d.severity.value for d in diagnostics)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]]
    files = f"{file_count} file{'s' if file_count != 1 else ''} checked"
    return f"{files}: {', '.join(parts) or 'no findings'}"
