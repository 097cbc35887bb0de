"""Excel `.xlsx`: each sheet's cells with merged ranges resolved and fills read, and the shapes of its drawing
part (`xl/drawings/drawingN.xml`) placed in the cell their `xdr:from` anchor names."""

from __future__ import annotations

import datetime
import posixpath
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from .document import Cell, Document, ImportFailure, MissingDependency, Row, fill_merge, split_at_empty_rows
from .shapes import FREEFORM, picture_name, symbols
from .words import branch_kind

XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_WHITE = {None, "00000000", "FFFFFFFF", "00FFFFFF"}
Placed = dict[tuple[int, int], list[tuple[str | None, str]]]


def read(path: Path) -> Document:
    """Every visible sheet, in order, as blocks split at empty rows."""
    try:
        import openpyxl
    except ImportError:
        raise MissingDependency("openpyxl") from None
    try:
        workbook = openpyxl.load_workbook(str(path), data_only=True)
        drawings = sheet_drawings(path)
    except Exception as error:  # openpyxl raises many kinds of error on a damaged workbook
        raise ImportFailure("unreadable", f"Excel .xlsx ({error or type(error).__name__})") from None
    document = Document()
    for sheet in workbook.worksheets:
        if sheet.sheet_state == "visible":
            grid = _grid(sheet, drawings.get(sheet.title, {}))
            document.blocks.extend(split_at_empty_rows(grid))
    return document


def cell_text(value) -> str:
    """A cell's value as text: whole numbers without '.0', dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.time):  # a Waktu typed as 0:30 is a time of day to Excel
        hours, minutes = value.hour, value.minute
        return " ".join(filter(None, [f"{hours} jam" if hours else "", f"{minutes} menit" if minutes else ""]))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _grid(sheet, placed: Placed) -> list[Row]:
    """The sheet's cells (shapes placed) with its merged ranges resolved."""
    height = max([sheet.max_row] + [row + 1 for row, _ in placed])
    width = max([sheet.max_column] + [column + 1 for _, column in placed])
    grid: list[Row] = []
    for r in range(1, height + 1):
        row: Row = []
        for c in range(1, width + 1):
            cell = sheet.cell(row=r, column=c)
            shapes, labels = _placed_in(placed.get((r - 1, c - 1), []))
            row.append(Cell(cell_text(cell.value).strip(), shapes, labels, _shaded(cell)))
        grid.append(row)
    for merged in sheet.merged_cells.ranges:
        fill_merge(grid, merged.min_row - 1, merged.min_col - 1, merged.max_row - 1, merged.max_col - 1)
    return grid


def _placed_in(found: list[tuple[str | None, str]]) -> tuple[tuple, tuple]:
    """The shapes (text boxes and Ya/Tidak shapes left out) and texts anchored in one cell."""
    shapes = tuple(name for name, text in found if name is not None and not (text and branch_kind(text)))
    labels = tuple(text for _, text in found if text)
    return shapes, labels


def _shaded(cell) -> bool:
    """Whether the cell has a solid fill that is not white."""
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return False
    color = fill.fgColor
    return color is not None and color.type == "rgb" and color.rgb not in _WHITE


def sheet_drawings(path: Path) -> dict[str, Placed]:
    """Sheet name -> (row, column) of each anchor -> [(preset name or None for a text box, its text)]."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        targets = _relationships(archive, "xl/workbook.xml", names)
        result: dict[str, Placed] = {}
        for sheet in workbook.iter(f"{MAIN}sheet"):
            sheet_path = targets.get(sheet.get(R_ID) or "")
            if sheet_path is None or sheet_path not in names:
                continue
            for drawing in _relationships(archive, sheet_path, names, kind="/drawing").values():
                if drawing in names:
                    _place(ElementTree.fromstring(archive.read(drawing)), result.setdefault(sheet.get("name", ""), {}))
        return result


def _relationships(archive, part: str, names, kind: str = "") -> dict[str, str]:
    """Relationship id -> the part it points to (resolved against the part's folder)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in names:
        return {}
    found = {}
    for relation in ElementTree.fromstring(archive.read(rels)).iter(f"{REL}Relationship"):
        if relation.get("Type", "").endswith(kind) and relation.get("TargetMode") != "External":
            target = relation.get("Target", "")
            found[relation.get("Id", "")] = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
    return found


def _place(drawing, placed: Placed) -> None:
    """Each shape and picture of a drawing, under the cell of its from-anchor."""
    for anchor in list(drawing):
        start = anchor.find(f"{XDR}from")
        if start is None:
            continue
        where = (int(start.findtext(f"{XDR}row", "0")), int(start.findtext(f"{XDR}col", "0")))
        shapes = [_shape(shape) for shape in anchor.iter(f"{XDR}sp")]
        if len(symbols(name for name, _ in shapes if name)) <= 1:  # a group of symbols is a drawing over the sheet
            placed.setdefault(where, []).extend(shapes)
        for picture in anchor.iter(f"{XDR}pic"):
            properties = picture.find(f"{XDR}nvPicPr/{XDR}cNvPr")
            words = "" if properties is None else f"{properties.get('descr', '')} {properties.get('name', '')}"
            placed.setdefault(where, []).append((picture_name(words), ""))


def _shape(shape) -> tuple[str | None, str]:
    """(preset name, or None for a text box; the shape's text)."""
    text = " ".join(" ".join(t.text or "" for t in shape.iter(f"{A}t")).split())
    properties = shape.find(f"{XDR}nvSpPr/{XDR}cNvSpPr")
    if properties is not None and properties.get("txBox") == "1":
        return None, text
    geometry = shape.find(f"{XDR}spPr/{A}prstGeom")
    if geometry is not None:
        return geometry.get("prst"), text
    unfilled = shape.find(f"{XDR}spPr/{A}noFill") is not None
    return ("freeform-line" if unfilled else FREEFORM), text
