"""What the flowchart table is drawn with: symbols, lines and tags placed in the Pelaksana cells.

Every primitive lives in one Pelaksana cell and is positioned relative to it: x as a percentage of
the cell's width plus pixels, y as pixels from the cell's top or a percentage of its height.
"""

from __future__ import annotations

from attrs import define, field, frozen

Coord = tuple[float, float]  # (percent of the cell, pixels)

SYMBOL_WIDTH = 36
SYMBOL_HEIGHT = 26
SYMBOL_TOP = 20  # room above the symbol for the arrow that crosses over from another column
RUN_Y = 10  # height of the horizontal run of an arrow arriving from another column
MID = SYMBOL_TOP + SYMBOL_HEIGHT / 2
BOTTOM = SYMBOL_TOP + SYMBOL_HEIGHT
CONNECTOR_WIDTH = 18
CONNECTOR_HEIGHT = 18
CONNECTOR_TOP = 16
END_STUB = 8
LANE_MARGIN = 6  # pixels between a cell's edge and its outermost gutter track: 12 px between facing gutters
LANE_STEP = 7  # pixels between parallel arrows in a cell's side gutter: never read as one double line
MAX_LANES = 4
LANE_CLEARANCE = 3  # pixels kept free between the innermost track and a symbol

CENTER: Coord = (50, 0)
TOP: Coord = (0, 0)
FOOT: Coord = (100, 0)


@frozen
class Symbol:
    """A symbol: a step's terminator, process or decision, or a numbered off-page connector."""

    kind: str  # "terminator", "process", "decision" or "connector"
    element_id: str
    x: Coord  # centre
    y: float  # top, in pixels
    step: str | None = None  # the row key of the step it draws
    letter: str | None = None
    unassigned: bool = False


@frozen
class Line:
    """A straight piece of an arrow (or of the join between a step's performers)."""

    x1: Coord
    y1: Coord
    x2: Coord
    y2: Coord
    edge: str
    part: int
    source: str  # element id the piece leaves from
    target: str  # element id the arrow ends at
    head: str | None = None  # "down", "up", "left" or "right": an arrowhead at (x2, y2)


@frozen
class Tag:
    """A word beside an arrow: "Ya", "Tidak", a branch label, or "Selesai"."""

    text: str
    x: Coord
    y: float
    align: str  # "left": starts at x; "right": ends at x; "center"
    element_id: str | None = None  # set on the end word, which an arrow points at


Primitive = Symbol | Line | Tag


@define
class Cells:
    """The primitives of each Pelaksana cell of one table row."""

    by_column: dict[int, list[Primitive]] = field(factory=dict)
    height: float = 0  # the least height of the row in pixels, where drops below a symbol need more than usual

    def add(self, column: int, primitive: Primitive) -> None:
        self.by_column.setdefault(column, []).append(primitive)
