"""Printed words in Indonesian (the default) and English: headings, dates, periods, branch labels."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from ..model import Activity, Duration, Period

LABELS = {
    "id": {
        "no": "No",
        "activity": "Kegiatan",
        "performers": "Pelaksana",
        "standard": "Mutu Baku",
        "needs": "Kelengkapan / Persyaratan",
        "time": "Waktu",
        "output": "Output",
        "note": "Keterangan",
        "performer": "Pelaksana",
        "yes": "Ya",
        "no_branch": "Tidak",
        "end": "Selesai",
        "total": "Jumlah waktu",
        "workday": "hari kerja",
        "workdays": "hari kerja",
        "routine_step": "langkah rutin",
        "routine_steps": "langkah rutin",
        "unmeasured_step": "langkah tanpa waktu terukur",
        "unmeasured_steps": "langkah tanpa waktu terukur",
        "number": "Nomor SOP",
        "created": "Tanggal Pembuatan",
        "revised": "Tanggal Revisi",
        "effective": "Tanggal Efektif",
        "approved_by": "Disahkan oleh",
        "title": "Nama SOP",
        "legal_basis": "Dasar Hukum",
        "qualifications": "Kualifikasi Pelaksana",
        "related": "Keterkaitan",
        "equipment": "Peralatan / Perlengkapan",
        "warning": "Peringatan",
        "records": "Pencatatan dan Pendataan",
        "staffing": "Jumlah Pelaksana",
        "signature": "Tanda tangan",
        "name": "Nama",
        "rank": "Pangkat",
        "nip": "NIP",
        "position": "Jabatan",
        "annex": "Lampiran",
        "every": "Tiap",
        "uses": "Melaksanakan SOP",
        "no_role": "(tanpa pelaksana)",
        "page": "Halaman",
        "page_of": "Halaman {page} dari {pages}",
        "continued": "lanjutan",
        "identity": "Identitas SOP",
        "flowchart": "Diagram Alir",
        "sop": "SOP",
        "findings": "Temuan",
        "errors": "kesalahan",
        "warnings": "peringatan",
        "severity_error": "kesalahan",
        "severity_warning": "peringatan",
        "severity_info": "info",
        "index_title": "Daftar SOP",
        "unit": "Unit kerja",
        "silenced": "temuan diabaikan",
        "built": "Dibangun {date} dengan sopdsl {version}",
        "none": "tidak ada",
        "evaluation": "Evaluasi berikutnya",
        "evaluation_due": "Perlu dievaluasi",
        "library_map": "Peta pustaka SOP",
        "revisions": "Riwayat revisi",
        "deadline": "Batas waktu",
        "deadline_from": "bila dimulai {date}",
        "deadline_typical": "biasanya",
        "deadline_max": "paling lambat",
        "deadline_sla": "SLA",
    },
    "en": {
        "no": "No",
        "activity": "Activity",
        "performers": "Performers",
        "standard": "Quality standard",
        "needs": "Requirements",
        "time": "Time",
        "output": "Output",
        "note": "Notes",
        "performer": "Performer",
        "yes": "Yes",
        "no_branch": "No",
        "end": "End",
        "total": "Total time",
        "workday": "working day",
        "workdays": "working days",
        "routine_step": "routine step",
        "routine_steps": "routine steps",
        "unmeasured_step": "step without a measured time",
        "unmeasured_steps": "steps without a measured time",
        "number": "SOP number",
        "created": "Created",
        "revised": "Revised",
        "effective": "Effective",
        "approved_by": "Approved by",
        "title": "SOP title",
        "legal_basis": "Legal basis",
        "qualifications": "Performer qualifications",
        "related": "Related SOPs",
        "equipment": "Equipment",
        "warning": "Warning",
        "records": "Records",
        "staffing": "Number of performers",
        "signature": "Signature",
        "name": "Name",
        "rank": "Rank",
        "nip": "NIP",
        "position": "Position",
        "annex": "Annex",
        "every": "Every",
        "uses": "Follows SOP",
        "no_role": "(no performer)",
        "page": "Page",
        "page_of": "Page {page} of {pages}",
        "continued": "continued",
        "identity": "SOP identity",
        "flowchart": "Flowchart",
        "sop": "SOP",
        "findings": "Findings",
        "errors": "errors",
        "warnings": "warnings",
        "severity_error": "error",
        "severity_warning": "warning",
        "severity_info": "info",
        "index_title": "SOP library",
        "unit": "Unit",
        "silenced": "findings silenced",
        "built": "Built {date} with sopdsl {version}",
        "none": "none",
        "evaluation": "Next evaluation",
        "evaluation_due": "Due for evaluation",
        "library_map": "SOP library map",
        "revisions": "Revision history",
        "deadline": "Due by",
        "deadline_from": "when started on {date}",
        "deadline_typical": "typically",
        "deadline_max": "at the latest",
        "deadline_sla": "SLA",
    },
}

SETTING_KEYS = {
    "number": "number", "created": "created", "revised": "revised", "effective": "effective",
    "approved-by": "approved_by", "legal-basis": "legal_basis", "qualifications": "qualifications",
    "related": "related", "equipment": "equipment", "warning": "warning", "records": "records",
    "staffing": "staffing", "needs": "needs", "time": "time", "output": "output", "note": "note", "no": "no",
    "activity": "activity", "performers": "performers", "quality": "standard", "title": "title", "total": "total",
    "yes": "yes", "no-branch": "no_branch", "page": "page", "workday": "workday", "workdays": "workdays",
    "routine-step": "routine_step", "routine-steps": "routine_steps", "unmeasured-step": "unmeasured_step",
    "unmeasured-steps": "unmeasured_steps",
}
"""The keys of the `labels` setting (the language's own names where one exists) -> the keys of LABELS."""
PLURALS = {"workday": "workdays", "routine-step": "routine-steps", "unmeasured-step": "unmeasured-steps"}
"""Setting keys of a counted word -> the key of its plural, which the singular also names unless it is given."""


def printed_labels(lang: str = "id", house: Mapping[str, str] | None = None) -> dict[str, str]:
    """The labels of the language, with a unit's house style (the `labels` setting, by its keys) over them."""
    labels = dict(LABELS[lang])
    house = house or {}
    for key, text in house.items():
        labels[SETTING_KEYS[key]] = text
        if key in PLURALS and PLURALS[key] not in house:
            labels[SETTING_KEYS[PLURALS[key]]] = text
    if house and "page" in house:
        labels["page_of"] = labels["page_of"].replace(LABELS[lang]["page"], house["page"], 1)
    return labels


MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}


def date_text(date: datetime.date, lang: str = "id") -> str:
    """A date as printed: "29 Mei 2024" (Indonesian) or "29 May 2024"."""
    return f"{date.day} {MONTHS[lang][date.month - 1]} {date.year}"


def period_text(period: Period, lang: str = "id") -> str:
    """How often a routine is done: as written where that says it ("1 x 3 bulan", "Tiap Bulan", "sebulan sekali"),
    else "Tiap bulan" / "Every 3 months"."""
    if period.phrase:
        return period.wording
    return f"{LABELS[lang]['every']} {period.wording}"


def time_text(step: Activity, lang: str = "id") -> str:
    """The Waktu cell: the time as the author wrote it, then the period of a routine step."""
    parts = []
    if isinstance(step.time, Duration):
        parts.append(step.time.wording)
    elif step.time is not None:
        parts.append(step.time.value)
    if step.every is not None:
        parts.append(period_text(step.every, lang))
    return "; ".join(parts)


def branch_label(branch_kind: str, label: str | None, lang: str = "id",
                 house: Mapping[str, str] | None = None) -> str | None:
    """The words printed beside a branch: "Ya"/"Tidak" or the author's label; None for plain flow."""
    if branch_kind == "yes":
        return printed_labels(lang, house)["yes"]
    if branch_kind == "no":
        return printed_labels(lang, house)["no_branch"]
    if branch_kind == "label":
        return label
    return None

