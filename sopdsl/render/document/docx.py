"""The SOP AP document as an editable Word file: identity sheet, flowchart table with drawn symbols, signature.

The flowchart table breaks where the HTML document breaks (the shared layout): each page holds one Word table
under the sheet title, with the same two header rows, marked to repeat should a page overflow. The
symbols, arrows, labels and off-page connectors are DrawingML shapes anchored in the Pelaksana cells
(see `docx_drawing`); every text, including "Ya"/"Tidak", is real text. The footer numbers the pages
"Halaman N dari M" with Word's PAGE and NUMPAGES fields.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from ...logo import Logo, sop_logo
from ...model import Sop
from ..extras import import_extra
from ..flow import diagram
from ..identity import GRID_KEYS, HEAD_KEYS, Field, SignatoryLine, identity_fields, signatory
from ..options import PAPERS, RenderOptions
from ..rows import SectionRow, StepRow, note_text
from ..total_line import total_text
from ..xml_text import xml_safe
from .docx_drawing import Names, ShapeWriter
from .layout import TableLayout, lay_out
from .measure import CONNECTOR_PX, MARGIN_MM, SECTION_PX, column_widths, step_height, text_height
from .pagination import PageRow

BINARY = True

FONT = "Arial"
BODY_POINTS = 8
IDENTITY_POINTS = 9
TITLE_POINTS = 9
TWIPS_PER_PX = 15
TEXT_MARGIN_TWIPS = 60  # left and right padding of a text cell
HEADER_FILL = "F2F2F2"
SECTION_FILL = "F7F7F7"
SIGNATURE_INDENT = 0.62  # the signature block starts this far across the page
SIGNATURE_SPACE_MM = 18
SIGN_BLANK = "_" * 20  # the line to write on where the header leaves a signatory's line out
ANNEX_INDENT = 0.55  # the annex heading starts this far across the page
LOGO_COLUMN_MM = 32  # the column left of the unit's lines that holds the logo
LOGO_WIDTH_MM = 26  # the logo at most this wide, inside its column's padding
LOGO_HEIGHT_MM = 22
WORD_PICTURES = ("image/png", "image/jpeg")  # Word shows an SVG only beside a PNG copy, which sopdsl cannot draw
FOOTER_DISTANCE_MM = 4
CORE_PROPERTY_LIMIT = 255  # characters a document property may hold


def render(sop: Sop, options: RenderOptions) -> bytes:
    """The .docx file's bytes."""
    docx = import_extra("docx", "office", "docx")
    document = docx.Document()
    _set_up_page(document, options)
    _identity_sheet(document, sop, options)
    layout = lay_out(sop, options)
    _flowchart(document, sop, layout, options)
    _footer(document, options)
    document.core_properties.title = xml_safe(sop.title.value)[:CORE_PROPERTY_LIMIT]
    document.core_properties.identifier = xml_safe(sop.id)[:CORE_PROPERTY_LIMIT]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- page, styles, footer -----------------------------------------------------------------------


def _set_up_page(document, options: RenderOptions) -> None:
    """Landscape paper, the document's margins, and the body font."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    width, height = (float(size.rstrip("m")) for size in PAPERS[options.paper])
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(width), Mm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    section.header_distance = Mm(FOOTER_DISTANCE_MM)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_POINTS)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:eastAsia", "w:cs"):
        fonts.set(_qn(attribute), FONT)


def _footer(document, options: RenderOptions) -> None:
    """"Halaman N dari M" at the foot of every page, from the PAGE and NUMPAGES fields."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    before, _, rest = options.words["page_of"].partition("{page}")
    middle, _, after = rest.partition("{pages}")
    paragraph.add_run(before)
    _field(paragraph, "PAGE")
    paragraph.add_run(middle)
    _field(paragraph, "NUMPAGES")
    if after:
        paragraph.add_run(after)


def _field(paragraph, instruction: str) -> None:
    """A simple Word field (its shown value is computed by the word processor)."""
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(
        f'<w:fldSimple xmlns:w="{_W}" w:instr=" {instruction} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    ))


# -- identity sheet -----------------------------------------------------------------------------


def _identity_sheet(document, sop: Sop, options: RenderOptions) -> None:
    """The annex heading, the logo and unit beside Nomor SOP … Nama SOP, then the grid from Dasar Hukum on."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    labels = options.words
    content = _content_width_mm(options)
    if sop.annex is not None:
        _annex(document, sop.annex.value, content)
    _title(document, labels["identity"].upper(), page_break=False)
    fields = {field.key: field for field in identity_fields(sop, options)}
    logo = sop_logo(sop, options.folder)
    logo_height = _picture_height(logo) if logo is not None else None
    logo_mm = LOGO_COLUMN_MM if logo_height is not None else 0
    head = document.add_table(rows=len(HEAD_KEYS), cols=4 if logo_mm else 3)
    _table_frame(head, [width for width in (logo_mm, content * 0.38 - logo_mm, content * 0.18, content * 0.44)
                        if width])
    first = 1 if logo_mm else 0
    if logo is not None and logo_height is not None:
        logo_cell = head.cell(0, 0).merge(head.cell(len(HEAD_KEYS) - 1, 0))
        logo_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        logo_cell.paragraphs[0].add_run().add_picture(io.BytesIO(logo.data), height=logo_height)
        _vertical_centre(logo_cell)
    unit_cell = head.cell(0, first).merge(head.cell(len(HEAD_KEYS) - 1, first))
    _write(unit_cell, fields["unit"].lines(), bold=True, align="center", points=IDENTITY_POINTS, capitals=True)
    _vertical_centre(unit_cell)
    for index, key in enumerate(HEAD_KEYS):
        field = fields[key]
        _write(head.cell(index, first + 1), [field.label], bold=True, points=IDENTITY_POINTS)
        value = head.cell(index, first + 2)
        if key == "approved_by":
            _write(value, [sop.approved_by.value if sop.approved_by is not None else ""], points=IDENTITY_POINTS)
            value.paragraphs[-1].paragraph_format.space_after = Mm(SIGNATURE_SPACE_MM)
            for line in signatory(sop, options.words):
                _signatory_run(value.add_paragraph(), line, "", Pt(IDENTITY_POINTS))
        elif key == "title":
            _write(value, field.lines(), bold=True, points=11)
        else:
            _write(value, field.lines(), points=IDENTITY_POINTS)
    document.add_paragraph()
    grid = document.add_table(rows=2 * len(GRID_KEYS), cols=2)
    _table_frame(grid, [content / 2, content / 2])
    for index, pair in enumerate(GRID_KEYS):
        for column, key in enumerate(pair):
            field = fields[key]
            label_cell = grid.cell(2 * index, column)
            _write(label_cell, [f"{field.label}:"], bold=True, points=IDENTITY_POINTS)
            _shade(label_cell, HEADER_FILL)
            _write_field(grid.cell(2 * index + 1, column), field)
    if sop.staffing is not None:
        _staffing(grid.cell(1, 1), labels["staffing"], sop.staffing.value)


def _annex(document, text: str, content_mm: float) -> None:
    """The heading of the decree the SOP is an annex of, above the identity sheet on the right."""
    from docx.shared import Mm

    paragraph = document.add_paragraph()
    paragraph.paragraph_format.left_indent = Mm(content_mm * ANNEX_INDENT)
    paragraph.paragraph_format.space_after = Mm(4)
    paragraph.add_run(xml_safe(text)).bold = True


def _staffing(cell, label: str, text: str) -> None:
    """Jumlah Pelaksana below the qualifications."""
    from docx.shared import Pt

    paragraph = cell.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(3)
    label_run = paragraph.add_run(f"{label}: ")
    label_run.bold = True
    for run in (label_run, paragraph.add_run(xml_safe(text))):
        run.font.size = Pt(IDENTITY_POINTS)


def _picture_height(logo: Logo):
    """The logo's height as a picture at most LOGO_WIDTH_MM wide, LOGO_HEIGHT_MM tall; None if Word cannot show it."""
    from docx.image.image import Image
    from docx.shared import Mm

    if logo.media_type not in WORD_PICTURES:
        return None
    try:
        image = Image.from_blob(logo.data)
        ratio = image.px_width / image.px_height
    except Exception:  # a broken image only leaves the logo out, as a missing file does
        return None
    return Mm(min(LOGO_HEIGHT_MM, LOGO_WIDTH_MM / ratio))


def _signatory_run(paragraph, line: SignatoryLine, blank: str, size) -> None:
    """One signatory line into a paragraph: the name bold and underlined, a missing line as its label and blank."""
    run = paragraph.add_run(xml_safe(line.text(blank)))
    run.font.size = size
    if line.key == "name" and line.value is not None:
        run.bold = True
        run.underline = True


def _write_field(cell, field: Field) -> None:
    """A field's entries, one paragraph each, numbered lists with a hanging indent."""
    from docx.shared import Mm

    _write(cell, field.lines() or [""], points=IDENTITY_POINTS)
    if field.numbered:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.left_indent = Mm(5)
            paragraph.paragraph_format.first_line_indent = Mm(-5)


# -- flowchart table ----------------------------------------------------------------------------


def _flowchart(document, sop: Sop, layout: TableLayout, options: RenderOptions) -> None:
    """One table per page of the layout, each under the sheet title; the total row and the signature last."""
    labels = options.words
    roles = len(layout.columns)
    widths = column_widths(roles, options.paper)
    writer = ShapeWriter(Names.of(diagram(sop, options.lang, options.labels), options.lang))
    total = total_text(sop, options)
    for number, page in enumerate(layout.pages):
        _title(document, f"{labels['flowchart']}: {sop.title.value}".upper(), page_break=True)
        table = document.add_table(rows=2, cols=len(widths.columns))
        _table_frame(table, widths.columns)
        _header(table, layout, options)
        for page_row in page.all_rows():
            _body_row(table, page_row, roles, widths.columns, writer, options, layout.marks.note)
        if total is not None and number == len(layout.pages) - 1:
            row = table.add_row()
            _cant_split(row)
            _write(row.cells[0].merge(row.cells[roles + 2]), [labels["total"]], bold=True)
            _write(row.cells[roles + 3].merge(row.cells[roles + 5]), [total], bold=True)
    _signature(document, sop, options)


def _header(table, layout: TableLayout, options: RenderOptions) -> None:
    """No, Kegiatan, Pelaksana over the roles, Mutu Baku over Kelengkapan/Waktu/Output, Keterangan; repeated."""
    labels = options.words
    roles = len(layout.columns)
    top, bottom = table.rows
    for spanned, text in ((0, labels["no"]), (1, labels["activity"]), (roles + 5, labels["note"])):
        _write(top.cells[spanned].merge(bottom.cells[spanned]), [text], bold=True, align="center")
    _write(top.cells[2].merge(top.cells[roles + 1]), [labels["performers"]], bold=True, align="center")
    _write(top.cells[roles + 2].merge(top.cells[roles + 4]), [labels["standard"]], bold=True, align="center")
    for index, column in enumerate(layout.columns):
        _write(bottom.cells[2 + index], [column.name], bold=True, align="center")
    for offset, key in enumerate(("needs", "time", "output")):
        _write(bottom.cells[roles + 2 + offset], [labels[key]], bold=True, align="center")
    for row in (top, bottom):
        _repeat_as_header(row)
        _cant_split(row)
        for cell in row.cells:
            _shade(cell, HEADER_FILL)
            _vertical_centre(cell)


def _body_row(table, page_row: PageRow, roles: int, widths: list[float], writer: ShapeWriter,
              options: RenderOptions, marked: Callable[[str], str]):
    """One row of the table: a section title, a step with its drawn cells, or a row of off-page connectors."""
    row = table.add_row()
    _cant_split(row)
    if isinstance(page_row.row, SectionRow):
        heading = page_row.row
        _write(row.cells[0], [heading.letter], bold=True, align="center")
        title = f"{heading.title} ({options.words['continued']})" if page_row.continued else heading.title
        _write(row.cells[1].merge(row.cells[roles + 5]), [title], bold=True)
        for cell in (row.cells[0], row.cells[1]):
            _shade(cell, SECTION_FILL)
        _height(row, SECTION_PX)
        return row
    height: float = CONNECTOR_PX
    if page_row.kind == "continuation":  # the rest of a split step's text
        height = text_height(page_row.chunk, column_widths(roles, options.paper).columns[1])
        _write(row.cells[1], [page_row.chunk])
    elif isinstance(page_row.row, StepRow):
        step_row = page_row.row
        step = step_row.step
        note = "\n".join(filter(None, [note_text(step_row, options), marked(step_row.key)]))  # as paginated
        height = step_height(step_row, note, column_widths(roles, options.paper), page_row.text)
        _write(row.cells[0], [str(step_row.number)], align="center")
        _write(row.cells[1], [page_row.text or step.text.value])
        _write(row.cells[roles + 2], [step.needs.value if step.needs is not None else ""])
        _write(row.cells[roles + 3], [step_row.time])
        _write(row.cells[roles + 4], [step.output.value if step.output is not None else ""])
        _write(row.cells[roles + 5], note.split("\n"))
    _height(row, height)
    for column in range(roles):
        cell = row.cells[2 + column]
        _lane_margins(cell)
        primitives = page_row.cells.by_column.get(column, [])
        paragraph = cell.paragraphs[0]
        for run in writer.cell_shapes(primitives, column, widths[2 + column], height):
            paragraph._p.append(_parse(run))
    return row


def _signature(document, sop: Sop, options: RenderOptions) -> None:
    """The approving official's place below the table: position, room to sign, Nama and NIP lines."""
    from docx.shared import Mm, Pt

    if sop.approved_by is None and sop.approver is None:
        return
    labels = options.words
    indent = Mm(_content_width_mm(options) * SIGNATURE_INDENT)
    position = sop.approved_by.value if sop.approved_by is not None else f"{labels['position']}: {SIGN_BLANK}"
    lines = signatory(sop, options.words)
    paragraphs = [document.add_paragraph(xml_safe(position))]
    for line in lines:
        paragraphs.append(document.add_paragraph())
        _signatory_run(paragraphs[-1], line, SIGN_BLANK, Pt(BODY_POINTS))
    for paragraph in paragraphs:
        paragraph.paragraph_format.left_indent = indent
        paragraph.paragraph_format.keep_with_next = paragraph is not paragraphs[-1]
    paragraphs[0].paragraph_format.space_before = Mm(4)
    paragraphs[1].paragraph_format.space_before = Mm(SIGNATURE_SPACE_MM)


# -- cells and rows -----------------------------------------------------------------------------


def _title(document, text: str, page_break: bool) -> None:
    from docx.shared import Mm, Pt

    paragraph = document.add_paragraph()
    paragraph.paragraph_format.page_break_before = page_break
    paragraph.paragraph_format.space_after = Mm(1.5)
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(xml_safe(text))
    run.bold = True
    run.font.size = Pt(TITLE_POINTS)


def _table_frame(table, widths_mm: list[float]) -> None:
    """Grid borders, fixed column widths (millimetres), text padding."""
    from docx.shared import Mm

    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    _insert(table._tbl.tblPr, _parse(
        f'<w:tblCellMar xmlns:w="{_W}"><w:top w:w="30" w:type="dxa"/>'
        f'<w:left w:w="{TEXT_MARGIN_TWIPS}" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/>'
        f'<w:right w:w="{TEXT_MARGIN_TWIPS}" w:type="dxa"/></w:tblCellMar>'
    ), ("tblLook", "tblCaption", "tblDescription"))


def _write(cell, lines: list[str], bold: bool = False, align: str | None = None,
           points: float = BODY_POINTS, capitals: bool = False) -> None:
    """The cell's text, one paragraph per line, replacing what it held. `capitals`: shown in capitals, kept as
    written (the unit's name, so that it reads back as the author wrote it)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        if align == "center":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(xml_safe(line))
        run.bold = bold or None
        run.font.all_caps = capitals or None
        if points != BODY_POINTS:
            run.font.size = Pt(points)


def _height(row, px: float) -> None:
    """The row at least `px` tall: the height the drawing in its cells was laid out for."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Twips

    row.height = Twips(round(px * TWIPS_PER_PX))
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _repeat_as_header(row) -> None:
    row._tr.get_or_add_trPr().append(_parse(f'<w:tblHeader xmlns:w="{_W}"/>'))


def _cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(_parse(f'<w:cantSplit xmlns:w="{_W}"/>'))


def _shade(cell, fill: str) -> None:
    shading = _parse(f'<w:shd xmlns:w="{_W}" w:val="clear" w:color="auto" w:fill="{fill}"/>')
    _insert(cell._tc.get_or_add_tcPr(), shading, ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign",
                                                   "hideMark"))


def _vertical_centre(cell) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _lane_margins(cell) -> None:
    """No padding in a Pelaksana cell: its shapes are placed from its very edges."""
    margins = _parse(
        f'<w:tcMar xmlns:w="{_W}"><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar>'
    )
    _insert(cell._tc.get_or_add_tcPr(), margins, ("textDirection", "tcFitText", "vAlign", "hideMark"))


def _insert(parent, element, successors) -> None:
    """The element into parent before the first child the schema puts after it (Word insists on the order)."""
    names = {_qn(f"w:{name}") for name in successors}
    follower = next((child for child in parent if child.tag in names), None)
    if follower is None:
        parent.append(element)
    else:
        follower.addprevious(element)


def _content_width_mm(options: RenderOptions) -> float:
    width = float(PAPERS[options.paper][0].rstrip("m"))
    return width - 2 * MARGIN_MM


def _parse(xml: str):
    from docx.oxml import parse_xml

    return parse_xml(xml)


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(name)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
