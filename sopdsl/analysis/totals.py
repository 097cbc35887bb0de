"""Timing totals per flow and per SOP: typical path, min and max without loops, the cost of each loop."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from ..model import Activity, Duration, Sop
from .calendar import CalendarError, Exact, Minutes, calendar_minutes, duration_minutes, json_minutes
from .graph import END, FlowGraph, flow_graphs

__all__ = [
    "CalendarError",
    "FlowTiming",
    "FlowTotals",
    "LoopCost",
    "SopTiming",
    "SopTotals",
    "StepCost",
    "TypicalPath",
    "calendar_minutes",
    "duration_minutes",
    "flow_totals",
    "sop_timing",
    "sop_totals",
    "step_label",
    "timing_totals",
    "typical_path",
]

Range = tuple[Exact, Exact]
ZERO = 0
NO_TIME: Range = (ZERO, ZERO)
NO_USES: Mapping[str, SopTotals] = MappingProxyType({})


class LoopCost(NamedTuple):
    """One loop: going once more from `target_id` to `source_id`, both included, costs [low, high]."""

    source_id: str
    target_id: str
    minutes: Range


class FlowTotals(NamedTuple):
    """Totals of one flow (section), in working minutes."""

    section: str | None
    steps: int
    typical: Range
    min: Exact
    max: Exact
    loops: tuple[LoopCost, ...]
    unquantified: tuple[str, ...]

    def as_json(self) -> dict:
        return {
            "section": self.section,
            "steps": self.steps,
            "typical_minutes": [json_minutes(value) for value in self.typical],
            "min_minutes": json_minutes(self.min),
            "max_minutes": json_minutes(self.max),
            "loops": [
                {"from": loop.source_id, "to": loop.target_id, "minutes": [json_minutes(v) for v in loop.minutes]}
                for loop in self.loops
            ],
            "unquantified": list(self.unquantified),
        }


class SopTotals(NamedTuple):
    """Totals of one SOP: its flows and their sum."""

    sop_id: str
    flows: tuple[FlowTotals, ...]
    typical: Range
    min: Exact
    max: Exact

    def as_json(self) -> dict:
        return {
            "sop": self.sop_id,
            "flows": [flow.as_json() for flow in self.flows],
            "total": {
                "typical_minutes": [json_minutes(value) for value in self.typical],
                "min_minutes": json_minutes(self.min),
                "max_minutes": json_minutes(self.max),
            },
        }


class StepCost(NamedTuple):
    """What one step counts: toward the typical total, toward min (low) and toward max (high)."""

    typical: Range
    low: Exact
    high: Exact
    quantified: bool

    @classmethod
    def of_range(cls, low: Exact, high: Exact) -> StepCost:
        return cls((low, high), low, high, True)


UNQUANTIFIED = StepCost((ZERO, ZERO), ZERO, ZERO, False)


class TypicalPath(NamedTuple):
    """The steps of the typical path in order, and whether it reaches `end`."""

    steps: tuple[int, ...]
    reaches_end: bool


class FlowTiming(NamedTuple):
    """One flow reduced to what its totals depend on: each step's own time or the SOP it uses, and the arrows.

    Small and made of plain values, so that a worker process can send it back cheaply.
    """

    section: str | None
    labels: tuple[str, ...]  # each step's id, or its 1-based number
    own: tuple[StepCost | None, ...]  # None: the step takes the time of the SOP in `uses`
    uses: tuple[str | None, ...]
    forward: tuple[tuple[int, ...], ...]  # each step's targets that are not loops (END included), in branch order
    loops: tuple[tuple[int, int], ...]  # (source, target) of each loop from a reachable step, once
    reachable: tuple[bool, ...]
    typical: tuple[int, ...]  # the typical path


class SopTiming(NamedTuple):
    """An SOP reduced to what its totals depend on: its flows' timings under its calendar."""

    sop_id: str
    flows: tuple[FlowTiming, ...]

    @property
    def uses(self) -> Iterator[str]:
        """The ids of the SOPs its steps use, in step order."""
        return (used for flow in self.flows for used in flow.uses if used is not None)


def step_label(graph: FlowGraph, position: int) -> str:
    """A step's id, or its 1-based number in the flow when it has none."""
    step_id = graph.steps[position].id
    return step_id if step_id is not None else str(position + 1)


def own_cost(step: Activity, minutes: Minutes) -> StepCost | None:
    """A step's own time; None when it has none and takes the time of the SOP it uses; else an unquantified 0
    (a reversed range included)."""
    if isinstance(step.time, Duration) and not step.time.is_reversed:
        return StepCost.of_range(*duration_minutes(step.time, minutes))
    if step.time is None and step.uses is not None:
        return None
    return UNQUANTIFIED


def forward_edges(graph: FlowGraph, position: int) -> list[int]:
    """Targets of the step's edges that are not loops (END included), in branch order."""
    return [edge.target for edge in graph.edges[position] if not edge.is_loop]


def typical_path(graph: FlowGraph) -> TypicalPath:
    """From the first step, at each decision the first non-loop branch, preferring one that reaches `end`."""
    return _typical_path([forward_edges(graph, position) for position in range(len(graph.steps))])


def _typical_path(forward: Sequence[Sequence[int]]) -> TypicalPath:
    if not forward:
        return TypicalPath((), True)
    to_end = [False] * len(forward)  # does a path without loops lead from the step to `end`?
    for position in reversed(range(len(forward))):
        to_end[position] = any(t == END or to_end[t] for t in forward[position])
    path = []
    position = 0
    while position != END:
        path.append(position)
        targets = forward[position]
        if not targets:
            return TypicalPath(tuple(path), False)
        position = next((t for t in targets if t == END or to_end[t]), targets[0])
    return TypicalPath(tuple(path), True)


def flow_timing(graph: FlowGraph, minutes: Minutes) -> FlowTiming:
    """The flow's timing under the given unit conversion."""
    forward = tuple(tuple(forward_edges(graph, position)) for position in range(len(graph.steps)))
    reachable = graph.reachable()
    return FlowTiming(
        section=graph.section.id,
        labels=tuple(step_label(graph, position) for position in range(len(graph.steps))),
        own=tuple(own_cost(step, minutes) for step in graph.steps),
        uses=tuple(step.uses.id if step.uses is not None else None for step in graph.steps),
        forward=forward,
        loops=tuple(dict.fromkeys((edge.source, edge.target) for edge in graph.loops() if reachable[edge.source])),
        reachable=tuple(reachable),
        typical=_typical_path(forward).steps,
    )


def sop_timing(sop: Sop, graphs: Sequence[FlowGraph] | None = None) -> SopTiming:
    """The SOP's timing, from its flow graphs when already built; raises CalendarError for an invalid calendar."""
    minutes = calendar_minutes(sop.calendar)
    return SopTiming(sop.id, tuple(flow_timing(graph, minutes) for graph in graphs or flow_graphs(sop)))


def extreme_paths(forward: Sequence[Sequence[int]], costs: list[StepCost]) -> Range:
    """(shortest with low ends, longest with high ends) from the first step to `end` without loops; 0 if none."""
    to_end: list[Range | None] = [None] * len(costs)  # (shortest, longest) from each step; None: no way
    for position in reversed(range(len(costs))):
        tails = [tail for tail in (NO_TIME if t == END else to_end[t] for t in forward[position]) if tail is not None]
        if tails:
            cost = costs[position]
            to_end[position] = cost.low + min(low for low, _ in tails), cost.high + max(high for _, high in tails)
    first = to_end[0] if costs else None
    return first if first is not None else NO_TIME


def loop_costs(timing: FlowTiming, costs: list[StepCost]) -> tuple[LoopCost, ...]:
    """Each loop, once: [shortest, longest] from its target to its source without loops."""
    last_source: dict[int, int] = {}
    for source, target in timing.loops:
        last_source[target] = max(source, last_source.get(target, source))
    spans = {target: _paths_from(timing.forward, costs, target, last) for target, last in last_source.items()}
    result = []
    for source, target in timing.loops:
        shortest, longest = spans[target]
        low, high = shortest[source - target], longest[source - target]
        minutes = (low, high) if low is not None and high is not None else NO_TIME
        result.append(LoopCost(timing.labels[source], timing.labels[target], minutes))
    return tuple(result)


def _paths_from(forward: Sequence[Sequence[int]], costs: list[StepCost], first: int, last: int
                ) -> tuple[list[Exact | None], list[Exact | None]]:
    """Shortest (low) and longest (high) time from step `first` to each step up to `last`, both ends included."""
    size = last - first + 1
    shortest: list[Exact | None] = [None] * size
    longest: list[Exact | None] = [None] * size
    shortest[0], longest[0] = costs[first].low, costs[first].high
    for offset in range(size):
        low_here, high_here = shortest[offset], longest[offset]
        if low_here is None or high_here is None:
            continue
        for target in forward[first + offset]:
            if target == END or target > last:
                continue
            step = target - first
            low = low_here + costs[target].low
            high = high_here + costs[target].high
            known_low, known_high = shortest[step], longest[step]
            if known_low is None or low < known_low:
                shortest[step] = low
            if known_high is None or high > known_high:
                longest[step] = high
    return shortest, longest


def add_ranges(ranges: Iterable[Range]) -> Range:
    """The sum of [low, high] ranges, end by end."""
    low: Exact = ZERO
    high: Exact = ZERO
    for range_low, range_high in ranges:
        low, high = low + range_low, high + range_high
    return low, high


def flow_totals(timing: FlowTiming, used: Mapping[str, SopTotals] = NO_USES) -> FlowTotals:
    """Totals of one flow, with the totals of the SOPs its steps use."""
    costs = [_cost(own, uses, used) for own, uses in zip(timing.own, timing.uses, strict=False)]
    low, high = extreme_paths(timing.forward, costs)
    return FlowTotals(
        section=timing.section,
        steps=len(costs),
        typical=add_ranges(costs[position].typical for position in timing.typical),
        min=low,
        max=high,
        loops=loop_costs(timing, costs),
        unquantified=tuple(
            label
            for label, cost, reachable in zip(timing.labels, costs, timing.reachable, strict=False)
            if reachable and not cost.quantified
        ),
    )


def _cost(own: StepCost | None, uses: str | None, used: Mapping[str, SopTotals]) -> StepCost:
    """A step's own time; without one, the totals of the SOP it uses; else an unquantified 0."""
    if own is not None:
        return own
    totals = used.get(uses) if uses is not None else None
    return StepCost(totals.typical, totals.min, totals.max, True) if totals is not None else UNQUANTIFIED


def timing_totals(timing: SopTiming, used: Mapping[str, SopTotals] = NO_USES) -> SopTotals:
    """Totals of every flow of the SOP and their sum, with the totals of the SOPs its steps use."""
    flows = tuple(flow_totals(flow, used) for flow in timing.flows)
    return SopTotals(
        sop_id=timing.sop_id,
        flows=flows,
        typical=add_ranges(flow.typical for flow in flows),
        min=sum((f.min for f in flows), ZERO),
        max=sum((f.max for f in flows), ZERO),
    )


def sop_totals(sop: Sop, used: Mapping[str, SopTotals] = NO_USES) -> SopTotals:
    """Totals of every flow of the SOP and their sum; raises CalendarError for an invalid calendar."""
    return timing_totals(sop_timing(sop), used)
