"""`sopdsl stats`: timing totals of each SOP, as a table or as JSON."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..analysis.totals import SopTotals

FORMATS = ("text", "json")
LANGUAGES = ("id", "en")
TIMING_RULE = "invalid-calendar"  # with syntax-error, which always runs: the files that cannot be timed


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE", help=".sop files, or folders to search for *.sop")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument(
        "--lang", choices=LANGUAGES,
        help="words of the text table: id or en (default: English headings, Indonesian units such as hari, jam)",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="a .sopdsl.toml or pyproject.toml to take the default calendar from"
    )


def run(args) -> int:
    from ..config import for_paths
    from ..files import collect
    from ..i18n import settle
    from ..terminal import printable

    paths = collect(args.paths)
    config = for_paths(args.paths, args.config)
    args.lang = settle(args.lang, config.lang)
    files, errors = _timed(paths, config.calendar)
    for error in errors:
        print(printable(error.line_text), file=sys.stderr)
    results = _totals(files)
    if args.format == "json":
        objects = [totals.as_json() for _, totals in results]
        if _several(args.paths):
            print(json.dumps(objects, indent=2, ensure_ascii=False))
        elif objects:
            print(json.dumps(objects[0], indent=2, ensure_ascii=False))
    elif results:
        tables = (_table(file, totals, args.lang or "id") for file, totals in results)
        print(printable("\n\n".join(tables), keep="\n"))
    return 1 if errors or len(files) < len(paths) else 0


def _several(names) -> bool:
    """Whether the command line asks for an array: several paths (the same one twice included), or a folder."""
    from pathlib import Path

    return len(names) > 1 or any(name != "-" and Path(name).is_dir() for name in names)


def _timed(paths, default_calendar):
    """The files that parse with a valid calendar, and the findings that stop the others, in file order.

    The checker runs only the rules that tell whether an SOP can be timed: `syntax-error` and `invalid-calendar`.
    """
    from ..checker import check_paths
    from ..config import Config

    config = Config(select=(TIMING_RULE,), calendar=default_calendar)
    checked = check_paths(paths, False, config, models=True)
    order = {file.path: position for position, file in enumerate(checked.files)}
    errors = sorted(checked.diagnostics, key=lambda d: order[d.path])
    timed = [file for file in checked.files if file.record is not None and file.record.timing is not None]
    return timed, errors


def _totals(files):
    """Each file with its SOP's totals, `uses` composed across all the files."""
    from ..analysis.library import library_totals
    from ..analysis.totals import timing_totals

    records = [file.record for file in files]  # each file's calendar is valid: it has a timing
    library = library_totals(records)  # of two SOPs with one id, the first's totals; the other's are its own
    seen = set()
    results = []
    for file, record in zip(files, records, strict=False):
        first = record.id not in seen
        seen.add(record.id)
        results.append((file, library[record.id] if first else timing_totals(record.timing, library)))
    return results


def _table(file, totals: SopTotals, lang: str) -> str:
    """One SOP as text: a row per flow, its loops and unquantified steps, then the total."""
    from ..analysis.calendar import calendar_minutes, spell_range
    from ..i18n import say
    from ..model import Unit

    sop = file.sop
    workday = calendar_minutes(sop.calendar)[Unit.WORKDAY]

    def cells(name, steps, summed):
        times = (summed.typical, (summed.min, summed.min), (summed.max, summed.max))
        return (name, str(steps), *(spell_range(low, high, workday, lang) for low, high in times))

    rows = [tuple(say(f"stats.{word}") for word in ("flow", "steps", "typical", "min", "max"))]
    rows += [cells(flow.section or say("stats.main-flow"), flow.steps, flow) for flow in totals.flows]
    total = cells(say("stats.total"), sum(flow.steps for flow in totals.flows), totals)
    widths = [max(len(row[column]) for row in rows + [total]) for column in range(5)]

    def line(row) -> str:
        aligned = [
            cell.rjust(w) if column == 1 else cell.ljust(w)
            for column, (cell, w) in enumerate(zip(row, widths, strict=False))
        ]
        return "  " + "  ".join(aligned).rstrip()

    def where(flow) -> str:
        return f"{flow.section}: " if flow.section is not None else ""

    lines = [f"{sop.id}: {sop.title.value} ({file.path})"] + [line(row) for row in rows]
    loops = [
        f"    {where(flow)}{loop.source_id} -> {loop.target_id}: {spell_range(*loop.minutes, workday, lang)}"
        for flow in totals.flows
        for loop in flow.loops
    ]
    if loops:
        lines += ["  " + say("stats.loops")] + loops
    unquantified = [where(flow) + ", ".join(flow.unquantified) for flow in totals.flows if flow.unquantified]
    if unquantified:
        lines.append("  " + say("stats.unquantified", steps="; ".join(unquantified)))
    lines.append(line(total))
    return "\n".join(lines)
