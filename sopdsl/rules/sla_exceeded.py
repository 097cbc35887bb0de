"""The procedure's total time exceeds its `sla`.

`sla` is the time budget the whole procedure must meet, often a legal deadline (a written
answer to an information request within 10 working days). The totals follow the flows in
working minutes under the SOP's calendar, taking the time of used SOPs for `uses` steps.
When even the low end of the typical total exceeds the `sla`, the procedure as written
cannot meet it: an error. When only the high end of the typical total, or the longest path
(the max total), exceeds it, the procedure can miss it: a warning. A range `sla` is
compared by its high end. Loops (rework) are left out of the totals, and steps with no or
unquantified time count 0, so a procedure can still miss an `sla` it passes here. An SOP
with an invalid calendar, or whose `sla` is a reversed range, is not checked (see `invalid-calendar`
and `reversed-range`).

Incorrect:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      sla: 10 hari kerja

    step jawab: Menyiapkan jawaban permohonan
      by: ppid
      time: 12 hari kerja

Correct:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      sla: 10 hari kerja

    step jawab: Menyiapkan jawaban permohonan
      by: ppid
      time: 1-7 hari kerja
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.calendar import format_number, mixed_units
from ..analysis.library import first_by_id, library_totals
from ..analysis.totals import calendar_minutes, duration_minutes
from ..diagnostics import Severity
from ..i18n import language, say
from ..model import Unit
from .base import Finding, LibraryContext, Rule, Scope


def check(library: LibraryContext) -> Iterator[tuple[str, list[Finding]]]:
    """The findings on each file of the checked set, by path."""
    first_of_id = first_by_id(file.record for file in library.files if file.record is not None)
    if not any(record.sla is not None for record in first_of_id.values()):
        return
    totals = library_totals(first_of_id.values())
    for file in library.files:
        sop = file.record
        if sop is None or sop.sla is None or sop.sla.is_reversed:  # a reversed sla is no budget: `reversed-range`
            continue
        # An SOP of an id declared twice has the totals of the first; one with an invalid calendar has none.
        if first_of_id[sop.id] is sop and sop.id in totals:
            yield file.path, list(_over_budget(sop, totals[sop.id]))


def _over_budget(sop, totals):
    """Findings on an SOP (its library record) whose totals exceed its sla."""
    minutes = calendar_minutes(sop.calendar)
    budget = duration_minutes(sop.sla, minutes)[1]
    workday = minutes[Unit.WORKDAY]
    typical_low, typical_high = totals.typical
    sla = say("sla-exceeded.budget", sla=sop.sla.wording, minutes=format_number(budget, language()))
    if typical_low > budget:
        yield Finding(
            sop.sla.span,
            say("sla-exceeded.at-least", sop=sop.id, time=_readable(typical_low, workday), budget=sla),
        )
    elif typical_high > budget:
        yield Finding(
            sop.sla.span,
            say("sla-exceeded.up-to", sop=sop.id, time=_readable(typical_high, workday), budget=sla),
            Severity.WARNING,
        )
    elif totals.max > budget:
        yield Finding(
            sop.sla.span,
            say("sla-exceeded.longest", sop=sop.id, time=_readable(totals.max, workday), budget=sla),
            Severity.WARNING,
        )


def _readable(minutes, workday):
    lang = language()
    return say("sla-exceeded.time", words=mixed_units(minutes, workday, lang), minutes=format_number(minutes, lang))


RULE = Rule(
    name="sla-exceeded",
    severity=Severity.ERROR,
    scope=Scope.LIBRARY,
    summary=(
        "even the low end of the typical total exceeds `sla` (error); "
        "only the high end, or the max total, does (warning)"
    ),
    doc=__doc__,
    check=check,
)
