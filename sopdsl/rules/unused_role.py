"""A declared role does no step.

Each `role` is a Pelaksana column of the printed table. A role that no step's `by` names
prints as an empty column, which suggests a performer the procedure does not involve, or a
step assigned to the wrong role.

Incorrect:

    role petugas: Petugas Layanan Informasi
    role ppid: PPID

    step terima: Menerima permohonan informasi
      by: petugas

Correct:

    role petugas: Petugas Layanan Informasi

    step terima: Menerima permohonan informasi
      by: petugas
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    performers = {performer.id for activity in context.sop.activities() for performer in activity.by}
    for role in context.sop.roles:
        if role.id not in performers:
            yield Finding(
                role.id_span or role.span,
                say("unused-role", role=role.id),
            )


RULE = Rule(
    name="unused-role",
    severity=Severity.WARNING,
    scope=Scope.SOP,
    summary="a declared role does no step",
    doc=__doc__,
    check=check,
)
