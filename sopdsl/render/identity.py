"""The identity sheet's fields as labelled text, and the signatory's lines that every printed format shares."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from attrs import frozen

from ..model import Approver, Date, Ref, Sop, Text
from .labels import date_text
from .options import RenderOptions

# Labels the shared table lacks.
WORDING = {"id": {"unit": "Unit Kerja"}, "en": {"unit": "Unit"}}

HEAD_KEYS = ("number", "created", "revised", "effective", "approved_by", "title")
GRID_KEYS = (("legal_basis", "qualifications"), ("related", "equipment"), ("warning", "records"))
OPTIONAL_KEYS = ("annex", "staffing")  # listed only when the header has them


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


@frozen
class SignatoryLine:
    """One line below the room to sign: the signatory's name, rank or NIP as written, or a blank with its label."""

    key: str  # "name", "rank" or "nip"
    label: str
    value: str | None

    def text(self, blank: str = "") -> str:
        """The line as printed: the name, the rank, "NIP. 19810207 200003 1 001", or "Nama: " and the blank."""
        if self.value is None:
            return f"{self.label}: {blank}".rstrip()
        return f"{self.label}. {self.value}" if self.key == "nip" else self.value


def signatory(sop: Sop, words: Mapping[str, str]) -> list[SignatoryLine]:
    """The name, rank (pangkat) and NIP of the official who signs, each None where the header leaves it out."""
    approver = sop.approver or Approver()
    lines = []
    for key, text in (("name", approver.name), ("rank", approver.rank), ("nip", approver.nip)):
        value = None if text is None else _nip(text.value) if key == "nip" else text.value
        lines.append(SignatoryLine(key, words[key], value))
    return lines


def _nip(nip: str) -> str:
    """An 18-digit NIP in its printed groups (19810207 200003 1 001); any other as written."""
    digits = "".join(nip.split())
    if len(digits) == 18 and digits.isdigit():
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return nip


def identity_fields(sop: Sop, options: RenderOptions) -> list[Field]:
    """Annex (if given), unit, head fields (Nomor SOP … Nama SOP, with the signatory) and grid fields, in order."""
    lang = options.lang
    labels = {**WORDING[lang], **options.words}
    approval = _text(sop.approved_by) + tuple(line.text() for line in signatory(sop, options.words))
    values = {
        "annex": (_text(sop.annex), False),
        "unit": (tuple(line.value for line in sop.unit), False),
        "number": (_text(sop.number), False),
        "created": (_date(sop.created, lang), False),
        "revised": (_date(sop.revised, lang), False),
        "effective": (_date(sop.effective, lang), False),
        "approved_by": (approval, False),
        "title": ((sop.title.value,), False),
        "legal_basis": _items(sop.legal_basis),
        "qualifications": _items(sop.qualifications),
        "staffing": (_text(sop.staffing), False),
        "related": _listed(tuple(_related(item, options) for item in sop.related)),
        "equipment": _items(sop.equipment),
        "warning": (_text(sop.warning), False),
        "records": _items(sop.records),
    }
    keys = ["annex", "unit", *HEAD_KEYS, *(key for pair in GRID_KEYS for key in pair)]
    keys.insert(keys.index("qualifications") + 1, "staffing")
    return [Field(key, labels[key], *values[key]) for key in keys if key not in OPTIONAL_KEYS or values[key][0]]


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
