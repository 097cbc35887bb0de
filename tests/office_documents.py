"""SOP documents as agencies make them, built for the import tests: Word with merged header cells and shapes
anchored in cells (DrawingML as Word writes it, with its VML fallback), Excel with merged ranges and a drawing
part, and HTML for LibreOffice to convert. One sample SOP feeds them all, with what an import must give back."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import List, Optional, Tuple

from attrs import frozen


@frozen
class SampleStep:
    text: str
    role: int
    symbol: str  # "terminator", "process" or "decision"
    needs: str
    time: str
    output: str
    note: str = ""


IDENTITY = (
    ("Nomor SOP", "12/SOP-PPID/2024"),
    ("Tanggal Pembuatan", "29 Mei 2024"),
    ("Tanggal Revisi", "3 Juni 2024"),
    ("Tanggal Efektif", "10 Juni 2024"),
    ("Disahkan oleh", "Kepala Dinas Komunikasi dan Informatika"),
    ("Nama SOP", "Pelayanan Permohonan Informasi Publik"),
)
LISTS = (
    ("Dasar Hukum", ("Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
                     "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik")),
    ("Kualifikasi Pelaksana", ("Memahami ketentuan terkait informasi publik", "Mampu mengoperasikan komputer")),
    ("Keterkaitan", ("SOP Penyiapan Jawaban", "SOP Pelayanan Keberatan Informasi Publik")),
    ("Peralatan/Perlengkapan", ("Komputer", "Printer", "Jaringan internet")),
    ("Peringatan", ("Jika SOP tidak dilaksanakan, permohonan tidak terlayani tepat waktu",)),
    ("Pencatatan dan Pendataan", ("Register permohonan informasi",)),
)
UNIT = ("PEMERINTAH KABUPATEN CONTOH", "DINAS KOMUNIKASI DAN INFORMATIKA")
ROLES = ("Pemohon Informasi", "Petugas Layanan Informasi", "PPID")
SECTIONS: Tuple[Tuple[str, str, Tuple[SampleStep, ...]], ...] = (
    ("A", "Penerimaan Permohonan", (
        SampleStep("Mengajukan permohonan informasi", 0, "terminator", "Formulir permohonan", "5 menit",
                   "Formulir terisi"),
        SampleStep("Memeriksa kelengkapan permohonan", 1, "decision", "Formulir terisi", "30 menit",
                   "Permohonan lengkap"),
        SampleStep("Mencatat permohonan dalam register", 1, "process", "Permohonan lengkap", "15 Menit",
                   "Register permohonan", "Nomor register diberikan kepada pemohon"),
    )),
    ("B", "Penyelesaian Permohonan", (
        SampleStep("Menyiapkan jawaban permohonan", 2, "process", "Register permohonan", "10 (sepuluh) hari kerja",
                   "Surat jawaban", "Paling lambat 10 hari kerja"),
        SampleStep("Menyerahkan jawaban kepada pemohon", 1, "process", "Surat jawaban", "1 jam 30 menit",
                   "Tanda terima"),
        SampleStep("Melaporkan rekapitulasi layanan", 2, "terminator", "Register permohonan", "1 x 3 bulan",
                   "Laporan"),
    )),
)
HEADINGS = ("No", "Kegiatan", "Kelengkapan", "Waktu", "Output", "Keterangan")
PRESETS = {"terminator": "flowChartTerminator", "process": "flowChartProcess", "decision": "flowChartDecision"}
VML_TYPES = {"flowChartTerminator": "116", "flowChartProcess": "109", "flowChartDecision": "110",
             "straightConnector1": "32"}
EXPECTED_TIMES = {"5 menit": ("time", "5 menit"), "30 menit": ("time", "30 menit"), "15 Menit": ("time", "15 Menit"),
                  "10 (sepuluh) hari kerja": ("time", "10 (sepuluh) hari kerja"),
                  "1 jam 30 menit": ("time", "1 jam 30 menit"), "1 x 3 bulan": ("every", "1 x 3 bulan")}


def steps() -> List[SampleStep]:
    return [step for _, _, section_steps in SECTIONS for step in section_steps]


def soffice() -> Optional[str]:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, target_format: str, folder: Path) -> Path:
    """A LibreOffice headless conversion (its own profile folder, so that it never meets a running one)."""
    profile = folder / "lo-profile"
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target_format,
         "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return folder / f"{source.stem}.{target_format.split(':')[0]}"


# ---- Word --------------------------------------------------------------------------------------------------

_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)


_OUTLINE = ('<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
            '<a:ln w="12700"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>')
_NO_OUTLINE = "<a:noFill/><a:ln><a:noFill/></a:ln>"
_TEXT_BOX = ' txBox="1"'


def group_run(presets, number: int, width: int = 3000000):
    """A run holding a group of shapes (wpg:wgp), as a flowchart drawn over a whole table is kept; `width` in EMU."""
    from docx.oxml import parse_xml

    members = "".join(
        f'<wps:wsp><wps:cNvPr id="{number + i + 1}" name="Member {i}"/><wps:cNvSpPr/><wps:spPr><a:xfrm>'
        f'<a:off x="{i * 900000}" y="{i * 400000}"/><a:ext cx="552450" cy="285750"/></a:xfrm>'
        f'<a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>{_OUTLINE}</wps:spPr><wps:bodyPr/></wps:wsp>'
        for i, preset in enumerate(presets)
    )
    return parse_xml(
        f'<w:r {_NAMESPACES} xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">'
        f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{number}" '
        f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="1200000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{number}" name="Group {number}"/><wp:cNvGraphicFramePr/><a:graphic>'
        f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"><wpg:wgp>'
        f'<wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="1200000"/>'
        f'<a:chOff x="0" y="0"/><a:chExt cx="3000000" cy="1200000"/></a:xfrm></wpg:grpSpPr>{members}</wpg:wgp>'
        f"</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def arrow_run(number: int, description: str):
    """A run holding an arrow drawn as a free-form line (a path without fill), its alternative text given."""
    from docx.oxml import parse_xml

    return parse_xml(
        f'<w:r {_NAMESPACES}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{251660000 + number}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>300000</wp:posOffset>'
        f'</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>300000</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="38100" cy="400000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{number}" name="arrow {number}" descr="{description}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="38100" cy="400000"/></a:xfrm>'
        f'<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst>'
        f'<a:path w="38100" h="400000" fill="none"><a:moveTo><a:pt x="19050" y="0"/></a:moveTo><a:lnTo>'
        f'<a:pt x="19050" y="400000"/></a:lnTo></a:path></a:pathLst></a:custGeom><a:noFill/><a:ln w="12700">'
        f'<a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:tailEnd type="triangle"/></a:ln></wps:spPr>'
        f'<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'
    )


def _box_content(text: str, tag: str) -> str:
    return f"<{tag}><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></{tag}>" if text else ""


def shape_run(preset: str, number: int, text: str = "", text_box: bool = False, vml_only: bool = False,
              offset: int = 95250):
    """A run holding one floating shape anchored in its paragraph, as Word writes it: the DrawingML shape in
    mc:Choice and the VML picture of the same shape in mc:Fallback (or, as Word 2003 files do, VML alone).
    `offset`: from the left edge of the anchor's cell, in EMU."""
    from docx.oxml import parse_xml

    vml_type = "202" if text_box else VML_TYPES.get(preset, "1")
    vml = (f'<w:pict><v:shape id="Shape {number}" o:spid="_x0000_s{1024 + number}" type="#_x0000_t{vml_type}" '
           f'style="position:absolute;margin-left:{offset / 12700:g}pt;margin-top:3pt;width:43.5pt;height:22.5pt;'
           f'z-index:{number}"'
           f'>{_box_content(text, "v:textbox")}</v:shape></w:pict>')
    if vml_only:
        return parse_xml(f"<w:r {_NAMESPACES}>{vml}</w:r>")
    width, height = (342900, 228600) if text_box else (552450, 285750)
    drawing = (
        f'<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251659264 + number}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{offset}</wp:posOffset>'
        f'</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>38100</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="19050" b="19050"/><wp:wrapNone/>'
        f'<wp:docPr id="{number}" name="Shape {number}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:cNvSpPr{_TEXT_BOX if text_box else ''}/><wps:spPr>"
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        f'<a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>{_NO_OUTLINE if text_box else _OUTLINE}</wps:spPr>'
        f'{_box_content(text, "wps:txbx")}<wps:bodyPr rot="0" vert="horz" wrap="square" anchor="ctr"/></wps:wsp>'
        f"</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    return parse_xml(
        f'<w:r {_NAMESPACES}><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
        f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def _shade(cell, fill: str = "D9D9D9") -> None:
    from docx.oxml import parse_xml

    properties = cell._tc.get_or_add_tcPr()
    properties.append(parse_xml(f'<w:shd {_NAMESPACES} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def _set(cell, text: str) -> None:
    """The cell's text, one paragraph per line."""
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def word_document(path: Path, vml_only: bool = False, arrows: bool = False, dragged: bool = False,
                  nested: bool = False) -> Path:
    """The sample SOP as a Word file: an identity table (unit cell merged down, list fields side by side) and a
    flowchart table with merged header cells and the symbols drawn as shapes anchored in the role cells.
    `arrows`: the decision's two arrows are drawn too, as free-form lines whose alternative text names their ends
    (as sopdsl's own Word tables describe them). `dragged`: every symbol is anchored in the first role cell of its
    row and moved sideways over its own column, as when shapes are dragged across a table in Word. `nested`: both
    tables stand inside the cells of layout tables, as some templates keep them."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1.5)
    _identity_table(document)
    document.add_paragraph("")
    _flowchart_table(document, vml_only, arrows, dragged)
    if nested:
        for table in list(document.tables):
            _nest(document, table)
    document.save(str(path))
    return path


def _nest(document, table) -> None:
    """Move the table into the only cell of a new layout table that takes its place."""
    from docx.oxml import parse_xml

    outer = document.add_table(rows=1, cols=1)
    table._tbl.addprevious(outer._tbl)
    cell = outer.cell(0, 0)._tc
    cell.insert(len(cell) - 1, table._tbl)  # a cell ends with a paragraph, after the table
    cell.append(parse_xml(f"<w:p {_NAMESPACES}/>"))


def _identity_table(document) -> None:
    pairs = len(LISTS) // 2
    table = document.add_table(rows=len(IDENTITY) + 2 * pairs, cols=3)
    table.style = "Table Grid"
    unit = table.cell(0, 0).merge(table.cell(len(IDENTITY) - 1, 0))
    _set(unit, "\n".join(UNIT))
    for row, (label, value) in enumerate(IDENTITY):
        _set(table.cell(row, 1), label)
        _set(table.cell(row, 2), value)
    for pair in range(pairs):
        row = len(IDENTITY) + 2 * pair
        (left_label, left_items), (right_label, right_items) = LISTS[2 * pair], LISTS[2 * pair + 1]
        _set(table.cell(row, 0).merge(table.cell(row, 1)), f"{left_label}:")
        _set(table.cell(row, 2), f"{right_label}:")
        numbered = [f"{n}. {item}" for n, item in enumerate(left_items, start=1)] if pair == 0 else list(left_items)
        _set(table.cell(row + 1, 0).merge(table.cell(row + 1, 1)), "\n".join(numbered))
        _set(table.cell(row + 1, 2), "\n".join(right_items))


ROLE_WIDTH_CM = 2.3


def _flowchart_table(document, vml_only: bool, arrows: bool, dragged: bool = False) -> None:
    body_rows = sum(1 + len(section_steps) for _, _, section_steps in SECTIONS)
    width = 3 + len(ROLES) + 3
    table = document.add_table(rows=3 + body_rows, cols=width)
    table.style = "Table Grid"
    last = width - 1
    for column, heading in ((0, "No"), (1, "Kegiatan"), (last, "Keterangan")):
        _set(table.cell(0, column).merge(table.cell(1, column)), heading)
    _set(table.cell(0, 2).merge(table.cell(0, 1 + len(ROLES))), "Pelaksana")
    _set(table.cell(0, 2 + len(ROLES)).merge(table.cell(0, 4 + len(ROLES))), "Mutu Baku")
    for index, role in enumerate(ROLES):
        _set(table.cell(1, 2 + index), role)
    for index, heading in enumerate(("Kelengkapan", "Waktu", "Output")):
        _set(table.cell(1, 2 + len(ROLES) + index), heading)
    for column in range(width):
        _set(table.cell(2, column), f"({column + 1})")
    for row in table.rows[:3]:
        for cell in row.cells:
            _shade(cell)
    _column_widths(table, (1.0, 5.5) + (ROLE_WIDTH_CM,) * len(ROLES) + (3.0, 2.3, 3.0, 2.8))
    row = 3
    number = 1
    for letter, title, section_steps in SECTIONS:
        _set(table.cell(row, 0), letter)
        _set(table.cell(row, 1).merge(table.cell(row, last)), title)
        row += 1
        for position, step in enumerate(section_steps, start=1):
            values = (str(position), step.text) + ("",) * len(ROLES) + (step.needs, step.time, step.output, step.note)
            for column, value in enumerate(values):
                _set(table.cell(row, column), value)
            anchor_column = 2 if dragged else 2 + step.role
            paragraph = table.cell(row, anchor_column).paragraphs[0]
            offset = 95250 + (2 + step.role - anchor_column) * int(ROLE_WIDTH_CM * 360000)
            paragraph._p.append(shape_run(PRESETS[step.symbol], number, vml_only=vml_only, offset=offset))
            if step.symbol == "decision":
                for extra, label in ((100, "Ya"), (200, "Tidak")):
                    paragraph._p.append(shape_run("rect", number + extra, label, True, vml_only, offset))
                if arrows:
                    here = f"{letter}.{position}"
                    for offset, (target, label) in enumerate(((position + 1, "Ya"), (position - 1, "Tidak"))):
                        described = f"sopdsl: arrow; from={here}; to={letter}.{target}; label={label}"
                        paragraph._p.append(arrow_run(number + 400 + offset, described))
            else:
                other = table.cell(row, 2 + (step.role + 1) % len(ROLES)).paragraphs[0]
                other._p.append(shape_run("straightConnector1", number + 300, vml_only=vml_only))
            number += 1
            row += 1


def _column_widths(table, centimetres) -> None:
    """Fixed column widths, as a real SOP table has them (the Kegiatan column wide, the role columns narrow)."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, centimetres):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


# ---- Excel -------------------------------------------------------------------------------------------------

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
    shapes: List[Tuple[int, int, str, str, bool]] = []
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


def add_drawing(path: Path, shapes: List[Tuple[int, int, str, str, bool]]) -> None:
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


# ---- HTML (for LibreOffice to convert) ---------------------------------------------------------------------

def html_document(path: Path, mark: str = "√") -> Path:
    """The sample SOP as an HTML page of two tables, merged cells as colspan/rowspan and the performer as a mark,
    the way a unit's web page or an export from another system holds it."""
    cells = "".join
    identity = cells(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in IDENTITY)
    identity += cells(f"<tr><td>{label}</td><td>{'<br>'.join(f'{n}. {i}' for n, i in enumerate(items, 1))}</td></tr>"
                      for label, items in LISTS)
    width = 3 + len(ROLES) + 3
    roles = cells(f"<th>{role}</th>" for role in ROLES)
    body = ""
    for letter, title, section_steps in SECTIONS:
        body += f"<tr><td>{letter}</td><td colspan=\"{width - 1}\">{title}</td></tr>"
        for position, step in enumerate(section_steps, start=1):
            marks = cells(f"<td>{(mark if step.symbol != 'decision' else 'Ya') if i == step.role else ''}</td>"
                          for i in range(len(ROLES)))
            body += (f"<tr><td>{position}</td><td>{step.text}</td>{marks}<td>{step.needs}</td><td>{step.time}</td>"
                     f"<td>{step.output}</td><td>{step.note}</td></tr>")
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>SOP</title></head><body>"
        f"<p>{'<br>'.join(UNIT)}</p><table border=\"1\">{identity}</table><p></p>"
        "<table border=\"1\"><tr><th rowspan=\"2\">No</th><th rowspan=\"2\">Uraian Prosedur</th>"
        f"<th colspan=\"{len(ROLES)}\">Pelaksana</th><th colspan=\"3\">Mutu Baku</th><th rowspan=\"2\">Ket</th></tr>"
        f"<tr>{roles}<th>Persyaratan</th><th>Waktu</th><th>Output</th></tr>{body}</table></body></html>",
        encoding="utf-8",
    )
    return path


def pdf_pages_text(path: Path) -> str:
    """All text of a PDF (to check that LibreOffice printed the table at all)."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in pdf.pages))
