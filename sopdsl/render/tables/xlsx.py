"""The step table as an Excel workbook: one filterable row per step, and the identity sheet beside it.

The first worksheet has a two-row header (Pelaksana over the role columns, Mutu Baku over Kelengkapan,
Waktu and Output), one row per step with the performer's symbol named in its role column, an autofilter,
a frozen header, and a landscape print setup that fits the width and repeats the header. The second
worksheet holds the identity sheet as label/value rows. Text that a spreadsheet would take for a formula
is stored as text.
"""

from __future__ import annotations

import io

from ...model import Sop
from ..extras import import_extra
from ..flow import diagram
from ..identity import identity_fields
from ..options import RenderOptions
from ..rows import Column, StepRow
from ..total_line import total_text
from ..xml_text import xml_safe
from .csv_table import looks_like_formula, remarks

BINARY = True

WORDING = {
    "id": {"section": "Bagian", "start": "Mulai", "end": "Selesai", "process": "Proses", "decision": "Keputusan",
           "field": "Isian", "value": "Isi"},
    "en": {"section": "Section", "start": "Start", "end": "End", "process": "Process", "decision": "Decision",
           "field": "Field", "value": "Value"},
}
PAPER_SIZES = {"a4": 9, "f4": 14}  # the print setup's codes for A4 and Folio (8.5 x 13 in)
HEADER_ROWS = 2
IDENTITY_WIDTH = 100  # the value column of the identity sheet
LINE_POINTS = 15  # the height of a line of 11 pt text
WIDTH_CHARS = 1.1  # characters of average text per unit of column width (the width of a "0")
TEXT_WIDTHS = {"section": 22, "no": 6, "activity": 45, "role": 13, "needs": 22, "time": 16, "output": 22, "note": 32}


def render(sop: Sop, options: RenderOptions) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    openpyxl = import_extra("openpyxl", "office", "xlsx")
    workbook = openpyxl.Workbook()
    steps_sheet = workbook.active
    _write_steps(steps_sheet, sop, options)
    _write_identity(workbook.create_sheet(), sop, options)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def symbol_word(row: StepRow, lang: str) -> str:
    """What stands in the performer's column: the symbol the printed table draws there."""
    words = WORDING[lang]
    if row.first:
        return words["start"]
    if row.last:
        return words["end"]
    return words["decision"] if row.step.is_decision else words["process"]


def marked_columns(row: StepRow, columns: list[Column]) -> list[int]:
    """The role columns that carry the step's mark: its performers (or the stand-in column of an SOP without roles)."""
    if row.assigned:
        return list(row.columns)
    return [index for index in row.columns if columns[index].role_id is None]


def _write_steps(sheet, sop: Sop, options: RenderOptions) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    lang = options.lang
    labels, words = options.words, WORDING[lang]
    drawing = diagram(sop, lang, options.labels)
    columns = list(drawing.columns)
    roles = len(columns)
    first_role = 4  # Bagian, No, Kegiatan come first
    needs = first_role + roles
    last = needs + 3
    sheet.title = labels["flowchart"]
    sheet.cell(1, 1, words["section"])
    sheet.cell(1, 2, labels["no"])
    sheet.cell(1, 3, labels["activity"])
    sheet.cell(1, first_role, labels["performers"])
    sheet.cell(1, needs, labels["standard"])
    sheet.cell(1, last, labels["note"])
    for index, column in enumerate(columns):
        _put(sheet, 2, first_role + index, column.name)
    for offset, key in enumerate(("needs", "time", "output")):
        sheet.cell(2, needs + offset, labels[key])
    for spanned in (1, 2, 3, last):
        sheet.merge_cells(start_row=1, start_column=spanned, end_row=2, end_column=spanned)
    sheet.merge_cells(start_row=1, start_column=first_role, end_row=1, end_column=needs - 1)
    sheet.merge_cells(start_row=1, start_column=needs, end_row=1, end_column=needs + 2)

    row_number = HEADER_ROWS
    for flow in drawing.flows:
        section = f"{flow.heading.letter}  {flow.heading.title}".rstrip() if flow.heading is not None else ""
        for row in flow.steps:
            row_number += 1
            step = row.step
            _put(sheet, row_number, 1, section)
            sheet.cell(row_number, 2, row.number)
            _put(sheet, row_number, 3, step.text.value)
            for index in marked_columns(row, columns):
                _put(sheet, row_number, first_role + index, symbol_word(row, lang))
            _put(sheet, row_number, needs, step.needs.value if step.needs is not None else "")
            _put(sheet, row_number, needs + 1, row.time)
            _put(sheet, row_number, needs + 2, step.output.value if step.output is not None else "")
            _put(sheet, row_number, last, remarks(flow, row, options))
            sheet.cell(row_number, 2).number_format = "0"
    last_step_row = row_number
    total = total_text(sop, options)
    if total is not None:
        total_row = last_step_row + 2  # a blank row between keeps the total out of the filtered range
        _put(sheet, total_row, 3, labels["total"])
        _put(sheet, total_row, needs + 1, total)
        sheet.cell(total_row, 3).font = Font(bold=True)
        sheet.cell(total_row, needs + 1).font = Font(bold=True)

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    heading_fill = PatternFill("solid", fgColor="F2F2F2")
    for cells in sheet.iter_rows(min_row=1, max_row=last_step_row, max_col=last):
        for cell in cells:
            cell.border = border
            if cell.row <= HEADER_ROWS:
                cell.font = Font(bold=True)
                cell.fill = heading_fill
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            else:
                centred = first_role <= cell.column < needs or cell.column == 2
                cell.alignment = Alignment(vertical="top", wrap_text=True, horizontal="center" if centred else None)
    widths = [TEXT_WIDTHS["section"], TEXT_WIDTHS["no"], TEXT_WIDTHS["activity"], *([TEXT_WIDTHS["role"]] * roles),
              TEXT_WIDTHS["needs"], TEXT_WIDTHS["time"], TEXT_WIDTHS["output"], TEXT_WIDTHS["note"]]
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for number in range(1, last_step_row + 1):  # readers do not grow rows to their wrapped text themselves
        lines = max(wrapped_lines(str(cell.value or ""), widths[cell.column - 1]) for cell in sheet[number][:last])
        sheet.row_dimensions[number].height = LINE_POINTS * max(lines, 1) + 3
    sheet.auto_filter.ref = f"A{HEADER_ROWS}:{get_column_letter(last)}{max(last_step_row, HEADER_ROWS + 1)}"
    sheet.freeze_panes = sheet.cell(HEADER_ROWS + 1, 4)
    _print_setup(sheet, options, repeat_rows=f"1:{HEADER_ROWS}")


def wrapped_lines(text: str, width: float) -> int:
    """How many lines a text takes in a wrapping cell `width` characters wide (an estimate erring on the tall side)."""
    per_line = max(int(width * WIDTH_CHARS) - 1, 1)
    return sum(max(1, -(-len(paragraph) // per_line)) for paragraph in text.split("\n"))


def _write_identity(sheet, sop: Sop, options: RenderOptions) -> None:
    from openpyxl.styles import Alignment, Font

    words = WORDING[options.lang]
    sheet.title = options.words["identity"]
    sheet.cell(1, 1, words["field"]).font = Font(bold=True)
    sheet.cell(1, 2, words["value"]).font = Font(bold=True)
    for number, field in enumerate(identity_fields(sop, options), 2):
        sheet.cell(number, 1, field.label).font = Font(bold=True)
        _put(sheet, number, 2, field.text)
        for column in (1, 2):
            sheet.cell(number, column).alignment = Alignment(vertical="top", wrap_text=True)
        sheet.row_dimensions[number].height = LINE_POINTS * wrapped_lines(field.text, IDENTITY_WIDTH) + 3
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = IDENTITY_WIDTH
    sheet.freeze_panes = "A2"
    _print_setup(sheet, options, repeat_rows=None)


def _print_setup(sheet, options: RenderOptions, repeat_rows: str | None) -> None:
    """Landscape on the chosen paper, as wide as one page, page numbers in the footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = PAPER_SIZES[options.paper]
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if repeat_rows is not None:
        sheet.print_title_rows = repeat_rows
    sheet.oddFooter.center.text = options.words["page_of"].format(page="&P", pages="&N")


def _put(sheet, row: int, column: int, text: str) -> None:
    """Author text into a cell, always as text: never run as a formula, never holding what XML cannot."""
    cell = sheet.cell(row, column)
    if not text:
        return
    cell.value = xml_safe(text)
    if looks_like_formula(text):
        cell.data_type = "s"
        cell.quotePrefix = True
