"""The latest `evaluated` date (or `effective`, if never evaluated) is older than the evaluation interval.

Permenpan RB 35/2012 (Bab IV) asks that every SOP in force be evaluated, commonly once a year, on seven
criteria, and revised where the evaluation says so. An SOP whose last evaluation (or, if it was never
evaluated, whose Tanggal Efektif) lies further back than the interval is overdue: the organisation bureau
will ask for it. The interval is the `evaluation-interval` setting (default `1 tahun`; `6 bulan`, `2 tahun`
and the like are accepted, days counted on the calendar), and the day of the check is today, or the day
`sopdsl check --today YYYY-MM-DD` gives. The date is reported; an SOP with neither date is left to
`missing-metadata`. Evaluate the SOP and add the day to its header with `evaluated:`.

Incorrect:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      effective: 2023-06-10

Correct:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      effective: 2023-06-10
      evaluated: 2026-01-15
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.evaluation import last_evaluated
from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The finding on this SOP, if its latest evaluation (or `effective`) is older than the interval."""
    sop = context.sop
    last = last_evaluated(sop)
    if last is None or context.interval.after(last.value) >= context.today:
        return
    key = "evaluation-due.evaluated" if sop.evaluated else "evaluation-due.effective"
    message = say(key, sop=sop.id, date=last.value.isoformat(), interval=context.interval.wording,
                  today=context.today.isoformat())
    yield Finding(last.span or sop.span, message)


RULE = Rule(
    name="evaluation-due",
    severity=Severity.WARNING,
    scope=Scope.SOP,
    summary="the latest `evaluated` date (or `effective`, if never evaluated) is older than the evaluation "
    "interval (setting `evaluation-interval`, default `1 tahun`) on the day of the check",
    doc=__doc__,
    check=check,
)
