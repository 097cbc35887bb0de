"""Totals across a library: SOPs that `uses` other SOPs take their totals, in dependency order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar

from .totals import SopTiming, SopTotals, timing_totals


class _HasId(Protocol):
    """Anything with the SOP's `id`: an Sop, or an SOP's library record."""

    @property
    def id(self) -> str: ...


Identified = TypeVar("Identified", bound=_HasId)


def first_by_id(sops: Iterable[Identified]) -> dict[str, Identified]:
    """The SOPs by id, in the order given; of two SOPs with one id, the first counts."""
    found: dict[str, Identified] = {}
    for sop in sops:
        found.setdefault(sop.id, sop)
    return found


def uses_graph(uses: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """For each SOP, the SOPs of the library it uses (given in step order, for every SOP), each once."""
    return {sop_id: list(dict.fromkeys(used for used in used_ids if used in uses)) for sop_id, used_ids in uses.items()}


def strongly_connected(graph: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's components, each after every component it uses: dependencies first, members in visit order."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    on_stack = set()
    components: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = lowest[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = lowest[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(graph[successor])))
                    break
                if successor in on_stack:
                    lowest[node] = min(lowest[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    lowest[parent] = min(lowest[parent], lowest[node])
                if lowest[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(component[::-1])
    return components



def composed_totals(timings: Iterable[SopTiming]) -> dict[str, SopTotals]:
    """Totals of every SOP from its timing, in the order given; each SOP id is given once."""
    library = {timing.sop_id: timing for timing in timings}
    totals: dict[str, SopTotals] = {}
    for component in strongly_connected(uses_graph({sop_id: timing.uses for sop_id, timing in library.items()})):
        computed = {sop_id: timing_totals(library[sop_id], totals) for sop_id in component}
        totals.update(computed)
    return {sop_id: totals[sop_id] for sop_id in library}


def library_totals(records: Iterable) -> dict[str, SopTotals]:
    """Totals of every SOP by id, from the SOPs' records (`sopdsl.library_record`), `uses` composed across them.

    Of two SOPs with one id, the first counts; an SOP whose calendar is invalid has no timing and no totals,
    and a step that uses it counts 0 and is unquantified.
    """
    first = first_by_id(records)
    return composed_totals(record.timing for record in first.values() if record.timing is not None)
