"""A step's `by` names a role that is not declared.

Every performer of a step must be one of the `role` lines: each role is a Pelaksana column
of the printed table, and the step's symbol is drawn in the column of its performer. A `by`
that names no role leaves the step without a column, so the table cannot be printed. Most
often it is a typing slip; the message suggests the closest declared role.

Incorrect:

    role petugas: Petugas Layanan Informasi
    role ppid: PPID

    step jawab: Menyiapkan jawaban permohonan
      by: ppd

Correct:

    role petugas: Petugas Layanan Informasi
    role ppid: PPID

    step jawab: Menyiapkan jawaban permohonan
      by: ppid
"""

from __future__ import annotations

from collections.abc import Iterator

from ..describe import closest, step_name
from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    roles = [role.id for role in context.sop.roles]
    declared = set(roles)
    for activity in context.sop.activities():
        for performer in activity.by:
            if performer.id not in declared:
                yield Finding(
                    performer.span,
                    say("unknown-role", step=step_name(activity), role=performer.id, fix=_fix(performer.id, roles)),
                )


def _fix(role_id, roles):
    close = closest(role_id, roles)
    if close:
        return say("hint.did-you-mean", close=close)
    return say("unknown-role.declare", role=role_id)


RULE = Rule(
    name="unknown-role",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="`by` names no declared role",
    doc=__doc__,
    check=check,
)
