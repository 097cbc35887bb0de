"""Loading a source file: read and parse it, with its library record where asked; every command loads through here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

import attrs

from .diagnostics import Diagnostic, Severity
from .errors import UsageError
from .i18n import say
from .library_record import SopRecord, library_record
from .model import Calendar, Sop
from .parse import SopSyntaxError, decode_source, parse_text, read_source

_GIVEN: dict[str, bytes] = {}  # texts read from standard input, by the name they are shown under


def take_standard_input(name: str | None = None) -> Path:
    """Read standard input once and keep it under `name` (`--stdin-filename`, else `-`): the path to load."""
    shown = name or "-"
    _GIVEN[shown] = sys.stdin.buffer.read()
    return Path(shown)


def source_text(path: Path) -> str:
    """The text of a .sop file, or of standard input taken under that name."""
    given = _GIVEN.get(str(path))
    return decode_source(given) if given is not None else read_source(path)


class SourceFile(NamedTuple):
    """One loaded file: its text, and its SOP's library record or the syntax error that stopped it.

    The whole model, `sop`, is kept only where it was asked for: a worker process sends back the record,
    which costs far less to pass between processes.
    """

    path: str
    text: str | None
    error: Diagnostic | None
    record: SopRecord | None = None
    sop: Sop | None = None


def read(path: Path, calendar: Calendar | None = None) -> SourceFile:
    """Read and parse one file, keeping its model; a syntax error becomes its `syntax-error` diagnostic.

    `calendar` is the configured default, given to an SOP without a `calendar:` block of its own.
    """
    text, sop, error = parse_file(path, calendar)
    return SourceFile(str(path), text, error, None, sop)


def load(path: Path, calendar: Calendar | None = None) -> SourceFile:
    """Read and parse one file as `read` does, with the library record the library rules need."""
    file = read(path, calendar)
    return file._replace(record=library_record(file.sop)) if file.sop is not None else file


def parse_file(path: Path, calendar: Calendar | None) -> tuple[str | None, Sop | None, Diagnostic | None]:
    """The file's text and model, or its text (None if it could not be decoded) and its syntax error.

    A file that cannot be read is a UsageError.
    """
    try:
        text = source_text(path)
    except SopSyntaxError as error:
        return None, None, syntax_diagnostic(str(path), error)
    except OSError as error:
        raise UsageError(say("usage.cannot-read", path=path, reason=error.strerror)) from None
    return (text, *parse_source(str(path), text, calendar))


def parse_source(path: str, text: str, calendar: Calendar | None) -> tuple[Sop | None, Diagnostic | None]:
    """The model of a text shown under `path` (an editor's buffer, a file's text), or its syntax error."""
    try:
        sop = parse_text(text)
    except SopSyntaxError as error:
        return None, syntax_diagnostic(path, error)
    if calendar is not None and sop.calendar is None:
        sop = attrs.evolve(sop, calendar=calendar)
    return sop, None


def syntax_diagnostic(path: str, error: SopSyntaxError) -> Diagnostic:
    """The `syntax-error` finding of a file that does not parse."""
    return Diagnostic(path, error.line, error.column, Severity.ERROR, "syntax-error", error.message)
