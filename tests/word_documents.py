"""Word documents as agencies make them, for the import tests: merged header cells, shapes anchored in cells
(DrawingML as Word writes it, with its VML fallback, or VML alone), text boxes, groups, arrows and layout tables."""

from __future__ import annotations

from pathlib import Path

from .office_documents import IDENTITY, LISTS, PRESETS, ROLES, SECTIONS, SIGNATURE_PLACE, UNIT, VML_TYPES

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
    for line in SIGNATURE_PLACE:
        document.add_paragraph(line).paragraph_format.left_indent = Cm(18)
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
    for column, width in zip(table.columns, centimetres, strict=False):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
