"""The words that name table columns, identity-sheet labels, marks and branch labels, in Indonesian and English."""

from __future__ import annotations

import re

_NOT_LETTER = re.compile(r"[^0-9a-z]+")


def compact(text: str) -> str:
    """Lower-case letters and digits only: 'PERSYARATAN & PERLENGKAP AN' -> 'persyaratanperlengkapan'."""
    return _NOT_LETTER.sub("", text.lower())


# Column kinds, each with its words in compact form: exact words first, then words a heading may contain.
COLUMN_EXACT = {
    "no": {"no", "nomor", "number", "nourut", "nr"},
    "section": {"bagian", "section"},
    "activity": {"kegiatan", "aktivitas", "activity", "activities", "uraian", "langkah", "step", "steps", "prosedur"},
    "performers": {"pelaksana", "pelaksanaan", "pelaksan", "performer", "performers", "pelaku", "actor", "actors"},
    "quality": {"mutubaku", "qualitystandard", "qualitystandards", "standard", "mutu"},
    "needs": {"kelengkapan", "persyaratan", "perlengkapan", "requirements", "requirement", "input", "inputs"},
    "time": {"waktu", "time", "durasi", "duration", "lamawaktu"},
    "output": {"output", "outputs", "keluaran", "hasil"},
    "note": {"keterangan", "ket", "note", "notes", "remarks", "remark", "catatan"},
}
COLUMN_CONTAINS = {
    "activity": ("kegiatan", "uraianprosedur", "aktivitas", "activit", "prosedur"),
    "needs": ("kelengkapan", "persyaratan", "perlengkap", "requirement", "syarat"),
    "time": ("waktu", "time"),
    "output": ("output", "keluaran"),
    "note": ("keterangan", "remark"),
}
ENGLISH_HEADINGS = {
    "section", "number", "activity", "activities", "step", "steps", "performer", "performers", "actor", "actors",
    "qualitystandard", "qualitystandards", "standard", "requirements", "requirement", "input", "inputs", "time",
    "duration", "outputs", "note", "notes", "remarks", "remark",
}
"""Headings that only an English table uses ("Output" and "No" are both languages' words)."""
GROUPS = ("performers", "quality")
"""Headings that stand over several columns: the role columns, and the Mutu Baku columns."""


def column_kind(text: str) -> str | None:
    """The kind of column a heading names, or None for a heading that names none (a role's name, say)."""
    word = compact(text)
    if not word:
        return None
    for kind, words in COLUMN_EXACT.items():
        if word in words:
            return kind
    for kind, parts in COLUMN_CONTAINS.items():
        if any(part in word for part in parts):
            return kind
    return None


def table_language(headings: list[str]) -> str:
    """'en' for a table whose headings are mostly English words, else 'id' (the language of SOP AP)."""
    words = [compact(heading) for heading in headings if column_kind(heading) not in (None, "no", "output")]
    english = sum(word in ENGLISH_HEADINGS for word in words)
    return "en" if english * 2 > len(words) else "id"


# Identity-sheet labels (compact form) -> the draft field they fill.
IDENTITY_LABELS = {
    "unit": ("unitkerja", "unitorganisasi", "satuankerja", "satuanorganisasi", "instansi", "organisasi", "unit"),
    "number": ("nomorsop", "nosop", "nomor", "sopnumber", "number", "nomorprosedur"),
    "created": ("tanggalpembuatan", "tglpembuatan", "tanggaldibuat", "datecreated", "created", "creationdate"),
    "revised": ("tanggalrevisi", "tglrevisi", "daterevised", "revised", "revisiondate"),
    "effective": ("tanggalefektif", "tglefektif", "effectivedate", "effective", "tanggalberlaku"),
    "approved": ("tanggalpengesahan", "tglpengesahan", "approvaldate", "dateapproved"),
    "approved_by": ("disahkanoleh", "approvedby", "ditetapkanoleh", "pengesah"),
    "title": ("namasop", "judulsop", "sopname", "sopnama", "title", "namaprosedur"),
    "legal_basis": ("dasarhukum", "legalbasis", "landasanhukum"),
    "qualifications": ("kualifikasipelaksana", "kualifikasi", "qualifications", "qualification"),
    "related": ("keterkaitan", "related", "relatedsops", "sopterkait", "keterkaitandengansoplain"),
    "equipment": (
        "peralatanperlengkapan", "peralatan", "perlengkapan", "equipment", "peralatandanperlengkapan",
        "saranadanprasarana", "sarana",
    ),
    "warning": ("peringatan", "warning", "warnings"),
    "records": ("pencatatandanpendataan", "pencatatan", "pendataan", "records", "recording"),
    "staffing": ("jumlahpelaksana", "numberofperformers", "staffing"),
    "annex": ("lampiran", "annex"),
}
_LABEL_OF = {word: name for name, words in IDENTITY_LABELS.items() for word in words}


def identity_label(text: str) -> str | None:
    """The identity field a label cell names ('TANGGAL EFEKTIF', 'Dasar Hukum:'), or None."""
    return _LABEL_OF.get(compact(text))


MARKS = {"x", "√", "✓", "✔", "v", "●", "•", "*", "+", "■", "□", "○", "o", "◆", "◇", "✗", "✘", "☑", "☒", "ü", "þ"}
"""Text that marks a performer's cell instead of a drawn symbol (ü and þ are Wingdings ticks read as text)."""

YES_WORDS = {"ya", "yes", "y", "setuju", "lengkap", "sesuai", "benar", "ok"}
NO_WORDS = {"tidak", "no", "t", "n", "tidaksetuju", "tidaklengkap", "tidaksesuai", "salah", "tdk"}


SYMBOL_WORDS = {
    **dict.fromkeys(["mulai", "selesai", "start", "end", "terminator", "awal", "akhir"], "terminator"),
    **dict.fromkeys(["proses", "process", "kegiatan"], "process"),
    **dict.fromkeys(["keputusan", "decision", "putusan"], "decision"),
}
"""A role cell naming its symbol instead of drawing it, as a spreadsheet does."""


def symbol_word(text: str) -> str | None:
    """'decision', 'process' or 'terminator' for a role cell that names a symbol ('Keputusan', 'Mulai'), else None."""
    return SYMBOL_WORDS.get(compact(text))


def is_mark(text: str) -> bool:
    """Whether a role cell's text is a performer mark such as X, √ or v."""
    return text.strip().lower() in MARKS


def branch_kind(text: str, printed: bool = False) -> str | None:
    """'yes' or 'no' for a decision label such as 'Ya' or 'Tidak', else None. `printed`: only the words sopdsl
    prints for a yes or no branch count, so that any other label ('Sesuai') is kept as the branch's label."""
    word = compact(text)
    if printed:
        return {"ya": "yes", "yes": "yes", "tidak": "no", "no": "no"}.get(word)
    if word in YES_WORDS:
        return "yes"
    if word in NO_WORDS:
        return "no"
    return None
