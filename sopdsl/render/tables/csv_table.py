"""The step table as plain cells, one row per step, and as CSV for spreadsheets.

The CSV is RFC 4180: fields are quoted where needed and lines end in CRLF. Author text is folded onto one
line. A cell that a spreadsheet would read as a formula (one starting with `=`, `+`, `-`, `@`, a tab or a
carriage return) gets a leading apostrophe, so that it shows as text and never runs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from attrs import frozen

from ...model import Sop
from ..cells import step_number
from ..flow import Flow, diagram
from ..labels import printed_labels
from ..options import RenderOptions
from ..routes import routes
from ..rows import SectionRow, StepRow, note_text, performer_names

BINARY = False

# Words of the step table that the shared labels do not have.
WORDING = {"id": {"section": "Bagian"}, "en": {"section": "Section"}}
PART_SEPARATOR = " — "  # between the note, the used SOP and the routes of a Keterangan cell
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@frozen
class SectionTable:
    """The rows of one flow: its section heading (None for a file without sections) and one cell tuple per step."""

    heading: SectionRow | None
    rows: tuple[tuple[str, ...], ...]


def column_headings(lang: str = "id", house: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """No, Kegiatan, Pelaksana, Kelengkapan, Waktu, Output, Keterangan in the given language."""
    labels = printed_labels(lang, house)
    return tuple(labels[key] for key in ("no", "activity", "performers", "needs", "time", "output", "note"))


def section_tables(sop: Sop, options: RenderOptions) -> list[SectionTable]:
    """One table per flow, each row in the order of `column_headings`; author text is folded onto one line."""
    tables = []
    for flow in diagram(sop, options.lang, options.labels).flows:
        rows = tuple(tuple(fold(cell) for cell in step_cells(sop, flow, row, options)) for row in flow.steps)
        tables.append(SectionTable(flow.heading, rows))
    return tables


def step_cells(sop: Sop, flow: Flow, row: StepRow, options: RenderOptions) -> tuple[str, ...]:
    step = row.step
    return (
        step_number(flow, row),
        step.text.value,
        performer_names(sop, step),
        step.needs.value if step.needs is not None else "",
        row.time,
        step.output.value if step.output is not None else "",
        remarks(flow, row, options),
    )


def remarks(flow: Flow, row: StepRow, options: RenderOptions) -> str:
    """The Keterangan cell: the note, the SOP the step follows, and where the flow goes unless simply on."""
    parts = note_text(row, options).splitlines()
    ways = routes(flow, row, options.lang)
    if ways:
        parts.append(ways)
    return PART_SEPARATOR.join(parts)


def fold(text: str) -> str:
    """The text on one line: every line break becomes a space."""
    return " ".join(text.splitlines())


def looks_like_formula(cell: str) -> bool:
    """A spreadsheet would take the cell for a formula (or strip its first character)."""
    return cell.startswith(FORMULA_STARTS)


def spreadsheet_safe(cell: str) -> str:
    """The cell with a leading apostrophe when a spreadsheet would take it for a formula."""
    return "'" + cell if looks_like_formula(cell) else cell


def render(sop: Sop, options: RenderOptions) -> str:
    """The header row, then one row per step; a Bagian (section) column comes first when the SOP has sections."""
    lang = options.lang
    with_section = sop.has_sections
    header = column_headings(lang, options.labels)
    records = [((WORDING[lang]["section"],) if with_section else ()) + header]
    for table in section_tables(sop, options):
        letter = (table.heading.letter if table.heading is not None else "",) if with_section else ()
        records.extend(letter + row for row in table.rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([spreadsheet_safe(cell) for cell in record] for record in records)
    return buffer.getvalue()
