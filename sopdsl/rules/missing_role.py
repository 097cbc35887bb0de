"""A step or decision has no `by`.

The printed table draws each step's symbol in the Pelaksana column of the role that does it.
A step without `by` has no column: the table cannot show who is responsible for it, and an
SOP that leaves a step to nobody fails its purpose.

Incorrect:

    role petugas: Petugas Layanan Informasi

    step terima: Menerima permohonan informasi
      time: 15 menit

Correct:

    role petugas: Petugas Layanan Informasi

    step terima: Menerima permohonan informasi
      by: petugas
      time: 15 menit
"""

from __future__ import annotations

from collections.abc import Iterator

from ..describe import step_name, step_span
from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    for activity in context.sop.activities():
        if not activity.by:
            yield Finding(
                step_span(activity),
                say("missing-role", step=step_name(activity)),
            )


RULE = Rule(
    name="missing-role",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="a step or decision has no `by`",
    doc=__doc__,
    check=check,
)
