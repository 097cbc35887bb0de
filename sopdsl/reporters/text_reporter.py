"""The text report: `path:line:column: severity rule message`, the source line and a caret, then a summary."""

from __future__ import annotations

from collections import Counter

from ..i18n import say
from ..terminal import printable

COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
BOLD, RESET = "\x1b[1m", "\x1b[0m"
EXCERPT = 100  # characters of a long source line quoted on each side of the caret


def report(diagnostics, sources, stream) -> None:
    """`sources` maps a path to its text, for the quoted line under each finding."""
    report_text(diagnostics, sources, stream)


def report_text(diagnostics, sources, stream, quiet: bool = False, color: bool = False) -> None:
    """The report; `quiet` leaves out the summary line, `color` marks severities and places for a terminal."""
    lines_of: dict[str, _Lines] = {}
    for d in diagnostics:
        stream.write((_coloured(d) if color else printable(d.line_text)) + "\n")
        if d.path not in lines_of:
            lines_of[d.path] = _Lines(sources.get(d.path))
        line = lines_of[d.path].line(d.line)
        if line is not None:
            shown, caret = _excerpt(line, d.column)
            stream.write(f"  {_shown(shown)}\n  {' ' * caret}^\n")
    if not quiet:
        stream.write(f"{summary(diagnostics, len(sources))}\n")


def _coloured(d) -> str:
    """The finding line with its place in bold and its severity in the severity's colour."""
    place = printable(f"{d.path}:{d.line}:{d.column}:")
    return f"{BOLD}{place}{RESET} {COLOURS[d.severity.value]}{d.severity}{RESET} {d.rule} {printable(d.message)}"


class _Lines:
    """A source's lines, numbered at LF as the parser does, found by scanning on from the last one asked for."""

    def __init__(self, text: str | None) -> None:
        self.text, self.number, self.start = text, 1, 0

    def line(self, number: int) -> str | None:
        if self.text is None or number < 1:
            return None
        if number < self.number:
            self.number, self.start = 1, 0
        while self.number < number:
            end = self.text.find("\n", self.start)
            if end < 0:
                return None
            self.number, self.start = self.number + 1, end + 1
        end = self.text.find("\n", self.start)
        return self.text[self.start : end if end >= 0 else len(self.text)]


def _excerpt(line: str, column: int) -> tuple[str, int]:
    """A long line cut to the characters around `column`, '…' where cut; and how far the caret stands in it."""
    if len(line) <= 2 * EXCERPT:
        return line, column - 1
    start = max(0, column - 1 - EXCERPT)
    end = column - 1 + EXCERPT
    shown = ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")
    return shown, column - 1 - start + (1 if start else 0)


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
