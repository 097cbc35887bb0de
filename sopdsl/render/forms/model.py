"""What a printed form is made of, whatever the format: pages with a heading, a table and places to sign."""

from __future__ import annotations

from typing import NamedTuple

MONITORING = "monitoring"
EVALUATION = "evaluation"
REPORT = "report"  # a Berita Acara page: read back by no one


class Column(NamedTuple):
    """A column: the key read back from a spreadsheet, its heading, its relative width, and its choices if any.

    A column with choices prints every choice with a box to tick (the chosen one ticked), and in a spreadsheet
    is one cell with a list of the choices to pick from.
    """

    key: str
    heading: str
    width: float
    choices: tuple[str, ...] = ()


class Row(NamedTuple):
    """A row of a table: the SOP it is about (and the criterion, on an evaluation form) and its cells."""

    sop_id: str
    cells: tuple[str, ...]
    criterion: int | None = None
    first_of_sop: bool = True  # an evaluation form gives an SOP seven rows; the first opens its group


class Page(NamedTuple):
    """One part of the form that starts on a new page: a heading, lines under it, a table and places to sign."""

    kind: str  # MONITORING, EVALUATION or REPORT
    title: str
    sheet_name: str
    lines: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    paragraphs: tuple[str, ...] = ()
    signatures: tuple[tuple[str, ...], ...] = ()  # each: the lines of one place to sign


class FormDocument(NamedTuple):
    """A whole form: its kind, its language and its pages."""

    kind: str
    lang: str
    title: str
    pages: tuple[Page, ...]
