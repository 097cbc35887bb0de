"""A step's `next` or a branch targets the step itself.

An arrow from a step back into itself says "do this step again", with nothing changed in
between: as a `next` it never ends, and as a branch it hides the rework it stands for. Send
the arrow to the step that prepares the repetition (the correction), or to the step that
follows.

Incorrect:

    decision periksa: Memeriksa berkas permohonan
      by: petugas
      yes: next
      no: periksa

Correct:

    decision periksa: Memeriksa berkas permohonan
      by: petugas
      yes: next
      no: perbaiki

    step perbaiki: Memperbaiki berkas permohonan
      by: pemohon
      next: periksa
"""

from __future__ import annotations

from collections.abc import Iterator

from ..describe import step_name
from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    for graph in context.graphs:
        for position, edges in enumerate(graph.edges):
            for edge in edges:
                if edge.target == position:
                    yield Finding(
                        edge.ref.span if edge.ref is not None else graph.steps[position].span,
                        say("self-loop", step=step_name(graph.steps[position])),
                    )


RULE = Rule(
    name="self-loop",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="a step's `next` or branch targets the step itself",
    doc=__doc__,
    check=check,
)
