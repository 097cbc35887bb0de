"""The flowchart table's header: found by its words, its columns classified (No, Kegiatan, roles, Mutu Baku, Ket)."""

from __future__ import annotations

import re

from attrs import define

from .document import Block, Cell, Row
from .words import GROUPS, column_kind, compact

FIELD_KINDS = ("no", "section", "activity", "needs", "time", "output", "note")
_QUALITY_ORDER = ("needs", "time", "output")
_NUMBERING = re.compile(r"\(?\d{1,2}\)?\.?")


@define
class Column:
    """One column of the table: its kind ('role', 'performers', a FIELD_KIND, 'unknown', 'empty') and heading."""

    kind: str
    heading: str = ""
    guessed: bool = False


@define
class Layout:
    """Where the header of a flowchart table stands in its block, and what its columns hold."""

    top: int
    first_body_row: int
    columns: list[Column]

    def index(self, kind: str) -> int | None:
        """The first column of this kind, or None."""
        return next((i for i, column in enumerate(self.columns) if column.kind == kind), None)

    def indexes(self, kind: str) -> list[int]:
        """Every column of this kind, left to right."""
        return [i for i, column in enumerate(self.columns) if column.kind == kind]


def _kinds(row: Row) -> set:
    """The column kinds the row's headings name."""
    return {column_kind(cell.text) for cell in row} - {None}


def is_header_row(row: Row) -> bool:
    """A row naming the activity column and at least two of the others."""
    kinds = _kinds(row)
    return "activity" in kinds and len(kinds - {"activity"}) >= 2


def is_numbering_row(row: Row) -> bool:
    """The row '1 2 3 4 5 6 7 8' that numbers the columns under many headers."""
    texts = [cell.own_text for cell in row if cell.own_text]
    return len(texts) >= 3 and all(_NUMBERING.fullmatch(text) for text in texts)


_TOTALS = ("jumlahwaktu", "totalwaktu", "waktutotal", "totaltime")


def is_total_row(row: Row) -> bool:
    """The row under the table that adds up the times ('Jumlah waktu'): no step."""
    first = next((cell.text for cell in row if cell.text.strip()), "")
    word = compact(first)
    return word.startswith(_TOTALS) or word in ("jumlah", "total")


def find_layout(block: Block) -> Layout | None:
    """The header of the flowchart table in this block, or None when the block holds none."""
    key = next((i for i, row in enumerate(block.rows) if is_header_row(row)), None)
    if key is None:
        return None
    top = key
    if key > 0 and _kinds(block.rows[key - 1]) & set(GROUPS) and "activity" not in _kinds(block.rows[key - 1]):
        top = key - 1
    key_row = block.rows[key]
    anchors = [i for i, cell in enumerate(key_row) if column_kind(cell.text) in ("no", "activity")]
    bottom = key + 1
    while bottom < len(block.rows) and _continues_header(block.rows[bottom], key_row, anchors):
        bottom += 1
    columns = classify(block.rows[top:bottom], block.width)
    while bottom < len(block.rows) and is_numbering_row(block.rows[bottom]):
        bottom += 1
    return Layout(top, bottom, columns)


def _continues_header(row: Row, key_row: Row, anchors: list[int]) -> bool:
    """A row below the header row with nothing of its own under No and Kegiatan (or their headings again, where
    a merge was lost): the role names, say."""
    if is_numbering_row(row) or not any(cell.own_text for cell in row) or any(cell.shapes for cell in row):
        return False
    return all(index >= len(row) or not row[index].own_text or compact(row[index].text) == compact(key_row[index].text)
               for index in anchors)


def classify(rows: list[Row], width: int) -> list[Column]:
    """Each column's kind from the header texts stacked over it (a merged group heading repeats over its columns)."""
    rows = [_with_lost_merges(row, below) for row, below in zip(rows, rows[1:] + [[]], strict=False)]
    columns = [_column([row[i] for row in rows if i < len(row)]) for i in range(width)]
    activity = next((i for i, column in enumerate(columns) if column.kind == "activity"), -1)
    after_roles = ("needs", "time", "output", "note", "quality")
    first_quality = next((i for i, c in enumerate(columns) if i > activity and c.kind in after_roles), width)
    for i, column in enumerate(columns):
        if column.kind == "unknown" and activity < i < first_quality:
            columns[i] = Column("role", column.heading, guessed=True)
    performers = [i for i, column in enumerate(columns) if column.kind == "performers"]
    if len(performers) > 1:  # a merged "Pelaksana" over columns that name no role
        for number, i in enumerate(performers, start=1):
            columns[i] = Column("role", f"{columns[i].heading} {number}", guessed=True)
    _name_quality_columns(columns)
    return columns


def _with_lost_merges(row: Row, below: Row) -> Row:
    """A group heading ('Pelaksana', 'Mutu Baku') spread over the empty cells after it that have a heading below
    them: pasted text and some converters lose the merge that spanned those columns."""
    spread = list(row)
    group = None
    for i, cell in enumerate(spread):
        if cell.text.strip():
            group = cell if column_kind(cell.text) in GROUPS else None
        elif group is not None and i < len(below) and below[i].text.strip():
            spread[i] = Cell(group.text, covered=True)
        else:
            group = None
    return spread


def _column(cells) -> Column:
    """A column's kind from the headings stacked over it, lowest first (role names stand under 'Pelaksana')."""
    texts: list[str] = []
    for cell in cells:
        text = " ".join(cell.text.split())
        if text and (not texts or texts[-1] != text):
            texts.append(text)
    kinds = [column_kind(text) for text in texts]
    for text, kind in zip(reversed(texts), reversed(kinds), strict=False):
        if kind in FIELD_KINDS:
            return Column(kind, text)
    names = [text for text, kind in zip(texts, kinds, strict=False) if kind is None]
    if "performers" in kinds:
        return Column("role", names[-1]) if names else Column("performers", texts[-1])
    if "quality" in kinds:
        return Column("quality", names[-1] if names else texts[-1])
    if names:
        return Column("unknown", names[-1])
    return Column("empty")


def _name_quality_columns(columns: list[Column]) -> None:
    """Mutu Baku columns whose own heading is missing or unknown take the usual order: Kelengkapan, Waktu, Output."""
    missing = [kind for kind in _QUALITY_ORDER if not any(column.kind == kind for column in columns)]
    for i, column in enumerate(columns):
        if column.kind == "quality" and missing:
            columns[i] = Column(missing.pop(0), column.heading, guessed=True)


def continuation(block: Block, layout: Layout) -> int | None:
    """Where the body rows start in a block that continues the table (split across pages, its header repeated
    or not), or None when the block is another table."""
    if block.width != len(layout.columns):
        return None
    again = find_layout(block)
    if again is None:
        return 0
    same = [column.kind for column in again.columns] == [column.kind for column in layout.columns]
    return again.first_body_row if same else None
