"""Go to definition, find references and rename, for role, step and SOP ids (SOP ids across the workspace)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from ..loading import SourceFile
from ..model import Sop, Span
from ..parse import SopSyntaxError, parse_text
from .names import SOP, Name, name_at, same
from .positions import span_range, split_lines
from .workspace import Index

ID = re.compile(r"[^\W\d_][\w-]*\Z")


def definition(sop: Sop, file: SourceFile, line: int, column: int, index: Index) -> list[types.Location]:
    """Where the id at the place is declared: in this file, or for an SOP id in the files that declare it."""
    name = name_at(sop, line, column)
    if name is None:
        return []
    return [location for location, declares in _occurrences(sop, file, name, index) if declares]


def references(sop: Sop, file: SourceFile, line: int, column: int, index: Index, declaration: bool
               ) -> list[types.Location]:
    """Every place the id at the place is written, with its declaration if asked."""
    name = name_at(sop, line, column)
    if name is None:
        return []
    return [location for location, declares in _occurrences(sop, file, name, index) if declaration or not declares]


def rename_range(sop: Sop, lines: list[str], line: int, column: int) -> types.Range | None:
    """The id that a rename at the place would change, if there is one."""
    name = name_at(sop, line, column)
    return span_range(lines, name.span) if name is not None else None


def rename(sop: Sop, file: SourceFile, line: int, column: int, index: Index, new_id: str
           ) -> types.WorkspaceEdit | None:
    """The edits that rename the id at the place everywhere it is written (None: no id there, or a bad new one)."""
    name = name_at(sop, line, column)
    if name is None or not ID.match(new_id):
        return None
    changes: dict[str, list[types.TextEdit]] = {}
    for location, _ in _occurrences(sop, file, name, index):
        changes.setdefault(location.uri, []).append(types.TextEdit(range=location.range, new_text=new_id))
    return types.WorkspaceEdit(changes=changes)


def _occurrences(sop: Sop, file: SourceFile, name: Name, index: Index) -> Iterator[tuple[types.Location, bool]]:
    """Each place the id is written, and whether it declares it; an SOP id in every file of the workspace."""
    here = _uri(file.path)
    lines = split_lines(file.text or "")
    for found in same(sop, name.kind, name.id):
        yield types.Location(uri=here, range=span_range(lines, found.span)), found.declares
    if name.kind != SOP:
        return
    for other in index.files():
        if other.path != file.path:
            yield from _sop_id_in(other, name.id)


def _sop_id_in(file: SourceFile, sop_id: str) -> Iterator[tuple[types.Location, bool]]:
    """The places another file declares or names an SOP id: its record's references, and its `sop` line."""
    if file.record is None or file.text is None:
        return
    uri, lines = _uri(file.path), split_lines(file.text)
    spans: list[tuple[Span, bool]] = []
    if file.record.id == sop_id:
        declared = _declaration(file)
        if declared is not None:
            spans.append((declared, True))
    spans += [(ref.span, False) for ref in file.record.related if ref.id == sop_id and ref.span is not None]
    spans += [(use.ref.span, False) for use in file.record.uses if use.ref.id == sop_id and use.ref.span is not None]
    for span, declares in spans:
        yield types.Location(uri=uri, range=span_range(lines, span)), declares


def _declaration(file: SourceFile) -> Span | None:
    """Where the file's `sop` line writes its id."""
    if file.sop is not None:
        return file.sop.id_span
    try:
        return parse_text(file.text or "").id_span
    except SopSyntaxError:
        return None


def _uri(path: str) -> str:
    """The uri of a file's path; an unsaved buffer goes by its uri already."""
    return (from_fs_path(path) or path) if Path(path).is_absolute() else path
