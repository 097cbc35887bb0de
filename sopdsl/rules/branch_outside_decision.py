"""A plain step has `yes`, `no` or `branch`, or a decision has `next`.

Only a decision (a diamond in the flowchart) splits the flow into labelled answers, and a
decision leads on only by its branches. Branches on a `step` are ignored when the flow is
drawn and totalled, and so is a `next` on a decision: what the author wrote is not what
the reader of the printed SOP sees.

Incorrect:

    step lengkap: Memeriksa kelengkapan permohonan
      by: petugas
      yes: next
      no: kembalikan

Correct:

    decision lengkap: Memeriksa kelengkapan permohonan
      by: petugas
      yes: next
      no: kembalikan
"""

from __future__ import annotations

from collections.abc import Iterator

from ..describe import step_name
from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    for activity in context.sop.activities():
        if activity.is_decision:
            if activity.next is not None:
                yield Finding(
                    activity.next.span,
                    say("branch-outside-decision.next", step=step_name(activity), target=activity.next.id),
                )
        else:
            for branch in activity.branches:
                yield Finding(
                    branch.span,
                    say("branch-outside-decision.branch", step=step_name(activity), branch=_branch_name(branch)),
                )


def _branch_name(branch):
    return f"'{branch.kind}'" if branch.label is None else f"'branch \"{branch.label}\"'"


RULE = Rule(
    name="branch-outside-decision",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="`yes`, `no` or `branch` on a plain step, or `next` on a decision",
    doc=__doc__,
    check=check,
)
