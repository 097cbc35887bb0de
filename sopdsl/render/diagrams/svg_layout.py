"""The swimlane diagram's layout, computed by sopdsl: one vertical lane per role, one row per step.

Layout rules:
- Lanes follow the Pelaksana columns; flows run top to bottom, one row per step in table order, each section
  under a title row spanning the lanes.
- Symbols are those of the printed SOP AP table: capsule for the first and last step of a flow, rectangle,
  diamond (kept by a decision that is first or last), and arrows. A step with several performers repeats its
  symbol in each performer's lane; the copies are joined by a plain horizontal line through their middles, and
  every arrow starts and ends at the copy in the step's first lane.
- An arrow to the following step leaves the bottom of its symbol, runs across the gap above the next row and
  enters the next symbol's top. Any other arrow (back, forward past a step, to itself) leaves the side of its
  symbol, runs up or down in a gutter between lanes on a track of its own, and enters its target from the side.
- An arrow to the end of the procedure ends in a small end capsule just below its step, inside the step's lane;
  the last step of a flow (unless a decision) is itself the end, so its plain arrow to the end is not drawn.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from itertools import repeat
from math import ceil, sqrt

from attrs import define, field

from ...model import Sop
from ..flow import Arrow, Diagram, Flow, diagram
from ..labels import LABELS
from ..rows import SectionRow, StepRow
from ..xml_text import xml_safe
from .svg_sides import BELOW_RUN, LABEL_CLEAR, LABEL_GAP, fit_sides, label_place, side, turns_up
from .svg_text import SMALL_LINE, SMALL_SIZE, DiamondText, label_lines, label_width, text_width, wrap_width

FONT_SIZE = 11
LINE_HEIGHT = 14
BASELINE = LINE_HEIGHT / 2 + FONT_SIZE * 0.35  # from the top of a line to its baseline
TITLE_SIZE = 15
TITLE_LINE = 20

MARGIN = 16
LANE_WIDTH = 200  # at least; wider when gutters need more tracks
PROCESS_WIDTH = 140
DIAMOND_WIDTH = 164  # also the widest a symbol gets: gutters start beside it
TEXT_PADDING = 8
TERMINATOR_PADDING = 12
DIAMOND_PADDING = 4
MIN_HEIGHT = 32
MIN_DIAMOND_HEIGHT = 44
MAX_RADIUS = 16  # capsule ends

NUMBER_HEIGHT = 12  # above each symbol, for its number (one line)
NUMBER_CLEAR = 6  # between a number's end and the middle of its symbol, where an arrow may enter
ROW_GAP = 26  # between rows
RUN_OFFSET = 9  # the run across to the next lane, above the next row
JOG_GAP = 6  # between runs in the same gap
TRACK_GAP = 6  # between tracks in a gutter
TRACK_PADDING = 8  # between the symbols' column and the nearest track
TRACK_CLEAR = 5  # between a lane's border and the nearest track
END_DROP = 16  # from a symbol to its end capsule
END_HEIGHT = 20

DIAMOND_TEXT = DiamondText(FONT_SIZE, LINE_HEIGHT, DIAMOND_WIDTH, DIAMOND_PADDING)


@define
class Box:
    """One step's symbol, the same in each of its performers' lanes: size, wrapped text and place."""

    row: StepRow
    number: list[str]  # its lines, each ending clear of the arrow that enters the symbol's top
    width: float
    height: float
    lines: list[str]
    top: float = 0.0
    used: dict[str, int] = field(factory=dict)  # side -> slots taken
    above: float = 0.0  # room arrow labels need above the symbol, besides the number's
    below: float = 0.0  # and below it
    under: dict[str, list[tuple[float, float]]] = field(factory=dict)  # side -> labels there: (near x, lowest y)

    @property
    def number_height(self) -> float:
        return NUMBER_HEIGHT + (len(self.number) - 1) * SMALL_LINE

    @property
    def lane(self) -> int:
        return self.row.columns[0]

    @property
    def middle(self) -> float:
        return self.top + self.height / 2

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def radius(self) -> float:
        return min(self.height / 2, MAX_RADIUS) if self.row.diagram_shape == "terminator" else 0.0

    def label_top(self, start: float, side: str, reach: float) -> float:
        """The top of a label on `side` of an arrow leaving the symbol downward at `start`, reaching `reach` from
        the centre: below the labels beside that side of the symbol that it would meet."""
        met = [lowest for near, lowest in self.under.get(side, []) if near < reach + 2]
        return max([start] + [self.middle + lowest for lowest in met]) + 3

    def joined(self, side: str) -> bool:
        """Another performer's copy lies on this side: the joining line takes the middle slot there."""
        if side == "right":
            return any(column > self.lane for column in self.row.columns)
        return any(column < self.lane for column in self.row.columns)

    def use(self, side: str) -> None:
        """One more arrow leaves or enters the symbol on `side`."""
        self.used[side] = self.used.get(side, 0) + 1

    def side_offset(self, dy: float) -> float:
        """Horizontal distance from the centre to the side of the symbol, `dy` from the middle."""
        half_width, half_height = self.width / 2, self.height / 2
        if self.row.diagram_shape == "decision":
            return half_width * (1 - abs(dy) / half_height)
        return half_width - self.radius + _arc(self.radius, abs(dy) - (half_height - self.radius))

    def bottom_offset(self, dx: float) -> float:
        """Vertical distance from the middle to the bottom of the symbol, `dx` from the centre."""
        half_width, half_height = self.width / 2, self.height / 2
        if self.row.diagram_shape == "decision":
            return half_height * (1 - abs(dx) / half_width)
        return half_height - self.radius + _arc(self.radius, abs(dx) - (half_width - self.radius))


def _arc(radius: float, into: float) -> float:
    """How far a quarter circle of `radius` reaches, `into` past the straight part of the edge."""
    if into <= 0:
        return radius
    return sqrt(max(radius * radius - into * into, 0.0))


@define
class SideRoute:
    """An arrow along a gutter: leaves a side of its source, enters a side of its target."""

    arrow: Arrow
    source_gutter: int
    target_gutter: int
    source_dy: float = 0.0
    target_dy: float = 0.0
    jog: int = 0  # index of its run across the gap above the target, when the gutters differ
    tracks: list[float] = field(factory=list)  # x of each vertical leg


@define
class EndMark:
    """The small end capsule under a step, and where its arrow leaves the step."""

    arrow: Arrow
    offset: float  # of the capsule's centre from the lane's centre
    width: float
    top: float = 0.0


@define
class Layout:
    """Every position in the diagram, computed once from the SOP's flows."""

    sop: Sop
    lang: str
    drawing: Diagram
    boxes: dict[str, Box] = field(factory=dict)
    down: list[Arrow] = field(factory=list)
    sides: list[SideRoute] = field(factory=list)
    ends: dict[str, EndMark] = field(factory=dict)
    jogs: dict[str, int] = field(factory=dict)  # target key -> runs in the gap above it
    lane_width: float = LANE_WIDTH
    title_lines: list[str] = field(factory=list)
    lane_titles: list[list[str]] = field(factory=list)
    header_top: float = 0.0
    header_height: float = 0.0
    headings: list[tuple[SectionRow, float, float, list[str]]] = field(factory=list)  # heading, top, height, lines
    height: float = 0.0
    gutter_tracks: dict[int, int] = field(factory=dict)
    column_half: float = DIAMOND_WIDTH / 2 + TRACK_PADDING  # about each lane's centre: symbols and side labels
    joined_across: dict[int, dict[int, list[int]]] = field(factory=dict)  # id of a flow -> its _joined_across

    @property
    def lane_count(self) -> int:
        return len(self.drawing.columns)

    @property
    def width(self) -> float:
        return 2 * MARGIN + self.lane_count * self.lane_width

    def lane_left(self, lane: int) -> float:
        return MARGIN + lane * self.lane_width

    def centre(self, lane: int) -> float:
        return self.lane_left(lane) + self.lane_width / 2

    def box(self, row: StepRow) -> Box:
        return self.boxes[row.key]


def lay_out(sop: Sop, lang: str, house: Mapping[str, str] | None = None) -> Layout:
    """Every size and position of the SOP's swimlane diagram; `house` is the `labels` setting."""
    layout = Layout(sop, lang, diagram(sop, lang, house))
    _measure(layout)
    _route(layout)
    _place_rows(layout)
    _assign_tracks(layout)
    return layout


# --- measuring ---------------------------------------------------------------------------------------------


def _measure(layout: Layout) -> None:
    """Wrap every text and size every symbol."""
    full_width = layout.lane_count * LANE_WIDTH
    layout.title_lines = wrap_width(xml_safe(layout.sop.title.value), TITLE_SIZE, full_width, bold=True)
    layout.lane_titles = [
        wrap_width(xml_safe(column.name), FONT_SIZE, LANE_WIDTH - 2 * TEXT_PADDING, bold=True)
        for column in layout.drawing.columns
    ]
    for flow in layout.drawing.flows:
        for row in flow.steps:
            number = f"{flow.heading.letter}.{row.number}" if flow.heading else str(row.number)
            layout.boxes[row.key] = _sized_box(row, xml_safe(number))


def _sized_box(row: StepRow, number: str) -> Box:
    text = xml_safe(row.step.text.value)
    width = DIAMOND_WIDTH if row.diagram_shape == "decision" else PROCESS_WIDTH
    numbers = wrap_width(number, SMALL_SIZE, width / 2 - NUMBER_CLEAR, bold=True)
    if row.diagram_shape == "decision":
        height, lines = DIAMOND_TEXT.fit(text, MIN_DIAMOND_HEIGHT)
        return Box(row, numbers, width, height, lines)
    padding = TERMINATOR_PADDING if row.diagram_shape == "terminator" else TEXT_PADDING
    lines = wrap_width(text, FONT_SIZE, width - 2 * padding)
    return Box(row, numbers, width, max(MIN_HEIGHT, len(lines) * LINE_HEIGHT + 2 * TEXT_PADDING), lines)


# --- routing -----------------------------------------------------------------------------------------------


def _route(layout: Layout) -> None:
    """Sort the arrows into down, side and end routes; pick gutters and side slots; grow symbols to fit slots."""
    for flow in layout.drawing.flows:
        has_down = {arrow.source.key for arrow in flow.arrows if _is_down(arrow)}
        for arrow in flow.arrows:
            if arrow.target is None:
                if not (arrow.source.drawn_as_end and arrow.label is None):
                    layout.ends[arrow.source.key] = _end_mark(arrow, layout.lang, arrow.source.key in has_down)
            elif _is_down(arrow):
                layout.down.append(arrow)
            else:
                layout.sides.append(_side_route(layout, flow, arrow))
    fit_sides(layout)
    _make_room_for_labels(layout)


def down_label_side(layout: Layout, arrow: Arrow) -> str:
    """The label of an arrow to the next step stands right of it, or left beside an end capsule (which stands right)."""
    return "left" if arrow.source.key in layout.ends else "right"


def end_label_top(box: Box, mark: EndMark, start: float) -> float:
    """The top of the label of the arrow from `box` (leaving at `start`) to its end capsule, right of the arrow."""
    return box.label_top(start, "right", mark.offset + LABEL_GAP + label_width(mark.arrow.label))


def _is_down(arrow: Arrow) -> bool:
    return arrow.target is not None and arrow.target.position == arrow.source.position + 1


def _end_mark(arrow: Arrow, lang: str, beside_down_arrow: bool) -> EndMark:
    width = text_width(LABELS[lang]["end"], SMALL_SIZE) + END_HEIGHT
    # Beside an arrow that leaves the bottom, the capsule moves right, staying inside the symbols' column.
    offset = DIAMOND_WIDTH / 2 - width / 2 - 2 if beside_down_arrow else 0.0
    return EndMark(arrow, min(offset, PROCESS_WIDTH / 2 - 4), width)


def _side_route(layout: Layout, flow: Flow, arrow: Arrow) -> SideRoute:
    source, target = layout.box(arrow.source), layout.box(arrow.target_row)
    source_gutter, target_gutter = _gutters(layout, flow, source, target)
    route = SideRoute(arrow, source_gutter, target_gutter)
    source.use(side(source, source_gutter))
    target.use(side(target, target_gutter))
    if source_gutter != target_gutter:
        route.jog = layout.jogs.get(arrow.target_row.key, 0)
        layout.jogs[arrow.target_row.key] = route.jog + 1
    return route


def _reachable_gutters(lanes: int, row: StepRow) -> tuple[int, int]:
    """The gutters a run from the step's first copy reaches without crossing its other copies."""
    lane = row.columns[0]
    lowest = max((column for column in row.columns if column < lane), default=-1) + 1
    highest = min((column for column in row.columns if column > lane), default=lanes)
    return lowest, highest


def _gutters(layout: Layout, flow: Flow, source: Box, target: Box) -> tuple[int, int]:
    """The gutter of each end of a side arrow: one shared gutter when there is one, else the nearest pair."""
    lanes = layout.lane_count
    source_low, source_high = _reachable_gutters(lanes, source.row)
    target_low, target_high = _reachable_gutters(lanes, target.row)
    low, high = max(source_low, target_low), min(source_high, target_high)
    if low <= high:
        joined = _joined_across(layout, flow)
        gutter = min(range(low, high + 1), key=lambda gutter: _gutter_cost(lanes, source, target, joined, gutter))
        return gutter, gutter
    if source_high < target_low:
        return source_high, target_low
    return source_low, target_high


def _joined_across(layout: Layout, flow: Flow) -> dict[int, list[int]]:
    """For each gutter, the positions (ascending) of the flow's steps whose copies are joined across it."""
    joined = layout.joined_across.get(id(flow))
    if joined is None:
        joined = layout.joined_across[id(flow)] = {}
        for row in flow.steps:
            for gutter in range(min(row.columns) + 1, max(row.columns) + 1):
                joined.setdefault(gutter, []).append(row.position)
    return joined


def _gutter_cost(lanes: int, source: Box, target: Box, joined: dict[int, list[int]], gutter: int) -> tuple[float, int]:
    """Mostly the lanes both runs cross. Less weighty: a side of either symbol already in use (or joined to
    another copy), a joining line of a step passed on the way, the diagram's outer edges. Right before left."""
    crossed = _crossed(source.lane, gutter) + _crossed(target.lane, gutter)
    busy = sum(0.6 for box in (source, target) if box.used.get(side(box, gutter)) or box.joined(side(box, gutter)))
    positions = joined.get(gutter, [])
    first, last = sorted((source.row.position, target.row.position))
    passed = bisect_left(positions, last) - bisect_right(positions, first)
    joins = sum(repeat(0.4, passed))  # added up one by one, as the same sum always was
    outer = 0.5 if gutter in (0, lanes) and lanes > 1 else 0.0
    return crossed + busy + joins + outer, -gutter


def _crossed(lane: int, gutter: int) -> int:
    return lane - gutter if gutter <= lane else gutter - lane - 1


def _make_room_for_labels(layout: Layout) -> None:
    """Arrow labels stand beside their arrow where it leaves its step: keep rows apart enough for them."""
    for route in layout.sides:
        box, dy = layout.box(route.arrow.source), route.source_dy
        height = len(label_lines(route.arrow.label)) * SMALL_LINE
        if turns_up(route):
            box.below = max(box.below, dy + BELOW_RUN + height - box.height / 2)
            if height:
                near = label_place(box, route)[0]
                box.under.setdefault(side(box, route.source_gutter), []).append((near, dy + BELOW_RUN + height))
        else:
            box.above = max(box.above, height + 2 - dy - box.height / 2)
    for arrow in layout.down:
        box = layout.box(arrow.source)
        top = box.label_top(box.bottom, down_label_side(layout, arrow), LABEL_GAP + label_width(arrow.label))
        box.below = max(box.below, top - box.bottom + len(label_lines(arrow.label)) * SMALL_LINE)


# --- rows --------------------------------------------------------------------------------------------------


def _place_rows(layout: Layout) -> None:
    """Place the title, the lane titles, the section rows and the step rows from top to bottom."""
    y: float = MARGIN + len(layout.title_lines) * TITLE_LINE + 8
    layout.header_top = y
    layout.header_height = max(len(lines) for lines in layout.lane_titles) * LINE_HEIGHT + 12
    y += layout.header_height
    full_width = layout.lane_count * LANE_WIDTH
    for flow in layout.drawing.flows:
        if flow.heading is not None:
            letter = text_width(xml_safe(flow.heading.letter), FONT_SIZE, bold=True)
            lines = wrap_width(xml_safe(flow.heading.title), FONT_SIZE, full_width - letter - 4 * TEXT_PADDING, True)
            height = max(len(lines), 1) * LINE_HEIGHT + 10
            layout.headings.append((flow.heading, y, height, lines))
            y += height
        previous: Box | None = None
        for row in flow.steps:
            box = layout.box(row)
            jogs = layout.jogs.get(row.key, 0)
            needed: float = ROW_GAP + jogs * JOG_GAP
            if previous is not None:  # the runs across the gap pass below the labels of the step before
                needed = max(needed, previous.bottom + previous.below + 4 + (jogs + 1) * JOG_GAP + RUN_OFFSET - y)
            y += needed + box.above
            box.top = y + box.number_height
            y = box.bottom
            mark = layout.ends.get(row.key)
            if mark is not None:
                start = box.middle + box.bottom_offset(mark.offset)
                label_height = len(label_lines(mark.arrow.label)) * SMALL_LINE
                mark.top = max(box.bottom + END_DROP, end_label_top(box, mark, start) + label_height + 5)
                y = mark.top + END_HEIGHT
            previous = box
        if previous is not None:
            y = max(y, previous.bottom + previous.below)
        y += ROW_GAP
    layout.height = y + MARGIN


def run_y(layout: Layout, row: StepRow, jog: int = -1) -> float:
    """Height of a run across the gap above `row`: -1 for the arrow from the step before, else a jog."""
    return layout.box(row).top - layout.box(row).number_height - RUN_OFFSET - (jog + 1) * JOG_GAP


# --- tracks ------------------------------------------------------------------------------------------------


def _legs(layout: Layout, route: SideRoute) -> list[tuple[int, float, float]]:
    """The vertical legs of a side route: (gutter, from y, to y)."""
    source, target = layout.box(route.arrow.source), layout.box(route.arrow.target_row)
    start, end = source.middle + route.source_dy, target.middle + route.target_dy
    if route.source_gutter == route.target_gutter:
        return [(route.source_gutter, start, end)]
    across = run_y(layout, route.arrow.target_row, route.jog)
    return [(route.source_gutter, start, across), (route.target_gutter, across, end)]


def _assign_tracks(layout: Layout) -> None:
    """Give every vertical leg a track of its own where legs share a gutter and overlap; widen lanes to fit."""
    legs = [(route, index, leg) for route in layout.sides for index, leg in enumerate(_legs(layout, route))]
    legs.sort(key=lambda item: abs(item[2][2] - item[2][1]))
    taken: dict[tuple[int, int], tuple[list[float], list[float]]] = {}  # (gutter, track) -> its legs' lows, highs
    chosen: dict[tuple[int, int], int] = {}
    for route, index, (gutter, start, end) in legs:
        low, high = min(start, end) - 4, max(start, end) + 4
        track = 0
        while _overlaps(taken.get((gutter, track)), low, high):
            track += 1
        lows, highs = taken.setdefault((gutter, track), ([], []))
        at = bisect_left(lows, low)
        lows.insert(at, low)
        highs.insert(at, high)
        chosen[(id(route), index)] = track
        layout.gutter_tracks[gutter] = max(layout.gutter_tracks.get(gutter, 0), track + 1)
    layout.column_half = max(layout.column_half, ceil(_label_reach(layout) + LABEL_CLEAR))
    layout.lane_width = max([LANE_WIDTH, 2 * (layout.column_half + TRACK_CLEAR)] + [
        2 * (layout.column_half + _half_gutter_need(layout, gutter, count))
        for gutter, count in layout.gutter_tracks.items()
    ])
    for route in layout.sides:
        gutters = [leg[0] for leg in _legs(layout, route)]
        route.tracks = [_track_x(layout, gutter, chosen[(id(route), index)]) for index, gutter in enumerate(gutters)]


def _label_reach(layout: Layout) -> float:
    """How far from its lane's centre the farthest end of an arrow label stands."""
    sides = [label_place(layout.box(route.arrow.source), route)[1] for route in layout.sides if route.arrow.label]
    downs = [LABEL_GAP + label_width(arrow.label) for arrow in layout.down]
    ends = [abs(mark.offset) + LABEL_GAP + label_width(mark.arrow.label) for mark in layout.ends.values()]
    return max([0.0, *sides, *downs, *ends])


def _overlaps(track: tuple[list[float], list[float]] | None, low: float, high: float) -> bool:
    """A leg from low to high overlaps one of the track's legs. They do not overlap each other, so sorted
    by their lows they are sorted by their highs too: only the last one starting below `high` can reach `low`."""
    if track is None:
        return False
    lows, highs = track
    before = bisect_left(lows, high)
    return before > 0 and highs[before - 1] > low


def _half_gutter_need(layout: Layout, gutter: int, tracks: int) -> float:
    """Room between a lane's border and its symbols' column that the gutter's tracks need."""
    if gutter in (0, layout.lane_count):
        return (tracks - 1) * TRACK_GAP + TRACK_CLEAR
    return TRACK_CLEAR + ((tracks + 1) // 2 - 1) * TRACK_GAP


def _track_x(layout: Layout, gutter: int, track: int) -> float:
    """Tracks keep clear of the lane borders: between two lanes they alternate on each side of the border,
    at the diagram's edges they line up outward from the symbols' column."""
    if gutter == 0:
        return layout.centre(0) - layout.column_half - track * TRACK_GAP
    if gutter == layout.lane_count:
        return layout.centre(gutter - 1) + layout.column_half + track * TRACK_GAP
    side = 1 if track % 2 == 0 else -1
    return layout.lane_left(gutter) + side * (TRACK_CLEAR + track // 2 * TRACK_GAP)
