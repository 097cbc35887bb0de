"""Due dates: working minutes turned into the calendar date by which they fall due, holidays skipped."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import NamedTuple

from ..analysis.calendar import calendar_minutes, duration_minutes
from ..analysis.totals import SopTotals
from ..files import UsageError
from ..i18n import say
from ..model import Sop, Unit

COUNTRY = "ID"
ONE_DAY = datetime.timedelta(days=1)


class WorkingDays:
    """Which days are worked: the first days of each week (Monday on), less national and extra holidays."""

    def __init__(self, days_per_week: int, extra_holidays: Iterable[datetime.date] = (), national: bool = True):
        self.days_per_week = days_per_week
        self.extra = frozenset(extra_holidays)
        self.national = national
        self._years: dict[int, set[datetime.date]] = {}

    def holidays_of(self, year: int) -> set[datetime.date]:
        """The year's national holidays (from the `holidays` package) and the extra ones."""
        if year not in self._years:
            national: set[datetime.date] = set()
            if self.national:
                national = set(_national_holidays(year))
            self._years[year] = national | {day for day in self.extra if day.year == year}
        return self._years[year]

    def is_working(self, day: datetime.date) -> bool:
        return day.weekday() < self.days_per_week and day not in self.holidays_of(day.year)


def _national_holidays(year: int) -> Iterable[datetime.date]:
    try:
        import holidays  # the optional `dates` extra: only `due` needs it
    except ImportError:
        raise UsageError(say("usage.holidays-package")) from None
    return holidays.country_holidays(COUNTRY, years=[year]).keys()


def days_per_week(sop: Sop) -> int:
    """Working days in the SOP's calendar week; a UsageError when the week is not a whole number of days."""
    minutes = calendar_minutes(sop.calendar)
    days = Fraction(minutes[Unit.WEEK]) / Fraction(minutes[Unit.WORKDAY])
    if days.denominator != 1 or not 1 <= days <= 7:
        raise UsageError(say("usage.due-week", sop=sop.id, days=f"{float(days):g}"))
    return int(days)


def due_date(
    start: datetime.date, minutes, workday_minutes, is_working: Callable[[datetime.date], bool]
) -> datetime.date:
    """The end of working day ceil(minutes / workday) counted from the next working day after `start`."""
    if minutes <= 0:
        return start
    remaining = math.ceil(Fraction(minutes) / Fraction(workday_minutes))
    day = start
    try:
        if remaining > (datetime.date.max - start).days:
            raise OverflowError
        while remaining:
            day += ONE_DAY
            if is_working(day):
                remaining -= 1
    except OverflowError:
        days = math.ceil(Fraction(minutes) / Fraction(workday_minutes))
        last = datetime.date.max
        raise UsageError(say("usage.due-after-last-date", days=f"{days:,}", start=start, last=last)) from None
    return day


class DueDates(NamedTuple):
    """When the SOP's totals fall due from a start date; `sla` only where the SOP has one that is not reversed."""

    sop_id: str
    start: datetime.date
    typical: tuple[datetime.date, datetime.date]
    min: datetime.date
    max: datetime.date
    sla: datetime.date | None

    def as_json(self) -> dict:
        result = {
            "sop": self.sop_id,
            "from": self.start.isoformat(),
            "typical": [day.isoformat() for day in self.typical],
            "min": self.min.isoformat(),
            "max": self.max.isoformat(),
        }
        if self.sla is not None:
            result["sla"] = self.sla.isoformat()
        return result


def due_dates(sop: Sop, totals: SopTotals, start: datetime.date, working: WorkingDays) -> DueDates:
    """The dates on which the SOP's typical, min and max totals, and its sla, fall due."""
    minutes = calendar_minutes(sop.calendar)
    workday = minutes[Unit.WORKDAY]

    def due(value) -> datetime.date:
        return due_date(start, value, workday, working.is_working)

    sla = due(duration_minutes(sop.sla, minutes)[1]) if sop.sla is not None and not sop.sla.is_reversed else None
    low, high = totals.typical
    return DueDates(sop.id, start, (due(low), due(high)), due(totals.min), due(totals.max), sla)
