"""Text-based `.pdf`: the ruled tables of each page (merged cells resolved from the cell boxes), the text outside
them, and the drawn symbols (rectangles, curves) placed in the table cell their centre falls in."""

from __future__ import annotations

from pathlib import Path

from .document import Block, Cell, Document, ImportFailure, MissingDependency, Row
from .header import is_header_row
from .words import compact

Box = tuple[float, float, float, float]
_TOLERANCE = 2.0
_SYMBOL = 8.0
"""The least width and height of a drawn symbol, in points: arrowheads and borders are smaller."""


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
            author = pdf.metadata.get("Author")
    except ImportFailure:
        raise
    except Exception as error:  # pdfminer raises many kinds of error on a damaged file
        raise ImportFailure("unreadable", f"PDF ({type(error).__name__}: {error})") from None
    if characters == 0:
        raise ImportFailure("scan")
    if isinstance(author, str) and author.strip():
        _unit_as_written(document, author)
    return document


def _unit_as_written(document: Document, author: str) -> None:
    """The unit's name as its author wrote it, where the page prints it in capitals: the cell whose words are
    the Author field's (sopdsl's PDFs name the unit there, its lines joined by commas) takes them from there."""
    wanted = compact(author)
    for block in document.blocks:
        for row in block.rows:
            for index, cell in enumerate(row):
                if cell.text.isupper() and compact(cell.text) == wanted:
                    lines = _lines_of(author.split(", "), cell.text.splitlines())
                    row[index] = Cell("\n".join(lines), cell.shapes, cell.labels, cell.shaded, cell.covered,
                                      cell.descriptions)


def _lines_of(pieces: list[str], printed: list[str]) -> list[str]:
    """The comma-separated pieces joined back into the printed cell's lines: a line ends where a printed line
    ends (a printed line may wrap one of the unit's lines, never join two)."""
    ends, length = set(), 0
    for line in printed:
        length += len(compact(line))
        ends.add(length)
    lines: list[str] = []
    current: list[str] = []
    length = 0
    for piece in pieces:
        current.append(piece)
        length += len(compact(piece))
        if length in ends:
            lines.append(", ".join(current))
            current = []
    return lines + ([", ".join(current)] if current else [])


def _page_blocks(page) -> list[Block]:
    """A page's tables and the text lines outside them, top to bottom."""
    tables = page.find_tables()
    tree = _structure(page)
    figures = _figures(tree)
    placed: list[tuple[float, Block]] = [(table.bbox[1], _table_block(page, table, figures, bool(tree)))
                                         for table in tables]
    # lines that only look like a table (an arrow's pieces below the last row) hold nothing: they are no table
    placed = [(top, block) for top, block in placed if any(cell.text or cell.shapes for row in block.rows
                                                             for cell in row)]
    boxes = [table.bbox for table in tables]
    lines = [line for line in page.extract_text_lines() if not any(_inside(line, box) for box in boxes)]
    placed.extend((line["top"], Block([[Cell(line["text"].strip())]])) for line in lines if line["text"].strip())
    return [block for _, block in sorted(placed, key=lambda item: item[0])]


def _inside(line, box: Box) -> bool:
    """Whether a text line lies within a table's box."""
    middle = (line["top"] + line["bottom"]) / 2
    return box[1] - _TOLERANCE <= middle <= box[3] + _TOLERANCE and line["x1"] > box[0] and line["x0"] < box[2]


def _structure(page) -> list[dict]:
    """The structure tree of a tagged page (empty for an untagged one)."""
    try:
        return list(page.structure_tree)
    except Exception:  # a damaged or unusual structure tree only loses what the tags tell
        return []


def _figures(tree: list[dict]) -> dict[int, str]:
    """The alternative texts of a tagged page's figures, by marked-content id."""
    found: dict[int, str] = {}
    elements = list(tree)
    while elements:
        element = elements.pop()
        elements.extend(element.get("children", []))
        if element.get("type") == "Figure" and element.get("alt_text"):
            found.update(dict.fromkeys(element.get("mcids", []), element["alt_text"]))
    return found


def _table_block(page, table, figures: dict[int, str], tagged: bool) -> Block:
    """The table on the grid of its real rows and columns, each word given to the (merged) cell it lies in.

    Lines drawn inside cells (a flowchart's arrows) split pdfplumber's cells. A real column edge of a flowchart
    table is one that a cell of the first two rows (the header) has (an arrow running down the side of the
    symbols may cross most rows); a real row edge is one that the cells under No or Kegiatan have, or those of
    most real columns (arrows cross only the role columns)."""
    found = [box for row in table.rows for box in row.cells if box is not None]
    everything = 0 if _is_flowchart(table) else len(found)  # other tables keep every edge they draw
    xs = _real_edges([[(box[0], box[2]) for box in row.cells if box] for row in table.rows], lead=everything or 2,
                     most=bool(everything))
    middles = [(left + right) / 2 for left, right in zip(xs, xs[1:], strict=False)]
    ys = _real_edges([[(box[1], box[3]) for box in found if box[0] <= middle <= box[2]] for middle in middles],
                     lead=everything or 2)
    grid = [[(xs[j], ys[i], xs[j + 1], ys[i + 1]) for j in range(len(xs) - 1)] for i in range(len(ys) - 1)]
    origins = _origins(grid, found)
    texts = _texts(page, grid, origins, tagged, described=bool(figures))
    rows: list[Row] = [
        [Cell(unwrap(texts[origins[i][j]]), covered=origins[i][j] != (i, j)) for j in range(len(grid[i]))]
        for i in range(len(grid))
    ]
    _place_symbols(page, table.bbox, grid, rows, figures)
    return Block(rows)


def _is_flowchart(table) -> bool:
    """Whether one of the table's first rows is a flowchart header (No, Kegiatan, Pelaksana ...)."""
    return any(is_header_row([Cell(text or "") for text in row]) for row in table.extract()[:3])


def _origins(grid, found: list[Box]) -> list[list[tuple[int, int]]]:
    """For each grid box, the top-left box of the drawn (merged) cell it belongs to."""
    origins: list[list[tuple[int, int]]] = []
    for i, grid_row in enumerate(grid):
        row: list[tuple[int, int]] = []
        for j, box in enumerate(grid_row):
            if j > 0 and _joined(found, box, grid_row[j - 1]):
                row.append(row[j - 1])
            elif i > 0 and _joined(found, box, grid[i - 1][j]):
                row.append(origins[i - 1][j])
            else:
                row.append((i, j))
        origins.append(row)
    return origins


def unwrap(text: str) -> str:
    """A cell's printed lines with the wrapped ones joined: a line that starts in lower case, or follows a line
    ending in a hyphen, continues the line above (a PDF keeps no paragraph breaks of its own)."""
    lines: list[str] = []
    for line in (part.strip() for part in text.splitlines()):
        if not line:
            continue
        if lines and (line[0].islower() or lines[-1].endswith("-")):
            lines[-1] += line if lines[-1].endswith("-") else f" {line}"
        else:
            lines.append(line)
    return "\n".join(lines)


def _real_edges(spans, lead: int, most: bool = True) -> list[float]:
    """Edges that the spans of the first `lead` lines have, or (`most`) that more than half of all lines have
    (lines: the rows of cells for column edges, the real columns for row edges)."""
    counts: dict = {}
    leading = set()
    for index, line in enumerate(spans):
        seen = {round(edge) for span in line if span is not None for edge in span}
        for edge in seen:
            counts[edge] = counts.get(edge, 0) + 1
        if index < lead:
            leading |= seen
    edges = sorted(edge for edge, count in counts.items() if edge in leading or most and count * 2 > len(spans))
    return [float(edge) for edge in edges]


def _joined(found: list[Box], box: Box, neighbour: Box) -> bool:
    """Whether one drawn cell holds the centres of both boxes (no border between them: a merged cell)."""
    points = [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for b in (box, neighbour)]
    return any(all(c[0] <= x <= c[2] and c[1] <= y <= c[3] for x, y in points) for c in found)


def _texts(page, grid, origins, tagged: bool, described: bool) -> dict:
    """The words of each merged cell (keyed by its top-left box), in lines from top to bottom. `tagged`: the page
    tags its content (its lines can be told apart by paragraph). `described`: it also describes its drawings, so
    the words it marks as no content (an arrow's label, which the description of the decision repeats and which
    may stand over a neighbouring cell) are left out."""
    placed: dict = {origin: [] for row in origins for origin in row}
    words = page.extract_words(extra_attrs=["mcid"]) if tagged else page.extract_words()
    for word in words:
        if described and word.get("mcid") is None:
            continue
        where = _box_at(grid, ((word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2))
        if where is not None:
            placed[origins[where[0]][where[1]]].append(word)
    return {origin: _lines(words) for origin, words in placed.items()}


def _lines(words: list[dict]) -> str:
    """Words joined into lines: words at one height make a line, left to right. On a tagged page, the lines of
    one piece of marked content are one paragraph that the cell wrapped: they are joined into one line."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= _TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    texts: list[str] = []
    content = None
    for line in lines:
        ordered = sorted(line, key=lambda w: w["x0"])
        text = " ".join(w["text"] for w in ordered)
        if texts and content is not None and ordered[0].get("mcid") == content:
            texts[-1] += text if texts[-1].endswith("-") else f" {text}"
        else:
            texts.append(text)
        content = ordered[-1].get("mcid")
    return "\n".join(texts)


def _place_symbols(page, bbox: Box, grid, rows: list[Row], figures: dict[int, str]) -> None:
    """Rectangles and curves the size of a symbol, inside a cell and not its border, become shapes of that cell
    (thin rectangles are borders and arrow shafts; small curves are arrowheads), with the alternative text of the
    figure they draw, if any."""
    x0, top, x1, bottom = bbox
    described: set[int] = set()
    for kind, shape in [("rect", r) for r in page.rects] + [("curve", c) for c in page.curves]:
        box = (shape["x0"], shape["top"], shape["x1"], shape["bottom"])
        if box[2] - box[0] < _SYMBOL or box[3] - box[1] < _SYMBOL or not (
                x0 <= box[0] and box[2] <= x1 and top <= box[1] and box[3] <= bottom):
            continue
        where = _box_at(grid, ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
        if where is None:
            continue
        i, j = where
        cell_box = grid[i][j]
        if box[2] - box[0] >= cell_box[2] - cell_box[0] - _SYMBOL or box[3] - box[1] >= cell_box[3] - cell_box[1] - 1:
            continue  # a cell's background or border, not a symbol inside it
        name = _curve_name(shape) if kind == "curve" else "rect"
        cell = rows[i][j]
        mcid = shape.get("mcid")
        description = () if mcid not in figures or mcid in described else (figures[mcid],)
        described.add(mcid)
        rows[i][j] = Cell(cell.text, cell.shapes + (name,), cell.labels, cell.shaded, cell.covered,
                          cell.descriptions + description)


def _box_at(grid, point) -> tuple[int, int] | None:
    """(row, column) of the grid box holding the point, or None."""
    for i, row in enumerate(grid):
        for j, box in enumerate(row):
            if box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]:
                return i, j
    return None


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
