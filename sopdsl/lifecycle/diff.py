"""The changes between two versions of an SOP: header, roles, sections and steps, in the new file's order."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..model import HEADER_FIELDS, Activity, Approver, Calendar, Date, Ref, Section, Sop, Text
from ..parse.vocabulary import APPROVER, CALENDAR

BLOCKS = {Calendar: CALENDAR, Approver: APPROVER}
"""The header fields that are blocks, with the lines they take."""

STEP_FIELDS = ("text", "by", "needs", "time", "output", "note", "every", "uses", "next", "branches")

Written = str | list[str] | None


class Change(NamedTuple):
    """One change: its kind, where it is (section, step id, step number) and the field's old and new values."""

    kind: str
    field: str | None = None
    old: Written = None
    new: Written = None
    section: str | None = None
    step: str | None = None
    number: str | None = None

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "section": self.section,
            "step": self.step,
            "number": self.number,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }


def as_written(value) -> Written:
    """A value of the model as the author wrote it: text, a date, a duration, ids; a list for a list field."""
    if value is None or value == ():
        return None
    if isinstance(value, tuple):
        return [_one_written(item) for item in value]
    if isinstance(value, (Calendar, Approver)):
        entries = [(entry.english, getattr(value, entry.concept)) for entry in BLOCKS[type(value)]]
        return "; ".join(f"{name}: {as_written(item)}" for name, item in entries if item is not None) or None
    return _one_written(value)


def _one_written(value) -> str:
    """A single value as written: text, an id, a date or a duration."""
    if isinstance(value, Text):
        return value.value
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, Date):
        return value.value.isoformat()
    return value.wording


def branches_written(step: Activity) -> str | None:
    """A decision's branches as written: `yes: a; no: b; branch "label": c`."""
    parts = []
    for branch in step.branches:
        key = f'branch "{branch.label}"' if branch.kind == "label" else branch.kind
        parts.append(f"{key}: {branch.target.id}")
    return "; ".join(parts) or None


def step_field(step: Activity, name: str) -> Written:
    """One attribute of a step as written."""
    if name == "branches":
        return branches_written(step)
    if name == "by":
        return ", ".join(ref.id for ref in step.by) or None
    return as_written(getattr(step, name))


def sop_changes(old: Sop, new: Sop) -> list[Change]:
    """Every change from `old` to `new`: header, then roles, then sections and steps, in the new file's order."""
    return [*_header_changes(old, new), *_role_changes(old, new), *_flow_changes(old, new)]


def _header_changes(old: Sop, new: Sop) -> Iterable[Change]:
    pairs: list[tuple[str, Written, Written]] = [("id", old.id, new.id), ("title", old.title.value, new.title.value)]
    for keyword, name, _ in HEADER_FIELDS:
        pairs.append((keyword, as_written(getattr(old, name)), as_written(getattr(new, name))))
    for keyword, before, after in pairs:
        if before != after:
            yield Change("header-changed", keyword, before, after)


def in_new_order(old_count: int, new_count: int, pairs: dict[int, int]) -> list[tuple[int | None, int | None]]:
    """(old, new) index pairs in the new order; an unmatched old item follows the match of the item before it."""
    after: dict[int, list[int]] = {}
    anchor = -1
    for index in range(old_count):
        if index in pairs:
            anchor = pairs[index]
        else:
            after.setdefault(anchor, []).append(index)
    old_of = {new_index: old_index for old_index, new_index in pairs.items()}
    ordered: list[tuple[int | None, int | None]] = [(index, None) for index in after.get(-1, [])]
    for new_index in range(new_count):
        ordered.append((old_of.get(new_index), new_index))
        ordered.extend((index, None) for index in after.get(new_index, []))
    return ordered


def _role_changes(old: Sop, new: Sop) -> Iterable[Change]:
    new_ids = {role.id: index for index, role in reversed(list(enumerate(new.roles)))}
    pairs = _unique_pairs((index, new_ids.get(role.id)) for index, role in enumerate(old.roles))
    for old_index, new_index in in_new_order(len(old.roles), len(new.roles), pairs):
        before = old.roles[old_index] if old_index is not None else None
        after = new.roles[new_index] if new_index is not None else None
        if after is None and before is not None:
            yield Change("role-removed", before.id, before.name.value, None)
        elif before is None and after is not None:
            yield Change("role-added", after.id, None, after.name.value)
        elif before is not None and after is not None and before.name.value != after.name.value:
            yield Change("role-changed", after.id, before.name.value, after.name.value)


def _unique_pairs(candidates: Iterable[tuple[int, int | None]]) -> dict[int, int]:
    """Old index -> new index, each new index taken once, first come first served."""
    pairs: dict[int, int] = {}
    taken = set()
    for old_index, new_index in candidates:
        if new_index is not None and new_index not in taken:
            taken.add(new_index)
            pairs[old_index] = new_index
    return pairs


class _Item(NamedTuple):
    """A section heading or a step, in file order, with its section and printed number."""

    section: Section
    step: Activity | None
    number: str | None


def _items(sop: Sop) -> list[_Item]:
    items = []
    for section in sop.sections:
        items.append(_Item(section, None, None))
        for position, step in enumerate(section.steps, start=1):
            number = f"{section.id}.{position}" if section.id is not None else str(position)
            items.append(_Item(section, step, number))
    return items


def _match_items(old: Sequence[_Item], new: Sequence[_Item]) -> dict[int, int]:
    """Sections by id; steps by id; steps without an id by their text."""
    pairs: dict[int, int] = {}
    sections = {item.section.id: index for index, item in enumerate(new) if item.step is None}
    for index, item in enumerate(old):
        if item.step is None and item.section.id in sections:
            pairs[index] = sections[item.section.id]
    by_id: dict[str, int] = {}
    for index, item in enumerate(new):
        if item.step is not None and item.step.id is not None:
            by_id.setdefault(item.step.id, index)
    taken = set()
    for index, item in enumerate(old):
        target = by_id.get(item.step.id) if item.step is not None and item.step.id is not None else None
        if target is not None and target not in taken:
            pairs[index] = target
            taken.add(target)
    for index, item in enumerate(old):
        if item.step is None or index in pairs:
            continue
        target = next(
            (j for j, other in enumerate(new) if other.step is not None and j not in taken
             and other.step.text.value == item.step.text.value and other.step.id is None and item.step.id is None),
            None,
        )
        if target is not None:
            pairs[index] = target
            taken.add(target)
    return pairs


def _moved(old: Sequence[_Item], new: Sequence[_Item], pairs: dict[int, int]) -> set:
    """New indexes of the matched steps that moved: to another section, or out of the longest run kept in order."""
    steps = sorted((new_index, old_index) for old_index, new_index in pairs.items() if old[old_index].step is not None)
    kept = set(longest_increasing([old_index for _, old_index in steps]))
    return {
        new_index
        for new_index, old_index in steps
        if old_index not in kept or old[old_index].section.id != new[new_index].section.id
    }


def longest_increasing(values: Sequence[int]) -> list[int]:
    """The longest strictly increasing subsequence of the values (patience sorting)."""
    tails: list[int] = []  # positions in `values` ending the best run of each length
    before: list[int | None] = [None] * len(values)
    tail_values: list[int] = []
    for position, value in enumerate(values):
        length = bisect.bisect_left(tail_values, value)
        before[position] = tails[length - 1] if length else None
        if length == len(tails):
            tails.append(position)
            tail_values.append(value)
        else:
            tails[length] = position
            tail_values[length] = value
    run = []
    index: int | None = tails[-1] if tails else None
    while index is not None:
        run.append(values[index])
        index = before[index]
    return run[::-1]


def _flow_changes(old: Sop, new: Sop) -> Iterable[Change]:
    old_items, new_items = _items(old), _items(new)
    pairs = _match_items(old_items, new_items)
    moved = _moved(old_items, new_items, pairs)
    for old_index, new_index in in_new_order(len(old_items), len(new_items), pairs):
        if new_index is None:
            if old_index is not None:
                yield _removed(old_items[old_index])
        elif old_index is None:
            yield _added(new_items[new_index])
        else:
            yield from _changes(old_items[old_index], new_items[new_index], new_index in moved)


def _title(item: _Item) -> str | None:
    return item.section.title.value if item.section.title is not None else None


def _removed(item: _Item) -> Change:
    if item.step is None:
        return Change("section-removed", "title", _title(item), None, section=item.section.id)
    return _at(item, "step-removed", None, item.step.text.value, None)


def _added(item: _Item) -> Change:
    if item.step is None:
        return Change("section-added", "title", None, _title(item), section=item.section.id)
    return _at(item, "step-added", None, None, item.step.text.value)


def _changes(before: _Item, after: _Item, moved: bool) -> Iterable[Change]:
    """A matched section's new title; a matched step's move and its changed fields."""
    if before.step is None or after.step is None:
        if _title(before) != _title(after):
            yield Change("section-changed", "title", _title(before), _title(after), section=after.section.id)
        return
    if moved:
        yield _at(after, "step-moved", None, before.number, after.number)
    for name in STEP_FIELDS:
        old_value, new_value = step_field(before.step, name), step_field(after.step, name)
        if old_value != new_value:
            yield _at(after, "step-changed", name, old_value, new_value)


def _at(item: _Item, kind: str, field: str | None, old: Written, new: Written) -> Change:
    step_id = item.step.id if item.step is not None else None
    return Change(kind, field, old, new, section=item.section.id, step=step_id, number=item.number)
