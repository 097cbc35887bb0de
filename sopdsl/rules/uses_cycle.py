"""SOPs `uses` each other in a cycle.

A step with `uses` is carried out by following another SOP, and counts that SOP's time. If
SOP a uses b and b uses a (or a uses itself), following either never ends, and neither has
a total: the steps of the cycle count 0. Each cycle is reported at the `uses` of every SOP
on it, with the cycle spelled out; where several cycles share SOPs, one is reported at a
time.

Incorrect:

    # pelayanan-permohonan.sop
    step jawab: Menyiapkan jawaban permohonan
      by: ppid
      uses: penyiapan-jawaban

    # penyiapan-jawaban.sop
    step ulang: Memeriksa ulang permohonan
      by: ppid
      uses: pelayanan-permohonan

Correct:

    # pelayanan-permohonan.sop
    step jawab: Menyiapkan jawaban permohonan
      by: ppid
      uses: penyiapan-jawaban

    # penyiapan-jawaban.sop
    step ulang: Memeriksa ulang permohonan
      by: ppid
      time: 1 hari
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from ..analysis.library import first_by_id, strongly_connected, uses_graph
from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, LibraryContext, Rule, Scope


def check(library: LibraryContext) -> Iterator[tuple[str, list[Finding]]]:
    """The findings on each file of the checked set, by path."""
    records = first_by_id(file.record for file in library.files if file.record is not None)
    path_of = {}
    for file in library.files:
        if file.record is not None and records[file.record.id] is file.record:
            path_of[file.record.id] = file.path
    graph = uses_graph({sop_id: [use.ref.id for use in record.uses] for sop_id, record in records.items()})
    for component in strongly_connected(graph):
        if len(component) > 1 or component[0] in graph[component[0]]:
            cycle = _cycle_through(component[0], graph, set(component))
            for position, sop_id in enumerate(cycle):
                used = cycle[(position + 1) % len(cycle)]
                yield path_of[sop_id], [_finding(records[sop_id], used, cycle[position:] + cycle[:position])]


def _cycle_through(start, graph, members):
    """One cycle from `start` back to it inside its component, found breadth-first: [start, …]."""
    parent = {start: None}
    queue = deque([start])
    while queue:
        sop_id = queue.popleft()
        for used in graph[sop_id]:
            if used == start:
                cycle = []
                while sop_id is not None:
                    cycle.append(sop_id)
                    sop_id = parent[sop_id]
                return cycle[::-1]
            if used in members and used not in parent:
                parent[used] = sop_id
                queue.append(used)
    raise AssertionError(f"'{start}' is in a strongly connected component, so on a cycle")


def _finding(record, used, cycle):
    use = next(use for use in record.uses if use.ref.id == used)
    spelled = " -> ".join(cycle + cycle[:1])
    if len(cycle) == 1:
        message = say("uses-cycle.itself", sop=record.id, cycle=spelled)
    else:
        message = say("uses-cycle.around", sop=record.id, used=used, cycle=spelled)
    return Finding(use.ref.span, message)


RULE = Rule(
    name="uses-cycle",
    severity=Severity.ERROR,
    scope=Scope.LIBRARY,
    summary="SOPs `uses` each other in a cycle",
    doc=__doc__,
    check=check,
)
