"""A form as a Word document: landscape A4, a table per page with its heading row repeated, places to sign."""

from __future__ import annotations

import io

from ..xml_text import xml_safe
from .html import EMPTY, TICKED
from .model import MONITORING, FormDocument, Page

BINARY = True
USABLE_WIDTH_CM = 27.7  # landscape A4 less 1 cm margins
MONITORING_ROW_CM = 1.05  # about 15 rows to a page


def write(document: FormDocument) -> bytes:
    """The document's bytes."""
    from docx import Document  # the optional `office` extra: only the forms need it
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    word = Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1))
    style = word.styles["Normal"]
    style.font.size = Pt(9)
    style.font.name = "Arial"
    style.paragraph_format.space_after = Pt(0)
    for index, page in enumerate(document.pages):
        _page(word, page, new_page=index > 0)
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()


def _page(word, page: Page, new_page: bool) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    title = word.add_paragraph()
    title.paragraph_format.page_break_before = new_page
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(xml_safe(page.title.upper()))
    run.bold, run.font.size = True, Pt(12)
    for line in (*page.lines, *page.paragraphs):
        word.add_paragraph(xml_safe(line))
    table = word.add_table(rows=1, cols=len(page.columns))
    table.style = "Table Grid"
    table.autofit = False
    total = sum(column.width for column in page.columns)
    widths = [Cm(USABLE_WIDTH_CM * column.width / total) for column in page.columns]
    for table_column, width in zip(table.columns, widths, strict=False):
        table_column.width = width
    header = table.rows[0]
    _repeat_as_heading(header)
    for cell, column, width in zip(header.cells, page.columns, widths, strict=False):
        cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(xml_safe(column.heading)).bold = True
    for form_row in page.rows:
        row = table.add_row()
        _keep_together(row)
        if page.kind == MONITORING:
            row.height, row.height_rule = Cm(MONITORING_ROW_CM), WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell, value, column, width in zip(row.cells, form_row.cells, page.columns, widths, strict=False):
            cell.width = width
            if column.choices:
                lines = [f"{TICKED if value == choice else EMPTY} {choice}" for choice in column.choices]
            else:
                lines = value.split("\n")
            cell.paragraphs[0].add_run(xml_safe(lines[0]))
            for line in lines[1:]:
                cell.add_paragraph(xml_safe(line))
    _signatures(word, page)


def _signatures(word, page: Page) -> None:
    """The places to sign side by side at the right, in a table without borders."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    if not page.signatures:
        return
    word.add_paragraph()
    count = len(page.signatures)
    table = word.add_table(rows=1, cols=count + 1)
    for cell, lines in zip(table.rows[0].cells[1:], page.signatures, strict=False):
        cell.paragraphs[0].add_run(xml_safe(lines[0]))
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for line in lines[1:]:
            cell.add_paragraph(xml_safe(line)).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _repeat_as_heading(row) -> None:
    """Mark the row as the table's heading, repeated at the top of every page."""
    _row_property(row, "w:tblHeader")


def _keep_together(row) -> None:
    """Keep the row on one page."""
    _row_property(row, "w:cantSplit")


def _row_property(row, name: str) -> None:
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    element = OxmlElement(name)
    element.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "true")
    properties.append(element)
