"""A `next` or a branch names no step of its own flow.

A jump target is a step id of the same flow (section), `next` (the step that follows) or
`end`. A target that names no such step leaves the arrow pointing nowhere: the flowchart
cannot be drawn and the totals cannot follow the path. Targets stay inside their section:
each section is an independent flow with its own start and end, so a step of another
section is not a valid target either.

Incorrect:

    decision lengkap: Memeriksa kelengkapan permohonan
      by: petugas
      yes: next
      no: kembalikan

    step jawab: Menyiapkan jawaban permohonan
      by: ppid

Correct:

    decision lengkap: Memeriksa kelengkapan permohonan
      by: petugas
      yes: next
      no: kembalikan

    step jawab: Menyiapkan jawaban permohonan
      by: ppid
      next: end

    step kembalikan: Mengembalikan permohonan untuk dilengkapi
      by: petugas
"""

from __future__ import annotations

from collections.abc import Iterator

from ..describe import closest, flow_name, step_name
from ..diagnostics import Severity
from ..i18n import say
from ..model import Section
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    graphs = context.graphs
    section_of: dict[str, Section] = {}
    for graph in graphs:
        for step_id in graph.index:
            section_of.setdefault(step_id, graph.section)
    for graph in graphs:
        for position, ref in graph.unresolved:
            step = graph.steps[position]
            elsewhere = section_of.get(ref.id)
            if elsewhere is not None:
                fix = say("unknown-target.elsewhere", target=ref.id, flow=flow_name(elsewhere))
            else:
                fix = _fix(ref.id, list(graph.index))
            message = say("unknown-target", step=step_name(step), target=ref.id, flow=flow_name(graph.section), fix=fix)
            yield Finding(ref.span, message)


def _fix(target_id, step_ids):
    close = closest(target_id, step_ids)
    if close:
        return say("hint.did-you-mean", close=close)
    return say("unknown-target.name-one")


RULE = Rule(
    name="unknown-target",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="`next` or a branch names no step of its flow",
    doc=__doc__,
    check=check,
)
