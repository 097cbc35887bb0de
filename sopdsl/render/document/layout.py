"""The flowchart table laid out for print: symbols placed in performer cells and arrows routed on the pages.

Arrows are chains of lines each drawn in one Pelaksana cell (see `primitives`), so they stay joined
however tall a row grows with its text.
"""

from __future__ import annotations

from attrs import frozen

from ...model import Sop
from ..flow import Arrow, Flow, diagram
from ..labels import LABELS
from ..options import RenderOptions
from ..rows import Column, StepRow
from . import measure
from .connectors import Slots, gutter_connector
from .pagination import Page, paginate
from .primitives import (
    BOTTOM,
    CENTER,
    CONNECTOR_HEIGHT,
    CONNECTOR_TOP,
    END_STUB,
    FOOT,
    LANE_CLEARANCE,
    LANE_MARGIN,
    LANE_STEP,
    MAX_LANES,
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


def symbol_id(row: StepRow, column: int) -> str:
    return f"sym-{row.key}" if column == row.columns[0] else f"sym-{row.key}-c{column}"


class _Router:
    """Places symbols and routes every arrow of the table into the cells of its pages."""

    def __init__(self, columns: tuple[Column, ...], pages: list[Page], lang: str, column_px: float):
        self.columns = columns
        self.column_px = column_px
        side_room = (column_px - SYMBOL_WIDTH) / 2 - LANE_MARGIN - LANE_CLEARANCE
        self.lane_count = max(1, min(MAX_LANES, 1 + int(side_room // LANE_STEP)))
        self.slots = Slots(column_px)
        self.pages = pages
        self.lang = lang
        self.where: dict[str, tuple[int, int]] = {}  # row key -> (page, index in page.rows)
        for page_index, page in enumerate(pages):
            for index, page_row in enumerate(page.rows):
                if page_row.kind == "step":  # not the continuation of a split step's text
                    self.where[page_row.step.key] = (page_index, index)
        self.lanes: dict[tuple[int, int, str], list[tuple[int, int, int, str | None]]] = {}
        self.connectors = 0
        self.exits: dict[str, set[str]] = {}  # row key -> the side corners its arrows leave by

    # -- placement helpers -------------------------------------------------------------------

    def cells(self, row: StepRow) -> Cells:
        page, index = self.where[row.key]
        return self.pages[page].rows[index].cells

    def next_label(self) -> str:
        """The number of the next pair of off-page connectors."""
        self.connectors += 1
        return str(self.connectors)

    def lane(self, page: int, column: int, side: str, low: int, high: int, target: str | None = None) -> Coord:
        """A free track in the side gutter of `column` on `page` for rows low..high, shared by arrows into `target`."""
        taken = self.lanes.setdefault((page, column, side), [])
        busy = {lane for lane, a, b, into in taken if a <= high and low <= b and (into is None or into != target)}
        shared = next((lane for lane, _, _, into in taken if target is not None and into == target), None)
        if shared is not None and shared not in busy:
            lane = shared
        else:
            lane = next((n for n in range(self.lane_count) if n not in busy), len(taken) % self.lane_count)
        taken.append((lane, low, high, target))
        offset = LANE_MARGIN + LANE_STEP * lane
        return (100, -offset) if side == "right" else (0, offset)

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

    def route_flow(self, flow: Flow) -> None:
        """Chooses where each arrow leaves its symbol, then draws them all."""
        exits: dict[str, set[str]] = {row.key: _joined_sides(row) for row in flow.steps}
        self.exits = exits
        plans: list[tuple[Arrow, str, str]] = []  # arrow, how it is routed, the side it leaves by
        same_column: list[Arrow] = []
        for row in flow.steps:
            arrows = flow.arrows_from(row)
            down = next((a for a in arrows if a.target is not None and a.target.position == row.position + 1), None)
            bottom_free = down is None
            used = exits[row.key]
            sided: list[tuple[int, Arrow, str, str | None]] = []  # (priority, arrow, kind, wanted side)
            for arrow in arrows:
                if arrow is down:
                    plans.append((arrow, "down", "bottom"))
                elif arrow.target is None:
                    if row.last:
                        continue
                    if bottom_free:
                        plans.append((arrow, "end-below", "bottom"))
                        bottom_free = False
                    else:
                        sided.append((2, arrow, "end-beside", None))
                elif arrow.target is row:
                    sided.append((0, arrow, "self", "right"))
                elif arrow.target.columns[0] == row.columns[0]:
                    same_column.append(arrow)
                else:
                    facing = "left" if arrow.target.columns[0] < row.columns[0] else "right"
                    sided.append((1, arrow, "beside", facing))
            # each branch leaves by its own corner: the one facing its target when still free, else another
            for _, arrow, kind, wanted in sorted(sided, key=lambda item: item[0]):
                side = wanted if wanted is not None and wanted not in used else _free_side(used)
                used.add(side)
                plans.append((arrow, kind, side))
        for arrow in same_column:  # these leave and enter on one side: one free at both ends if possible
            side = _free_side(exits[arrow.source.key] | exits[arrow.target_row.key])
            exits[arrow.source.key].add(side)
            plans.append((arrow, "beside", side))
        for arrow, kind, side in plans:
            if kind == "down":
                self.route_down(arrow)
            elif kind == "end-below":
                self.route_end_below(arrow)
            elif kind == "end-beside":
                self.route_end_beside(arrow, side)
            elif kind == "self":
                self.route_self(arrow)
            else:
                self.route_beside(arrow, side, self.entry_side(arrow, side, exits[arrow.target_row.key]))

    @staticmethod
    def entry_side(arrow: Arrow, exit_side: str, target_exits: set[str]) -> str:
        """The side an arrow enters its target by: the side facing its source, unless an arrow leaves there."""
        a, b = arrow.source.columns[0], arrow.target_row.columns[0]
        if a == b:
            return exit_side
        facing = "right" if b < a else "left"
        return facing if facing not in target_exits else _other(facing)

    def edge_name(self, arrow: Arrow) -> str:
        return f"{arrow.source.key}>{arrow.target.key if arrow.target else 'end'}"

    def label(self, cells: Cells, column: int, arrow: Arrow, exit_side: str, below: bool = False) -> None:
        """The branch's words beside the corner it leaves by: below the line when it turns upwards, else above."""
        if arrow.label is None:
            return
        y = MID + 3 if below else MID - 14
        sides = self.exits.get(arrow.source.key, set())
        if exit_side == "down" and "right" in sides and "left" not in sides:  # clear of the track on the right
            cells.add(column, Tag(arrow.label, (50, -5), BOTTOM, "right"))
        elif exit_side == "down":
            cells.add(column, Tag(arrow.label, (50, 5), BOTTOM, "left"))
        elif exit_side == "right":
            cells.add(column, Tag(arrow.label, (50, SYMBOL_WIDTH / 2 + 2), y, "left"))
        else:
            cells.add(column, Tag(arrow.label, (50, -SYMBOL_WIDTH / 2 - 2), y, "right"))

    def route_down(self, arrow: Arrow) -> None:
        """Down from the symbol's bottom, across to the next performer's column, into the next symbol's top."""
        source, target = arrow.source, arrow.target_row
        a, b = source.columns[0], target.columns[0]
        edge = self.edge_name(arrow)
        src_id, dst_id = symbol_id(source, a), symbol_id(target, b)
        source_cells = self.cells(source)
        self.label(source_cells, a, arrow, "down")
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

    def route_beside(self, arrow: Arrow, side: str, entry: str) -> None:
        """A jump back or ahead: out of the symbol's side, along a gutter, into the target's side."""
        source, target = arrow.source, arrow.target_row
        a, b = source.columns[0], target.columns[0]
        edge = self.edge_name(arrow)
        src_id, dst_id = symbol_id(source, a), symbol_id(target, b)
        source_page, source_index = self.where[source.key]
        target_page, target_index = self.where[target.key]
        source_cells = self.cells(source)
        upwards = (target_page, target_index) < (source_page, source_index)
        self.label(source_cells, a, arrow, side, below=upwards)
        if source_page == target_page:
            low, high = sorted((source_index, target_index))
            if a != b and side != ("right" if b > a else "left"):
                self.route_around(arrow, side, low, high)
                return
            lane = self.lane(source_page, b, entry, low, high, dst_id)
            self.run_across(source_cells, a, b, MID, edge, 0, src_id, dst_id, start_x=_vertex(side), end_x=lane)
            self.along_gutter(source_page, b, lane, source_index, target_index, edge, 0, src_id, dst_id)
            self.into_side(target, lane, entry, edge, 0, src_id, dst_id)
            return
        letter = self.next_label()
        out_id, in_id = f"con-{letter}-out", f"con-{letter}-in"
        forward = target_page > source_page
        source_edge = len(self.pages[source_page].rows) if forward else -1
        low, high = sorted((source_index, source_edge))
        lane = self.lane(source_page, a, side, low, high)
        self.run_across(source_cells, a, a, MID, edge, 0, src_id, out_id, start_x=_vertex(side), end_x=lane)
        self.along_gutter(source_page, a, lane, source_index, source_edge, edge, 0, src_id, out_id)
        self.connector_in_gutter(source_page, a, side, lane, forward, out_id, letter, edge, 0, src_id, arriving=True)
        target_edge = -1 if forward else len(self.pages[target_page].rows)
        low, high = sorted((target_edge, target_index))
        lane = self.lane(target_page, b, entry, low, high, dst_id)
        self.connector_in_gutter(target_page, b, entry, lane, forward, in_id, letter, edge, 1, dst_id, arriving=False)
        self.along_gutter(target_page, b, lane, target_edge, target_index, edge, 1, in_id, dst_id)
        self.into_side(target, lane, entry, edge, 1, in_id, dst_id)

    def route_around(self, arrow: Arrow, side: str, low: int, high: int) -> None:
        """A jump that leaves by the side away from its target: along its own column's gutter, across at the target."""
        source, target = arrow.source, arrow.target_row
        a, b = source.columns[0], target.columns[0]
        edge = self.edge_name(arrow)
        src_id, dst_id = symbol_id(source, a), symbol_id(target, b)
        page, source_index = self.where[source.key]
        _, target_index = self.where[target.key]
        lane = self.lane(page, a, side, low, high)
        self.run_across(self.cells(source), a, a, MID, edge, 0, src_id, dst_id, start_x=_vertex(side), end_x=lane)
        self.along_gutter(page, a, lane, source_index, target_index, edge, 0, src_id, dst_id)
        entry, head = ("left", "right") if b > a else ("right", "left")
        self.run_across(self.cells(target), a, b, MID, edge, 0, src_id, dst_id, start_x=lane, end_x=_vertex(entry),
                        head=head)

    def along_gutter(self, page: int, column: int, lane: Coord, from_index: int, to_index: int, edge: str,
                     part: int, src: str, dst: str) -> None:
        """A gutter track from mid-height of row `from_index` to mid-height of row `to_index`.

        An index just outside the page's rows stands for its connector row: the track then starts or
        stops at the table's edge.
        """
        rows = self.pages[page].rows
        down = to_index > from_index
        for index in range(from_index, to_index + (1 if down else -1), 1 if down else -1):
            if not 0 <= index < len(rows):
                continue
            top = (0, MID) if index == (from_index if down else to_index) else TOP
            bottom = (0, MID) if index == (to_index if down else from_index) else FOOT
            rows[index].cells.add(column, Line(lane, top, lane, bottom, edge, part, src, dst))

    def into_side(self, target: StepRow, lane: Coord, side: str, edge: str, part: int, src: str, dst: str) -> None:
        """From the gutter at mid-height into the target symbol's side, with the arrowhead."""
        column = target.columns[0]
        head = "left" if side == "right" else "right"
        self.cells(target).add(column, Line(lane, (0, MID), _vertex(side), (0, MID), edge, part, src, dst, head))

    def connector_in_gutter(self, page: int, column: int, side: str, lane: Coord, forward: bool, element_id: str,
                            label: str, edge: str, part: int, step_id: str, arriving: bool) -> None:
        """An off-page connector for a gutter track, inside its column, joined to the track and the table body."""
        at_top = forward != arriving
        slot = self.slots.beside(page, at_top, column, side)
        cells = self.pages[page].connector_row(at_top).cells
        def jog(above: bool, x1: float, x2: float) -> float:
            return self.slots.jog(page, at_top, column, above, x1, x2)

        for primitive in gutter_connector(lane, slot, jog, self.column_px, forward, arriving, element_id, label,
                                          edge, part, step_id):
            cells.add(column, primitive)

    def route_self(self, arrow: Arrow) -> None:
        """A step that repeats itself: out of its right side, around above it, back into its top."""
        row = arrow.source
        a = row.columns[0]
        edge, sym = self.edge_name(arrow), symbol_id(row, a)
        cells = self.cells(row)
        self.label(cells, a, arrow, "right", below=True)
        page, index = self.where[row.key]
        lane = self.lane(page, a, "right", index, index, sym)
        y_above = SYMBOL_TOP - 6
        cells.add(a, Line((50, SYMBOL_WIDTH / 2), (0, MID), lane, (0, MID), edge, 0, sym, sym))
        cells.add(a, Line(lane, (0, MID), lane, (0, y_above), edge, 0, sym, sym))
        cells.add(a, Line(lane, (0, y_above), (50, 6), (0, y_above), edge, 0, sym, sym))
        cells.add(a, Line((50, 6), (0, y_above), (50, 6), (0, SYMBOL_TOP), edge, 0, sym, sym, "down"))

    def route_end_below(self, arrow: Arrow) -> None:
        """The procedure ends here: a short arrow below the symbol, marked with the end word."""
        row = arrow.source
        a = row.columns[0]
        edge, sym = self.edge_name(arrow), symbol_id(row, a)
        cells = self.cells(row)
        if arrow.label is not None:  # the branch's words left of the short arrow, the end word right of it
            cells.add(a, Tag(arrow.label, (50, -5), BOTTOM, "right"))
        end_id = f"end-{row.key}"
        cells.add(a, Line(CENTER, (0, BOTTOM), CENTER, (0, BOTTOM + END_STUB), edge, 0, sym, end_id, "down"))
        cells.add(a, Tag(LABELS[self.lang]["end"], (50, 5), BOTTOM + 1, "left", end_id))

    def route_end_beside(self, arrow: Arrow, side: str) -> None:
        """The procedure ends here, out of the symbol's side: a short arrow marked with the end word."""
        row = arrow.source
        a = row.columns[0]
        edge, sym = self.edge_name(arrow), symbol_id(row, a)
        cells = self.cells(row)
        self.label(cells, a, arrow, side)
        sign = 1 if side == "right" else -1
        vertex, tip = (50, sign * SYMBOL_WIDTH / 2), (50, sign * (SYMBOL_WIDTH / 2 + 10))
        end_id = f"end-{row.key}"
        cells.add(a, Line(vertex, (0, MID), tip, (0, MID), edge, 0, sym, end_id, side))
        cells.add(a, Tag(LABELS[self.lang]["end"], (50, sign * (SYMBOL_WIDTH / 2 + 2)), MID + 2,
                         "left" if side == "right" else "right", end_id))


def _vertex(side: str) -> Coord:
    """The x of a symbol's left or right corner."""
    return (50, SYMBOL_WIDTH / 2) if side == "right" else (50, -SYMBOL_WIDTH / 2)


def _other(side: str) -> str:
    return "left" if side == "right" else "right"


def _joined_sides(row: StepRow) -> set[str]:
    """The sides of a step's first symbol taken by the line that joins it to its other performers."""
    first = row.columns[0]
    return {"right" for c in row.columns if c > first} | {"left" for c in row.columns if c < first}


def _free_side(used: set[str]) -> str:
    return "right" if "right" not in used else ("left" if "left" not in used else "right")


def lay_out(sop: Sop, options: RenderOptions) -> TableLayout:
    """The flowchart table of the SOP, paginated, with every symbol and arrow placed."""
    drawing = diagram(sop, options.lang, options.labels)
    pages = paginate(sop, drawing.flows, len(drawing.columns), options)
    widths = measure.column_widths(max(len(drawing.columns), 1), options.paper)
    column_px = widths.columns[2] * measure.PX_PER_MM
    router = _Router(drawing.columns, pages, options.lang, column_px)
    for flow in drawing.flows:
        router.place_symbols(flow)
    for flow in drawing.flows:
        router.route_flow(flow)
    return TableLayout(drawing.columns, tuple(pages))
