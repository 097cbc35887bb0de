"""The text report: `path:line:column: severity rule message`, the source line and a caret, then a summary."""

from __future__ import annotations

from collections import Counter

from ..i18n import say
from ..terminal import printable

COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
BOLD, RESET = "\x1b[1m", "\x1b[0m"


def report(diagnostics, sources, stream) -> None:
    """`sources` maps a path to its text, for the quoted line under each finding."""
    report_text(diagnostics, sources, stream)


def report_text(diagnostics, sources, stream, quiet: bool = False, color: bool = False) -> None:
    """The report; `quiet` leaves out the summary line, `color` marks severities and places for a terminal."""
    lines_of: dict[str, list[str]] = {}
    for d in diagnostics:
        stream.write((_coloured(d) if color else printable(d.line_text)) + "\n")
        if d.path not in lines_of:
            text = sources.get(d.path)
            lines_of[d.path] = text.split("\n") if text is not None else []  # numbered as the parser numbers them
        lines = lines_of[d.path]
        if 1 <= d.line <= len(lines):
            stream.write(f"  {_shown(lines[d.line - 1])}\n  {' ' * (d.column - 1)}^\n")
    if not quiet:
        stream.write(f"{summary(diagnostics, len(sources))}\n")


def _coloured(d) -> str:
    """The finding line with its place in bold and its severity in the severity's colour."""
    place = printable(f"{d.path}:{d.line}:{d.column}:")
    return f"{BOLD}{place}{RESET} {COLOURS[d.severity.value]}{d.severity}{RESET} {d.rule} {printable(d.message)}"


def _shown(line: str) -> str:
    """A source line for the terminal: one visible character for each of its characters, so the caret lines up."""
    return "".join(char if char.isprintable() else " " if char == "\t" else "\ufffd" for char in line.rstrip("\r"))


def summary(diagnostics, file_count: int) -> str:
    """`3 files checked: 1 error, 2 warnings`, or `...: no findings`."""
    counts = Counter(d.severity.value for d in diagnostics)
    parts = [_count(s, counts[s]) for s in ("error", "warning", "info") if counts[s]]
    return say("summary", files=_count("file", file_count), findings=", ".join(parts) or say("summary.no-findings"))


def _count(what: str, count: int) -> str:
    """`1 error`, `2 errors`: the count and its word."""
    return say(f"summary.{what}" if count == 1 else f"summary.{what}s", count=count)
