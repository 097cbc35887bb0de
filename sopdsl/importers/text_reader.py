"""`.csv`, `.tsv` and `.txt` files: a table exported from a spreadsheet, or pasted from Word (tab-separated)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .document import Block, Cell, Document, ImportFailure, Row, split_at_empty_rows

DELIMITERS = ",;\t|"


def decode(data: bytes) -> str:
    """The file's text: UTF-16 with its byte order mark (Word's 'Unicode text'), UTF-8 (with or without BOM),
    else Windows-1252 as old Excel saves it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFailure("unreadable", "UTF-16 text") from None
    if b"\x00" in data[:4096]:
        raise ImportFailure("binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read(path: Path) -> Document:
    """The file's rows: CSV/TSV as one grid split at empty rows; a .txt's tab lines as tables, other lines as text."""
    text = decode(path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return _pasted(text)
    delimiter = "\t" if suffix == ".tsv" else sniff_delimiter(text)
    try:
        rows = [_row(fields) for fields in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as error:
        raise ImportFailure("unreadable", f"CSV ({error})") from None
    return Document(split_at_empty_rows(_padded(rows)))


def sniff_delimiter(text: str) -> str:
    """The delimiter (',' ';' tab '|') that splits the most lines into the same number of fields, ',' on a tie:
    a table's rows all have as many cells."""
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        try:
            counts = [len(fields) for fields in csv.reader(io.StringIO(text[:50000]), delimiter=delimiter) if fields]
        except csv.Error:
            continue
        widths = [count for count in counts if count > 1]
        score = max((widths.count(width) for width in set(widths)), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _pasted(text: str) -> Document:
    """Text pasted from Word: runs of tab-separated lines are tables; other lines are paragraphs."""
    document = Document()
    run: list[Row] = []
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) > 1:
            run.append(_row(fields))
            continue
        if run:
            document.blocks.append(Block(_padded(run)))
            run = []
        stripped = line.strip().strip("*").strip()
        if stripped:
            document.blocks.append(Block([[Cell(stripped)]]))
    if run:
        document.blocks.append(Block(_padded(run)))
    return document


def _row(fields: list[str]) -> Row:
    """Cells of one line's fields, bold markers of pasted text removed."""
    return [Cell(field.strip().strip("*").strip() if field.strip().startswith("**") else field.strip())
            for field in fields]


def _padded(rows: list[Row]) -> list[Row]:
    """The rows made as wide as the widest."""
    width = max((len(row) for row in rows), default=0)
    return [row + [Cell() for _ in range(width - len(row))] for row in rows]
