"""Places in a text: sopdsl's 1-based line and column (in characters) and the LSP's 0-based UTF-16 positions."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from ..model import Span

_ID_CHAR = re.compile(r"[\w-]")


def units(line: str, column: int) -> int:
    """The UTF-16 offset of the 0-based character `column` of a line."""
    prefix = line[:column]
    return column if prefix.isascii() else len(prefix.encode("utf-16-le")) // 2


def characters(line: str, offset: int) -> int:
    """The 0-based character index of a UTF-16 offset into a line."""
    if line.isascii():
        return min(offset, len(line))
    counted = 0
    for index, char in enumerate(line):
        if counted >= offset:
            return index
        counted += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def position(lines: Sequence[str], line: int, column: int) -> types.Position:
    """The LSP position of a 1-based line and 0-based character column."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return types.Position(max(line - 1, 0), units(text, column))


def span_range(lines: Sequence[str], span: Span) -> types.Range:
    """The LSP range of a span (whose end is its last character, inclusive)."""
    return types.Range(position(lines, span.line, span.column - 1), position(lines, span.end_line, span.end_column))


def finding_range(lines: Sequence[str], line: int, column: int, end_line: int, end_column: int) -> types.Range:
    """The range of a finding: its span, or the word at its place where it has no end."""
    if end_line <= 0:
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        end_column = column
        while end_column < len(text) and _ID_CHAR.match(text[end_column]):
            end_column += 1
        end_line = line
    return span_range(lines, Span(line, column, end_line, max(end_column, column if end_line == line else 1)))


def place(lines: Sequence[str], at: types.Position) -> tuple[int, int]:
    """The 1-based line and 1-based character column of an LSP position."""
    text = lines[at.line] if at.line < len(lines) else ""
    return at.line + 1, characters(text, at.character) + 1


def contains(span: Span | None, line: int, column: int) -> bool:
    """Whether a 1-based place is inside the span (both ends included, and just after its end)."""
    if span is None:
        return False
    return (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column + 1)


def whole(lines: Sequence[str]) -> types.Range:
    """The range of the whole text."""
    last = lines[-1] if lines else ""
    return types.Range(types.Position(0, 0), types.Position(max(len(lines) - 1, 0), units(last, len(last))))


def split_lines(text: str) -> list[str]:
    """The text's lines, without their line ends (a final line end opens an empty last line)."""
    return text.replace("\r\n", "\n").split("\n")
