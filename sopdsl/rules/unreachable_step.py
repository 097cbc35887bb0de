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

from ..diagnostics import Severity
from ._describe import flow_name, step_name, step_span
from .base import Finding, rule


@rule("unreachable-step", Severity.ERROR, "no path from its flow's start reaches the step")
def check(context):
    for graph in context.graphs:
        for step, reached in zip(graph.steps, graph.reachable()):
            if not reached:
                yield Finding(
                    step_span(step),
                    f"{step_name(step)} is never reached: no path from the start of {flow_name(graph.section)} "
                    "leads to it; let the step before it go on to it, or name it in a 'next' or a branch",
                )
