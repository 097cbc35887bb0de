"""The changes between two versions as JSON, as text, and as Markdown for a pull-request comment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..analysis.calendar import CalendarError, calendar_minutes, duration_minutes, json_minutes, spell_range
from ..analysis.totals import SopTotals, sop_totals
from ..model import Sop, Unit
from .diff import Change, Written

WORDS = {
    "id": {
        "changes": "Perubahan",
        "none": "Tidak ada perubahan.",
        "kind": "Jenis",
        "where": "Letak",
        "field": "Bagian",
        "old": "Lama",
        "new": "Baru",
        "totals": "Jumlah waktu",
        "before": "Sebelum",
        "after": "Sesudah",
        "typical": "tipikal",
        "min": "minimum",
        "max": "maksimum",
        "sla": "Status SLA",
        "met": "terpenuhi",
        "at-risk": "dapat terlampaui",
        "exceeded": "terlampaui",
        "no-sla": "tanpa SLA",
        "invalid": "kalender tidak sah",
        "reversed": "rentang terbalik, tidak dibandingkan",
    },
    "en": {
        "changes": "Changes",
        "none": "No changes.",
        "kind": "Kind",
        "where": "Where",
        "field": "Field",
        "old": "Old",
        "new": "New",
        "totals": "Total time",
        "before": "Before",
        "after": "After",
        "typical": "typical",
        "min": "min",
        "max": "max",
        "sla": "SLA status",
        "met": "met",
        "at-risk": "may be exceeded",
        "exceeded": "exceeded",
        "no-sla": "no SLA",
        "invalid": "invalid calendar",
        "reversed": "reversed range, not compared",
    },
}


class Version(NamedTuple):
    """One side of the comparison: how it is named, its SOP and its totals (None for an invalid calendar)."""

    name: str
    sop: Sop
    totals: SopTotals | None


def version(name: str, sop: Sop) -> Version:
    """The version with its totals under its own calendar."""
    try:
        totals: SopTotals | None = sop_totals(sop)
    except CalendarError:
        totals = None
    return Version(name, sop, totals)


def sla_status(version: Version) -> str | None:
    """`met`, `at-risk` (the high end or the max total exceeds the sla), `exceeded` (even the low end does), or
    None where there is nothing to compare: no sla, an invalid calendar, or an sla that is a reversed range."""
    if version.sop.sla is None or version.sop.sla.is_reversed or version.totals is None:
        return None
    budget = duration_minutes(version.sop.sla, calendar_minutes(version.sop.calendar))[1]
    low, high = version.totals.typical
    if low > budget:
        return "exceeded"
    if high > budget or version.totals.max > budget:
        return "at-risk"
    return "met"


def _totals_json(totals: SopTotals | None) -> dict | None:
    if totals is None:
        return None
    return {
        "typical_minutes": [json_minutes(value) for value in totals.typical],
        "min_minutes": json_minutes(totals.min),
        "max_minutes": json_minutes(totals.max),
    }


def as_json(old: Version, new: Version, changes: Sequence[Change]) -> dict:
    """The contract's JSON object, with the SLA status of each side besides."""
    return {
        "old": old.name,
        "new": new.name,
        "changes": [change.as_json() for change in changes],
        "totals": {"old": _totals_json(old.totals), "new": _totals_json(new.totals)},
        "sla": {"old": sla_status(old), "new": sla_status(new)},
    }


def value_text(value: Written) -> str:
    if value is None:
        return "-"
    return "; ".join(value) if isinstance(value, list) else value


def where_text(change: Change) -> str:
    if change.number is not None:
        return change.number + (f" ({change.step})" if change.step is not None else "")
    return change.section or ""


def _total_words(version: Version, lang: str) -> list[str]:
    """Typical, min and max spelled out; one cell saying the calendar is invalid when it is."""
    words = WORDS[lang]
    if version.totals is None:
        return [words["invalid"]] * 3
    workday = calendar_minutes(version.sop.calendar)[Unit.WORKDAY]
    totals = version.totals
    return [
        spell_range(*totals.typical, workday, lang),
        spell_range(totals.min, totals.min, workday, lang),
        spell_range(totals.max, totals.max, workday, lang),
    ]


def _sla_words(version: Version, lang: str) -> str:
    words = WORDS[lang]
    status, sla = sla_status(version), version.sop.sla
    if sla is None:
        return words["no-sla"]
    if sla.is_reversed:
        return f"{words['reversed']} ({sla.wording})"
    return words["invalid"] if status is None else f"{words[status]} ({sla.wording})"


def as_text(old: Version, new: Version, changes: Sequence[Change], lang: str = "id") -> str:
    """One line per change, then the totals and the SLA status before and after."""
    words = WORDS[lang]
    lines = [f"{old.name} -> {new.name}"]
    if not changes:
        lines.append(f"  {words['none']}")
    for change in changes:
        where = where_text(change)
        head = " ".join(filter(None, [change.kind, where, change.field]))
        lines.append(f"  {head}: {value_text(change.old)} -> {value_text(change.new)}")
    before, after = _total_words(old, lang), _total_words(new, lang)
    for key, first, second in zip(("typical", "min", "max"), before, after, strict=False):
        lines.append(f"  {words['totals']} ({words[key]}): {first} -> {second}")
    lines.append(f"  {words['sla']}: {_sla_words(old, lang)} -> {_sla_words(new, lang)}")
    return "\n".join(lines) + "\n"


def as_markdown(old: Version, new: Version, changes: Sequence[Change], lang: str = "id") -> str:
    """A pull-request comment: a heading, the table of changes, then totals and SLA status before and after."""
    from ..render.tables.markdown import escape, table_line

    words = WORDS[lang]
    lines = [f"### {words['changes']}: {escape(new.sop.title.value)} (`{escape(new.sop.id)}`)", ""]
    if changes:
        lines.append(table_line([words["kind"], words["where"], words["field"], words["old"], words["new"]]))
        lines.append("|" + " --- |" * 5)
        for change in changes:
            cells = [change.kind, where_text(change), change.field or "", value_text(change.old),
                     value_text(change.new)]
            lines.append(table_line(cells))
    else:
        lines.append(escape(words["none"]))
    lines += ["", table_line(["", words["before"], words["after"]]), "|" + " --- |" * 3]
    for key, first, second in zip(
        ("typical", "min", "max"), _total_words(old, lang), _total_words(new, lang), strict=False
    ):
        lines.append(table_line([f"{words['totals']} ({words[key]})", first, second]))
    lines.append(table_line([words["sla"], _sla_words(old, lang), _sla_words(new, lang)]))
    return "\n".join(lines) + "\n"
