"""Existing SOP documents (.docx, .xlsx, text .pdf, .csv/.tsv/.txt) read into draft .sop files."""

from __future__ import annotations

import importlib
from pathlib import Path

from .document import Document, ImportFailure, MissingDependency
from .draft import Draft

READERS = {
    ".docx": "docx_reader",
    ".xlsx": "xlsx_reader",
    ".xlsm": "xlsx_reader",
    ".pdf": "pdf_reader",
    ".csv": "text_reader",
    ".tsv": "text_reader",
    ".txt": "text_reader",
}

CONVERT_FIRST = {".doc": "docx", ".rtf": "docx", ".odt": "docx", ".xls": "xlsx", ".ods": "xlsx"}
"""Older or other office formats, and the format to save them as before importing."""

__all__ = ["READERS", "Draft", "ImportFailure", "MissingDependency", "read_document", "read_drafts"]


def read_document(path: Path) -> Document:
    """The file's blocks of rows, read by the reader for its suffix."""
    module_name = READERS.get(path.suffix.lower())
    if path.suffix.lower() in CONVERT_FIRST:
        raise ImportFailure("convert-first", CONVERT_FIRST[path.suffix.lower()])
    if module_name is None:
        raise ImportFailure("unknown-kind", path.suffix or "?")
    module = importlib.import_module(f".{module_name}", __package__)
    return module.read(path)


def read_drafts(path: Path) -> list[Draft]:
    """One draft per SOP flowchart table in the file; a file with none is an ImportFailure."""
    from .reading import drafts_from

    drafts = drafts_from(read_document(path), path)
    if not drafts:
        raise ImportFailure("no-table")
    return drafts
