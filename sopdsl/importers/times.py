"""Waktu cells read as a duration, a period (`every`), or text quoted as written when they are neither."""

from __future__ import annotations

import functools
import re

from attrs import frozen

from ..model import unit_of

NUMBER = r"\d+(?:[.,]\d+)?"
SPELLED = r"(?:\s*\([^()]*\))?"
UNIT = r"hari\s+kerja|hari\s+kalender|calendar\s+days?|working\s+days?|[^\W\d_]+"
_UNIT_ALIASES = {"hk": "hari kerja", "mnt": "menit", "dtk": None, "detik": None, "jm": "jam", "hr": "hari"}
_NUMBER_WORDS = {"se": "1", "satu": "1", "dua": "2", "tiga": "3", "empat": "4", "enam": "6"}

_TERM = re.compile(rf"({NUMBER}){SPELLED}\s*({UNIT})", re.I)
_TERMS = re.compile(rf"(?:{NUMBER}{SPELLED}\s*(?:{UNIT})\s*(?:,|dan|and)?\s*)+", re.I)
_RANGE = re.compile(rf"({NUMBER}{SPELLED})\s*(?:-|–|—|s\.?/d\.?|sd|sampai(?:\s+dengan)?|hingga|to|until)\s*"
                    rf"({NUMBER}{SPELLED})\s*({UNIT})", re.I)
_TIMES = re.compile(rf"({NUMBER}){SPELLED}\s*(?:x|×|kali)\s*(?:({NUMBER}{SPELLED})\s*)?({UNIT})", re.I)
_EVERY = re.compile(rf"(?:tiap|setiap|per|every|each)\s+(?:({NUMBER}{SPELLED})\s*)?({UNIT})", re.I)
_ONCE_A = re.compile(r"(se|satu|dua|tiga)\s*(hari|minggu|bulan|tahun)\s+(?:sekali|1\s*x)", re.I)
_N_TIMES_A = re.compile(rf"({NUMBER})\s*(?:x|×|kali)\s*se(hari|minggu|bulan|tahun)", re.I)


@frozen
class TimeReading:
    """What a Waktu cell says: `time` (a duration or a quoted text), `every` (a period), and why to review it."""

    time: str | None = None
    quoted: bool = False
    every: str | None = None
    review: str | None = None


def read_time(cell: str) -> TimeReading:
    """A duration where the cell is one, a period where it is one, else the text quoted as written."""
    text = " ".join(cell.split())
    if not text or text in {"-", "–"}:
        return TimeReading()
    period = _period(text)
    if period is not None:
        return period
    time_part, separator, period_part = text.rpartition(";")
    routine = _period(period_part.strip()) if separator and time_part.strip() else None
    if routine is not None:  # "5 menit; Tiap bulan": the time of a routine step, then its period
        first = read_time(time_part)
        return TimeReading(first.time, first.quoted, routine.every, first.review)
    duration = _duration(text)
    if duration is not None:
        return duration
    review = "waktu tidak terbaca sebagai durasi; ditulis sebagai teks" if re.search(r"\d", text) else None
    return TimeReading(time=text, quoted=True, review=review)


def _duration(text: str) -> TimeReading | None:
    """A duration: a range, or one or more number-unit terms."""
    match = _RANGE.fullmatch(text)
    if match:
        unit = _unit(match.group(3))
        wording = f"{_tidy(match.group(1))}-{_tidy(match.group(2))} {unit}" if unit else None
        return _if_accepted("time", wording, text)
    match = _TERMS.fullmatch(text)
    if match:
        terms = [(number, _unit(word)) for number, word in _TERM.findall(text)]
        if all(unit for _, unit in terms):
            spelled = [_tidy(found.group(0)[: found.end(1) - found.start(0)] + _spelled_of(found)) for found in
                       _TERM.finditer(text)]
            wording = " ".join(f"{number} {unit}" for number, (_, unit) in zip(spelled, terms, strict=False))
            return _if_accepted("time", wording, text)
    return None


def _spelled_of(found: re.Match) -> str:
    """The spelled-out part '(sepuluh)' of a term, if it has one."""
    middle = found.group(0)[found.end(1) - found.start(0): found.start(2) - found.start(0)].strip()
    return f" {middle}" if middle else ""


def _period(text: str) -> TimeReading | None:
    """A period: '1 x 3 bulan', 'tiap bulan', 'sebulan sekali', '2 kali sebulan' ..."""
    match = _TIMES.fullmatch(text)
    if match:
        reading = _times_reading(match, text)
        if reading is not None:
            return reading
    for pattern in (_EVERY, _ONCE_A, _N_TIMES_A):
        match = pattern.fullmatch(text)
        if match:
            return _if_accepted("every", _period_wording(pattern, match), text)
    return None


def _times_reading(match: re.Match, text: str) -> TimeReading | None:
    """'1 x 3 bulan' is a period; '1 x 24 jam' is the deadline of official letters: a duration to review."""
    unit = _unit(match.group(3))
    if unit is None:
        return None
    if unit.lower() in ("jam", "menit") and match.group(1) == "1" and match.group(2):
        reading = _if_accepted("time", f"{_tidy(match.group(2))} {unit}", text)
        return TimeReading(reading.time, review=f'"{text}" dibaca sebagai batas waktu') if reading else None
    every = " ".join(filter(None, [_tidy(match.group(2) or ""), unit]))
    return _if_accepted("every", f"{match.group(1)} x {every}", text)


def _period_wording(pattern, match: re.Match) -> str | None:
    """The period words the language reads, for the pattern that matched."""
    if pattern is _EVERY:
        unit = _unit(match.group(2))
        return unit and " ".join(filter(None, [_tidy(match.group(1) or ""), unit.lower()]))
    if pattern is _ONCE_A:
        number = _NUMBER_WORDS.get(match.group(1).lower(), "1")
        return f"{number} {match.group(2).lower()}" if number != "1" else match.group(2).lower()
    return f"{match.group(1)} x {match.group(2).lower()}"


def _if_accepted(attribute: str, wording: str | None, original: str) -> TimeReading | None:
    """The reading, if the language accepts the original wording (kept as written) or else the tidied one."""
    for candidate in (original, wording):
        if candidate and accepted(attribute, candidate):
            if attribute == "every":
                return TimeReading(every=candidate)
            return TimeReading(time=candidate)
    return None


def _unit(word: str) -> str | None:
    """The unit word as the language knows it, or None."""
    folded = " ".join(word.lower().split())
    if unit_of(folded) is not None:
        return " ".join(word.split())
    alias = _UNIT_ALIASES.get(folded)
    return alias if alias and unit_of(alias) is not None else None


def _tidy(text: str) -> str:
    """Blanks folded, and none just inside an opening parenthesis."""
    return " ".join(text.replace("( ", "(").split())


@functools.lru_cache(maxsize=1024)
def accepted(attribute: str, wording: str) -> bool:
    """Whether the parser reads `wording` as the value of a step's `time` or `every`."""
    from ..parse import SopSyntaxError, parse_text

    try:
        sop = parse_text(f"sop a: a\n\nrole r: r\n\nstep: s\n  by: r\n  {attribute}: {wording}\n")
    except SopSyntaxError:
        return False
    value = getattr(next(sop.activities()), attribute)
    return value is not None and not hasattr(value, "value")
