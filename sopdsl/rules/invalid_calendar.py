"""A `calendar` entry cannot define its unit: a unit not smaller than itself, a range, or zero.

The calendar says how long a working day, week, month and year are, so that the totals can
add up times written in different units. Each entry must be written in smaller units than
the one it defines (a workday in hours or minutes, a week in workdays, …): `workday: 2
weeks` defines the workday by the week, which is itself defined by the workday. An entry
must also be one length, not a range, and longer than zero. The first invalid entry is
reported. While the calendar is invalid, the SOP has no totals and `sla-exceeded` cannot
check it.

Incorrect:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      calendar:
        workday: 2 weeks

Correct:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      calendar:
        workday: 7 h 30 min
        week: 5 workdays
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.totals import CalendarError, calendar_minutes
from ..diagnostics import Severity
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    sop = context.sop
    try:
        calendar_minutes(sop.calendar)
    except CalendarError as error:
        yield Finding(error.span or sop.field_spans.get("calendar") or sop.span, error.message)


RULE = Rule(
    name="invalid-calendar",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="a `calendar` entry uses a unit not smaller than itself, a range, or zero",
    doc=__doc__,
    check=check,
)
