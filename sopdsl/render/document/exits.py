"""Where each arrow leaves its symbol: every branch of a decision by a place of its own.

A symbol has three corners an arrow can leave by: the bottom, the right and the left. A decision with
more branches than free corners (more than three, two to the same target, or sides taken by the line
that joins its performers) sends the others out as drops: short lines down from the lower edges of the
diamond, two on each side, each turning outwards at its own height below the symbol.
"""

from __future__ import annotations

from attrs import frozen

from ..flow import Arrow, Flow
from ..rows import StepRow
from .primitives import BOTTOM, MID, SYMBOL_HEIGHT, SYMBOL_WIDTH

DROP_SPACING = 7  # pixels between the drops of one side, and between the first drop and the centre line
DROPS_PER_SIDE = 2  # as many as fit on a lower edge of the diamond
DROP_FIRST_Y = BOTTOM + 16  # the height the outermost drop turns at: room above it for its label
DROP_STEP = 24  # between the turns of two drops: room for a label between them
DROP_ROOM = 28  # below the last turn: for the label under it, and the label of the line down below that


@frozen
class Way:
    """How one arrow leaves its symbol: the kind of route, the side, and which drop of that side (0: the corner)."""

    arrow: Arrow
    kind: str  # "down", "end-below", "end-beside", "self", "self-drop" (a second loop onto itself) or "beside"
    side: str  # "bottom", "right" or "left"
    drop: int = 0
    drops: int = 0  # how many drops leave by that side


@frozen
class Start:
    """Where a sideways arrow turns outwards: x in the cell (percent, pixels) and y in pixels."""

    x: tuple[float, float]
    y: float


def start(way: Way) -> Start:
    """The point a way turns outwards from: the corner itself, or the foot of its drop."""
    sign = 1 if way.side == "right" else -1
    if not way.drop:
        return Start((50, sign * SYMBOL_WIDTH / 2), MID)
    return Start((50, sign * DROP_SPACING * way.drop), drop_turn(way.drop, way.drops))


def drop_top(way: Way) -> float:
    """The y where a drop leaves the diamond's lower edge."""
    return BOTTOM - DROP_SPACING * way.drop * SYMBOL_HEIGHT / SYMBOL_WIDTH


def drop_turn(drop: int, drops: int) -> float:
    """The y a drop turns outwards at: the outer drops turn higher, so that no drop crosses another."""
    return DROP_FIRST_Y + (drops - drop) * DROP_STEP


def drop_height(drops: int) -> float:
    """The height a symbol's row needs for `drops` drops on one side (0 for none)."""
    return drop_turn(1, drops) + DROP_ROOM if drops else 0


def plan(flow: Flow) -> list[Way]:
    """The way out of every arrow of the flow; arrows to the end from a flow's last step are not drawn."""
    ways: list[Way] = []
    taken: dict[str, set[str]] = {row.key: joined_sides(row) for row in flow.steps}
    drops: dict[str, dict[str, int]] = {row.key: {"right": 0, "left": 0} for row in flow.steps}
    same_column: list[Arrow] = []
    for row in flow.steps:
        arrows = flow.arrows_from(row)
        down = next((a for a in arrows if a.target is not None and a.target.position == row.position + 1), None)
        others = [a for a in arrows if a is not down and not (a.target is None and row.last)]
        # the bottom takes the end only when the corners are enough for the others: drops leave below the symbol
        bottom_free = down is None and len(others) <= 1 + 2 - len(taken[row.key])
        sided: list[tuple[int, Arrow, str, str | None]] = []  # (priority, arrow, kind, wanted side)
        for arrow in arrows:
            if arrow is down:
                ways.append(Way(arrow, "down", "bottom"))
            elif arrow.target is None:
                if row.last:
                    continue
                if bottom_free:
                    ways.append(Way(arrow, "end-below", "bottom"))
                    bottom_free = False
                else:
                    sided.append((2, arrow, "end-beside", None))
            elif arrow.target is row:
                sided.append((0, arrow, "self", "right"))
            elif arrow.target.columns[0] == row.columns[0]:
                same_column.append(arrow)
            else:
                sided.append((1, arrow, "beside", "left" if arrow.target.columns[0] < row.columns[0] else "right"))
        for _, arrow, kind, wanted in sorted(sided, key=lambda item: item[0]):
            ways.append(_leave(arrow, kind, wanted, taken[row.key], drops[row.key]))
    for arrow in same_column:  # these leave and enter on one side: one free at both ends if possible
        used = taken[arrow.source.key]
        both = used | taken[arrow.target_row.key]
        wanted = next((side for side in ("right", "left") if side not in both), None)
        ways.append(_leave(arrow, "beside", wanted, used, drops[arrow.source.key]))
    return [_counted(way, drops[way.arrow.source.key]) for way in ways]


def _leave(arrow: Arrow, kind: str, wanted: str | None, used: set[str], drops: dict[str, int]) -> Way:
    """A corner (the wanted one when free, else the other), else the next drop (on the wanted side when free)."""
    free = [side for side in ("right", "left") if side not in used]
    if kind == "self" and "right" in used:  # a loop onto itself leaves by a free corner only if it is the right one
        free = []
    if free:
        side = wanted if wanted in free else free[0]
        used.add(side)
        return Way(arrow, kind, side)
    sides = [wanted] if wanted is not None else []
    sides += [side for side in sorted(("right", "left"), key=lambda s: drops[s]) if side not in sides]
    side = next((s for s in sides if drops[s] < DROPS_PER_SIDE), sides[0])
    drops[side] += 1
    return Way(arrow, "self-drop" if kind == "self" else kind, side, drops[side])


def _counted(way: Way, drops: dict[str, int]) -> Way:
    return Way(way.arrow, way.kind, way.side, way.drop, drops[way.side] if way.drop else 0)


def joined_sides(row: StepRow) -> set[str]:
    """The sides of a step's first symbol taken by the line that joins it to its other performers."""
    first = row.columns[0]
    return {"right" for c in row.columns if c > first} | {"left" for c in row.columns if c < first}


def row_drops(ways: list[Way]) -> dict[str, int]:
    """For each row key with drops: the most drops on one of its sides."""
    most: dict[str, int] = {}
    for way in ways:
        if way.drop:
            key = way.arrow.source.key
            most[key] = max(most.get(key, 0), way.drops)
    return most
