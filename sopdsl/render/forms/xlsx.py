"""A form as an Excel workbook to fill in: a sheet per page, lists to pick the answers from, SOP ids kept aside.

Each form sheet has a hidden column holding each row's SOP id (and, on an evaluation sheet, the criterion)
under a hidden row of column keys, and a hidden sheet names the form's kind: `read_back` finds its way
by these, so a filled form reads back exactly, even with rows sorted or columns moved.
"""

from __future__ import annotations

import io

from ..xml_text import xml_safe
from .model import EVALUATION, MONITORING, FormDocument, Page

BINARY = True
META_SHEET = "sopdsl"
KEYS_MARK = "sopdsl:keys"
SOP_KEY, CRITERION_KEY = "sop", "criterion"
WIDTH_IN_CHARACTERS = 150  # the printable width of a landscape A4 page, shared out among the columns
MONITORING_ROW_POINTS = 44  # about 15 rows to a landscape page, once the width is fitted to the page
FONT = "Arial"


def hidden_keys(page: Page) -> list[str]:
    """The keys of the hidden columns before the visible ones."""
    return [SOP_KEY, CRITERION_KEY] if page.kind == EVALUATION else [SOP_KEY]


def write(document: FormDocument) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook  # the optional `office` extra: only the forms need it

    workbook = Workbook()
    workbook.remove(workbook.active)
    meta = workbook.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    meta.append(["kind", "lang", "sheet", "sheet kind"])
    for page in document.pages:
        meta.append([document.kind, document.lang, page.sheet_name, page.kind])
        _sheet(workbook.create_sheet(page.sheet_name, len(workbook.sheetnames) - 1), page)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def text_cell(sheet, row: int, column: int, value):
    """A cell holding the value as text, never as a formula (author text may begin with `=`)."""
    cell = sheet.cell(row, column)
    if value:
        cell.value = xml_safe(value) if isinstance(value, str) else value
        if isinstance(value, str):
            cell.data_type = "s"
    return cell


def _sheet(sheet, page: Page) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    hidden = hidden_keys(page)
    first = len(hidden) + 1  # the first visible column
    last = first + len(page.columns) - 1
    wrap = Alignment(wrap_text=True, vertical="top")
    side = Side(style="thin")
    box = Border(left=side, right=side, top=side, bottom=side)

    def merged_line(row: int, text: str, bold: bool = False, size: int = 10) -> None:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        cell = text_cell(sheet, row, first, text)
        cell.font = Font(name=FONT, bold=bold, size=size)
        cell.alignment = Alignment(horizontal="center" if bold else "left", wrap_text=True)

    merged_line(1, page.title.upper(), bold=True, size=12)
    row = 2
    for line in (*page.lines, *page.paragraphs):
        merged_line(row, line)
        row += 1
    keys_row, header_row = row + 1, row + 2
    sheet.cell(keys_row, 1, KEYS_MARK)
    for index, key in enumerate(hidden[1:], start=2):
        sheet.cell(keys_row, index, key)
    for index, column in enumerate(page.columns, start=first):
        sheet.cell(keys_row, index, column.key)
        cell = text_cell(sheet, header_row, index, column.heading)
        cell.font = Font(name=FONT, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="E8E8E8")
        cell.border = box
    sheet.row_dimensions[keys_row].hidden = True
    for index, key in enumerate(hidden, start=1):
        sheet.cell(header_row, index, key)
        sheet.column_dimensions[get_column_letter(index)].hidden = True
    total = sum(column.width for column in page.columns)
    for index, column in enumerate(page.columns, start=first):
        sheet.column_dimensions[get_column_letter(index)].width = round(column.width / total * WIDTH_IN_CHARACTERS, 1)
    for offset, form_row in enumerate(page.rows, start=1):
        number = header_row + offset
        text_cell(sheet, number, 1, form_row.sop_id)
        if page.kind == EVALUATION:
            sheet.cell(number, 2, form_row.criterion)
        for index, value in enumerate(form_row.cells, start=first):
            cell = text_cell(sheet, number, index, value)
            cell.alignment = wrap
            cell.border = box
            cell.font = Font(name=FONT)
        if page.kind == MONITORING:
            sheet.row_dimensions[number].height = MONITORING_ROW_POINTS
    end = header_row + len(page.rows)
    for index, column in enumerate(page.columns, start=first):
        if column.choices and page.rows:
            letter = get_column_letter(index)
            validation = DataValidation(type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True,
                                        showErrorMessage=True, errorTitle=column.heading,
                                        error=" / ".join(column.choices), showInputMessage=True,
                                        promptTitle=column.heading, prompt=" / ".join(column.choices))
            validation.add(f"{letter}{header_row + 1}:{letter}{end}")
            sheet.add_data_validation(validation)
    _signatures(sheet, page, end + 2, last)
    _print_setup(sheet, page, header_row, first, last, end)


def _signatures(sheet, page: Page, row: int, last: int) -> None:
    """The places to sign, side by side from the right edge."""
    from openpyxl.styles import Alignment, Font

    for place, lines in enumerate(reversed(page.signatures)):
        column = last - place * 2
        for offset, line in enumerate(lines):
            cell = text_cell(sheet, row + offset, column, line)
            cell.alignment = Alignment(horizontal="center")
            cell.font = Font(name=FONT)


def _print_setup(sheet, page: Page, header_row: int, first: int, last: int, end: int) -> None:
    from openpyxl.utils import get_column_letter

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.4
    sheet.print_title_rows = f"{header_row}:{header_row}"
    signature_end = end + 1 + max((len(lines) for lines in page.signatures), default=0)
    sheet.print_area = f"{get_column_letter(first)}1:{get_column_letter(last)}{signature_end}"
    sheet.freeze_panes = sheet.cell(header_row + 1, first)
