"""Helpers for the import tests: import a file through the CLI, read the drafts back, compare them with a source."""

from __future__ import annotations

import json
from pathlib import Path

from sopdsl.cli import main
from sopdsl.model import Sop, number_value
from sopdsl.parse import parse_text

STEP_FIELDS = ("keyword", "text", "by", "needs", "time", "output", "note", "every")


def import_files(capsys, *files: Path, out: Path) -> list[Path]:
    """Run `sopdsl import FILES -o OUT`, expect success, and return the drafts written."""
    before = set(out.glob("*.sop")) if out.exists() else set()
    status = main(["import", *map(str, files), "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return sorted(set(out.glob("*.sop")) - before)


def step_values(sop: Sop) -> list[dict[str, object]]:
    """Each step's fields as plain values (times and periods as worded), with the id of its section."""
    rows = []
    for section in sop.sections:
        for activity in section.steps:
            time = activity.time
            rows.append(
                {
                    "section": section.id,
                    "keyword": activity.keyword,
                    "text": activity.text.value,
                    "by": tuple(ref.id for ref in activity.by),
                    "needs": activity.needs.value if activity.needs else None,
                    "time": time_meaning(time),
                    "output": activity.output.value if activity.output else None,
                    "note": activity.note.value if activity.note else None,
                    "every": period_meaning(activity.every),
                }
            )
    return rows


def approver_values(sop: Sop) -> tuple[str | None, ...] | None:
    """The signatory's name, rank and NIP as written (None where absent), or None without an approver block."""
    approver = sop.approver
    if approver is None:
        return None
    return tuple(None if text is None else text.value for text in (approver.name, approver.rank, approver.nip))


def time_meaning(time):
    """A step's time as what it means, whatever its wording: the terms (amount, unit) and the range's top, or the
    quoted text."""
    if time is None or hasattr(time, "value"):
        return None if time is None else ("text", time.value)
    upto = (time.upto.amount, time.upto.unit) if time.upto is not None else None
    return tuple((term.amount, term.unit) for term in time.terms), upto


def period_meaning(period):
    """A period as what it means, whatever its wording: (unit, every how many, how many times)."""
    if period is None:
        return None
    return period.unit, number_value(period.number or "1"), number_value(period.times or "1")


def meaning(attribute: str, wording: str):
    """What a `time` or `every` value means, read by the parser itself."""
    step = next(parse_text(f"sop a: a\n\nrole r: r\n\nstep: s\n  by: r\n  {attribute}: {wording}\n").activities())
    return time_meaning(step.time) if attribute == "time" else period_meaning(step.every)


def differences(expected: Sop, found: Sop) -> list[tuple[int, str, object, object]]:
    """(step position, field, expected, found) wherever the two SOPs' steps differ."""
    wanted, got = step_values(expected), step_values(found)
    assert len(wanted) == len(got), (len(wanted), len(got))
    return [
        (i, name, a[name], b[name])
        for i, (a, b) in enumerate(zip(wanted, got, strict=False))
        for name in STEP_FIELDS
        if a[name] != b[name]
    ]


def check_rules(capsys, path: Path) -> list[str]:
    """The rule names `sopdsl check --format json` reports for a file (parsing it proves it is valid .sop)."""
    main(["check", "--format", "json", str(path)])
    return sorted({finding["rule"] for finding in json.loads(capsys.readouterr().out)})


def read_sop(path: Path) -> Sop:
    return parse_text(path.read_text(encoding="utf-8"))


def reviewed_lines(path: Path) -> list[tuple[str, str]]:
    """(the `# periksa` reason, the line it stands above) for every review comment of a draft."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for index, line in enumerate(lines):
        if line.strip().startswith("# periksa:"):
            following = next(other for other in lines[index + 1 :] if not other.strip().startswith("#"))
            found.append((line.strip()[len("# periksa:") :].strip(), following.strip()))
    return found
