"""An Excel workbook as agencies make it, for the import tests: merged ranges, fills, and a drawing part with the
symbols, Ya/Tidak text boxes and a connector anchored in the role cells (openpyxl keeps no shapes)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .office_documents import IDENTITY, LISTS, PRESETS, ROLES, SECTIONS, UNIT

_TEXT_BOX = ' txBox="1"'
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml"
_DRAWING_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"


def excel_document(path: Path) -> Path:
    """The sample SOP as one worksheet: identity rows, an empty row, the flowchart table with merged ranges;
    its symbols, Ya/Tidak text boxes and a connector in a drawing part anchored in the role cells."""
    import openpyxl
    from openpyxl.styles import PatternFill

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "SOP"
    width = 3 + len(ROLES) + 3
    last = openpyxl.utils.get_column_letter(width)
    row = 1
    for line in UNIT:
        sheet.cell(row, 1, line)
        sheet.merge_cells(f"A{row}:{last}{row}")
        row += 1
    for label, value in IDENTITY + tuple((label, "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1)))
                                         for label, items in LISTS):
        sheet.cell(row, 1, label)
        sheet.merge_cells(f"A{row}:B{row}")
        sheet.cell(row, 3, value)
        sheet.merge_cells(f"C{row}:{last}{row}")
        row += 1
    row += 1
    header = row
    grey = PatternFill("solid", fgColor="FFD9D9D9")
    for column, heading in ((1, "NO"), (2, "URAIAN PROSEDUR"), (width, "KET")):
        sheet.cell(header, column, heading)
        sheet.merge_cells(start_row=header, start_column=column, end_row=header + 1, end_column=column)
    sheet.cell(header, 3, "PELAKSANA")
    sheet.merge_cells(start_row=header, start_column=3, end_row=header, end_column=2 + len(ROLES))
    sheet.cell(header, 3 + len(ROLES), "MUTU BAKU")
    sheet.merge_cells(start_row=header, start_column=3 + len(ROLES), end_row=header, end_column=5 + len(ROLES))
    for index, name in enumerate(ROLES + ("PERSYARATAN/ KELENGKAPAN", "WAKTU", "OUTPUT")):
        sheet.cell(header + 1, 3 + index, name)
    for cells in sheet.iter_rows(min_row=header, max_row=header + 1):
        for cell in cells:
            cell.fill = grey
    row = header + 2
    shapes: list[tuple[int, int, str, str, bool]] = []
    for letter, title, section_steps in SECTIONS:
        sheet.cell(row, 1, letter)
        sheet.cell(row, 2, title)
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=width)
        row += 1
        for position, step in enumerate(section_steps, start=1):
            values = (position, step.text) + (None,) * len(ROLES) + (step.needs, step.time, step.output, step.note)
            for column, value in enumerate(values, start=1):
                if value not in (None, ""):
                    sheet.cell(row, column, value)
            column = 2 + step.role
            shapes.append((row - 1, column, PRESETS[step.symbol], "", False))
            if step.symbol == "decision":
                shapes += [(row - 1, column, "rect", "Ya", True), (row - 1, column, "rect", "Tidak", True)]
            row += 1
    workbook.save(str(path))
    add_drawing(path, shapes)
    return path


def add_drawing(path: Path, shapes: list[tuple[int, int, str, str, bool]]) -> None:
    """Give the first sheet a drawing part: shapes (0-based row, column, preset, text, is a text box) each anchored
    from its cell, plus one connector; openpyxl keeps no shapes, so the part is written here as Excel writes it."""
    anchors = "".join(_anchor(number, *shape) for number, shape in enumerate(shapes, start=2))
    if shapes:
        row, column = shapes[0][0], shapes[0][1]
        anchors += (
            f'<xdr:twoCellAnchor><xdr:from><xdr:col>{column}</xdr:col><xdr:colOff>300000</xdr:colOff>'
            f'<xdr:row>{row}</xdr:row><xdr:rowOff>200000</xdr:rowOff></xdr:from><xdr:to><xdr:col>{column}</xdr:col>'
            f'<xdr:colOff>300000</xdr:colOff><xdr:row>{row + 1}</xdr:row><xdr:rowOff>50000</xdr:rowOff></xdr:to>'
            f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="1" name="Straight Arrow Connector 1"/>'
            f'<xdr:cNvCxnSpPr/></xdr:nvCxnSpPr><xdr:spPr><a:prstGeom prst="straightConnector1"><a:avLst/>'
            f'</a:prstGeom></xdr:spPr></xdr:cxnSp><xdr:clientData/></xdr:twoCellAnchor>'
        )
    drawing = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{anchors}</xdr:wsDr>'
    )
    relations = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdDrawing1" Type="{_DRAWING_RELATION}" Target="../drawings/drawing1.xml"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    if "xmlns:r=" not in sheet[: sheet.index(">", sheet.index("<worksheet"))]:
        sheet = sheet.replace(
            "<worksheet ", '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
            1)
    parts["xl/worksheets/sheet1.xml"] = sheet.replace("</worksheet>", '<drawing r:id="rIdDrawing1"/></worksheet>')
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = relations.encode("utf-8")
    parts["xl/drawings/drawing1.xml"] = drawing.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", f'<Override PartName="/xl/drawings/drawing1.xml" ContentType="{_CONTENT_TYPE}"/></Types>'
    ).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _anchor(number: int, row: int, column: int, preset: str, text: str, text_box: bool) -> str:
    body = (f"<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></xdr:txBody>"
            if text else "")
    return (
        f'<xdr:twoCellAnchor><xdr:from><xdr:col>{column}</xdr:col><xdr:colOff>76200</xdr:colOff>'
        f'<xdr:row>{row}</xdr:row><xdr:rowOff>38100</xdr:rowOff></xdr:from><xdr:to><xdr:col>{column}</xdr:col>'
        f'<xdr:colOff>609600</xdr:colOff><xdr:row>{row}</xdr:row><xdr:rowOff>266700</xdr:rowOff></xdr:to>'
        f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{number}" name="Shape {number}"/>'
        f'<xdr:cNvSpPr{_TEXT_BOX if text_box else ""}/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="533400" cy="228600"/></a:xfrm><a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom></xdr:spPr>'
        f"{body}</xdr:sp><xdr:clientData/></xdr:twoCellAnchor>"
    )
