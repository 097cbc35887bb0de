"""The procedure's total time as the printed tables give it in their last row or line."""

from __future__ import annotations

from ..analysis.calendar import CalendarError, calendar_minutes, spell_range
from ..analysis.totals import sop_totals
from ..model import Sop, Unit
from .labels import date_text
from .options import RenderOptions


def total_text(sop: Sop, options: RenderOptions) -> str | None:
    """The typical total in working days, hours and minutes, and how many steps have no measured time.

    None when the SOP's calendar is invalid (the checker reports it).
    """
    try:
        workday = calendar_minutes(sop.calendar)[Unit.WORKDAY]
        totals = options.totals if options.totals is not None else sop_totals(sop)
    except CalendarError:
        return None
    words = spell_range(*totals.typical, workday, options.lang)
    unquantified = sum(len(flow.unquantified) for flow in totals.flows)
    if unquantified:
        words += f" (+ {unquantified} {options.words['unquantified']})"
    return words


def deadline_text(sop: Sop, options: RenderOptions) -> str | None:
    """The calendar dates by which the totals and the sla fall due, when the work starts on `deadline_from`.

    Counted as `sopdsl due` counts them (working days, weekends and holidays skipped); None without a start
    date or with an invalid calendar.
    """
    if options.deadline_from is None:
        return None
    from ..lifecycle.due import WorkingDays, days_per_week, due_dates

    try:
        totals = options.totals if options.totals is not None else sop_totals(sop)
        dates = due_dates(sop, totals, options.deadline_from, WorkingDays(days_per_week(sop), options.holidays))
    except CalendarError:
        return None
    words, lang = options.words, options.lang
    low, high = (date_text(day, lang) for day in dates.typical)
    parts = [f"{words['deadline_typical']} {low if low == high else f'{low} – {high}'}",
             f"{words['deadline_max']} {date_text(dates.max, lang)}"]
    if dates.sla is not None and sop.sla is not None:
        parts.append(f"{words['deadline_sla']} ({sop.sla.wording}) {date_text(dates.sla, lang)}")
    return "; ".join(parts)
