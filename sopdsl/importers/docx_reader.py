"""Word `.docx`: body paragraphs and tables in order; merged cells (gridSpan, vMerge) resolved; the DrawingML
and VML shapes anchored in each cell, with the text of their text boxes (the Ya/Tidak labels)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import NamedTuple

from .document import Block, Cell, Document, ImportFailure, MissingDependency, Row
from .shapes import FREEFORM, picture_name, symbols
from .words import branch_kind

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}
W = "{{{}}}".format(NS["w"])
_SKIPPED = {f"{W}drawing", f"{W}pict", f"{W}object", "{{{}}}AlternateContent".format(NS["mc"]), f"{W}txbxContent"}
_VML_SHAPES = ("shape", "rect", "roundrect", "oval", "line", "polyline", "arc", "curve")
_WHITE = {None, "auto", "ffffff", "none"}


def read(path: Path) -> Document:
    """The blocks of a Word document's body."""
    try:
        import docx
    except ImportError:
        raise MissingDependency("python-docx") from None
    try:
        body = docx.Document(str(path)).element.body
    except Exception as error:  # python-docx and lxml raise many kinds of error on a damaged document
        raise ImportFailure("unreadable", f"Word .docx ({error or type(error).__name__})") from None
    document = Document()
    _read_children(body, document)
    return document


def _read_children(parent, document: Document) -> None:
    """Paragraphs and tables of a body (or of a content control inside it), in order."""
    for child in parent.iterchildren():
        if child.tag == f"{W}p":
            document.add_paragraph(_paragraph_text(child))
        elif child.tag == f"{W}tbl":
            _add_table(child, document)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            _read_children(child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child, document)


def _add_table(table, document: Document) -> None:
    """The table, then the tables nested in its cells (a layout table around the identity sheet, say)."""
    document.blocks.append(_table(table))
    for nested in _xpath(table, "./w:tr/w:tc/w:tbl | ./w:tr/w:sdt/w:sdtContent/w:tc/w:tbl"):
        _add_table(nested, document)


def _table(table) -> Block:
    """A Word table as a grid: gridBefore and gridSpan give columns, vMerge cells copy the cell they continue, and
    each drawing goes to the cell its centre lies over (a shape dragged sideways stays anchored where it was)."""
    lefts = _grid_lefts(table)
    rows: list[Row] = []
    open_merges: dict[int, Cell] = {}
    for tr in _xpath(table, "./w:tr"):
        row: Row = [Cell() for _ in range(_int(tr.find(f"{W}trPr/{W}gridBefore"), 0))]
        drawn: list[tuple[int, _Drawn]] = []
        for tc in _xpath(tr, "./w:tc | ./w:sdt/w:sdtContent/w:tc | ./w:customXml/w:tc"):
            column = len(row)
            span = max(1, _int(tc.find(f"{W}tcPr/{W}gridSpan"), 1))
            merge = _vertical_merge(tc)
            cell = _cell(tc)
            if merge == "continue" and column in open_merges:
                cell = Cell(open_merges[column].text, shaded=open_merges[column].shaded, covered=True)
            elif merge == "restart":
                open_merges[column] = cell
            else:
                open_merges.pop(column, None)
            row.append(cell)
            row.extend(Cell(cell.text, shaded=cell.shaded, covered=True) for _ in range(span - 1))
            drawn += [(column, drawing) for drawing in _drawings(tc)]
        for column, drawing in drawn:
            _place(row, _column_over(lefts, column, drawing.centre, len(row)), drawing)
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    return Block([row + [Cell() for _ in range(width - len(row))] for row in rows])


def _grid_lefts(table) -> list[int]:
    """The left edge of each grid column, in EMU from the table's left (w:tblGrid widths are in twentieths of a
    point; an EMU is 1/12700 of a point)."""
    lefts = [0]
    for column in _xpath(table, "./w:tblGrid/w:gridCol"):
        try:
            lefts.append(lefts[-1] + int(float(column.get(f"{W}w") or 0) * 635))
        except ValueError:
            return []
    return lefts


def _column_over(lefts: list[int], column: int, centre: int | None, width: int) -> int:
    """The grid column a drawing's centre stands over, given its offset from its anchor cell's left edge."""
    if centre is None or column >= len(lefts) - 1:
        return column
    x = lefts[column] + centre
    over = next((index for index in range(len(lefts) - 1) if lefts[index] <= x < lefts[index + 1]), column)
    return min(over, width - 1)


def _place(row: Row, column: int, drawing: _Drawn) -> None:
    """Add a drawing to a cell: a shape to its shapes, a text box's text to its labels, alt text to descriptions."""
    cell = row[column]
    if drawing.shape is not None:
        cell.shapes += (drawing.shape,)
    if drawing.label:
        cell.labels += (drawing.label,)
    if drawing.description:
        cell.descriptions += (drawing.description,)


@functools.cache
def _compiled(expression: str):
    """The compiled XPath expression, once per expression."""
    from lxml import etree

    return etree.XPath(expression, namespaces=NS)


def _xpath(element, expression: str) -> list:
    """XPath with this module's prefixes (python-docx's elements override `xpath` with prefixes of their own)."""
    return _compiled(expression)(element)


def _vertical_merge(tc) -> str | None:
    """'restart', 'continue' or None: the cell's part in a vertical merge."""
    merge = tc.find(f"{W}tcPr/{W}vMerge")
    if merge is None:
        return None
    return "restart" if merge.get(f"{W}val") == "restart" else "continue"


def _int(element, default: int) -> int:
    """The integer w:val of an element, or the default."""
    try:
        return int(element.get(f"{W}val")) if element is not None else default
    except (TypeError, ValueError):
        return default


def _cell(tc) -> Cell:
    """A Word cell: its paragraphs' text and its shading (its drawings are placed by the table)."""
    lines = [_paragraph_text(p) for p in _own_paragraphs(tc)]
    fill = tc.find(f"{W}tcPr/{W}shd")
    shaded = fill is not None and (fill.get(f"{W}fill") or "auto").lower() not in _WHITE
    return Cell("\n".join(line for line in lines if line.strip()), shaded=shaded)


def _own_paragraphs(element):
    """The cell's paragraphs; those of text boxes and of nested tables (read as tables of their own) left out."""
    for child in element.iterchildren():
        if child.tag == f"{W}p":
            yield child
        elif child.tag not in _SKIPPED and child.tag not in (f"{W}tcPr", f"{W}tbl"):
            yield from _own_paragraphs(child)


def _paragraph_text(paragraph) -> str:
    """The paragraph's text: runs, tabs as spaces, line breaks kept; drawings and text boxes left out."""
    parts: list[str] = []

    def walk(element) -> None:
        """Collect the text below an element, skipping drawings and deleted text."""
        for child in element.iterchildren():
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag in (f"{W}tab", f"{W}noBreakHyphen"):
                parts.append(" " if tag == f"{W}tab" else "-")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag not in (f"{W}instrText", f"{W}delText"):
                walk(child)

    walk(paragraph)
    return "".join(parts)


class _Drawn(NamedTuple):
    """One drawing anchored in a cell: its shape (None for a text box), text-box text, alternative text, and its
    centre's offset from the anchor cell's left edge in EMU (None where it is not positioned from the cell)."""

    shape: str | None
    label: str
    description: str
    centre: int | None


def _drawings(tc) -> list[_Drawn]:
    """The drawings anchored in the cell: DrawingML shapes and pictures, and VML shapes of older files.

    Of an mc:AlternateContent, only the DrawingML choice is read: its VML fallback draws the same shape again.
    A shape holding only Ya/Tidak is a label, not a symbol."""
    found: list[_Drawn] = []
    for drawing in _own(tc, _xpath(tc, ".//wp:anchor | .//wp:inline")):
        description = " ".join(_xpath(drawing, "./wp:docPr/@descr"))
        centre = _anchor_centre(drawing)
        shapes = [_drawn(_drawingml_name(shape), _box_text(shape), description, centre)
                  for shape in _xpath(drawing, ".//wps:wsp")]
        if len(symbols(drawn.shape for drawn in shapes if drawn.shape)) > 1:
            shapes = []  # a group or canvas drawn over the table: its symbols stand in other rows and columns
        found += shapes
        if _xpath(drawing, ".//pic:pic"):
            name = picture_name(description + " " + " ".join(_xpath(drawing, "./wp:docPr/@name")))
            found.append(_Drawn(name, "", description, centre))
        elif not shapes and description:
            found.append(_Drawn(None, "", description, centre))
    for shape in _own(tc, _xpath(tc, " | ".join(f".//v:{name}" for name in _VML_SHAPES))):
        if not _xpath(shape, "ancestor::mc:Fallback"):
            found.append(_drawn(_vml_name(shape), _box_text(shape), shape.get("alt") or "", _vml_centre(shape)))
    return found


def _own(tc, elements: list) -> list:
    """The elements that belong to this cell, not to a cell of a table nested in it."""
    return [element for element in elements if _xpath(element, "ancestor::w:tc[1]")[0] is tc]


def _drawn(name: str | None, text: str, description: str, centre: int | None) -> _Drawn:
    """A drawing whose text is only Ya or Tidak is a branch label, however it is drawn."""
    return _Drawn(None if text and branch_kind(text) else name, text, description, centre)


def _anchor_centre(drawing) -> int | None:
    """The centre of a floating DrawingML drawing, in EMU from its cell's left edge, when positioned from it."""
    position = drawing.find("wp:positionH", NS)
    offset = drawing.find("wp:positionH/wp:posOffset", NS)
    extent = drawing.find("wp:extent", NS)
    if position is None or offset is None or position.get("relativeFrom") not in ("column", "character"):
        return None
    try:
        return int(offset.text or 0) + (int(extent.get("cx") or 0) // 2 if extent is not None else 0)
    except ValueError:
        return None


_VML_LENGTH = re.compile(r"(-?[\d.]+)(pt|in|cm|mm)")
_EMU = {"pt": 12700, "in": 914400, "cm": 360000, "mm": 36000}


def _vml_centre(shape) -> int | None:
    """The centre of a VML shape from its style (margin-left and width), when positioned from its column."""
    style = dict(
        part.split(":", 1) for part in (shape.get("style") or "").replace(" ", "").split(";") if ":" in part
    )
    if style.get("mso-position-horizontal-relative", "text") not in ("text", "char"):
        return None
    left, width = (_VML_LENGTH.fullmatch(style.get(key, "")) for key in ("margin-left", "width"))
    if left is None:
        return None
    size = float(width.group(1)) * _EMU[width.group(2)] if width else 0.0
    return int(float(left.group(1)) * _EMU[left.group(2)] + size / 2)


def _drawingml_name(shape) -> str | None:
    """The preset's name; a free-form shape is a line when it has no fill (as arrows drawn as paths have)."""
    if _xpath(shape, "./wps:cNvSpPr[@txBox='1']"):
        return None
    geometry = shape.find("wps:spPr/a:prstGeom", NS)
    if geometry is not None:
        return geometry.get("prst")
    if shape.find("wps:spPr/a:custGeom", NS) is None:
        return None
    unfilled = _xpath(shape, "./wps:spPr/a:noFill | ./wps:spPr/a:custGeom//a:path[@fill='none']")
    return "freeform-line" if unfilled else FREEFORM


def _vml_name(shape) -> str | None:
    """'vml:rect', 'vml:oval' ... or 'vml:t<type number>' for a v:shape of a preset type."""
    local = shape.tag.split("}")[1]
    if local != "shape":
        return f"vml:{local}"
    kind = (shape.get("type") or "").lstrip("#")
    if kind.startswith("_x0000_t"):
        return "vml:t" + kind[len("_x0000_t"):]
    return "vml:shape"


def _box_text(shape) -> str:
    """The text of a shape's text box, on one line."""
    paragraphs = _xpath(shape, ".//w:txbxContent/w:p")
    return " ".join(" ".join(_paragraph_text(p).split()) for p in paragraphs).strip()
