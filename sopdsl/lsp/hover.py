"""Hover: what an id, a duration, a decision or the `sop` line stands for, with the totals where they apply."""

from __future__ import annotations

from lsprotocol import types

from ..analysis.calendar import (
    CalendarError,
    calendar_minutes,
    duration_minutes,
    format_number,
    spell_range,
    spell_totals,
)
from ..analysis.library import library_totals
from ..analysis.totals import SopTotals
from ..describe import shorten
from ..loading import SourceFile
from ..model import Activity, Duration, Ref, Sop, Unit
from ..parse import SopSyntaxError, parse_text
from .names import ROLE, SOP, STEP, activity_at, name_at, step_number
from .positions import contains
from .workspace import Index


def hover(sop: Sop, file: SourceFile, line: int, column: int, index: Index, lang: str) -> str | None:
    """The Markdown shown on hover at a 1-based place of the file, or None where there is nothing to tell."""
    name = name_at(sop, line, column)
    if name is not None and name.kind == ROLE:
        return _role(sop, name.id)
    if name is not None and name.kind == STEP:
        return _step(sop, name.id)
    if name is not None and name.kind == SOP and not name.declares:
        return _other_sop(name.id, index, lang)
    duration = _duration_at(sop, line, column)
    if duration is not None:
        return _duration(sop, duration, lang)
    activity = activity_at(sop, line)
    if activity is not None and activity.span.line == line and activity.is_decision:
        return _activity(sop, activity)
    if sop.span is not None and sop.span.line == line:
        return _own_totals(sop, file, index, lang)
    return None


def markdown(text: str) -> types.Hover:
    """A hover of Markdown text."""
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


def _role(sop: Sop, role_id: str) -> str:
    role = next((role for role in sop.roles if role.id == role_id), None)
    count = sum(1 for activity in sop.activities() if any(ref.id == role_id for ref in activity.by))
    steps = f"{count} step{'s' if count != 1 else ''}"
    if role is None:
        return f"**role** `{role_id}`: not declared ({steps})"
    return f"**role** `{role_id}`: {role.name.value}\n\ndoes {steps}"


def _step(sop: Sop, step_id: str) -> str:
    activity = next((activity for activity in sop.activities() if activity.id == step_id), None)
    if activity is None:
        return f"**step** `{step_id}`: no step has this id"
    return _activity(sop, activity)


def _activity(sop: Sop, activity: Activity) -> str:
    kind = activity.keyword
    label = f" `{activity.id}`" if activity.id is not None else ""
    text = f"**{kind} {step_number(sop, activity)}**{label}: {shorten(activity.text.value, 200)}"
    if activity.by:
        text += f"\n\nby {', '.join(ref.id for ref in activity.by)}"
    if activity.branches:
        text += "\n\n" + "\n".join(f"- {_branch_label(branch)} → {_target(sop, branch.target)}"
                                   for branch in activity.branches)
    return text


def _branch_label(branch) -> str:
    return f'"{branch.label}"' if branch.kind == "label" else branch.kind


def _target(sop: Sop, target: Ref) -> str:
    activity = next((activity for activity in sop.activities() if activity.id == target.id), None)
    return f"`{target.id}` ({step_number(sop, activity)})" if activity is not None else f"`{target.id}`"


def _duration_at(sop: Sop, line: int, column: int) -> Duration | None:
    candidates = [activity.time for activity in sop.activities()] + [sop.sla]
    if sop.calendar is not None:
        candidates += [sop.calendar.workday, sop.calendar.week, sop.calendar.month, sop.calendar.year]
    return next((item for item in candidates if isinstance(item, Duration) and contains(item.span, line, column)),
                None)


def _duration(sop: Sop, duration: Duration, lang: str) -> str:
    try:
        minutes = calendar_minutes(sop.calendar)
    except CalendarError as error:
        return f"`{duration.wording}`: the calendar is invalid ({error.message})"
    low, high = duration_minutes(duration, minutes)
    counted = format_number(low, lang) if low == high else f"{format_number(low, lang)}–{format_number(high, lang)}"
    workday = minutes[Unit.WORKDAY]
    return (f"`{duration.wording}`: **{counted}** working minutes\n\n"
            f"{spell_range(low, high, workday, lang)}, with a working day of {format_number(workday, lang)} minutes")


def _own_totals(sop: Sop, file: SourceFile, index: Index, lang: str) -> str:
    totals = _totals(file, index).get(sop.id)
    return f"**sop** `{sop.id}`: {sop.title.value}\n\n" + _totals_text(totals, sop.calendar, lang)


def _other_sop(sop_id: str, index: Index, lang: str) -> str:
    other = index.with_id(sop_id)
    if other is None:
        return f"**sop** `{sop_id}`: not in the workspace"
    if other.record is None:
        return f"**sop** `{sop_id}`: {other.path} does not parse"
    title = _title(other)
    totals = _totals(other, index).get(sop_id)
    return f"**sop** `{sop_id}`: {title}\n\n{other.path}\n\n" + _totals_text(totals, other.record.calendar, lang)


def _title(file: SourceFile) -> str:
    if file.sop is not None:
        return file.sop.title.value
    try:
        return parse_text(file.text or "").title.value
    except SopSyntaxError:
        return "?"


def _totals(file: SourceFile, index: Index) -> dict[str, SopTotals]:
    """The totals of the file's SOP and of those it uses, `uses` composed."""
    return library_totals(other.record for other in index.neighbours(file) if other.record is not None)


def _totals_text(totals: SopTotals | None, calendar, lang: str) -> str:
    if totals is None:
        return "no totals: the calendar is invalid"
    try:
        workday = calendar_minutes(calendar)[Unit.WORKDAY]
    except CalendarError:
        return "no totals: the calendar is invalid"
    rows = ["| flow | steps | typical | min | max |", "|---|---|---|---|---|"]
    for flow in totals.flows:
        rows.append(f"| {flow.section or '(flow)'} | {flow.steps} | " + " | ".join(spell_totals(flow, workday, lang))
                    + " |")
    steps = sum(flow.steps for flow in totals.flows)
    rows.append(f"| **total** | {steps} | " + " | ".join(spell_totals(totals, workday, lang)) + " |")
    return "\n".join(rows)
