"""The identity sheet's fields as labelled text, for the formats that write it as label/value cells."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from ..model import Date, Ref, Sop, Text
from .labels import date_text
from .options import RenderOptions

# Labels the shared table lacks.
WORDING = {"id": {"unit": "Unit Kerja"}, "en": {"unit": "Unit"}}

HEAD_KEYS = ("number", "created", "revised", "effective", "approved_by", "title")
GRID_KEYS = (("legal_basis", "qualifications"), ("related", "equipment"), ("warning", "records"))


@frozen
class Field:
    """One identity field: its key, its printed label and its entries (list items, or lines of the unit)."""

    key: str
    label: str
    entries: tuple[str, ...]
    numbered: bool  # a list of several items, printed "1. …", "2. …"

    def lines(self) -> list[str]:
        """The entries as printed lines, numbered when the field is a list of several items."""
        if not self.numbered:
            return list(self.entries)
        return [f"{number}. {entry}" for number, entry in enumerate(self.entries, 1)]

    @property
    def text(self) -> str:
        return "\n".join(self.lines())


def identity_fields(sop: Sop, options: RenderOptions) -> list[Field]:
    """Unit, the head fields (Nomor SOP … Nama SOP) and the grid fields (Dasar Hukum … Pencatatan), in order."""
    lang = options.lang
    labels = {**WORDING[lang], **options.words}
    values = {
        "unit": (tuple(line.value for line in sop.unit), False),
        "number": (_text(sop.number), False),
        "created": (_date(sop.created, lang), False),
        "revised": (_date(sop.revised, lang), False),
        "effective": (_date(sop.effective, lang), False),
        "approved_by": (_text(sop.approved_by), False),
        "title": ((sop.title.value,), False),
        "legal_basis": _items(sop.legal_basis),
        "qualifications": _items(sop.qualifications),
        "related": _listed(tuple(_related(item, options) for item in sop.related)),
        "equipment": _items(sop.equipment),
        "warning": (_text(sop.warning), False),
        "records": _items(sop.records),
    }
    keys = ["unit", *HEAD_KEYS, *(key for pair in GRID_KEYS for key in pair)]
    return [Field(key, labels[key], *values[key]) for key in keys]


def _text(text: Text | None) -> tuple[str, ...]:
    return (text.value,) if text is not None else ()


def _date(date: Date | None, lang: str) -> tuple[str, ...]:
    return (date_text(date.value, lang),) if date is not None else ()


def _items(items: Iterable[Text]) -> tuple[tuple[str, ...], bool]:
    return _listed(tuple(item.value for item in items))


def _listed(entries: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    return entries, len(entries) > 1


def _related(item, options: RenderOptions) -> str:
    """Another SOP by its title and id when the title is known, else its id; a quoted title as written."""
    if isinstance(item, Ref):
        title = options.sop_titles.get(item.id)
        return f"{title} ({item.id})" if title else item.id
    return item.value
