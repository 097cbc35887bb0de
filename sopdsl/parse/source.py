"""A .sop file's bytes as text, and the syntax error every reader and the parser raise: without loading Lark."""

from __future__ import annotations

from pathlib import Path

from ..errors import SopdslError
from ..i18n import say


class SopSyntaxError(SopdslError):
    """A file that does not follow the language, with the line and column to show the author, and the file's path
    where the caller gave it."""

    def __init__(self, message: str, line: int, column: int, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.path = path


def read_source(path: Path) -> str:
    """The text of a .sop file: UTF-8, a leading BOM dropped; anything else is a SopSyntaxError."""
    return decode_source(Path(path).read_bytes())


def decode_source(data: bytes) -> str:
    """The text of a .sop file's bytes: UTF-8, a leading BOM dropped; anything else is a SopSyntaxError."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        line, column = _line_column(data, data.index(b"\x00"))
        raise SopSyntaxError(say("syntax.nul-byte"), line, column)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column(data, error.start)
        raise SopSyntaxError(say("syntax.not-utf8", byte=f"{data[error.start]:02x}"), line, column) from None


def _line_column(data: bytes, offset: int):
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column
