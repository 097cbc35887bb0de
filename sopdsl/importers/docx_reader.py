"""Word `.docx`: body paragraphs and tables in order; merged cells (gridSpan, vMerge) resolved; the DrawingML
and VML shapes anchored in each cell, with the text of their text boxes (the Ya/Tidak labels)."""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from .document import Block, Cell, Document, ImportFailure, MissingDependency, Row
from .shapes import FREEFORM, picture_name
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
W = "{%s}" % NS["w"]
_SKIPPED = {f"{W}drawing", f"{W}pict", f"{W}object", "{%s}AlternateContent" % NS["mc"], f"{W}txbxContent"}
_VML_SHAPES = ("shape", "rect", "roundrect", "oval", "line", "polyline", "arc", "curve")
_WHITE = {None, "auto", "ffffff", "none"}


def read(path: Path) -> Document:
    """The blocks of a Word document's body."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise MissingDependency("python-docx") from None
    try:
        body = docx.Document(str(path)).element.body
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
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
            document.blocks.append(_table(child))
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            _read_children(child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child, document)


def _table(table) -> Block:
    """A Word table as a grid: gridBefore and gridSpan give columns, vMerge cells copy the cell they continue."""
    rows: List[Row] = []
    open_merges: Dict[int, Cell] = {}
    for tr in _xpath(table, "./w:tr"):
        row: Row = [Cell() for _ in range(_int(tr.find(f"{W}trPr/{W}gridBefore"), 0))]
        for tc in _xpath(tr, "./w:tc | ./w:sdt/w:sdtContent/w:tc | ./w:customXml/w:tc"):
            column = len(row)
            span = max(1, _int(tc.find(f"{W}tcPr/{W}gridSpan"), 1))
            merge = _vertical_merge(tc)
            cell = _cell(tc)
            if merge == "continue" and column in open_merges:
                origin = open_merges[column]
                cell = Cell(origin.text, cell.shapes, cell.labels, origin.shaded, True, cell.descriptions)
            elif merge == "restart":
                open_merges[column] = cell
            else:
                open_merges.pop(column, None)
            row.append(cell)
            row.extend(Cell(cell.text, shaded=cell.shaded, covered=True) for _ in range(span - 1))
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    return Block([row + [Cell() for _ in range(width - len(row))] for row in rows])


@functools.lru_cache(maxsize=None)
def _compiled(expression: str):
    """The compiled XPath expression, once per expression."""
    from lxml import etree

    return etree.XPath(expression, namespaces=NS)


def _xpath(element, expression: str) -> list:
    """XPath with this module's prefixes (python-docx's elements override `xpath` with prefixes of their own)."""
    return _compiled(expression)(element)


def _vertical_merge(tc) -> Optional[str]:
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
    """A Word cell: its paragraphs' text, its drawings and its shading."""
    lines = [_paragraph_text(p) for p in _own_paragraphs(tc)]
    shapes, labels, descriptions = _drawings(tc)
    fill = tc.find(f"{W}tcPr/{W}shd")
    shaded = fill is not None and (fill.get(f"{W}fill") or "auto").lower() not in _WHITE
    text = "\n".join(line for line in lines if line.strip())
    return Cell(text, tuple(shapes), tuple(labels), shaded, descriptions=tuple(descriptions))


def _own_paragraphs(element):
    """The cell's paragraphs, nested tables' included, text boxes' left out."""
    for child in element.iterchildren():
        if child.tag == f"{W}p":
            yield child
        elif child.tag not in _SKIPPED and child.tag != f"{W}tcPr":
            yield from _own_paragraphs(child)


def _paragraph_text(paragraph) -> str:
    """The paragraph's text: runs, tabs as spaces, line breaks kept; drawings and text boxes left out."""
    parts: List[str] = []

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


def _drawings(tc) -> Tuple[List[str], List[str], List[str]]:
    """The shapes anchored in the cell (DrawingML presets, 'picture', or 'vml:<type>'), the texts of their text
    boxes, and their alternative texts.

    Of an mc:AlternateContent, only the DrawingML choice is read: its VML fallback draws the same shape again."""
    shapes: List[str] = []
    labels: List[str] = []
    descriptions: List[str] = []
    for drawing in _xpath(tc, ".//wp:anchor | .//wp:inline"):
        description = " ".join(_xpath(drawing, "./wp:docPr/@descr"))
        if description:
            descriptions.append(description)
        for shape in _xpath(drawing, ".//wps:wsp"):
            _add_shape(_drawingml_name(shape), _box_text(shape), shapes, labels)
        if _xpath(drawing, ".//pic:pic"):
            shapes.append(picture_name(description + " " + " ".join(_xpath(drawing, "./wp:docPr/@name"))))
    for shape in _xpath(tc, " | ".join(f".//v:{name}" for name in _VML_SHAPES)):
        if not _xpath(shape, "ancestor::mc:Fallback"):
            _add_shape(_vml_name(shape), _box_text(shape), shapes, labels)
    return shapes, labels, descriptions


def _add_shape(name: Optional[str], text: str, shapes: List[str], labels: List[str]) -> None:
    """A text box (or any shape holding only Ya/Tidak) is a label; any other shape is a symbol or a line."""
    if text:
        labels.append(text)
    if name is not None and not (text and branch_kind(text)):
        shapes.append(name)


def _drawingml_name(shape) -> Optional[str]:
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


def _vml_name(shape) -> Optional[str]:
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
