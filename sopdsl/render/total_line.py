"""The procedure's total time as the signed tables give it in their last row: only what can be summed.

Working time is spelled in working days, hours and minutes ("2 hari kerja 45 menit", a range as
"1–7 hari kerja"); routine steps give their periods and steps without a measurable time are counted,
so that a routine or "sesuai jadwal" SOP never prints a bare "0 menit". Minutes alone stay in `stats`.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from ..analysis.calendar import CalendarError, Minutes, calendar_minutes, format_number, mixed_units
from ..analysis.graph import flow_graphs
from ..analysis.totals import SopTotals, sop_totals, step_label, typical_path
from ..model import Duration, Period, Sop, Unit
from .labels import date_text, period_text
from .options import RenderOptions

WORKING_UNITS = (Unit.MINUTE, Unit.HOUR, Unit.WORKDAY)


def total_text(sop: Sop, options: RenderOptions) -> str | None:
    """The typical working time, routine periods and unmeasured steps; None for an invalid calendar."""
    try:
        minutes = calendar_minutes(sop.calendar)
        totals = options.totals if options.totals is not None else sop_totals(sop)
    except CalendarError:
        return None
    routine, unmeasured = _unsummed(sop, totals)
    words = options.words
    calendar, (low, high) = _calendar_time(sop, minutes)
    low, high = totals.typical[0] - low, totals.typical[1] - high
    sums = [_count(amounts, word, options.lang) for word, amounts in calendar.items()]
    if high > 0 or not (routine or unmeasured or sums):
        sums.insert(0, spell_working_time(low, high, minutes[Unit.WORKDAY], words, options.lang))
    rest = []
    if routine:
        periods = dict.fromkeys(period_text(period, options.lang).lower() for period in routine)
        rest.append(f"{len(routine)} {_counted(words, 'routine_step', len(routine))} ({', '.join(periods)})")
    if unmeasured:
        rest.append(f"{unmeasured} {_counted(words, 'unmeasured_step', unmeasured)}")
    if sums and rest:
        return f"{' + '.join(sums)} (+ {'; '.join(rest)})"
    return " + ".join(sums) or "; ".join(rest)


def _counted(words: Mapping[str, str], key: str, count: int | Fraction) -> str:
    """The printed word for `count` of something: the label `key`, or its plural (`key` + "s") for any other count."""
    return words[key] if count == 1 else words[f"{key}s"]


def _unsummed(sop: Sop, totals: SopTotals) -> tuple[list[Period], int]:
    """The reachable steps whose time was not summed: the periods of those with one, and how many others."""
    routine: list[Period] = []
    unmeasured = 0
    for graph, flow in zip(flow_graphs(sop), totals.flows, strict=False):
        labels = set(flow.unquantified)
        for position, step in enumerate(graph.steps):
            if step_label(graph, position) not in labels:
                continue
            if step.every is not None:
                routine.append(step.every)
            else:
                unmeasured += 1
    return routine, unmeasured


def _calendar_time(sop: Sop, minutes: Minutes) -> tuple[dict[str, list[Fraction]], tuple[Fraction, Fraction]]:
    """Calendar-unit time along the typical paths per unit word, and the working minutes the totals gave it."""
    amounts: dict[str, list[Fraction]] = {}
    counted = [Fraction(0), Fraction(0)]
    for graph in flow_graphs(sop):
        for position in typical_path(graph).steps:
            time = graph.steps[position].time
            if not isinstance(time, Duration):
                continue
            pairs = [(time.terms[0], time.upto)] if time.upto is not None else [(term, term) for term in time.terms]
            for first, last in pairs:
                if last.unit in WORKING_UNITS:
                    continue
                word = " ".join(last.unit_word.lower().split())
                sums = amounts.setdefault(word, [Fraction(0), Fraction(0)])
                for end, term in enumerate((first, last)):
                    value = Fraction(term.amount)
                    sums[end] += value
                    counted[end] += value * minutes[last.unit]
    return amounts, (counted[0], counted[1])


def _count(amounts: list[Fraction], word: str, lang: str) -> str:
    """A sum in one calendar unit, as the author named it: "30 hari kalender", "1–2 bulan"."""
    low, high = amounts
    if low == high:
        return f"{format_number(low, lang)} {word}"
    return f"{format_number(low, lang)}–{format_number(high, lang)} {word}"


def spell_working_time(low: Fraction, high: Fraction, workday: Fraction, words: Mapping[str, str],
                       lang: str = "id") -> str:
    """Working minutes as "2 hari kerja 45 menit"; a range as "1–7 hari kerja" or "30 menit – 1 jam".

    The working days are named by the printed labels `words` (`workday`, `workdays`), hours and minutes as units.
    """
    days = (words["workday"], words["workdays"])
    if low == high:
        return mixed_units(low, workday, lang, days)
    if low % workday == 0 and high % workday == 0 and low:
        first, last = (format_number(Fraction(end) / workday, lang) for end in (low, high))
        return f"{first}–{last} {days[1]}"
    return f"{mixed_units(low, workday, lang, days)} – {mixed_units(high, workday, lang, days)}"


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
