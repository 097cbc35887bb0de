"""The flowchart table laid out for print: symbols placed in performer cells and arrows routed on the pages.

Arrows are chains of lines each drawn in one Pelaksana cell (see `primitives`), so they stay joined
however tall a row grows with its text.
"""

from __future__ import annotations

import attrs
from attrs import frozen

from ...model import Sop
from ..flow import Arrow, Flow, diagram
from ..labels import LABELS
from ..options import RenderOptions
from ..rows import Column, StepRow
from . import measure
from .connectors import Slots
from .exits import Start, Way, drop_height, drop_top, drop_turn, joined_sides, plan, row_drops, start
from .gutters import Gutters
from .label_marks import DOWN_LABEL_OFFSET, LabelMarks, label_px
from .pagination import Page, paginate
from .primitives import (
    BOTTOM,
    CENTER,
    CONNECTOR_HEIGHT,
    CONNECTOR_TOP,
    END_STUB,
    FOOT,
    MID,
    RUN_Y,
    SYMBOL_TOP,
    SYMBOL_WIDTH,
    TOP,
    Cells,
    Coord,
    Line,
    Symbol,
    Tag,
)


@frozen
class TableLayout:
    columns: tuple[Column, ...]
    pages: tuple[Page, ...]
    marks: LabelMarks  # the long branch labels, explained in their steps' Keterangan


def symbol_id(row: StepRow, column: int) -> str:
    return f"sym-{row.key}" if column == row.columns[0] else f"sym-{row.key}-c{column}"


class _Router:
    """Places symbols and routes every arrow of the table into the cells of its pages."""

    def __init__(self, columns: tuple[Column, ...], pages: list[Page], lang: str, column_px: float,
                 marks: LabelMarks):
        self.columns = columns
        self.column_px = column_px
        self.gutters = Gutters(column_px)
        self.slots = Slots(column_px, len(columns))
        self.marks = marks
        self.pages = pages
        self.lang = lang
        self.where: dict[str, tuple[int, int]] = {}  # row key -> (page, index in page.rows)
        for page_index, page in enumerate(pages):
            for index, page_row in enumerate(page.rows):
                if page_row.kind == "step":  # not the continuation of a split step's text
                    self.where[page_row.step.key] = (page_index, index)
        self.connectors = 0
        self.names: dict[int, str] = {}  # id of an arrow -> its name, where two branches lead to the same step
        self.corners: dict[str, set[str]] = {}  # row key -> the side corners taken, by its arrows or its performers
        self.drops: dict[str, dict[str, int]] = {}  # row key -> side -> how many drops leave by that side

    # -- placement helpers -------------------------------------------------------------------

    def cells(self, row: StepRow) -> Cells:
        page, index = self.where[row.key]
        return self.pages[page].rows[index].cells

    def next_label(self) -> str:
        """The number of the next pair of off-page connectors."""
        self.connectors += 1
        return str(self.connectors)

    # -- symbols --------------------------------------------------------------------------------

    def place_symbols(self, flow: Flow) -> None:
        for row in flow.steps:
            cells = self.cells(row)
            for column in row.columns:
                cells.add(column, Symbol(row.shape, symbol_id(row, column), CENTER, SYMBOL_TOP, row.key,
                                         unassigned=not row.assigned))
            if len(row.columns) > 1:
                self.join_performers(row, cells)

    def join_performers(self, row: StepRow, cells: Cells) -> None:
        """A line at mid-height joining the symbols of a step done by several performers."""
        low, high = min(row.columns), max(row.columns)
        edge = f"{row.key}+"
        first, last = symbol_id(row, low), symbol_id(row, high)
        for column in range(low, high + 1):
            x1 = (50, SYMBOL_WIDTH / 2) if column == low else (0, 0)
            x2 = (50, -SYMBOL_WIDTH / 2) if column == high else (100, 0)
            cells.add(column, Line(x1, (0, MID), x2, (0, MID), edge, 0, first, last))

    # -- arrows ---------------------------------------------------------------------------------

    def route_flow(self, ways: list[Way]) -> None:
        """Draws every arrow of a flow by the way out chosen for it, labels first so that tracks keep clear of them."""
        for way in ways:
            row = way.arrow.source
            if way.drop:
                self.drops.setdefault(row.key, {})[way.side] = way.drops
            elif way.side != "bottom":
                self.corners.setdefault(row.key, joined_sides(row)).add(way.side)
        seen: dict[str, int] = {}
        for way in ways:
            name = self.edge_name(way.arrow)
            seen[name] = seen.get(name, 0) + 1
            self.names[id(way.arrow)] = name if seen[name] == 1 else f"{name}~{seen[name]}"
        placed = [self.label(way) for way in ways]
        for way in ways:
            if way.kind == "down":
                self.route_down(way.arrow)
            elif way.kind == "end-below":
                self.route_end_below(way.arrow)
            elif way.kind == "end-beside":
                self.route_end_beside(way)
            elif way.kind == "self":
                self.route_self(way.arrow)
            elif way.kind == "self-drop":
                self.route_self_drop(way)
            else:
                self.route_beside(way, self.entry_side(way))
        for way, tag in zip(ways, placed, strict=True):
            if tag is not None and self.crossed(way, tag):  # no track was left free of it: a mark takes less room
                cell = self.cells(way.arrow.source).by_column[way.arrow.source.columns[0]]
                cell[cell.index(tag)] = attrs.evolve(tag, text=self.marks.mark(way.arrow))

    def crossed(self, way: Way, tag: Tag) -> bool:
        """Whether a vertical track of another arrow runs through the label (as wide as estimated)."""
        row = way.arrow.source
        width = label_px(tag.text)
        x = tag.x[0] / 100 * self.column_px + tag.x[1]
        left, right = (x, x + width) if tag.align == "left" else (x - width, x)
        for line in self.cells(row).by_column.get(row.columns[0], []):
            if isinstance(line, Line) and line.x1 == line.x2 and line.edge != self.edge_name(way.arrow):
                at = line.x1[0] / 100 * self.column_px + line.x1[1]
                low, high = sorted(y[1] if not y[0] else float("inf") for y in (line.y1, line.y2))
                if left - 1 <= at <= right + 1 and low < tag.y + 10 and tag.y < high:
                    return True
        return False

    def entry_side(self, way: Way) -> str:
        """The side an arrow enters its target by: the side facing its source, unless an arrow leaves there; the
        top when arrows leave by both sides."""
        arrow = way.arrow
        target = arrow.target_row
        taken = self.corners.get(target.key, joined_sides(target))
        a, b = arrow.source.columns[0], target.columns[0]
        facing = way.side if a == b else ("right" if b < a else "left")
        if facing not in taken:
            return facing
        if a != b and _other(facing) not in taken:
            return _other(facing)
        return "top"

    def label(self, way: Way) -> Tag | None:
        """The branch's words at the start of its branch, clear of its own track; the gutter tracks they cover are
        kept for the arrows that leave here."""
        arrow = way.arrow
        row = arrow.source
        column = row.columns[0]
        page, index = self.where[row.key]
        if way.kind == "end-beside":  # the end word after the short arrow
            begin, sign = start(way), 1 if way.side == "right" else -1
            end = begin.x[1] + sign * (2 + label_px(LABELS[self.lang]["end"]))
            self.gutters.reserve(page, column, way.side, index, begin.x[1], end, self.edge_name(arrow))
        words = self.marks.words(arrow)
        if words is None or way.kind == "end-below":
            return None
        cells = self.cells(row)
        width = label_px(words)
        if way.side == "bottom":
            x, y, align = self.down_label_place(row)
        elif way.drop:
            turn = start(way)
            sign = 1 if way.side == "right" else -1
            x = (50, turn.x[1] + sign * 3)
            y = turn.y + 2 if self.upwards(way) else turn.y - 15
            align = "left" if sign > 0 else "right"
        else:
            sign = 1 if way.side == "right" else -1
            x = (50, sign * (SYMBOL_WIDTH / 2 + 2))
            y = MID + 3 if self.upwards(way) else MID - 14
            align = "left" if sign > 0 else "right"
        tag = Tag(words, x, y, align)
        cells.add(column, tag)
        end = x[1] + (width if align == "left" else -width)
        side = way.side if way.side != "bottom" else ("right" if align == "left" else "left")
        self.gutters.reserve(page, column, side, index, x[1], end, self.edge_name(arrow))
        return tag

    def down_label_place(self, row: StepRow) -> tuple[Coord, float, str]:
        """Beside the line down from the symbol, on a side no drop leaves by; below the drops when both have some."""
        corners = self.corners.get(row.key, set())
        drops = self.drops.get(row.key, {})
        if drops.get("right") and drops.get("left"):
            return (50, DOWN_LABEL_OFFSET), drop_turn(1, max(drops.values())) + 14, "left"
        if drops.get("right") or ("right" in corners and "left" not in corners and not drops.get("left")):
            return (50, -DOWN_LABEL_OFFSET), BOTTOM, "right"
        return (50, DOWN_LABEL_OFFSET), BOTTOM, "left"

    def upwards(self, way: Way) -> bool:
        """Whether the arrow's own track turns upwards from where it leaves (so its label goes below its line)."""
        target = way.arrow.target
        if target is None:
            return False
        if target is way.arrow.source:
            return True
        source_at, target_at = self.where[way.arrow.source.key], self.where[target.key]
        return target_at < source_at

    def edge_name(self, arrow: Arrow) -> str:
        """The arrow's name in the document: source>target, and a count from the second branch to the same target."""
        return self.names.get(id(arrow)) or f"{arrow.source.key}>{arrow.target.key if arrow.target else 'end'}"

    def route_down(self, arrow: Arrow) -> None:
        """Down from the symbol's bottom, across to the next performer's column, into the next symbol's top."""
        source, target = arrow.source, arrow.target_row
        a, b = source.columns[0], target.columns[0]
        edge = self.edge_name(arrow)
        src_id, dst_id = symbol_id(source, a), symbol_id(target, b)
        source_cells = self.cells(source)
        source_page, _ = self.where[source.key]
        target_page, _ = self.where[target.key]
        if source_page != target_page:
            letter = self.next_label()
            out_id, in_id = f"con-{letter}-out", f"con-{letter}-in"
            source_cells.add(a, Line(CENTER, (0, BOTTOM), CENTER, FOOT, edge, 0, src_id, out_id))
            bottom = self.pages[source_page].connector_row(at_top=False).cells
            bottom.add(a, Line(CENTER, TOP, CENTER, (0, CONNECTOR_TOP), edge, 0, src_id, out_id, "down"))
            bottom.add(a, Symbol("connector", out_id, CENTER, CONNECTOR_TOP, letter=letter))
            top = self.pages[target_page].connector_row(at_top=True).cells
            top.add(b, Symbol("connector", in_id, CENTER, CONNECTOR_TOP, letter=letter))
            top.add(b, Line(CENTER, (0, CONNECTOR_TOP + CONNECTOR_HEIGHT), CENTER, FOOT, edge, 1, in_id, dst_id))
            self.cells(target).add(b, Line(CENTER, TOP, CENTER, (0, SYMBOL_TOP), edge, 1, in_id, dst_id, "down"))
            return
        source_cells.add(a, Line(CENTER, (0, BOTTOM), CENTER, FOOT, edge, 0, src_id, dst_id))
        target_cells = self.cells(target)
        if a == b:
            target_cells.add(b, Line(CENTER, TOP, CENTER, (0, SYMBOL_TOP), edge, 0, src_id, dst_id, "down"))
            return
        target_cells.add(a, Line(CENTER, TOP, CENTER, (0, RUN_Y), edge, 0, src_id, dst_id))
        self.run_across(target_cells, a, b, RUN_Y, edge, 0, src_id, dst_id, end_x=CENTER)
        target_cells.add(b, Line(CENTER, (0, RUN_Y), CENTER, (0, SYMBOL_TOP), edge, 0, src_id, dst_id, "down"))

    def run_across(self, cells: Cells, a: int, b: int, y: float, edge: str, part: int, src: str, dst: str,
                   start_x: Coord = CENTER, end_x: Coord = CENTER, head: str | None = None) -> None:
        """A horizontal run at height y from start_x in column a to end_x in column b."""
        step = 1 if b > a else -1
        near, far = ((100, 0), (0, 0)) if step == 1 else ((0, 0), (100, 0))
        if a == b:
            cells.add(a, Line(start_x, (0, y), end_x, (0, y), edge, part, src, dst, head))
            return
        cells.add(a, Line(start_x, (0, y), near, (0, y), edge, part, src, dst))
        for column in range(a + step, b, step):
            cells.add(column, Line(far, (0, y), near, (0, y), edge, part, src, dst))
        cells.add(b, Line(far, (0, y), end_x, (0, y), edge, part, src, dst, head))

    def leave(self, way: Way, edge: str, src: str, dst: str) -> Start:
        """Where a sideways arrow starts: its corner, or the foot of its drop, which is drawn here."""
        begin = start(way)
        if way.drop:
            row = way.arrow.source
            self.cells(row).add(row.columns[0], Line(begin.x, (0, drop_top(way)), begin.x, (0, begin.y), edge, 0,
                                                     src, dst))
        return begin

    def route_beside(self, way: Way, entry: str) -> None:
        """A jump back or ahead: out of the symbol's corner or drop, along a gutter, into the target's side or top."""
        arrow = way.arrow
        source, target = arrow.source, arrow.target_row
        a, b = source.columns[0], target.columns[0]
        edge = self.edge_name(arrow)
        src_id, dst_id = symbol_id(source, a), symbol_id(target, b)
        source_page, source_index = self.where[source.key]
        target_page, target_index = self.where[target.key]
        source_cells = self.cells(source)
        near = way.side if a == b else ("right" if b < a else "left")  # the target's side that faces the source
        gutter = near if entry == "top" else entry
        if source_page == target_page:
            if a != b and way.side != ("right" if b > a else "left"):  # across at the target's row, by its near side
                taken = self.corners.get(target.key, joined_sides(target))
                self.route_around(way, near if near not in taken else "top")
                return
            begin = self.leave(way, edge, src_id, dst_id)
            lane = self.gutters.lane(source_page, b, gutter, (source_index, target_index), edge, dst_id)
            self.run_across(source_cells, a, b, begin.y, edge, 0, src_id, dst_id, start_x=begin.x, end_x=lane)
            self.along_gutter(source_page, b, lane, source_index, target_index, edge, 0, src_id, dst_id, begin.y,
                              _arrival_y(entry))
            self.enter(target, b, lane, entry, edge, 0, src_id, dst_id)
            return
        letter = self.next_label()
        out_id, in_id = f"con-{letter}-out", f"con-{letter}-in"
        begin = self.leave(way, edge, src_id, out_id)
        forward = target_page > source_page
        source_edge = len(self.pages[source_page].rows) if forward else -1
        lane = self.gutters.lane(source_page, a, way.side, (source_index, source_edge), edge)
        self.run_across(source_cells, a, a, begin.y, edge, 0, src_id, out_id, start_x=begin.x, end_x=lane)
        self.along_gutter(source_page, a, lane, source_index, source_edge, edge, 0, src_id, out_id, begin.y)
        self.connector_in_gutter(source_page, a, way.side, lane, forward, out_id, letter, edge, 0, src_id,
                                 arriving=True)
        target_edge = -1 if forward else len(self.pages[target_page].rows)
        lane = self.gutters.lane(target_page, b, gutter, (target_edge, target_index), edge, dst_id)
        self.connector_in_gutter(target_page, b, gutter, lane, forward, in_id, letter, edge, 1, dst_id,
                                 arriving=False)
        self.along_gutter(target_page, b, lane, target_edge, target_index, edge, 1, in_id, dst_id,
                          to_y=_arrival_y(entry))
        self.enter(target, b, lane, entry, edge, 1, in_id, dst_id)

    def route_around(self, way: Way, entry: str) -> None:
        """A jump that leaves by the side away from its target: along its own column's gutter, across at the target."""
        arrow = way.arrow
        source, target = arrow.source, arrow.target_row
        a, b = source.columns[0], target.columns[0]
        edge = self.edge_name(arrow)
        src_id, dst_id = symbol_id(source, a), symbol_id(target, b)
        page, source_index = self.where[source.key]
        _, target_index = self.where[target.key]
        begin = self.leave(way, edge, src_id, dst_id)
        lane = self.gutters.lane(page, a, way.side, (source_index, target_index), edge)
        self.run_across(self.cells(source), a, a, begin.y, edge, 0, src_id, dst_id, start_x=begin.x, end_x=lane)
        self.along_gutter(page, a, lane, source_index, target_index, edge, 0, src_id, dst_id, begin.y,
                          _arrival_y(entry))
        self.enter(target, a, lane, entry, edge, 0, src_id, dst_id)

    def along_gutter(self, page: int, column: int, lane: Coord, from_index: int, to_index: int, edge: str,
                     part: int, src: str, dst: str, from_y: float = MID, to_y: float = MID) -> None:
        """A gutter track from height `from_y` of row `from_index` to height `to_y` of row `to_index`.

        An index just outside the page's rows stands for its connector row: the track then starts or
        stops at the table's edge.
        """
        rows = self.pages[page].rows
        down = to_index > from_index
        for index in range(from_index, to_index + (1 if down else -1), 1 if down else -1):
            if not 0 <= index < len(rows):
                continue
            start_y, end_y = (0, from_y) if index == from_index else None, (0, to_y) if index == to_index else None
            top = (start_y if down else end_y) or TOP
            bottom = (end_y if down else start_y) or FOOT
            rows[index].cells.add(column, Line(lane, top, lane, bottom, edge, part, src, dst))

    def enter(self, target: StepRow, lane_column: int, lane: Coord, entry: str, edge: str, part: int, src: str,
              dst: str) -> None:
        """From the gutter track into the target symbol, with the arrowhead: across at mid-height into its side,
        or across above it and down into its top."""
        column = target.columns[0]
        cells = self.cells(target)
        if entry == "top":
            self.run_across(cells, lane_column, column, RUN_Y, edge, part, src, dst, start_x=lane, end_x=CENTER)
            cells.add(column, Line(CENTER, (0, RUN_Y), CENTER, (0, SYMBOL_TOP), edge, part, src, dst, "down"))
            return
        head = "left" if entry == "right" else "right"
        self.run_across(cells, lane_column, column, MID, edge, part, src, dst, start_x=lane, end_x=_vertex(entry),
                        head=head)

    def connector_in_gutter(self, page: int, column: int, side: str, lane: Coord, forward: bool, element_id: str,
                            label: str, edge: str, part: int, step_id: str, arriving: bool) -> None:
        """An off-page connector for a gutter track, inside a column, joined to the track and the table body."""
        at_top = forward != arriving
        cells = self.pages[page].connector_row(at_top).cells
        for where, primitive in self.slots.connect(page, at_top, column, side, lane, forward, arriving, element_id,
                                                   label, edge, part, step_id):
            cells.add(where, primitive)

    def route_self(self, arrow: Arrow) -> None:
        """A step that repeats itself: out of its right side, around above it, back into its top."""
        row = arrow.source
        a = row.columns[0]
        edge, sym = self.edge_name(arrow), symbol_id(row, a)
        cells = self.cells(row)
        page, index = self.where[row.key]
        lane = self.gutters.lane(page, a, "right", (index, index), edge, sym)
        y_above = SYMBOL_TOP - 6
        cells.add(a, Line((50, SYMBOL_WIDTH / 2), (0, MID), lane, (0, MID), edge, 0, sym, sym))
        cells.add(a, Line(lane, (0, MID), lane, (0, y_above), edge, 0, sym, sym))
        cells.add(a, Line(lane, (0, y_above), (50, 6), (0, y_above), edge, 0, sym, sym))
        cells.add(a, Line((50, 6), (0, y_above), (50, 6), (0, SYMBOL_TOP), edge, 0, sym, sym, "down"))

    def route_self_drop(self, way: Way) -> None:
        """A second branch back into its own decision: down its drop, up its gutter, into the top of the diamond."""
        row = way.arrow.source
        a = row.columns[0]
        edge, sym = self.edge_name(way.arrow), symbol_id(row, a)
        cells = self.cells(row)
        page, index = self.where[row.key]
        begin = self.leave(way, edge, sym, sym)
        lane = self.gutters.lane(page, a, way.side, (index, index), edge, sym)
        above, over = SYMBOL_TOP - 6, (50, 6 if way.side == "right" else -6)
        cells.add(a, Line(begin.x, (0, begin.y), lane, (0, begin.y), edge, 0, sym, sym))
        cells.add(a, Line(lane, (0, begin.y), lane, (0, above), edge, 0, sym, sym))
        cells.add(a, Line(lane, (0, above), over, (0, above), edge, 0, sym, sym))
        cells.add(a, Line(over, (0, above), over, (0, SYMBOL_TOP), edge, 0, sym, sym, "down"))

    def route_end_below(self, arrow: Arrow) -> None:
        """The procedure ends here: a short arrow below the symbol, marked with the end word."""
        row = arrow.source
        a = row.columns[0]
        edge, sym = self.edge_name(arrow), symbol_id(row, a)
        cells = self.cells(row)
        words = self.marks.words(arrow)
        if words is not None:  # the branch's words left of the short arrow, the end word right of it
            cells.add(a, Tag(words, (50, -5), BOTTOM, "right"))
        end_id = f"end-{row.key}"
        cells.add(a, Line(CENTER, (0, BOTTOM), CENTER, (0, BOTTOM + END_STUB), edge, 0, sym, end_id, "down"))
        cells.add(a, Tag(LABELS[self.lang]["end"], (50, 5), BOTTOM + 1, "left", end_id))

    def route_end_beside(self, way: Way) -> None:
        """The procedure ends here, out of the symbol's corner or drop: a short arrow marked with the end word."""
        row = way.arrow.source
        a = row.columns[0]
        edge, sym = self.edge_name(way.arrow), symbol_id(row, a)
        end_id = f"end-{row.key}" + edge.partition("~")[1] + edge.partition("~")[2]
        begin = self.leave(way, edge, sym, end_id)
        cells = self.cells(row)
        sign = 1 if way.side == "right" else -1
        tip = (50, begin.x[1] + sign * 10)
        cells.add(a, Line(begin.x, (0, begin.y), tip, (0, begin.y), edge, 0, sym, end_id, way.side))
        cells.add(a, Tag(LABELS[self.lang]["end"], (50, begin.x[1] + sign * 2), begin.y + 2,
                         "left" if way.side == "right" else "right", end_id))


def _vertex(side: str) -> Coord:
    """The x of a symbol's left or right corner."""
    return (50, SYMBOL_WIDTH / 2) if side == "right" else (50, -SYMBOL_WIDTH / 2)


def _other(side: str) -> str:
    return "left" if side == "right" else "right"


def _arrival_y(entry: str) -> float:
    """The height a gutter track ends at in its target's row: mid-height for a side, the run above for the top."""
    return RUN_Y if entry == "top" else MID


def lay_out(sop: Sop, options: RenderOptions) -> TableLayout:
    """The flowchart table of the SOP, paginated, with every symbol and arrow placed."""
    drawing = diagram(sop, options.lang, options.labels, every_branch=True)
    ways = [plan(flow) for flow in drawing.flows]
    widths = measure.column_widths(max(len(drawing.columns), 1), options.paper)
    column_px = widths.columns[2] * measure.PX_PER_MM
    marks = LabelMarks(drawing.flows, [way for flow_ways in ways for way in flow_ways], column_px)
    heights = {key: drop_height(drops) for flow_ways in ways for key, drops in row_drops(flow_ways).items()}
    pages = paginate(sop, drawing.flows, len(drawing.columns), options, heights, marks.note)
    for page in pages:
        for page_row in page.rows:
            if page_row.kind == "step" and page_row.step.key in heights:
                page_row.cells.height = heights[page_row.step.key]
    router = _Router(drawing.columns, pages, options.lang, column_px, marks)
    for flow in drawing.flows:
        router.place_symbols(flow)
    for flow_ways in ways:
        router.route_flow(flow_ways)
    return TableLayout(drawing.columns, tuple(pages), marks)
