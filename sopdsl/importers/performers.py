"""Who does a row: the role columns that hold a symbol, a mark or shading; else a role the activity text names."""

from __future__ import annotations

import re

from .document import Cell, Row
from .shapes import has_decision, named_symbols, symbols
from .words import branch_kind, is_mark, symbol_word


def role_cells(row: Row, columns: list[int]) -> list[tuple[int, Cell]]:
    """(column, cell) of the row's role columns."""
    return [(column, row[column]) for column in columns if column < len(row)]


def marked_columns(row: Row, columns: list[int]) -> list[int]:
    """The role columns with the strongest sign of a performer: a drawn symbol, else a text mark, else shading."""
    cells = role_cells(row, columns)
    shaded = [column for column, cell in cells if cell.shaded and not cell.covered]
    for found in (
        [column for column, cell in cells if named_symbols(cell.shapes)],
        [column for column, cell in cells if symbols(cell.shapes)],
        [column for column, cell in cells if is_mark(cell.own_text) or symbol_word(cell.own_text)],
        shaded if len(shaded) < len(cells) else [],
    ):
        if found:
            return found
    return []


def decision_sign(row: Row, columns: list[int]) -> str | None:
    """'shape' when a role cell holds a diamond, 'label' when one holds a 'Ya' label, else None.

    A 'Tidak' alone is most often the label of an arrow coming back into the row, not of a decision in it."""
    cells = role_cells(row, columns)
    if any(has_decision(cell.shapes) or symbol_word(cell.own_text) == "decision" for _, cell in cells):
        return "shape"
    if "yes" in label_columns(row, columns):
        return "label"
    return None


def label_columns(row: Row, columns: list[int]) -> dict[str, int]:
    """The role column of each branch label in the row ('yes' -> column), from text boxes or the cell's text."""
    found: dict[str, int] = {}
    for column, cell in role_cells(row, columns):
        for text in (*cell.labels, cell.own_text):
            kind = branch_kind(text) if text else None
            if kind is not None:
                found.setdefault(kind, column)
    return found


def named_role(text: str, names: dict[str, str]) -> str | None:
    """The role the activity text names: the one it starts with, else the one after 'oleh' (by), else the first."""
    found = []
    for role_id, name in names.items():
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
        for match in pattern.finditer(text):
            before = text[: match.start()].rstrip().lower()
            rank = 0 if not before else 1 if before.endswith(("oleh", "by")) else 2
            found.append((rank, match.start(), -len(name), role_id))
    return min(found)[3] if found else None
