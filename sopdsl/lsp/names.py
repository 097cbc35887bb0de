"""Where each role, step and SOP id of a file is declared and named: what hover, navigation and rename look up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ..model import Activity, Ref, Sop, Span
from ..parse.vocabulary import TARGETS
from .positions import contains

ROLE, STEP, SOP = "role", "step", "sop"


class Name(NamedTuple):
    """One id as written in the file: what it names, where, and whether this is its declaration."""

    kind: str  # ROLE, STEP or SOP
    id: str
    span: Span
    declares: bool
    node: object  # the Role, Activity or Sop declared, or the Ref written


def names(sop: Sop) -> Iterator[Name]:
    """Every id of the file, in file order by kind: the SOP's, its roles', its steps' and their references."""
    if sop.id_span is not None:
        yield Name(SOP, sop.id, sop.id_span, True, sop)
    for item in sop.related:
        if isinstance(item, Ref) and item.span is not None:
            yield Name(SOP, item.id, item.span, False, item)
    for role in sop.roles:
        if role.id_span is not None:
            yield Name(ROLE, role.id, role.id_span, True, role)
    for activity in sop.activities():
        yield from _activity_names(activity)


def _activity_names(activity: Activity) -> Iterator[Name]:
    if activity.id is not None and activity.id_span is not None:
        yield Name(STEP, activity.id, activity.id_span, True, activity)
    for ref in activity.by:
        yield Name(ROLE, ref.id, ref.span, False, ref)
    if activity.uses is not None:
        yield Name(SOP, activity.uses.id, activity.uses.span, False, activity.uses)
    targets = ([activity.next] if activity.next is not None else []) + [branch.target for branch in activity.branches]
    for ref in targets:
        if TARGETS.find(ref.id) is None and ref.span is not None:
            yield Name(STEP, ref.id, ref.span, False, ref)


def name_at(sop: Sop, line: int, column: int) -> Name | None:
    """The id written at a 1-based place, if any."""
    return next((name for name in names(sop) if contains(name.span, line, column)), None)


def same(sop: Sop, kind: str, name_id: str) -> list[Name]:
    """Every place the file writes an id of this kind, its declaration included."""
    return [name for name in names(sop) if name.kind == kind and name.id == name_id]


def activity_at(sop: Sop, line: int) -> Activity | None:
    """The step or decision whose block holds a 1-based line: the last one that starts on or before it."""
    found = None
    for activity in sop.activities():
        if activity.span.line > line:
            break
        found = activity
    return found


def step_number(sop: Sop, activity: Activity) -> str:
    """The step's number as the printed table gives it: `B.3` in section B, `3` in a file without sections."""
    for section in sop.sections:
        for position, step in enumerate(section.steps):
            if step is activity:
                return f"{section.id}.{position + 1}" if section.id is not None else str(position + 1)
    return "?"
