"""The identity sheet: label/value cells (or `LABEL : value` lines) read into the draft's header fields."""

from __future__ import annotations

import datetime
import re

from .document import Block
from .draft import Draft
from .signatory import Signatory, signature_below, split_approval
from .words import compact, identity_label

LIST_FIELDS = ("unit", "legal_basis", "qualifications", "related", "equipment", "records")
DATE_FIELDS = ("created", "revised", "effective", "approved")
_MONTHS = {
    **dict.fromkeys(["januari", "january", "jan"], 1), **dict.fromkeys(["februari", "february", "feb", "pebruari"], 2),
    **dict.fromkeys(["maret", "march", "mar"], 3), **dict.fromkeys(["april", "apr"], 4),
    **dict.fromkeys(["mei", "may"], 5), **dict.fromkeys(["juni", "june", "jun"], 6),
    **dict.fromkeys(["juli", "july", "jul"], 7),
    **dict.fromkeys(["agustus", "august", "agu", "agt", "ags", "aug", "agust"], 8),
    **dict.fromkeys(["september", "sep", "sept"], 9), **dict.fromkeys(["oktober", "october", "okt", "oct"], 10),
    **dict.fromkeys(["november", "nov", "nop", "nopember"], 11),
    **dict.fromkeys(["desember", "december", "des", "dec"], 12),
}
_WORD_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MARKER = re.compile(
    r"^\s*(?:[-•*·▪●]\s*)?(?:(?:\d{1,2}|[a-zA-Z])\s*[.)]\s*|\(\s*(?:\d{1,2}|[a-zA-Z])\s*\)\s*|[-•*·▪●]\s+)"
)
_UNIT_SKIP = re.compile(
    r"^(lampiran|nomor|tentang|tanggal|keputusan|peraturan|identitas|diagram|standar\s+operasional|isian|halaman|page"
    r")\b|^[-–\s]*\d+[-–\s]*$", re.I)
_ANNEX = re.compile(r"^lampiran\b", re.I)
_UNIT_START = re.compile(
    r"^(pemerintah|kementerian|kementrian|dinas|badan|sekretariat|kantor|biro|bagian|upt|lembaga|inspektorat"
    r"|kecamatan|kelurahan|rumah\s+sakit|puskesmas|unit|satuan|direktorat|bidang|identitas|diagram)\b", re.I)
_BLANK_ENTRY = re.compile(r"(nama|nip|pangkat|golongan|jabatan|tanda\s*tangan|ttd)?\s*[:.]?\s*[_.\s]*", re.I)


def parse_date(text: str) -> datetime.date | None:
    """'29 Mei 2024', '29/05/2024' or '2024-05-29' as a date, or None."""
    try:
        match = _ISO.search(text)
        if match:
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = _WORD_DATE.search(text)
        if match and match.group(2).lower() in _MONTHS:
            return datetime.date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
        match = _DAY_FIRST.search(text)
        if match:
            return datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None
    return None


def split_label(text: str) -> tuple[str | None, str]:
    """('number', '53 Tahun 2024') for 'NOMOR SOP : 53 Tahun 2024'; (None, text) when the text is no label."""
    first, _, rest = text.partition("\n")
    label, colon, value = first.partition(":")
    name = identity_label(label.strip(" *"))
    if name is None:
        return None, text
    remainder = "\n".join(part for part in (value.strip() if colon else "", rest.strip()) if part)
    return name, remainder


class _Reader:
    """Walks the rows of the identity sheet, giving each value cell or line to the label above or beside it."""

    def __init__(self) -> None:
        """Nothing read yet."""
        self.values: dict[str, list[str]] = {}
        self.pending: dict[int, str] = {}
        self.unit: list[str] = []
        self.width = 0

    def read_block(self, block: Block) -> None:
        """A label's lines run on over one-column blocks (lines of text), never out of a table or into one."""
        if block.width > 1 or self.width > 1:
            self.pending.clear()
        self.width = block.width
        for row in block.rows:
            # a cell of its own holding the ':' between label and value is no value
            cells = [(column, cell.own_text) for column, cell in enumerate(row) if compact(cell.own_text)]
            index = 0
            while index < len(cells):
                column, text = cells[index]
                name, rest = split_label(text)
                if name is None:
                    self._value(column, text)
                    index += 1
                    continue
                self.values.setdefault(name, [])
                self.pending[column] = name
                following = cells[index + 1] if index + 1 < len(cells) else None
                if rest:
                    self.values[name].extend(rest.splitlines())
                elif following is not None and split_label(following[1])[0] is None:
                    self.values[name].extend(following[1].splitlines())
                    self.pending[following[0]] = name
                    index += 1
                index += 1

    def _value(self, column: int, text: str) -> None:
        """Lines for the label pending in this column (or the nearest one to its left); before any label, unit lines."""
        owners = [c for c in self.pending if c <= column]
        if owners:
            self.values[self.pending[max(owners)]].extend(text.splitlines())
        elif not self.values:
            self.unit.extend(line.strip(" *") for line in text.splitlines() if line.strip(" *"))


def read_identity(blocks: list[Block], draft: Draft, heading: bool = True) -> None:
    """Fill the draft's header fields from the blocks of its identity sheet; fields already read are kept (an
    identity sheet after the table only completes what the one before it left out). `heading`: the lines above
    the first label name the unit (not so below a table, where page footers and signatures stand)."""
    reader = _Reader()
    for block in blocks:
        reader.read_block(block)
    annex, above = _annex(reader.unit) if heading else ([], reader.unit)
    if annex and "annex" not in draft.fields:
        draft.fields["annex"] = " ".join(annex)
        draft.review("annex", "lampiran dibaca dari baris di atas lembar identitas")
    unit = [line for line in above if len(line) <= 120 and not _UNIT_SKIP.match(line)]
    if heading and unit and "unit" not in reader.values and "unit" not in draft.fields:
        draft.fields["unit"] = unit
        draft.review("unit", "unit dibaca dari baris di atas lembar identitas")
    for name, lines in sorted(reader.values.items(), key=lambda item: item[0] == "approved"):
        # the signatory's blank lines ("NIP: ____") tell which of its lines the document leaves out
        lines = [line.strip() for line in lines if compact(line) and (name == "approved_by"
                                                                      or not _BLANK_ENTRY.fullmatch(line))]
        if lines and name not in draft.fields:
            _set_field(draft, name, lines)


def _annex(lines: list[str]) -> tuple[list[str], list[str]]:
    """The annex heading ("LAMPIRAN VII KEPUTUSAN ...", wrapped over lines up to the unit's first line) and the
    lines above the identity sheet without it."""
    start = next((index for index, line in enumerate(lines) if _ANNEX.match(line)), None)
    if start is None:
        return [], lines
    end = next((index for index in range(start + 1, len(lines)) if _UNIT_START.match(lines[index])), len(lines))
    return lines[start:end], lines[:start] + lines[end:]


def _set_field(draft: Draft, name: str, lines: list[str]) -> None:
    """Store one field's lines as the language wants it: a list, a date, or text."""
    if name in LIST_FIELDS:
        draft.fields[name] = list_items(lines)
    elif name in DATE_FIELDS:
        _set_date(draft, name, " ".join(lines))
    elif name == "approved_by":
        position, signatory = split_approval(lines)
        position = [line for line in position if not _BLANK_ENTRY.fullmatch(line)]
        if position:
            draft.fields[name] = " ".join(position)
        set_signatory(draft, signatory)
    elif name == "warning":
        draft.fields[name] = " ".join(list_items(lines))
    else:
        draft.fields[name] = " ".join(lines)


def set_signatory(draft: Draft, signatory: Signatory) -> None:
    """The approver block from what the lines say of the signatory; lines that say something else become a comment."""
    entries = signatory.entries()
    if entries and "approver" not in draft.fields:
        draft.fields["approver"] = entries
    if signatory.rest:
        draft.notes.append("penandatangan: " + "; ".join(signatory.rest))


def read_signature_place(lines: list[str], draft: Draft) -> None:
    """The signatory (and the position, where the identity sheet left it out) from the place to sign below the
    table: many units print the name and NIP only there."""
    found = signature_below(lines, str(draft.fields.get("approved_by") or ""))
    if found is None:
        return
    position, signatory = found
    if position and "approved_by" not in draft.fields:
        draft.fields["approved_by"] = " ".join(position)
        draft.review("approved_by", "jabatan dibaca dari tempat tanda tangan di bawah tabel")
    known = draft.fields.get("approver")
    entries = dict(known) if isinstance(known, dict) else {}
    below = signatory.entries()
    if below.keys() - entries.keys():  # the same official: the place to sign completes what the sheet left out
        draft.fields["approver"] = {**below, **entries}
        draft.review("approver", "penandatangan dilengkapi dari tempat tanda tangan di bawah tabel")


def _set_date(draft: Draft, name: str, text: str) -> None:
    """Store a date field; an unreadable date is kept as a comment and reported."""
    date = parse_date(text)
    field_name = name
    if name == "approved":
        if "effective" in draft.fields:
            draft.notes.append(f"tanggal pengesahan: {text}")
            return
        field_name = "effective"
        draft.review("effective", "diisi dari Tanggal Pengesahan")
    if date is None:
        draft.review("sop", f"tanggal tidak terbaca ({field_name}): {text}")
        return
    draft.fields[field_name] = date.isoformat()


def list_items(lines: list[str]) -> list[str]:
    """Items of a numbered or bulleted list; a line without a marker continues the item above it."""
    marked = any(_MARKER.match(line) for line in lines)
    items: list[str] = []
    for line in lines:
        match = _MARKER.match(line)
        text = line[match.end():].strip() if match else line.strip()
        if not text:
            continue
        if marked and not match and items:
            items[-1] = f"{items[-1]} {text}"
        else:
            items.append(text)
    return items
