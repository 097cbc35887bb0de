"""Filled-in xlsx forms read back: each SOP's assessment, notes and actions, or its answers on the criteria."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ...files import UsageError
from ...i18n import say
from .model import EVALUATION, MONITORING
from .words import WORDS, choice_words
from .xlsx import CRITERION_KEY, KEYS_MARK, META_SHEET, SOP_KEY

FILLED_KEYS = {MONITORING: ("assessment", "notes", "action", "initials"), EVALUATION: ("answer", "notes")}


class FilledRow(NamedTuple):
    """One row as filled in: the SOP (and criterion), the printed procedure, and the cells a person fills."""

    sop_id: str
    criterion: int | None
    procedure: str
    values: dict[str, str | None]


class FilledSheet(NamedTuple):
    """One form sheet as filled in."""

    kind: str
    name: str
    lines: tuple[str, ...]
    rows: tuple[FilledRow, ...]


class FilledForm(NamedTuple):
    """A whole filled-in workbook."""

    path: str
    kind: str
    sheets: tuple[FilledSheet, ...]


def read_form(path: Path) -> FilledForm:
    """The filled-in form at `path`; a UsageError when it is not a form sopdsl wrote, or cannot be read."""
    try:
        from openpyxl import load_workbook  # the optional `office` extra
    except ImportError:
        raise UsageError(say("usage.openpyxl")) from None
    from zipfile import BadZipFile

    try:
        workbook = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise UsageError(say("usage.no-such-file", path=path)) from None
    except (BadZipFile, OSError, KeyError, ValueError) as error:
        raise UsageError(say("usage.not-xlsx", path=path, error=error)) from None
    if META_SHEET not in workbook.sheetnames:
        raise UsageError(say("usage.not-a-form", path=path, sheet=META_SHEET))
    meta = list(workbook[META_SHEET].iter_rows(min_row=2, values_only=True))
    kind = meta[0][0] if meta else None
    if kind not in (MONITORING, EVALUATION):
        raise UsageError(say("usage.form-kind", path=path, sheet=META_SHEET))
    sheets = []
    for row in meta:
        name, sheet_kind = row[2], row[3]
        if sheet_kind in FILLED_KEYS:
            if name not in workbook.sheetnames:
                raise UsageError(say("usage.sheet-missing", path=path, sheet=name))
            sheets.append(_sheet(path, workbook[name], sheet_kind))
    return FilledForm(str(path), kind, tuple(sheets))


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _sheet(path: Path, sheet, kind: str) -> FilledSheet:
    rows = list(sheet.iter_rows(values_only=True))
    keys_at = next((number for number, row in enumerate(rows) if row and row[0] == KEYS_MARK), None)
    if keys_at is None:
        raise UsageError(say("usage.sheet-keys", path=path, sheet=sheet.title))
    column_of = {_text(value): index for index, value in enumerate(rows[keys_at]) if _text(value)}
    column_of[SOP_KEY] = 0
    needed = (SOP_KEY, "procedure", *FILLED_KEYS[kind]) + ((CRITERION_KEY,) if kind == EVALUATION else ())
    missing = [key for key in needed if key not in column_of]
    if missing:
        raise UsageError(say("usage.sheet-column", path=path, sheet=sheet.title, column=missing[0]))
    lines = tuple(text for row in rows[:keys_at] for text in map(_text, row) if text)
    filled = []
    for row in rows[keys_at + 2:]:  # after the keys and the headings
        sop_id = _text(row[0]) if row else None
        if sop_id is None:
            continue
        criterion = _criterion(row[column_of[CRITERION_KEY]]) if kind == EVALUATION else None
        values = {key: _text(row[column_of[key]]) for key in FILLED_KEYS[kind]}
        filled.append(FilledRow(sop_id, criterion, _text(row[column_of["procedure"]]) or "", values))
    return FilledSheet(kind, sheet.title, lines, tuple(filled))


def _criterion(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def running_well(value: str | None) -> bool | None:
    """A Penilaian cell: True for "Berjalan dengan baik", False for "Tidak berjalan dengan baik", else None."""
    return _choice(value, "good", "bad")


def answered_yes(value: str | None) -> bool | None:
    """A Ya/Tidak cell: True for Ya, False for Tidak, else None."""
    return _choice(value, "yes", "no_answer")


def _choice(value: str | None, yes_key: str, no_key: str) -> bool | None:
    if value is None:
        return None
    folded = " ".join(value.casefold().split())
    words = choice_words()
    if folded in {word.casefold() for word in words[yes_key]}:
        return True
    if folded in {word.casefold() for word in words[no_key]}:
        return False
    return None


def as_json(forms: list[FilledForm]) -> list[dict]:
    """Every form read back: each SOP's assessment, notes, action and initials, or its seven answers."""
    result = []
    for form in forms:
        for sheet in form.sheets:
            sops = _monitoring_json(sheet) if sheet.kind == MONITORING else _evaluation_json(sheet)
            result.append({"file": form.path, "kind": sheet.kind, "sheet": sheet.name, "lines": list(sheet.lines),
                           "sops": sops})
    return result


def _monitoring_json(sheet: FilledSheet) -> list[dict]:
    return [
        {"sop": row.sop_id, "procedure": row.procedure, **row.values,
         "running_well": running_well(row.values["assessment"])}
        for row in sheet.rows
    ]


def _evaluation_json(sheet: FilledSheet) -> list[dict]:
    sops: dict[str, dict] = {}
    for row in sheet.rows:
        entry = sops.setdefault(row.sop_id, {"sop": row.sop_id, "procedure": row.procedure, "criteria": []})
        entry["procedure"] = entry["procedure"] or row.procedure
        entry["criteria"].append({"criterion": row.criterion, "answer": row.values["answer"],
                                  "yes": answered_yes(row.values["answer"]), "notes": row.values["notes"]})
    return list(sops.values())


def as_text(forms: list[FilledForm], lang: str = "id") -> str:
    """For the bureau's report: the SOPs not running well, with notes and actions; each SOP's "Tidak" answers."""
    words = WORDS[lang]
    lines: list[str] = []
    for entry in as_json(forms):
        lines.append(f"{entry['file']} [{entry['sheet']}]" + "".join(f"  {line}" for line in entry["lines"][1:]))
        if entry["kind"] == MONITORING:
            lines += _monitoring_lines(entry["sops"], words)
        else:
            lines += _evaluation_lines(entry["sops"], words)
    return "\n".join(lines) + "\n"


def _monitoring_lines(sops: list[dict], words: dict[str, str]) -> list[str]:
    lines = []
    for sop in sops:
        if sop["running_well"] is False or (sop["assessment"] and sop["running_well"] is None):
            lines.append(f"  {sop['sop']}: {sop['procedure']}: {sop['assessment']}")
            lines.append(f"    {words['notes']}: {sop['notes'] or '-'}")
            lines.append(f"    {words['action']}: {sop['action'] or '-'}")
    counts = [sum(1 for sop in sops if sop["running_well"] is value) for value in (True, False)]
    blank = sum(1 for sop in sops if not sop["assessment"])
    lines.append(f"  {words['good']}: {counts[0]}; {words['bad']}: {counts[1]}; {words['unassessed']}: {blank}")
    return lines


def _evaluation_lines(sops: list[dict], words: dict[str, str]) -> list[str]:
    lines = []
    for sop in sops:
        answers = ", ".join(f"{item['criterion']}: {item['answer'] or '-'}" for item in sop["criteria"])
        lines.append(f"  {sop['sop']}: {sop['procedure']}: {answers}")
        for item in sop["criteria"]:
            if item["yes"] is False and item["notes"]:
                lines.append(f"    {item['criterion']}. {item['notes']}")
    return lines
