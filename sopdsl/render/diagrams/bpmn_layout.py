"""Geometry of the BPMN diagram: a pool of horizontal lanes, nodes in columns left to right, orthogonal edges.

Every node has a column of its own, so a vertical line through a node's centre or through the gap
before a node crosses no other node. Edges use three routes:

- to the next column: out of the source's right side, a vertical jog in the gap if the lanes differ,
  into the target's left side;
- further forward: out of the source's bottom, along a track under the lowest lane, up through the
  gap before the target, into its left side;
- back (a loop): out of the source's top, along a track over the highest lane, down into the
  target's top.

Tracks that would overlap side by side get different heights; the outer lanes grow to hold them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from attrs import frozen

POOL_X = 160
POOL_Y = 80
HEADER = 30  # the band where a pool or lane shows its name
FIRST_GAP = 40  # between the lane header and the first node
GAP = 70  # between two columns
FLOW_GAP = 80  # added between two flows (sections)
MARGIN = 50  # above and below the nodes of a lane: room for labels
TRACK = 12  # between two parallel tracks
LABEL_CHAR = 6.5  # rough width of one character of a label
LABEL_LINE = 14
LABEL_WIDTH = 90  # widest label before it wraps, as BPMN editors draw it

Point = tuple[float, float]


@frozen
class Box:
    """A rectangle: top-left corner and size."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2


@frozen
class Place:
    """What the layout needs of a node: its lane, its size and the flow it belongs to."""

    lane: int
    width: float
    height: float
    flow: int


@frozen
class Link:
    """An edge between two nodes, given by their indexes in column order."""

    source: int
    target: int
    label: str | None = None


@frozen
class Layout:
    """The laid-out diagram: pool, lanes, node boxes, edge waypoints and edge label boxes."""

    pool: Box
    lanes: tuple[Box, ...]
    nodes: tuple[Box, ...]
    waypoints: tuple[tuple[Point, ...], ...]
    edge_labels: tuple[Box | None, ...]


def label_box(text: str) -> tuple[float, float]:
    """The estimated width and height of a label wrapped at LABEL_WIDTH."""
    width = max(len(text), 1) * LABEL_CHAR + 4
    lines = math.ceil(width / LABEL_WIDTH)
    return min(width, LABEL_WIDTH), lines * LABEL_LINE


def label_below(box: Box, text: str) -> Box:
    """Where an event's name stands: centred under it."""
    width, height = label_box(text)
    return Box(box.cx - width / 2, box.bottom + 5, width, height)


def label_above_left(box: Box, text: str) -> Box:
    """Where a gateway's name stands: over its upper left side, clear of the edges leaving it."""
    width, height = label_box(text)
    return Box(box.cx - 6 - width, box.y - 4 - height, width, height)


def _route_kind(link: Link) -> str:
    if link.target == link.source + 1:
        return "next"
    return "forward" if link.target > link.source else "back"


def _columns(places: Sequence[Place]) -> list[float]:
    """The left x of every node."""
    lefts: list[float] = []
    cursor: float = POOL_X + 2 * HEADER + FIRST_GAP
    for index, place in enumerate(places):
        if index and place.flow != places[index - 1].flow:
            cursor += FLOW_GAP
        lefts.append(cursor)
        cursor += place.width + GAP
    return lefts


def _span(link: Link, kind: str, lefts: list[float], places: Sequence[Place]) -> tuple[float, float]:
    """The x range of the horizontal run of a track route."""
    source_cx = lefts[link.source] + places[link.source].width / 2
    if kind == "forward":
        return source_cx, lefts[link.target] - GAP / 2
    if link.target == link.source:
        return lefts[link.source] - GAP / 2, source_cx
    return lefts[link.target] + places[link.target].width / 2, source_cx


def _tracks(spans: list[tuple[float, float]]) -> tuple[list[int], int]:
    """A track number for every span, so that spans sharing a track do not overlap; and the count."""
    ends: list[float] = []
    assigned = [0] * len(spans)
    for index in sorted(range(len(spans)), key=lambda i: spans[i]):
        low, high = spans[index]
        track = next((t for t, end in enumerate(ends) if end < low - TRACK), len(ends))
        if track == len(ends):
            ends.append(high)
        else:
            ends[track] = high
        assigned[index] = track
    return assigned, len(ends)


def layout(lane_count: int, places: Sequence[Place], links: Sequence[Link]) -> Layout:
    """Boxes for the pool, lanes and nodes, and waypoints and label boxes for the links."""
    lefts = _columns(places)
    kinds = [_route_kind(link) for link in links]
    track_of = [0] * len(links)
    counts = {}
    for kind in ("forward", "back"):
        chosen = [i for i, k in enumerate(kinds) if k == kind]
        tracks, counts[kind] = _tracks([_span(links[i], kind, lefts, places) for i in chosen])
        for i, track in zip(chosen, tracks, strict=False):
            track_of[i] = track
    margins = [MARGIN] * lane_count
    margins[0] += counts["back"] * TRACK
    margins[-1] += counts["forward"] * TRACK
    lane_x = POOL_X + HEADER
    right = max((left + place.width for left, place in zip(lefts, places, strict=False)), default=lane_x) + FIRST_GAP
    row_height = max(place.height for place in places)
    lanes: list[Box] = []
    y: float = POOL_Y
    for margin in margins:
        lanes.append(Box(lane_x, y, right - lane_x, 2 * margin + row_height))
        y += 2 * margin + row_height
    nodes = [
        Box(left, lanes[place.lane].cy - place.height / 2, place.width, place.height)
        for left, place in zip(lefts, places, strict=False)
    ]
    top_track = lanes[0].y
    bottom_track = lanes[-1].bottom
    waypoints: list[tuple[Point, ...]] = []
    labels: list[Box | None] = []
    stacked: dict[tuple[int, str], float] = {}  # room taken by the labels already beside a source's route
    for link, kind, track in zip(links, kinds, track_of, strict=False):
        source, target = nodes[link.source], nodes[link.target]
        gap_x = target.x - GAP / 2
        if kind == "next":
            points = [(source.right, source.cy), (gap_x, source.cy), (gap_x, target.cy), (target.x, target.cy)]
            if source.cy == target.cy:
                points = [points[0], points[-1]]
        elif kind == "forward":
            track_y = bottom_track - TRACK * (track + 1)
            points = [(source.cx, source.bottom), (source.cx, track_y), (gap_x, track_y), (gap_x, target.cy),
                      (target.x, target.cy)]
        elif link.target == link.source:
            track_y = top_track + TRACK * (track + 1)
            points = [(source.cx, source.y), (source.cx, track_y), (gap_x, track_y), (gap_x, target.cy),
                      (target.x, target.cy)]
        else:
            track_y = top_track + TRACK * (track + 1)
            points = [(source.cx, source.y), (source.cx, track_y), (target.cx, track_y), (target.cx, target.y)]
        waypoints.append(tuple(points))
        if link.label is None:
            labels.append(None)
            continue
        label = _edge_label(source, kind, link.label, stacked.get((link.source, kind), 0))
        stacked[(link.source, kind)] = stacked.get((link.source, kind), 0) + label.height + 2
        labels.append(label)
    pool = Box(POOL_X, POOL_Y, right - POOL_X, y - POOL_Y)
    return Layout(pool, tuple(lanes), tuple(nodes), tuple(waypoints), tuple(labels))


def _edge_label(source: Box, kind: str, text: str, taken: float) -> Box:
    """Where the label of an edge stands: beside its first segment, next to the source, past `taken` pixels
    of labels of edges that leave the same way."""
    width, height = label_box(text)
    if kind == "next":
        return Box(source.right + 4, source.cy - 4 - height - taken, width, height)
    if kind == "forward":
        return Box(source.cx + 4, source.bottom + 4 + taken, width, height)
    return Box(source.cx + 4, source.y - 4 - height - taken, width, height)
