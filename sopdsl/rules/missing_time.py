"""A step has no `time`, and no `uses` to take it from.

Waktu is one of the three Mutu Baku columns: the reader of an SOP learns from it how long
each step may take, and the totals add it up. A step without a time prints an empty cell
and counts 0 in every total. A step with `uses` takes its time from the used SOP, so it
needs none of its own. A routine step with `every` (done once per period) counts as having
its time stated: its Waktu cell prints the period, as in `1 x 3 bulan`.
Write a quoted text for a time that is stated but not quantified.

Incorrect:

    step terima: Menerima permohonan informasi
      by: petugas
      output: Register permohonan

Correct:

    step terima: Menerima permohonan informasi
      by: petugas
      time: 15 menit
      output: Register permohonan
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
        if activity.time is None and activity.uses is None and activity.every is None:
            yield Finding(
                step_span(activity),
                say("missing-time", step=step_name(activity)),
            )


RULE = Rule(
    name="missing-time",
    severity=Severity.WARNING,
    scope=Scope.SOP,
    summary="a step has no `time` (and no `uses` to take it from)",
    doc=__doc__,
    check=check,
)
