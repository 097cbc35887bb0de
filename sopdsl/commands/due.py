"""`sopdsl due`: the dates on which an SOP's totals and its SLA fall due, counted in working days from a date."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .check import day

FORMATS = ("text", "json")
LANGUAGES = ("id", "en")
WORDS = {
    "id": {"from": "mulai", "typical": "tipikal", "min": "minimum", "max": "maksimum", "sla": "SLA",
           "reversed": "tidak dihitung: rentang terbalik"},
    "en": {"from": "from", "typical": "typical", "min": "min", "max": "max", "sla": "SLA",
           "reversed": "not counted: a reversed range"},
}


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .sop file")
    parser.add_argument("--from", dest="start", required=True, type=day, metavar="DATE",
                        help="the day the work starts (YYYY-MM-DD); counting begins on the next working day")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--holidays", type=_dates, default=(), metavar="DATES",
                        help="extra non-working days, comma-separated YYYY-MM-DD (added to the `holidays` setting)")
    parser.add_argument("--lang", choices=LANGUAGES, help="words and dates of the text, and messages (default: id)")
    parser.add_argument("--config", metavar="FILE", help="a .sopdsl.toml or pyproject.toml (calendar, holidays)")


def run(args) -> int:
    from ..analysis.calendar import CalendarError
    from ..analysis.totals import sop_totals
    from ..config import for_paths
    from ..files import UsageError
    from ..i18n import say, settle
    from ..lifecycle.due import WorkingDays, days_per_week, due_dates
    from ..loading import read
    from ..terminal import printable

    path = Path(args.file)
    if not path.is_file():
        raise UsageError(say("usage.no-such-file" if not path.exists() else "usage.not-a-file", path=args.file))
    config = for_paths([args.file], args.config)
    args.lang = settle(args.lang, config.lang)
    file = read(path, config.calendar)
    sop = file.sop
    if sop is None:
        if file.error is not None:
            print(printable(file.error.line_text), file=sys.stderr)
        return 1
    try:
        totals = sop_totals(sop)
    except CalendarError as error:
        span = error.span or sop.span
        raise UsageError(f"{file.path}:{span.line}:{span.column}: {error.message}") from None
    working = WorkingDays(days_per_week(sop), (*config.holidays, *args.holidays))
    dates = due_dates(sop, totals, args.start, working)
    if args.format == "json":
        print(json.dumps(dates.as_json(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(_text(sop, dates, args.lang or "id"))
    return 0


def _text(sop, dates, lang: str) -> str:
    from ..render.labels import date_text

    words = WORDS[lang]
    low, high = (date_text(day, lang) for day in dates.typical)
    lines = [
        f"{sop.id}: {sop.title.value} ({words['from']} {date_text(dates.start, lang)})",
        f"  {words['typical']}: {low if low == high else f'{low} – {high}'}",
        f"  {words['min']}: {date_text(dates.min, lang)}",
        f"  {words['max']}: {date_text(dates.max, lang)}",
    ]
    if dates.sla is not None:
        lines.append(f"  {words['sla']} ({sop.sla.wording}): {date_text(dates.sla, lang)}")
    elif sop.sla is not None:
        lines.append(f"  {words['sla']} ({sop.sla.wording}): {words['reversed']}")
    return "\n".join(lines) + "\n"


def _dates(text: str):
    return tuple(day(part.strip()) for part in text.split(",") if part.strip())
