"""Syntax errors: the exception, and a Lark error turned into one that points where the author must look."""

from __future__ import annotations

from collections.abc import Sequence

from lark import Token
from lark.exceptions import UnexpectedInput, UnexpectedToken

from ..errors import SopdslError
from .messages import Situation, choose


class SopSyntaxError(SopdslError):
    """A file that does not follow the language, with the line and column to show the author, and the file's path
    where the caller gave it."""

    def __init__(self, message: str, line: int, column: int, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.path = path


def explain(error: UnexpectedInput, text: str, history: Sequence[Token], language: str) -> SopSyntaxError:
    """Turn a Lark error into a SopSyntaxError that speaks of the file, not of the grammar, in its keyword language."""
    situation = Situation.of(error, text, history, language)
    line, column = _position(error, text)
    return SopSyntaxError(choose(situation).text(situation), line, column)


def _position(error: UnexpectedInput, text: str) -> tuple[int, int]:
    """Where the error points: a stray indent at its end, a missing value at the end of its line."""
    line, column = error.line, error.column
    if isinstance(error, UnexpectedToken) and error.token.type == "_INDENT":
        line, column = error.token.end_line, error.token.end_column
    elif isinstance(error, UnexpectedToken) and error.token.type in ("_DEDENT", "_NL", "$END"):
        line, column = _end_of_line(text, error.token, line, column)
    if line is None or line < 1:
        return _last_position(text)
    return line, column


def _end_of_line(text: str, token: Token, line: int, column: int) -> tuple[int, int]:
    """Point a missing value at the end of the line it is missing from, not at the next line."""
    if token.type == "$END":
        return _last_position(text)
    position = token.start_pos if token.start_pos is not None else 0
    if 0 <= position <= len(text):
        line_start = text.rfind("\n", 0, position) + 1
        return text.count("\n", 0, position) + 1, position - line_start + 1
    return line, column


def _last_position(text: str) -> tuple[int, int]:
    stripped = text.rstrip("\r\n")
    line = stripped.count("\n") + 1
    return line, len(stripped) - (stripped.rfind("\n") + 1) + 1
