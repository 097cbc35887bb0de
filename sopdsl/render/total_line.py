"""The procedure's total time as the printed tables give it in their last row or line."""

from __future__ import annotations

from ..analysis.calendar import CalendarError, calendar_minutes, spell_range
from ..analysis.totals import sop_totals
from ..model import Sop, Unit
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
