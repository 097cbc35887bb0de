"""SOPs `uses` each other in a cycle.

A step with `uses` is carried out by following another SOP, and counts that SOP's time. If
SOP a uses b and b uses a, following either never ends, and neither has a total: the steps
of the cycle count 0. Each cycle is reported once, at the `uses` of its SOP that comes first
in the checked set, naming the cycle's first few SOPs and counting the rest; where several
cycles share SOPs, one is reported at a time. An SOP that uses itself is `self-reference`.

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

SHOWN = 5  # the SOPs of a cycle a message names; the rest are counted, so that a message stays short


def check(library: LibraryContext) -> Iterator[tuple[str, list[Finding]]]:
    """The findings on each file of the checked set, by path."""
    records = first_by_id(file.record for file in library.files if file.record is not None)
    path_of = {}
    for file in library.files:
        if file.record is not None and records[file.record.id] is file.record:
            path_of[file.record.id] = file.path
    order = {sop_id: position for position, sop_id in enumerate(records)}
    # A `uses` of the SOP itself is `self-reference`, not a cycle.
    uses = {sop_id: [use.ref.id for use in record.uses if use.ref.id != sop_id] for sop_id, record in records.items()}
    graph = uses_graph(uses)
    for component in strongly_connected(graph):
        if len(component) > 1:
            start = min(component, key=order.__getitem__)
            cycle = _cycle_through(start, graph, set(component))
            yield path_of[start], [_finding(records[start], cycle)]


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


def _finding(record, cycle):
    """The finding at the first `uses` by which the cycle leaves its first SOP."""
    used = cycle[1]
    use = next(use for use in record.uses if use.ref.id == used)
    shown = cycle[:SHOWN]
    if len(cycle) > SHOWN:
        shown.append(say("uses-cycle.more", count=len(cycle) - SHOWN))
    spelled = " -> ".join([*shown, cycle[0]])
    return Finding(use.ref.span, say("uses-cycle", sop=record.id, used=used, size=len(cycle), cycle=spelled))


RULE = Rule(
    name="uses-cycle",
    severity=Severity.ERROR,
    scope=Scope.LIBRARY,
    summary="SOPs `uses` each other in a cycle",
    doc=__doc__,
    check=check,
)
