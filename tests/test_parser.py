"""The parser builds the model LANGUAGE.md describes, for every form the contract allows."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest

from sopdsl.model import Decision, Duration, Ref, Step, Text, Unit
from sopdsl.parse import SopSyntaxError, parse_text

from .conftest import FIXTURES

HEAD = "sop x: Judul\nrole a: A\nrole b: B\n"


def one_step(attributes: str, header: str = "step s: Kegiatan\n"):
    sop = parse_text(HEAD + header + attributes)
    (step,) = sop.sections[0].steps
    return step


def durations(text: str) -> Duration:
    return one_step(f"  time: {text}\n").time


def test_whole_file_example_has_its_meaning():
    sop = parse_text((FIXTURES / "language" / "whole-file.sop").read_text(encoding="utf-8"))
    assert sop.id == "pelayanan-permohonan"
    assert sop.title.value == "Pelayanan Permohonan Informasi Publik"
    assert sop.number.value == "12/SOP-PPID/2024"
    assert [u.value for u in sop.unit] == ["Pemerintah Kabupaten Contoh", "Dinas Komunikasi dan Informatika"]
    assert sop.created.value == datetime.date(2024, 5, 29)
    assert sop.revised.value == datetime.date(2024, 6, 3)
    assert sop.effective.value == datetime.date(2024, 6, 10)
    assert sop.approved_by.value == "Kepala Dinas Komunikasi dan Informatika"
    assert len(sop.legal_basis) == 2
    assert sop.related == (Ref(id="penyiapan-jawaban"), Text(value="SOP Pelayanan Keberatan Informasi Publik"))
    assert [e.value for e in sop.equipment] == ["Komputer, printer, jaringan internet"]
    assert sop.warning.value.startswith("Jika SOP tidak dilaksanakan")
    assert sop.sla.terms[0].amount == 10 and sop.sla.terms[0].unit is Unit.WORKDAY
    assert [r.id for r in sop.roles] == ["pemohon", "petugas", "ppid"]
    assert not sop.has_sections
    steps = sop.sections[0].steps
    assert [s.id for s in steps] == ["terima", "lengkap", "jawab", "serahkan", "kembalikan"]
    assert [type(s) for s in steps] == [Step, Decision, Step, Step, Step]
    lengkap = steps[1]
    assert [(b.kind, b.target.id) for b in lengkap.branches] == [("yes", "next"), ("no", "kembalikan")]
    jawab = steps[2]
    assert jawab.text.value == "Menyiapkan jawaban permohonan sesuai daftar informasi publik"
    assert jawab.uses == Ref(id="penyiapan-jawaban")
    assert jawab.time.is_range and jawab.time.wording == "1-7 hari kerja"
    assert steps[3].time.wording == "1 h 30 min"
    assert steps[3].next.id == "end"
    assert steps[4].next.id == "terima"
    assert sop.comments[0].text.startswith("# Pelayanan permohonan") and sop.comments[0].own_line


def test_every_code_example_of_the_contract_parses(language_md):
    blocks = re.findall(r"```\n(.*?)```", language_md, re.S)
    whole = [b for b in blocks if b.lstrip().startswith(("#", "sop "))]
    assert whole, "the contract's whole-file example was not found"
    for block in whole:
        parse_text(block)
    calendars = [b for b in blocks if b.strip().startswith("calendar:")]
    for block in calendars:
        sop = parse_text("sop x: Judul\n" + block)
        assert sop.calendar is not None


@pytest.mark.parametrize(
    "text, terms, upto",
    [
        ("2 h 30 min", [(2, Unit.HOUR), (30, Unit.MINUTE)], None),
        ("1-3 days", [(1, Unit.WORKDAY)], 3),
        ("1.5 h", [(Decimal("1.5"), Unit.HOUR)], None),
        ("1,5 jam", [(Decimal("1.5"), Unit.HOUR)], None),
        ("10 (sepuluh) hari kerja", [(10, Unit.WORKDAY)], None),
        ("15 min", [(15, Unit.MINUTE)], None),
        ("30 menit", [(30, Unit.MINUTE)], None),
        ("1 Hari", [(1, Unit.WORKDAY)], None),
        ("2 calendar days", [(2, Unit.CALENDAR_DAY)], None),
        ("3 hari kalender", [(3, Unit.CALENDAR_DAY)], None),
        ("1 week", [(1, Unit.WEEK)], None),
        ("2 minggu", [(2, Unit.WEEK)], None),
        ("1 month", [(1, Unit.MONTH)], None),
        ("6 bulan", [(6, Unit.MONTH)], None),
        ("1 year", [(1, Unit.YEAR)], None),
        ("2 tahun", [(2, Unit.YEAR)], None),
        ("10 workdays", [(10, Unit.WORKDAY)], None),
        ("1 minute", [(1, Unit.MINUTE)], None),
        ("2 hours", [(2, Unit.HOUR)], None),
        ("1 - 7 hari kerja", [(1, Unit.WORKDAY)], 7),
    ],
)
def test_duration_forms(text, terms, upto):
    duration = durations(text)
    assert [(t.amount, t.unit) for t in duration.terms] == terms
    assert (duration.upto.amount if duration.upto else None) == upto


def test_duration_keeps_the_authors_wording():
    assert durations("10 (sepuluh) hari kerja").wording == "10 (sepuluh) hari kerja"
    assert durations("1,5 jam").wording == "1,5 jam"
    assert durations("1  -  3   hari kerja").wording == "1-3 hari kerja"


@pytest.mark.parametrize(
    "text, times, number, unit, wording",
    [
        ("3 months", None, "3", Unit.MONTH, "3 months"),
        ("month", None, None, Unit.MONTH, "month"),
        ("6 bulan", None, "6", Unit.MONTH, "6 bulan"),
        ("1 x 3 bulan", "1", "3", Unit.MONTH, "1 x 3 bulan"),
        ("1 x3 bulan", "1", "3", Unit.MONTH, "1 x 3 bulan"),
        ("1 x 6 Bulan", "1", "6", Unit.MONTH, "1 x 6 Bulan"),
        ("2 x minggu", "2", None, Unit.WEEK, "2 x minggu"),
    ],
)
def test_every_periods(text, times, number, unit, wording):
    period = one_step(f"  every: {text}\n").every
    assert (period.times, period.number, period.unit, period.wording) == (times, number, unit, wording)


def test_step_attributes_in_any_order_and_several_performers():
    step = one_step(
        "  next: end\n  note: Catatan\n  uses: lain\n  output: Hasil\n  time: 1 h\n  needs: Berkas\n  by: a, b\n"
    )
    assert [r.id for r in step.by] == ["a", "b"]
    assert (step.needs.value, step.output.value, step.note.value) == ("Berkas", "Hasil", "Catatan")
    assert step.uses.id == "lain" and step.next.id == "end"


def test_unquantified_time_is_quoted_text():
    step = one_step('  time: "Sesuai dengan jadwal yang ditentukan"\n')
    assert step.time == Text(value="Sesuai dengan jadwal yang ditentukan")


def test_decision_with_labelled_branches():
    step = one_step(
        '  by: a\n  branch "Lengkap": next\n  branch "Tidak lengkap": end\n', header="decision: Periksa\n"
    )
    assert isinstance(step, Decision) and step.id is None
    assert [(b.kind, b.label, b.target.id) for b in step.branches] == [
        ("label", "Lengkap", "next"),
        ("label", "Tidak lengkap", "end"),
    ]


def test_sections_form_separate_flows_and_may_indent_their_steps():
    sop = parse_text(HEAD + "section a: Satu\nstep: x\nstep: y\nsection b: Dua\n  step: z\n  step: w\n")
    assert [(s.id, s.title.value, len(s.steps)) for s in sop.sections] == [("a", "Satu", 2), ("b", "Dua", 2)]
    assert sop.has_sections


def test_comments_are_kept_with_their_lines_and_do_not_enter_text():
    sop = parse_text("# top\nsop x: Judul # trailing\n  # own line\n  number: 1#2 # after\nrole a: A\n")
    assert sop.title.value == "Judul"
    assert sop.number.value == "1#2"
    assert [(c.text, c.line, c.own_line) for c in sop.comments] == [
        ("# top", 1, True),
        ("# trailing", 2, False),
        ("# own line", 3, True),
        ("# after", 4, False),
    ]


def test_quoted_text_folds_line_breaks_and_unescapes():
    step = one_step('  note: "satu\n      dua \\"tiga\\" \\\\ # empat"\n')
    assert step.note.value == 'satu dua "tiga" \\ # empat'


def test_crlf_bom_and_blank_lines():
    text = "\ufeffsop x: Judul\r\n\r\n  number: 7\r\n\r\nrole a: A\r\n\r\n\r\nstep s: Kegiatan\r\n  by: a\r\n"
    sop = parse_text(text)
    assert sop.number.value == "7" and sop.sections[0].steps[0].by[0].id == "a"
    assert sop.sections[0].steps[0].text.value == "Kegiatan"


def test_missing_final_newline_and_free_indentation_depth():
    sop = parse_text("sop x: Judul\n     number: 7\nrole a: A\nstep s: Kegiatan\n    by: a")
    assert sop.number.value == "7" and sop.sections[0].steps[0].by[0].id == "a"


def test_unicode_ids_and_case_sensitivity():
    sop = parse_text("sop prosedur-ü: Judul\nrole pétugas: P\nrole Pétugas: Q\nstep 步骤_1: x\n  by: pétugas\n")
    assert [r.id for r in sop.roles] == ["pétugas", "Pétugas"]
    assert sop.sections[0].steps[0].id == "步骤_1"


def test_keywords_are_reserved_only_where_expected():
    sop = parse_text("sop step: Judul\nrole step: Step\nrole by: By\nstep time: x\n  by: step, by\n  next: end\n")
    assert sop.id == "step"
    assert [r.id for r in sop.roles] == ["step", "by"]
    assert sop.sections[0].steps[0].id == "time"


def test_related_ids_and_titles():
    sop = parse_text('sop x: Judul\n  related:\n    - sop-lain\n    - "SOP Luar"\n    - SOP tanpa kutip\n')
    assert sop.related == (Ref(id="sop-lain"), Text(value="SOP Luar"), Text(value="SOP tanpa kutip"))


def test_inline_list_field_is_a_list_of_one():
    sop = parse_text("sop x: Judul\n  unit: Dinas Contoh\n")
    assert [u.value for u in sop.unit] == ["Dinas Contoh"]


def test_spans_point_at_tokens():
    sop = parse_text(HEAD + "step s: Kegiatan\n  by: a, bb\n")
    step = sop.sections[0].steps[0]
    assert (step.span.line, step.span.column) == (4, 1)
    assert (step.id_span.line, step.id_span.column) == (4, 6)
    assert [(r.span.line, r.span.column) for r in step.by] == [(5, 7), (5, 10)]


def test_positions_do_not_take_part_in_equality():
    first = parse_text(HEAD + "step s: Kegiatan\n  by: a\n")
    second = parse_text("# moved\n" + HEAD + "\n\nstep   s:   Kegiatan\n      by:   a\n")
    assert first == second


def test_syntax_errors_never_escape_as_other_exceptions():
    for text in ["sop", "sop x", "sop x:", "\n\n", "sop x: y\n  calendar:\n", "sop x: y\nrole"]:
        with pytest.raises(SopSyntaxError):
            parse_text(text)
