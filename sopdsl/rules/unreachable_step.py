"""No path from its flow's start reaches the step.

A flow starts at its first step and goes on from step to step: to the following step, or
where a `next` or a branch leads. A step that no such path reaches is never carried out,
yet it prints in the table and may count in no total: usually a `next` or a branch is
missing or points at the wrong step. Each unreachable step is reported once.

Incorrect:

    step terima: Menerima permohonan informasi
      by: petugas
      next: end

    step catat: Mencatat permohonan dalam register
      by: petugas

Correct:

    step terima: Menerima permohonan informasi
      by: petugas

    step catat: Mencatat permohonan dalam register
      by: petugas
      next: end
"""

from __future__ import annotations

from collections.abc import Iterator

from ..describe import flow_name, step_name, step_span
from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    for graph in context.graphs:
        for step, reached in zip(graph.steps, graph.reachable(), strict=False):
            if not reached:
                yield Finding(
                    step_span(step),
                    say("unreachable-step", step=step_name(step), flow=flow_name(graph.section)),
                )


RULE = Rule(
    name="unreachable-step",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="no path from its flow's start reaches the step",
    doc=__doc__,
    check=check,
)
