"""Text-based `.pdf`: the ruled tables of each page (merged cells resolved from the cell boxes), the text outside
them, and the drawn symbols (rectangles, curves) placed in the table cell their centre falls in."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Tuple

from .document import Block, Cell, Document, ImportFailure, MissingDependency, Row

Box = Tuple[float, float, float, float]
_TOLERANCE = 2.0


def read(path: Path) -> Document:
    """The blocks of every page, top to bottom; a PDF without a text layer is refused with a word on OCR."""
    try:
        import pdfplumber
    except ImportError:
        raise MissingDependency("pdfplumber") from None
    document = Document()
    characters = 0
    try:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                characters += len(page.chars)
                document.blocks.extend(_page_blocks(page))
    except ImportFailure:
        raise
    except Exception as error:  # pdfminer raises many kinds of error on a damaged file
        raise ImportFailure("unreadable", f"PDF ({type(error).__name__}: {error})") from None
    if characters == 0:
        raise ImportFailure("scan")
    return document


def _page_blocks(page) -> List[Block]:
    tables = page.find_tables()
    placed: List[Tuple[float, Block]] = [(table.bbox[1], _table_block(page, table)) for table in tables]
    boxes = [table.bbox for table in tables]
    lines = [line for line in page.extract_text_lines() if not any(_inside(line, box) for box in boxes)]
    placed.extend((line["top"], Block([[Cell(line["text"].strip())]])) for line in lines if line["text"].strip())
    return [block for _, block in sorted(placed, key=lambda item: item[0])]


def _inside(line, box: Box) -> bool:
    middle = (line["top"] + line["bottom"]) / 2
    return box[1] - _TOLERANCE <= middle <= box[3] + _TOLERANCE and line["x1"] > box[0] and line["x0"] < box[2]


def _table_block(page, table) -> Block:
    texts = table.extract()
    boxes = [list(row.cells) for row in table.rows]
    width = max((len(row) for row in boxes), default=0)
    lefts = _column_lefts(boxes, width, table.bbox)
    rows: List[Row] = []
    for i, row in enumerate(boxes):
        cells: Row = []
        for j in range(width):
            box = row[j] if j < len(row) else None
            if box is None:
                cells.append(_covering(rows, cells, boxes, i, j, lefts))
            else:
                text = texts[i][j] if i < len(texts) and j < len(texts[i]) else ""
                cells.append(Cell(unwrap(text or "")))
        rows.append(cells)
    _place_symbols(page, table, boxes, rows)
    return Block(rows)


def unwrap(text: str) -> str:
    """A cell's printed lines with the wrapped ones joined: a line that starts in lower case, or follows a line
    ending in a hyphen, continues the line above (a PDF keeps no paragraph breaks of its own)."""
    lines: List[str] = []
    for line in (part.strip() for part in text.splitlines()):
        if not line:
            continue
        if lines and (line[0].islower() or lines[-1].endswith("-")):
            lines[-1] += line if lines[-1].endswith("-") else f" {line}"
        else:
            lines.append(line)
    return "\n".join(lines)


def _column_lefts(boxes, width: int, bbox: Box) -> List[float]:
    lefts = []
    for j in range(width):
        found = [row[j][0] for row in boxes if j < len(row) and row[j] is not None]
        lefts.append(min(found) if found else (lefts[-1] if lefts else bbox[0]))
    return lefts


def _covering(rows: List[Row], cells: Row, boxes, i: int, j: int, lefts: List[float]) -> Cell:
    """The copy of the cell a merge spreads over (i, j): the one to its left whose box reaches over, else above."""
    for k in range(j - 1, -1, -1):
        box = boxes[i][k] if k < len(boxes[i]) else None
        if box is not None:
            if box[2] > lefts[j] + _TOLERANCE:
                return Cell(cells[k].text, covered=True)
            break
    if i > 0:
        return Cell(rows[i - 1][j].text, covered=True)
    return Cell()


def _place_symbols(page, table, boxes, rows: List[Row]) -> None:
    """Rectangles and curves smaller than their cell, not lying on its borders, become shapes of that cell."""
    x0, top, x1, bottom = table.bbox
    for kind, shape in [("rect", r) for r in page.rects] + [("curve", c) for c in page.curves]:
        box = (shape["x0"], shape["top"], shape["x1"], shape["bottom"])
        if box[2] - box[0] < 4 or box[3] - box[1] < 4 or not (x0 <= box[0] and box[2] <= x1 and top <= box[1]
                                                                 and box[3] <= bottom):
            continue
        where = _cell_at(boxes, ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
        if where is None:
            continue
        i, j, cell_box = where
        if _same_box(box, cell_box):
            continue
        name = _curve_name(shape) if kind == "curve" else "rect"
        cell = rows[i][j]
        rows[i][j] = Cell(cell.text, cell.shapes + (name,), cell.labels, cell.shaded, cell.covered)


def _cell_at(boxes, point) -> Optional[Tuple[int, int, Box]]:
    for i, row in enumerate(boxes):
        for j, box in enumerate(row):
            if box is not None and box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]:
                return i, j, box
    return None


def _same_box(a: Box, b: Box) -> bool:
    return all(abs(p - q) <= _TOLERANCE for p, q in zip(a, b))


def _curve_name(curve) -> str:
    """'diamond' for a path whose top and bottom points stand at its middle and whose sides are at half height."""
    points = curve.get("pts") or []
    if not points:
        return "curve"
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    middle_x, middle_y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    tolerance = max(_TOLERANCE, (max(xs) - min(xs)) * 0.08)
    topmost = min(points, key=lambda p: p[1])
    leftmost = min(points, key=lambda p: p[0])
    if abs(topmost[0] - middle_x) <= tolerance and abs(leftmost[1] - middle_y) <= tolerance and len(points) <= 6:
        return "diamond"
    return "curve"
