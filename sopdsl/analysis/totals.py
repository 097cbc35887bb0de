"""Timing totals per flow and per SOP: typical path, min and max without loops, the cost of each loop."""

from __future__ import annotations

from fractions import Fraction
from types import MappingProxyType
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from attrs import frozen

from ..model import Activity, Duration, Sop
from .calendar import CalendarError, Minutes, calendar_minutes, duration_minutes, json_minutes
from .graph import END, FlowGraph, flow_graphs

__all__ = [
    "CalendarError",
    "FlowTotals",
    "LoopCost",
    "SopTotals",
    "StepCost",
    "TypicalPath",
    "calendar_minutes",
    "duration_minutes",
    "flow_totals",
    "sop_totals",
    "step_label",
    "typical_path",
]

Range = Tuple[Fraction, Fraction]
ZERO = Fraction(0)
NO_USES: Mapping[str, "SopTotals"] = MappingProxyType({})


@frozen
class LoopCost:
    """One loop: going once more from `target_id` to `source_id`, both included, costs [low, high]."""

    source_id: str
    target_id: str
    minutes: Range


@frozen
class FlowTotals:
    """Totals of one flow (section), in working minutes."""

    section: Optional[str]
    steps: int
    typical: Range
    min: Fraction
    max: Fraction
    loops: Tuple[LoopCost, ...]
    unquantified: Tuple[str, ...]

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


@frozen
class SopTotals:
    """Totals of one SOP: its flows and their sum."""

    sop_id: str
    flows: Tuple[FlowTotals, ...]
    typical: Range
    min: Fraction
    max: Fraction

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


@frozen
class StepCost:
    """What one step counts: toward the typical total, toward min (low) and toward max (high)."""

    typical: Range
    low: Fraction
    high: Fraction
    quantified: bool

    @classmethod
    def of_range(cls, low: Fraction, high: Fraction) -> "StepCost":
        return cls((low, high), low, high, True)


UNQUANTIFIED = StepCost((ZERO, ZERO), ZERO, ZERO, False)


@frozen
class TypicalPath:
    """The steps of the typical path in order, and whether it reaches `end`."""

    steps: Tuple[int, ...]
    reaches_end: bool


def step_label(graph: FlowGraph, position: int) -> str:
    """A step's id, or its 1-based number in the flow when it has none."""
    step_id = graph.steps[position].id
    return step_id if step_id is not None else str(position + 1)


def step_cost(step: Activity, minutes: Minutes, used: Mapping[str, "SopTotals"]) -> StepCost:
    """A step's own time; without one, the totals of the SOP it uses; else an unquantified 0."""
    if isinstance(step.time, Duration):
        return StepCost.of_range(*duration_minutes(step.time, minutes))
    if step.time is None and step.uses is not None and step.uses.id in used:
        totals = used[step.uses.id]
        return StepCost(totals.typical, totals.min, totals.max, True)
    return UNQUANTIFIED


def forward_edges(graph: FlowGraph, position: int) -> List[int]:
    """Targets of the step's edges that are not loops (END included), in branch order."""
    return [edge.target for edge in graph.edges[position] if not edge.is_loop]


def loop_free_end(graph: FlowGraph) -> List[bool]:
    """For each step: does a path without loops lead from it to `end`?"""
    reaches = [False] * len(graph.steps)
    for position in reversed(range(len(graph.steps))):
        reaches[position] = any(t == END or reaches[t] for t in forward_edges(graph, position))
    return reaches


def typical_path(graph: FlowGraph) -> TypicalPath:
    """From the first step, at each decision the first non-loop branch, preferring one that reaches `end`."""
    if not graph.steps:
        return TypicalPath((), True)
    to_end = loop_free_end(graph)
    path = []
    position = 0
    while position != END:
        path.append(position)
        targets = forward_edges(graph, position)
        if not targets:
            return TypicalPath(tuple(path), False)
        position = next((t for t in targets if t == END or to_end[t]), targets[0])
    return TypicalPath(tuple(path), True)


def extreme_paths(graph: FlowGraph, costs: List[StepCost]) -> Range:
    """(shortest with low ends, longest with high ends) from the first step to `end` without loops; 0 if none."""
    shortest: List[Optional[Fraction]] = [None] * len(costs)
    longest: List[Optional[Fraction]] = [None] * len(costs)
    for position in reversed(range(len(costs))):
        tails = [(ZERO, ZERO) if t == END else (shortest[t], longest[t]) for t in forward_edges(graph, position)]
        tails = [tail for tail in tails if tail[0] is not None]
        if tails:
            shortest[position] = costs[position].low + min(low for low, _ in tails)
            longest[position] = costs[position].high + max(high for _, high in tails)
    if not costs or shortest[0] is None:
        return ZERO, ZERO
    return shortest[0], longest[0]


def loop_costs(graph: FlowGraph, costs: List[StepCost], reachable: List[bool]) -> Tuple[LoopCost, ...]:
    """Each loop from a reachable step, once: [shortest, longest] from its target to its source without loops."""
    loops = list(dict.fromkeys((edge.source, edge.target) for edge in graph.loops() if reachable[edge.source]))
    last_source: Dict[int, int] = {}
    for source, target in loops:
        last_source[target] = max(source, last_source.get(target, source))
    spans = {target: _paths_from(graph, costs, target, last) for target, last in last_source.items()}
    result = []
    for source, target in loops:
        shortest, longest = spans[target]
        offset = source - target
        minutes = (shortest[offset], longest[offset]) if shortest[offset] is not None else (ZERO, ZERO)
        result.append(LoopCost(step_label(graph, source), step_label(graph, target), minutes))
    return tuple(result)


def _paths_from(graph: FlowGraph, costs: List[StepCost], first: int, last: int):
    """Shortest (low) and longest (high) time from step `first` to each step up to `last`, both ends included."""
    size = last - first + 1
    shortest: List[Optional[Fraction]] = [None] * size
    longest: List[Optional[Fraction]] = [None] * size
    shortest[0], longest[0] = costs[first].low, costs[first].high
    for offset in range(size):
        if shortest[offset] is None:
            continue
        for target in forward_edges(graph, first + offset):
            if target == END or target > last:
                continue
            step = target - first
            low = shortest[offset] + costs[target].low
            high = longest[offset] + costs[target].high
            if shortest[step] is None or low < shortest[step]:
                shortest[step] = low
            if longest[step] is None or high > longest[step]:
                longest[step] = high
    return shortest, longest


def add_ranges(ranges: Iterable[Range]) -> Range:
    """The sum of [low, high] ranges, end by end."""
    low, high = ZERO, ZERO
    for range_low, range_high in ranges:
        low, high = low + range_low, high + range_high
    return low, high


def flow_totals(graph: FlowGraph, minutes: Minutes, used: Mapping[str, "SopTotals"] = NO_USES) -> FlowTotals:
    """Totals of one flow under the given unit conversion, with the totals of the SOPs its steps use."""
    costs = [step_cost(step, minutes, used) for step in graph.steps]
    reachable = graph.reachable()
    typical = typical_path(graph).steps
    low, high = extreme_paths(graph, costs)
    return FlowTotals(
        section=graph.section.id,
        steps=len(graph.steps),
        typical=add_ranges(costs[position].typical for position in typical),
        min=low,
        max=high,
        loops=loop_costs(graph, costs, reachable),
        unquantified=tuple(
            step_label(graph, p) for p, cost in enumerate(costs) if reachable[p] and not cost.quantified
        ),
    )


def sop_totals(sop: Sop, used: Mapping[str, SopTotals] = NO_USES) -> SopTotals:
    """Totals of every flow of the SOP and their sum; raises CalendarError for an invalid calendar."""
    minutes = calendar_minutes(sop.calendar)
    flows = tuple(flow_totals(graph, minutes, used) for graph in flow_graphs(sop))
    return SopTotals(
        sop_id=sop.id,
        flows=flows,
        typical=add_ranges(flow.typical for flow in flows),
        min=sum((f.min for f in flows), ZERO),
        max=sum((f.max for f in flows), ZERO),
    )
