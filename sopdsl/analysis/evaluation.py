"""When an SOP is due for evaluation: its latest `evaluated` date (or `effective`) plus the evaluation interval."""

from __future__ import annotations

import calendar
import datetime
from typing import NamedTuple

from ..i18n import say
from ..model import Date, Duration, Sop, Unit

DEFAULT_WORDING = "1 tahun"
MONTHS = {Unit.YEAR: 12, Unit.MONTH: 1}
DAYS = {Unit.WEEK: 7, Unit.WORKDAY: 1, Unit.CALENDAR_DAY: 1}  # an interval counts days on the calendar


class Interval(NamedTuple):
    """How long an evaluation holds: whole months and days, and the interval as written."""

    months: int
    days: int
    wording: str

    def __str__(self) -> str:
        """The interval as written (for --show-settings)."""
        return self.wording

    def after(self, day: datetime.date) -> datetime.date:
        """The day the interval ends, counted from `day` (the 31st of a shorter month is its last day)."""
        year, month = divmod(day.year * 12 + day.month - 1 + self.months, 12)
        last = calendar.monthrange(year, month + 1)[1]
        return datetime.date(year, month + 1, min(day.day, last)) + datetime.timedelta(days=self.days)


def interval_of(duration: Duration) -> Interval:
    """The interval a duration gives; a ValueError names what cannot be one (a range, a fraction, hours)."""
    if duration.is_range:
        raise ValueError(say("usage.interval-range", wording=duration.wording, example=DEFAULT_WORDING))
    months = days = 0
    for term in duration.terms:
        amount = term.amount
        if amount != int(amount):
            raise ValueError(say("usage.interval-whole", wording=term.wording))
        if term.unit in MONTHS:
            months += int(amount) * MONTHS[term.unit]
        elif term.unit in DAYS:
            days += int(amount) * DAYS[term.unit]
        else:
            raise ValueError(say("usage.interval-unit", wording=term.wording))
    if months == days == 0:
        raise ValueError(say("usage.interval-zero", wording=duration.wording))
    return Interval(months, days, duration.wording)


DEFAULT_INTERVAL = Interval(12, 0, DEFAULT_WORDING)


def today() -> datetime.date:
    """The day of a check that names none: the day it runs."""
    return datetime.date.today()


def last_evaluated(sop: Sop) -> Date | None:
    """The latest `evaluated` date, else `effective` (None when the SOP has neither)."""
    if sop.evaluated:
        return max(sop.evaluated, key=lambda date: date.value)
    return sop.effective


def evaluation_due_on(sop: Sop, interval: Interval = DEFAULT_INTERVAL) -> datetime.date | None:
    """The last day the latest evaluation (or `effective`) holds; from the next day on the SOP is due."""
    last = last_evaluated(sop)
    return interval.after(last.value) if last is not None else None

