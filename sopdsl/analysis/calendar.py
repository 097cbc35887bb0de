"""Unit conversion for totals: working minutes per unit under an SOP's calendar."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from fractions import Fraction

from ..errors import SopdslError
from ..i18n import say
from ..model import Calendar, Duration, Span, Unit, number_value

Exact = int | Fraction  # working minutes: an int when whole, as most are, since ints add up much faster
Minutes = Mapping[Unit, Exact]

DEFAULT_CALENDAR = {
    "workday": (8, Unit.HOUR),
    "week": (5, Unit.WORKDAY),
    "month": (21, Unit.WORKDAY),
    "year": (12, Unit.MONTH),
}

# The units each calendar entry may be written in: only units smaller than itself.
ALLOWED_UNITS = {
    "workday": (Unit.MINUTE, Unit.HOUR),
    "week": (Unit.MINUTE, Unit.HOUR, Unit.WORKDAY),
    "month": (Unit.MINUTE, Unit.HOUR, Unit.WORKDAY, Unit.CALENDAR_DAY, Unit.WEEK),
    "year": (Unit.MINUTE, Unit.HOUR, Unit.WORKDAY, Unit.CALENDAR_DAY, Unit.WEEK, Unit.MONTH),
}

UNIT_OF_ENTRY = {"workday": Unit.WORKDAY, "week": Unit.WEEK, "month": Unit.MONTH, "year": Unit.YEAR}


class CalendarError(SopdslError):
    """A calendar entry that cannot define its unit; `span` points at the entry's value."""

    def __init__(self, message: str, span: Span | None):
        super().__init__(message)
        self.message = message
        self.span = span


def calendar_minutes(calendar: Calendar | None) -> dict[Unit, Fraction]:
    """Working minutes per unit; a calendar day is a seventh of a week."""
    minutes: dict[Unit, Fraction] = {Unit.MINUTE: Fraction(1), Unit.HOUR: Fraction(60)}
    for entry in ("workday", "week", "month", "year"):
        duration = getattr(calendar, entry) if calendar is not None else None
        if calendar is not None and duration is not None:
            value = Fraction(_entry_minutes(entry, calendar.words.get(entry, entry), duration, minutes, calendar.span))
        else:
            amount, unit = DEFAULT_CALENDAR[entry]
            value = amount * minutes[unit]
        minutes[UNIT_OF_ENTRY[entry]] = value
        if entry == "week":
            minutes[Unit.CALENDAR_DAY] = value / 7
    return minutes


def _entry_minutes(entry: str, written: str, duration: Duration, minutes: Minutes, calendar_span: Span | None
                   ) -> Exact:
    """The working minutes of one calendar entry, checked; messages name the entry as the author `written` it."""
    span = duration.span or calendar_span
    if duration.is_range:
        raise CalendarError(say("invalid-calendar.range", entry=written, wording=duration.wording), span)
    allowed = ALLOWED_UNITS[entry]
    for term in duration.terms:
        if term.unit not in allowed:
            words = ", ".join(say(f"unit.{unit.name.lower()}") for unit in allowed)
            raise CalendarError(say("invalid-calendar.unit", entry=written, unit=term.unit_word, units=words), span)
    low, _ = duration_minutes(duration, minutes)
    if low <= 0:
        raise CalendarError(say("invalid-calendar.zero", entry=written), span)
    return low


def duration_minutes(duration: Duration, minutes: Minutes) -> tuple[Exact, Exact]:
    """(low, high) working minutes: terms add up; a range gives its two ends."""
    if duration.upto is not None:
        scale = minutes[duration.upto.unit]
        return exact(_number(duration.terms[0].number) * scale), exact(_number(duration.upto.number) * scale)
    total = exact(sum((_number(term.number) * minutes[term.unit] for term in duration.terms), Fraction(0)))
    return total, total


@functools.lru_cache(maxsize=1024)
def _number(number: str) -> Fraction:
    """A number as written, as a Fraction: the same few numbers come back in every step."""
    return Fraction(number_value(number))


def exact(value: Fraction) -> Exact:
    """The value as an int when it is whole."""
    return value.numerator if value.denominator == 1 else value


def json_minutes(value: Exact) -> int | float:
    """A number of minutes for JSON: an integer when whole, else rounded to 2 decimals."""
    if value.denominator == 1:
        return int(value)
    return round(float(value), 2)


UNIT_WORDING = {
    "id": {"day": ("hari", "hari"), "hour": ("jam", "jam"), "minute": ("menit", "menit")},
    "en": {"day": ("day", "days"), "hour": ("h", "h"), "minute": ("min", "min")},
}
DECIMAL_MARK = {"id": ",", "en": "."}


def format_number(value: Exact, lang: str = "id") -> str:
    """A number as a person reads it: whole, or with at most 2 decimals in the language's notation."""
    rounded = round(Fraction(value), 2)
    if rounded.denominator == 1:
        return str(int(rounded))
    return f"{float(rounded):.2f}".rstrip("0").replace(".", DECIMAL_MARK[lang])


def mixed_units(minutes: Exact, workday: Exact, lang: str = "id", day_words: tuple[str, str] | None = None) -> str:
    """Minutes in working days, hours and minutes: "2 hari 3 jam 15 menit" ("2 days 3 h 15 min" in English).

    `day_words` (one, more) name the working days where the unit word "hari" / "day" will not do.
    """
    words = UNIT_WORDING[lang]
    rest = round(Fraction(minutes), 2)
    days, rest = divmod(rest, workday)
    hours, rest = divmod(rest, 60)
    parts = []
    for amount, (singular, plural) in ((days, day_words or words["day"]), (hours, words["hour"]),
                                       (rest, words["minute"])):
        if amount:
            parts.append(f"{format_number(Fraction(amount), lang)} {singular if amount == 1 else plural}")
    return " ".join(parts) or f"0 {words['minute'][1]}"


def spell_range(low: Exact, high: Exact, workday: Exact, lang: str = "id") -> str:
    """A time or range in working days, hours and minutes, and in minutes alone when an hour or more."""
    unit = UNIT_WORDING[lang]["minute"][1]
    if low == high:
        words = mixed_units(low, workday, lang)
        return words if low < 60 else f"{words} ({format_number(low, lang)} {unit})"
    words = f"{mixed_units(low, workday, lang)} – {mixed_units(high, workday, lang)}"
    return f"{words} ({format_number(low, lang)}–{format_number(high, lang)} {unit})"


def spell_totals(summed, workday: Fraction, lang: str = "id") -> tuple[str, str, str]:
    """Typical, minimum and maximum of a flow or of an SOP's totals, in words."""
    low, high = summed.typical
    return (spell_range(low, high, workday, lang), spell_range(summed.min, summed.min, workday, lang),
            spell_range(summed.max, summed.max, workday, lang))
