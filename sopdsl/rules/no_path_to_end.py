"""From the step no path reaches `end`: a loop without exit.

Every flow must be able to finish: from each step, some path of arrows has to lead to
`end`. A step from which every path goes round in a loop (rework that is never approved, a
`next` that jumps back with no decision to leave) makes the procedure endless, and its
totals meaningless. Each such step is reported once. Steps that are never reached are left
to `unreachable-step`, and a step whose way on names an unknown target is left to
`unknown-target`.

Incorrect:

    step terima: Menerima permohonan informasi
      by: petugas

    decision lengkap: Memeriksa kelengkapan permohonan
      by: petugas
      yes: terima
      no: terima

Correct:

    step terima: Menerima permohonan informasi
      by: petugas

    decision lengkap: Memeriksa kelengkapan permohonan
      by: petugas
      yes: end
      no: terima
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
        undecided = graph.leading_to(position for position, _ in graph.unresolved)
        for position, (step, reached, ends) in enumerate(
            zip(graph.steps, graph.reachable(), graph.reaches_end(), strict=False)
        ):
            if reached and not ends and not undecided[position]:
                yield Finding(
                    step_span(step),
                    say("no-path-to-end", step=step_name(step), flow=flow_name(graph.section)),
                )


RULE = Rule(
    name="no-path-to-end",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="from the step no path reaches `end` (a loop without exit)",
    doc=__doc__,
    check=check,
)
