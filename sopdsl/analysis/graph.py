"""The flow graph of one section: steps joined by fall-through, `next` and branches."""

from __future__ import annotations

from typing import NamedTuple

from ..model import Activity, Ref, Section, Sop
from ..parse.vocabulary import TARGETS

END = -1  # the target index of `end`


class Edge(NamedTuple):
    """An arrow from step `source` to step `target` (an index in the section, or END)."""

    source: int
    target: int
    kind: str  # "fall" (no next), "next", "yes", "no" or "label"
    label: str | None = None
    ref: Ref | None = None  # the target as written; None for fall-through

    @property
    def is_loop(self) -> bool:
        """An arrow to a step at or before its source in the file."""
        return self.target != END and self.target <= self.source


class FlowGraph:
    """Steps of one section with their out-edges; targets naming no step of the flow are kept apart."""

    def __init__(self, section: Section):
        self.section = section
        self.steps: tuple[Activity, ...] = section.steps
        self.index: dict[str, int] = {}
        for position, step in enumerate(self.steps):
            if step.id is not None:
                self.index.setdefault(step.id, position)
        self.unresolved: list[tuple[int, Ref]] = []
        self.edges: list[list[Edge]] = [self._out_edges(i, step) for i, step in enumerate(self.steps)]

    def _out_edges(self, position: int, step: Activity) -> list[Edge]:
        if step.is_decision and step.branches:
            edges = [self._edge(position, b.kind, b.target, b.label) for b in step.branches]
        elif step.next is not None:
            edges = [self._edge(position, "next", step.next, None)]
        else:
            edges = [Edge(position, self._following(position), "fall")]
        return [edge for edge in edges if edge is not None]

    def _edge(self, position: int, kind: str, ref: Ref, label: str | None) -> Edge | None:
        target = self.resolve(position, ref)
        if target is None:
            self.unresolved.append((position, ref))
            return None
        return Edge(position, target, kind, label, ref)

    def resolve(self, position: int, ref: Ref) -> int | None:
        """The index a target names from step `position`: `next`, `end` or a step id of this flow."""
        target_word = TARGETS.find(ref.id)
        if target_word is not None:
            return END if target_word.concept == "end" else self._following(position)
        return self.index.get(ref.id)

    def _following(self, position: int) -> int:
        return position + 1 if position + 1 < len(self.steps) else END

    def successors(self, position: int) -> list[int]:
        return [edge.target for edge in self.edges[position]]

    def reachable(self) -> list[bool]:
        """For each step: can the flow's start reach it?"""
        seen = [False] * len(self.steps)
        if not self.steps:
            return seen
        seen[0] = True
        stack = [0]
        while stack:
            for target in self.successors(stack.pop()):
                if target != END and not seen[target]:
                    seen[target] = True
                    stack.append(target)
        return seen

    def reaches_end(self) -> list[bool]:
        """For each step: does some path from it reach `end`?"""
        return self.leading_to((END,))

    def leading_to(self, targets) -> list[bool]:
        """For each step: does some path from it reach one of `targets` (step indexes, or END)?"""
        targets = set(targets)
        predecessors: list[list[int]] = [[] for _ in self.steps]
        leads = [position in targets for position in range(len(self.steps))]
        for position in range(len(self.steps)):
            for target in self.successors(position):
                if target == END:
                    leads[position] = leads[position] or END in targets
                else:
                    predecessors[target].append(position)
        stack = [position for position, yes in enumerate(leads) if yes]
        while stack:
            for source in predecessors[stack.pop()]:
                if not leads[source]:
                    leads[source] = True
                    stack.append(source)
        return leads

    def loops(self) -> list[Edge]:
        """The arrows that go back to a step at or before their source."""
        return [edge for edges in self.edges for edge in edges if edge.is_loop]


def flow_graphs(sop: Sop) -> list[FlowGraph]:
    """One graph per flow (section) of the SOP."""
    return [FlowGraph(section) for section in sop.sections]
