"""Where arrows meet the sides of the diagram's symbols, and where their labels stand there.

Every arrow that leaves or enters a side of a symbol has a slot on that side, a height from the symbol's middle.
Arrows whose leg in the gutter runs upward take the upper slots, those whose leg runs downward the lower ones,
so that the two groups' legs do not cross each other's runs; a label stands beside its arrow's first run, on the side
away from its leg, so consecutive slots are kept far enough apart for the labels between them. A side joined to
another performer's copy keeps its middle for the joining line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from .svg_text import SMALL_LINE, SMALL_SIZE, label_lines, label_width

if TYPE_CHECKING:
    from .svg_layout import Box, EndMark, Layout, SideRoute

SLOT_GAP = 8  # between arrows leaving or entering the same side of a symbol
END_CLEAR = 6  # between an end capsule and the arrow to the next step, beside which it stands
LABEL_GAP = 4  # between a symbol's side and the label of an arrow leaving it
LABEL_CLEAR = 6  # between the far end of a label and the nearest gutter track: more than from its own arrow
ABOVE_RUN = 3  # a label above its run: its lowest ink this far above the run, plus its lines
BELOW_RUN = 5  # a label below its run: its highest ink this far below the run, plus its lines
SLOT_CLEAR = 4  # more between a label and the next arrow's run than between the label and its own


@frozen
class Slot:
    """One arrow's end on a side of a symbol, before it has a height."""

    route: SideRoute
    leaving: bool
    upward: bool  # its leg in the gutter runs up from this end
    far: int  # position of the step at the other end
    label_lines: int  # lines of its label, when it leaves with one

    @property
    def room_below(self) -> float:
        """Room its label needs below its run (a label stands below the run of an arrow whose leg goes up)."""
        labelled = self.leaving and self.upward and self.label_lines
        return BELOW_RUN + SLOT_CLEAR + self.label_lines * SMALL_LINE if labelled else 0.0

    @property
    def room_above(self) -> float:
        """Room its label needs above its run (a label stands above the run of an arrow whose leg goes down)."""
        labelled = self.leaving and not self.upward and self.label_lines
        return ABOVE_RUN + SLOT_CLEAR + self.label_lines * SMALL_LINE if labelled else 0.0


def fit_sides(layout: Layout) -> None:
    """Place every arrow's end on the sides of its symbols, grow each symbol to hold its slots, and keep each arrow
    to an end capsule clear of the slots on the same side."""
    _arrange_sides(layout)
    lowest: dict[tuple[str, str], float] = {}
    for route in layout.sides:
        for row, gutter, dy in ((route.arrow.source, route.source_gutter, route.source_dy),
                                (route.arrow.target_row, route.target_gutter, route.target_dy)):
            where = (row.key, side(layout.box(row), gutter))
            lowest[where] = max(lowest.get(where, -abs(dy)), dy)
            lowest[(row.key, "reach")] = max(lowest.get((row.key, "reach"), 0.0), abs(dy))
    for key, box in layout.boxes.items():
        reach = lowest.get((key, "reach"), 0.0)
        box.height = max(box.height, 4 * reach + 8 if box.row.diagram_shape == "decision" else 2 * reach + 12)
    for key, mark in layout.ends.items():
        _clear_end(layout.boxes[key], mark, lowest.get((key, "right")))


def _clear_end(box: Box, mark: EndMark, lowest: float | None) -> None:
    """Move an arrow to an end capsule (right of the symbol's centre) off a capsule's rounded corner, and start it on
    a diamond's edge below the lowest slot on its right side, growing the diamond if it must."""
    if mark.offset <= 0:
        return
    if box.radius:
        mark.offset = min(mark.offset, box.width / 2 - box.radius - 2)
    if box.row.diagram_shape != "decision" or lowest is None:
        return
    half_width, below = box.width / 2, max(lowest, 0.0) + SLOT_GAP
    mark.offset = max(min(mark.offset, half_width * (1 - below / (box.height / 2))), mark.width / 2 + END_CLEAR)
    box.height = max(box.height, 2 * below / (1 - mark.offset / half_width))


def _arrange_sides(layout: Layout) -> None:
    """Give every side route the heights at which it leaves its source and enters its target."""
    slots: dict[tuple[str, str], list[Slot]] = {}
    for route in layout.sides:
        source, target = route.arrow.source, route.arrow.target_row
        up = target.position < source.position or target.position == source.position
        source_box, target_box = layout.box(source), layout.box(target)
        lines = len(label_lines(route.arrow.label))
        slots.setdefault((source.key, side(source_box, route.source_gutter)), []).append(
            Slot(route, True, up, target.position, lines))
        slots.setdefault((target.key, side(target_box, route.target_gutter)), []).append(
            Slot(route, False, not up, source.position, 0))
    for (key, where), found in slots.items():
        box = layout.boxes[key]
        for slot, dy in zip(*_heights(found, box.joined(where)), strict=True):
            if slot.leaving:
                slot.route.source_dy = dy
            else:
                slot.route.target_dy = dy


def _order(slot: Slot) -> tuple[int, int, bool]:
    """Top to bottom: legs going up, then a loop into its own step (entering above where it leaves), then legs
    going down; in each group the farther step first (of the orders tried, the one that crosses least on the
    layout fixtures)."""
    if slot.route.arrow.source.position == slot.route.arrow.target_row.position:
        return 1, 0, slot.leaving
    if slot.upward:
        return 0, slot.far, slot.leaving
    return 2, -slot.far, slot.leaving


def _heights(slots: list[Slot], joined: bool) -> tuple[list[Slot], list[float]]:
    """The slots in order and the height of each from the middle."""
    ordered = sorted(slots, key=_order)
    heights: list[float] = []
    if not joined:
        heights.append(0.0)
        for upper, lower in zip(ordered, ordered[1:], strict=False):
            heights.append(heights[-1] + _gap(upper, lower))
        shift = (heights[0] + heights[-1]) / 2
        return ordered, [height - shift for height in heights]
    upper_group = [slot for slot in ordered if _order(slot)[0] == 0]
    lower_group = ordered[len(upper_group):]
    above = 0.0
    for index in range(len(upper_group) - 1, -1, -1):  # up from the joining line
        below_slot = upper_group[index + 1] if index + 1 < len(upper_group) else None
        above -= _gap(upper_group[index], below_slot) if below_slot else max(SLOT_GAP, upper_group[index].room_below)
        heights.insert(0, above)
    below = 0.0
    for index, slot in enumerate(lower_group):  # and down from it
        below += _gap(lower_group[index - 1], slot) if index else max(SLOT_GAP, slot.room_above)
        heights.append(below)
    return ordered, heights


def _gap(upper: Slot, lower: Slot) -> float:
    return max(SLOT_GAP, upper.room_below + lower.room_above)


def label_place(box: Box, route: SideRoute) -> tuple[float, float, float]:
    """Where the label of a route leaving `box` stands, from the box's centre and middle: how far out its near
    end is, how far out its far end is, and the baseline of its first line."""
    lines = label_lines(route.arrow.label)
    dy = route.source_dy
    if turns_up(route):
        baseline = dy + 3 + SMALL_SIZE
        span = (dy + 3, dy + BELOW_RUN + len(lines) * SMALL_LINE)
    else:
        baseline = dy - 4 - (len(lines) - 1) * SMALL_LINE
        span = (dy - ABOVE_RUN - len(lines) * SMALL_LINE, dy)
    nearest = 0.0 if span[0] <= 0 <= span[1] else min(abs(span[0]), abs(span[1]))
    widest = box.side_offset(nearest) if nearest < box.height / 2 else 0.0
    near = max(box.side_offset(dy), widest) + LABEL_GAP
    if span[0] < -box.height / 2:  # rising past the symbol's top, beside its number: past the symbol's width
        near = max(near, box.width / 2 + LABEL_GAP)
    return near, near + label_width(route.arrow.label), baseline


def side(box: Box, gutter: int) -> str:
    """Gutter g lies left of lane g."""
    return "right" if gutter > box.lane else "left"


def turns_up(route: SideRoute) -> bool:
    """The route's first leg goes up from its source."""
    source, target = route.arrow.source, route.arrow.target_row
    if target.position != source.position:
        return target.position < source.position
    return route.target_dy < route.source_dy
