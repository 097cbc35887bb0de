"""Off-page connectors: numbered pentagons placed wholly inside one role column, and their joins to the gutters.

Connectors are numbered (1, 2, 3 …) while sections are lettered, so a connector never reads as a section.
In a connector row each column has slots: its centre for the flow that goes straight down, and slots
from each side inwards for jumps that run along a side gutter; when a column's slots are all taken, a
jump takes the nearest free slot of the columns beside it. A jump whose gutter track does not pass
through its slot's pentagon reaches it with a horizontal jog above or below it.
"""

from __future__ import annotations

import attrs

from .primitives import CONNECTOR_HEIGHT, CONNECTOR_TOP, CONNECTOR_WIDTH, FOOT, TOP, Coord, Line, Symbol

SLOT_GAP = 4  # pixels between two connectors side by side
INSET = CONNECTOR_WIDTH / 2 + 2  # the least distance from a connector's centre to its column's border
CONNECTOR_BOTTOM = CONNECTOR_TOP + CONNECTOR_HEIGHT
JOGS_ABOVE = (2, 7)  # the heights a jog may run at above the connectors (room left for the arrowhead)
JOGS_BELOW = (CONNECTOR_BOTTOM + 4, CONNECTOR_BOTTOM + 9, CONNECTOR_BOTTOM + 14)  # and below them


class Slots:
    """The connectors placed so far in each connector row, by centre in pixels from the first role column's border."""

    def __init__(self, column_px: float, columns: int):
        self.column_px = column_px
        self.columns = columns
        self.taken: dict[tuple[int, bool], list[float]] = {}
        self.jogs: dict[tuple[int, bool, bool], list[tuple[float, float, int]]] = {}

    def place(self, page: int, at_top: bool, column: int, side: str) -> tuple[int, Coord, float]:
        """The first free slot of `column` from `side` inwards, never on a column's centre; when the column is full,
        the nearest free slot of the columns beside it (towards `side` first), wholly inside that column.

        Returns the slot's column, its place in that cell and its distance in pixels from the first role column's
        left border."""
        taken = self.taken.setdefault((page, at_top), [])
        step = 1 if side == "right" else -1
        order = [column] + [c for distance in range(1, self.columns)
                            for c in (column + step * distance, column - step * distance) if 0 <= c < self.columns]
        middles = [c * self.column_px + self.column_px / 2 for c in range(self.columns)]
        for where in order:
            inwards = side if where == column else ("left" if where > column else "right")
            for coord, x in self.slots(where, inwards):
                if all(abs(x - other) >= CONNECTOR_WIDTH + SLOT_GAP / 2 for other in [*taken, *middles]):
                    taken.append(x)
                    return where, coord, x
        coord, x = self.slots(column, side)[0]  # every slot of the row is taken: the outermost one again
        taken.append(x)
        return column, coord, x

    def slots(self, column: int, side: str) -> list[tuple[Coord, float]]:
        """The places a connector may stand in `column`, from `side` inwards, with their distance from the first
        role column's left border."""
        places: list[tuple[Coord, float]] = []
        offset = INSET
        while offset <= self.column_px - INSET:
            from_left = offset if side == "left" else self.column_px - offset
            places.append(((0, offset) if side == "left" else (100, -offset), column * self.column_px + from_left))
            offset += CONNECTOR_WIDTH + SLOT_GAP
        return places

    def jog(self, page: int, at_top: bool, above: bool, x1: float, x2: float) -> float:
        """The height of a jog from x1 to x2: the first one no other jog of that row runs along."""
        levels = JOGS_ABOVE if above else JOGS_BELOW
        jogs = self.jogs.setdefault((page, at_top, above), [])
        low, high = sorted((x1, x2))
        busy = {level for a, b, level in jogs if a < high + 2 and low < b + 2}
        level = next((n for n in range(len(levels)) if n not in busy), len(levels) - 1)
        jogs.append((low, high, level))
        return levels[level]

    def connect(self, page: int, at_top: bool, column: int, side: str, lane: Coord, forward: bool, arriving: bool,
                element_id: str, label: str, edge: str, part: int, step_id: str) -> list[tuple[int, Symbol | Line]]:
        """The connector for a gutter track of `column`, joined to the track and the table body, cell by cell."""
        where, slot, x = self.place(page, at_top, column, side)
        track = column * self.column_px + _px(lane, self.column_px)
        drawn: list[tuple[int, Symbol | Line]] = [(where, Symbol("connector", element_id, slot, CONNECTOR_TOP,
                                                                 letter=label))]
        src, dst = (step_id, element_id) if arriving else (element_id, step_id)
        above = forward == arriving  # the body lies above the connector
        body = TOP if above else FOOT
        dx = track - x
        pieces: list[tuple[int, Coord, Coord, int, Coord, Coord]]  # column, x, y to column, x, y
        if where == column and abs(dx) <= CONNECTOR_WIDTH / 2 - 2:  # the track itself meets the pentagon
            pieces = [(column, lane, body, column, lane, (0, CONNECTOR_TOP if above else _lower_edge(dx)))]
        else:
            y = (0, self.jog(page, at_top, above, track, x))
            connector = (0, CONNECTOR_TOP if above else CONNECTOR_BOTTOM)
            pieces = [(column, lane, body, column, lane, y), (column, lane, y, where, slot, y),
                      (where, slot, y, where, slot, connector)]
        if not arriving:
            pieces = [(c2, x2, y2, c1, x1, y1) for c1, x1, y1, c2, x2, y2 in reversed(pieces)]
        for index, (c1, x1, y1, c2, x2, y2) in enumerate(pieces):
            head = ("down" if above else "up") if arriving and index == len(pieces) - 1 else None
            drawn += _across(c1, x1, y1, c2, x2, y2, Line(x1, y1, x2, y2, edge, part, src, dst, head))
        return drawn


def _across(c1: int, x1: Coord, y1: Coord, c2: int, x2: Coord, y2: Coord, line: Line) -> list[tuple[int, Line]]:
    """A piece from column c1 to column c2 cut at the borders between them (only a level piece crosses one)."""
    if c1 == c2:
        return [(c1, line)]
    step = 1 if c2 > c1 else -1
    near, far = ((100, 0), (0, 0)) if step == 1 else ((0, 0), (100, 0))
    pieces = [(c1, attrs.evolve(line, x2=near, y2=y1, head=None))]
    pieces += [(c, attrs.evolve(line, x1=far, x2=near, y2=y1, head=None)) for c in range(c1 + step, c2, step)]
    return pieces + [(c2, attrs.evolve(line, x1=far))]


def _lower_edge(dx: float) -> float:
    """The y of a pentagon's lower edge at dx pixels from its centre."""
    half = CONNECTOR_WIDTH / 2
    return CONNECTOR_TOP + CONNECTOR_HEIGHT * (0.6 + 0.4 * (1 - min(abs(dx), half) / half))


def _px(coord: Coord, column_px: float) -> float:
    """A cell coordinate in pixels from the column's left border."""
    return coord[0] / 100 * column_px + coord[1]
