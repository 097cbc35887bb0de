"""The tracks in the side gutters of each column: arrows that run side by side keep apart, and clear of labels."""

from __future__ import annotations

from .primitives import LANE_CLEARANCE, LANE_MARGIN, LANE_STEP, MAX_LANES, SYMBOL_WIDTH, Coord


class Gutters:
    """The tracks taken so far in each gutter (page, column, side), by rows, and the tracks labels cover."""

    def __init__(self, column_px: float):
        self.column_px = column_px
        side_room = (column_px - SYMBOL_WIDTH) / 2 - LANE_MARGIN - LANE_CLEARANCE
        self.lane_count = max(1, min(MAX_LANES, 1 + int(side_room // LANE_STEP)))
        self.lanes: dict[tuple[int, int, str], list[tuple[int, int, int, str | None]]] = {}
        self.label_room: dict[tuple[int, int, str, int], list[tuple[set[int], str]]] = {}

    def lane(self, page: int, column: int, side: str, rows: tuple[int, int], edge: str,
             target: str | None = None) -> Coord:
        """A free track in the side gutter of `column` on `page` between two rows, shared by arrows into `target`,
        and clear of the labels of other arrows where one is free."""
        low, high = sorted(rows)
        taken = self.lanes.setdefault((page, column, side), [])
        busy = {lane for lane, a, b, into in taken if a <= high and low <= b and (into is None or into != target)}
        covered = {lane for index in range(low, high + 1)
                   for lanes, owner in self.label_room.get((page, column, side, index), ()) if owner != edge
                   for lane in lanes}
        shared = next((lane for lane, _, _, into in taken if target is not None and into == target), None)
        if shared is not None and shared not in busy | covered:
            lane = shared
        else:  # a track free of arrows and labels, else one free of arrows
            free = [n for n in range(self.lane_count) if n not in busy]
            lane = next((n for n in free if n not in covered), free[0] if free else len(taken) % self.lane_count)
        taken.append((lane, low, high, target))
        offset = LANE_MARGIN + LANE_STEP * lane
        return (100, -offset) if side == "right" else (0, offset)

    def reserve(self, page: int, column: int, side: str, index: int, x1: float, x2: float, edge: str) -> None:
        """Marks the gutter tracks a label covers, from x1 to x2 pixels off the cell's centre, in row `index`."""
        low, high = sorted((x1, x2))
        sign = 1 if side == "right" else -1
        covered = {n for n in range(self.lane_count)
                   if low - 3 <= sign * (self.column_px / 2 - LANE_MARGIN - LANE_STEP * n) <= high + 3}
        self.label_room.setdefault((page, column, side, index), []).append((covered, edge))
