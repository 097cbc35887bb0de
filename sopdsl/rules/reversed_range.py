"""A range's low end is above its high end (`5-2 jam`).

A range `1-3 hari` says that a step takes from one to three days: its low end counts toward
the minimum total and its high end toward the maximum. Written the other way round, as
`5-2 jam`, it is most likely a slip (`2-5 jam`), but which end was meant cannot be known:
counted as written, the minimum would exceed the maximum. So the totals leave such a step
out, as if its time were text, and an `sla` written as a reversed range is not compared with
the totals (see `sla-exceeded`). Write the smaller number first.

Incorrect:

    step jawab: Menyiapkan jawaban permohonan
      by: ppid
      time: 5-2 jam

Correct:

    step jawab: Menyiapkan jawaban permohonan
      by: ppid
      time: 2-5 jam
"""

from __future__ import annotations

from collections.abc import Iterator

from ..describe import step_name
from ..diagnostics import Severity
from ..i18n import say
from ..model import Duration
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    sla = context.sop.sla
    if sla is not None and sla.is_reversed:
        yield _finding(sla, "sla", say("reversed-range.sla-left-out"))
    for activity in context.sop.activities():
        if isinstance(activity.time, Duration) and activity.time.is_reversed:
            yield _finding(activity.time, "time", say("reversed-range.step-left-out", step=step_name(activity)))


def _finding(duration: Duration, what: str, consequence: str) -> Finding:
    """The finding on a reversed range, saying what it costs until it is turned round."""
    upto = duration.upto
    assert upto is not None  # only a range can be reversed
    low, high = duration.terms[0].number, upto.number
    message = say("reversed-range", what=what, wording=duration.wording, low=low, high=high, consequence=consequence)
    return Finding(duration.span, message)


RULE = Rule(
    name="reversed-range",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="a range's low end is above its high end (`5-2 jam`)",
    doc=__doc__,
    check=check,
)
