"""A `time` is text, so totals leave it out.

A quoted `time` ("Sesuai jadwal yang ditentukan") prints as written in the Waktu column,
but it has no figure, so the totals count the step as 0 and list it apart. That is right
when the source SOP states no figure; when the step has a usual or a maximum duration,
writing it as a duration makes the totals and an `sla` check meaningful.

Incorrect:

    step jawab: Menyiapkan jawaban permohonan
      by: ppid
      time: "Paling lama sepuluh hari kerja"

Correct:

    step jawab: Menyiapkan jawaban permohonan
      by: ppid
      time: 1-10 hari kerja
"""

from __future__ import annotations

from collections.abc import Iterator

from ..describe import step_name
from ..diagnostics import Severity
from ..i18n import say
from ..model import Text
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    for activity in context.sop.activities():
        if isinstance(activity.time, Text):
            yield Finding(
                activity.time.span,
                say("unquantified-time", step=step_name(activity)),
            )


RULE = Rule(
    name="unquantified-time",
    severity=Severity.INFO,
    scope=Scope.SOP,
    summary="a `time` is text, so totals leave it out",
    doc=__doc__,
    check=check,
)
