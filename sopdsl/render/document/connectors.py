"""Off-page connectors: numbered pentagons placed wholly inside one role column, and their joins to the gutters.

Connectors are numbered (1, 2, 3 …) while sections are lettered, so a connector never reads as a section.
In a connector row each column has slots: its centre for the flow that goes straight down, and slots
from each side inwards for jumps that run along a side gutter. A jump whose gutter track does not pass
through its slot's pentagon reaches it with a short horizontal jog above or below it.
"""

from __future__ import annotations

from collections.abc import Callable

from .primitives import CONNECTOR_HEIGHT, CONNECTOR_TOP, CONNECTOR_WIDTH, FOOT, TOP, Coord, Line, Symbol

SLOT_GAP = 4  # pixels between two connectors side by side
INSET = CONNECTOR_WIDTH / 2 + 2  # the least distance from a connector's centre to its column's border
CONNECTOR_BOTTOM = CONNECTOR_TOP + CONNECTOR_HEIGHT
JOGS_ABOVE = (2, 7)  # the heights a jog may run at above the connectors (room left for the arrowhead)
JOGS_BELOW = (CONNECTOR_BOTTOM + 4, CONNECTOR_BOTTOM + 9, CONNECTOR_BOTTOM + 14)  # and below them


class Slots:
    """The connectors placed so far in each column of each connector row, by centre in pixels."""

    def __init__(self, column_px: float):
        self.column_px = column_px
        self.taken: dict[tuple[int, bool, int], list[float]] = {}
        self.jogs: dict[tuple[int, bool, int, bool], list[tuple[float, float, int]]] = {}

    def beside(self, page: int, at_top: bool, column: int, side: str) -> Coord:
        """The first free slot from `side` inwards, never on the column's centre; the last one when all are taken."""
        taken = self.taken.setdefault((page, at_top, column), [])
        middle = self.column_px / 2
        width = CONNECTOR_WIDTH + SLOT_GAP
        offset = INSET
        while offset <= self.column_px - INSET:
            x = offset if side == "left" else self.column_px - offset
            if all(abs(x - other) >= CONNECTOR_WIDTH + SLOT_GAP / 2 for other in [*taken, middle]):
                break
            offset += width
        else:
            offset = INSET
        taken.append(offset if side == "left" else self.column_px - offset)
        return (0, offset) if side == "left" else (100, -offset)


    def jog(self, page: int, at_top: bool, column: int, above: bool, x1: float, x2: float) -> float:
        """The height of a jog from x1 to x2: the first one no other jog of that column's row runs along."""
        levels = JOGS_ABOVE if above else JOGS_BELOW
        jogs = self.jogs.setdefault((page, at_top, column, above), [])
        low, high = sorted((x1, x2))
        busy = {level for a, b, level in jogs if a < high + 2 and low < b + 2}
        level = next((n for n in range(len(levels)) if n not in busy), len(levels) - 1)
        jogs.append((low, high, level))
        return levels[level]


def _lower_edge(dx: float) -> float:
    """The y of a pentagon's lower edge at dx pixels from its centre."""
    half = CONNECTOR_WIDTH / 2
    return CONNECTOR_TOP + CONNECTOR_HEIGHT * (0.6 + 0.4 * (1 - min(abs(dx), half) / half))


def gutter_connector(lane: Coord, slot: Coord, jog: Callable[[bool, float, float], float], column_px: float,
                     forward: bool, arriving: bool, element_id: str, label: str, edge: str, part: int,
                     step_id: str) -> list:
    """The connector at `slot` joined to the track `lane` and the body (arriving: the line ends at the connector)."""
    dx = _px(lane, column_px) - _px(slot, column_px)
    through = abs(dx) <= CONNECTOR_WIDTH / 2 - 2  # the track itself meets the pentagon
    src, dst = (step_id, element_id) if arriving else (element_id, step_id)
    primitives: list = [Symbol("connector", element_id, slot, CONNECTOR_TOP, letter=label)]

    def line(x1: Coord, y1: float | Coord, x2: Coord, y2: float | Coord, head: str | None = None) -> None:
        y1 = y1 if isinstance(y1, tuple) else (0, y1)
        y2 = y2 if isinstance(y2, tuple) else (0, y2)
        primitives.append(Line(x1, y1, x2, y2, edge, part, src, dst, head))

    above = forward == arriving  # the body lies above the connector
    pieces: list[tuple[Coord, float | Coord, Coord, float | Coord]]
    if above:
        body = TOP
        if through:
            pieces = [(lane, body, lane, CONNECTOR_TOP)]
        else:
            y = jog(True, _px(lane, column_px), _px(slot, column_px))
            pieces = [(lane, body, lane, y), (lane, y, slot, y), (slot, y, slot, CONNECTOR_TOP)]
    else:
        body = FOOT
        if through:
            pieces = [(lane, body, lane, _lower_edge(dx))]
        else:
            y = jog(False, _px(lane, column_px), _px(slot, column_px))
            pieces = [(lane, body, lane, y), (lane, y, slot, y), (slot, y, slot, CONNECTOR_BOTTOM)]
    if not arriving:
        pieces = [(x2, y2, x1, y1) for x1, y1, x2, y2 in reversed(pieces)]
    for index, (x1, y1, x2, y2) in enumerate(pieces):
        last = arriving and index == len(pieces) - 1
        line(x1, y1, x2, y2, ("down" if above else "up") if last else None)
    return primitives


def _px(coord: Coord, column_px: float) -> float:
    """A cell coordinate in pixels from the column's left border."""
    return coord[0] / 100 * column_px + coord[1]
