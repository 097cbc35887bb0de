"""Indonesian keywords, the header fields of the real documents, and periods as Indonesian SOPs write them."""

from __future__ import annotations

import datetime
import json
import random
import re

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl.analysis.graph import END, FlowGraph
from sopdsl.format import format_sop, format_text
from sopdsl.model import Approver, Ref, Text, Unit
from sopdsl.parse import SopSyntaxError, parse_text
from sopdsl.parse.vocabulary import (
    APPROVER,
    ATTRIBUTES,
    BRANCHES,
    CALENDAR,
    ENGLISH,
    GRAMMAR_KEYWORDS,
    HEADER,
    INDONESIAN,
    TARGETS,
    TOP_LEVEL,
)

from .conftest import FIXTURES, ROOT
from .findings import run_cli
from .strategies import sops

HEAD = "sop x: Judul\nrole a: A\n"


def whole_examples(language_md: str) -> tuple[str, str]:
    """The contract's whole-file example in English, and the same SOP in Indonesian."""
    blocks = re.findall(r"```\n(.*?)```", language_md, re.S)
    english, indonesian = [block for block in blocks if block.lstrip().startswith(("#", "sop "))]
    return english, indonesian


def test_the_indonesian_example_of_the_contract_has_the_meaning_of_the_english_one(language_md):
    english, indonesian = whole_examples(language_md)
    sop, sop_id = parse_text(english), parse_text(indonesian)
    assert (sop_id.number, sop_id.effective, sop_id.approved_by) == (sop.number, sop.effective, sop.approved_by)
    assert sop_id.sla.terms[0].unit is sop.sla.terms[0].unit and sop_id.sla.terms[0].amount == 10
    assert [r.id for r in sop_id.roles] == ["petugas", "ppid"]
    steps = list(sop_id.activities())
    assert [s.id for s in steps] == ["terima", "lengkap", "jawab", "kembalikan"]
    assert steps[0].by[0].id == "petugas" and steps[0].needs.value == "Formulir permohonan"
    assert [(b.kind, b.target.id) for b in steps[1].branches] == [("yes", "next"), ("no", "kembalikan")]
    assert steps[2].next.id == "end" and steps[3].next.id == "terima"
    graph = FlowGraph(sop_id.sections[0])
    assert graph.successors(1) == [2, 3] and graph.successors(2) == [END]


def test_the_contract_approver_block_parses(language_md):
    block = next(b for b in re.findall(r"```\n(.*?)```", language_md, re.S) if "approver:" in b)
    sop = parse_text("sop x: Judul\n" + block)
    assert sop.approved_by.value == "Kepala Dinas Komunikasi, Informatika dan Statistik"
    assert sop.approver == Approver(
        name=Text(value="HADI PRANTIA, S.STP., M.Si."),
        rank=Text(value="Pembina Tk. I"),
        nip=Text(value="19810207 200003 1 001"),
    )


def test_a_file_with_english_keywords_and_the_same_with_indonesian_ones_have_one_model(language_md):
    english, _ = whole_examples(language_md)
    assert parse_text(format_text(english, INDONESIAN)) == parse_text(english)


def test_english_and_indonesian_keywords_mix_freely():
    sop = parse_text(
        "sop x: Judul\n  nomor: 1\n  effective: 2024-01-02\npelaksana a: A\nrole b: B\n"
        "step s: Satu\n  oleh: a\n  time: 1 jam\nkeputusan d: Dua\n  by: b\n  ya: berikut\n  no: selesai\n"
        "kegiatan t: Tiga\n  next: s\n"
    )
    assert sop.number.value == "1" and [r.id for r in sop.roles] == ["a", "b"]
    s, d, t = sop.activities()
    assert s.by[0].id == "a" and d.is_decision
    assert [(b.kind, b.target.id) for b in d.branches] == [("yes", "next"), ("no", "end")]
    assert t.next.id == "s"


@pytest.mark.parametrize("word", ["oleh", "waktu", "kegiatan", "pelaksana", "nomor", "ya", "tidak", "selesai"])
def test_indonesian_keywords_are_reserved_only_where_expected(word):
    sop = parse_text(f"sop {word}: Judul\npelaksana {word}: A\nkegiatan {word}: x\n  oleh: {word}\n  lanjut: end\n")
    assert sop.id == word and sop.roles[0].id == word
    step = next(sop.activities())
    assert step.id == word and step.by[0].id == word


def test_a_step_may_be_called_selesai_or_berikut_and_jumps_to_those_words_mean_end_and_next():
    sop = parse_text(HEAD + "kegiatan selesai: Selesai\n  lanjut: berikut\nkegiatan berikut: Lain\n  lanjut: selesai\n")
    first, second = sop.activities()
    assert (first.id, second.id) == ("selesai", "berikut")
    assert FlowGraph(sop.sections[0]).successors(1) == [END]


def test_target_words_are_read_as_their_concept_and_written_as_they_were():
    sop = parse_text(HEAD + "keputusan d: Lengkap?\n  ya: berikut\n  tidak: selesai\nkegiatan s: Lain\n")
    yes, no = next(sop.activities()).branches
    assert (yes.target.id, yes.target.word, no.target.id, no.target.word) == ("next", "berikut", "end", "selesai")


def test_every_keyword_has_an_indonesian_spelling_and_no_two_collide_in_one_place():
    for keywords in (*GRAMMAR_KEYWORDS, TARGETS):
        assert all(entry.in_language(INDONESIAN) for entry in keywords)
    assert TARGETS["end"].in_language(INDONESIAN) == "selesai"


# ---- new header fields ---------------------------------------------------------------------------------------


NEW_FIELDS = """sop x: Judul
  lampiran: LAMPIRAN VII KEPUTUSAN KEPALA DINAS NOMOR 1 TAHUN 2024
  logo: gambar/logo kabupaten.png
  dievaluasi:
    - 2025-01-10
    - 2026-01-12
  penandatangan:
    nama: HADI PRANTIA, S.STP., M.Si.
    pangkat: Pembina Tk. I
    nip: 19810207 200003 1 001
  jumlah-pelaksana: Minimal 2 orang
"""


def test_the_new_header_fields_enter_the_model():
    sop = parse_text(NEW_FIELDS)
    assert sop.annex.value.startswith("LAMPIRAN VII")
    assert sop.logo.value == "gambar/logo kabupaten.png"
    assert [d.value for d in sop.evaluated] == [datetime.date(2025, 1, 10), datetime.date(2026, 1, 12)]
    assert sop.approver.rank.value == "Pembina Tk. I" and sop.approver.nip.value == "19810207 200003 1 001"
    assert sop.staffing.value == "Minimal 2 orang"


def test_evaluated_takes_one_date_on_its_line_and_every_approver_line_is_optional():
    sop = parse_text("sop x: Judul\n  evaluated: 2025-01-10\n  approver:\n    rank: Pembina\n")
    assert [d.value for d in sop.evaluated] == [datetime.date(2025, 1, 10)]
    assert sop.approver == Approver(rank=Text(value="Pembina"))


@pytest.mark.parametrize(
    "source, message",
    [
        ("sop x: Judul\n  evaluated: 2025-02-30\n", "'2025-02-30' is not a real date"),
        ("sop x: Judul\n  evaluated:\n    - 2025-01-10\n    - kemarin\n", "'kemarin' is not a date written YYYY-MM-DD"),
        ("sop x: Judul\n  approver:\n    nip: 1\n    nip: 2\n", "'nip' is given twice in the approver"),
    ],
)
def test_bad_new_fields_are_syntax_errors(source, message):
    with pytest.raises(SopSyntaxError, match=message):
        parse_text(source)


def test_the_formatter_writes_the_new_fields_in_canonical_order_with_their_comments():
    source = (
        "sop x: Judul\n  jumlah-pelaksana: Minimal 2 orang  # Jumlah Pelaksana\n  penandatangan:\n"
        "    nip: 19810207 200003 1 001\n    # nama dulu\n    nama: HADI\n  dievaluasi: 2025-01-10\n"
        "  nomor: 1\n  lampiran: LAMPIRAN VII\n  logo: logo.png\n"
    )
    assert format_text(source) == (
        "sop x: Judul\n  lampiran: LAMPIRAN VII\n  nomor: 1\n  logo: logo.png\n  dievaluasi: 2025-01-10\n"
        "  penandatangan:\n    # nama dulu\n    nama: HADI\n    nip: 19810207 200003 1 001\n"
        "  jumlah-pelaksana: Minimal 2 orang  # Jumlah Pelaksana\n"
    )
    assert format_text(source, "en").startswith("sop x: Judul\n  annex: LAMPIRAN VII\n  number: 1\n  logo: logo.png\n")


# ---- periods and units ---------------------------------------------------------------------------------------


def every(text: str):
    sop = parse_text(HEAD + f"kegiatan s: Kegiatan\n  periode: {text}\n")
    return next(sop.activities()).every


@pytest.mark.parametrize(
    "text, times, number, unit, wording",
    [
        ("tiap bulan", None, None, Unit.MONTH, "tiap bulan"),
        ("Tiap Bulan", None, None, Unit.MONTH, "Tiap Bulan"),
        ("setiap 6 bulan", None, "6", Unit.MONTH, "setiap 6 bulan"),
        ("Setiap 6 bulan sekali", None, "6", Unit.MONTH, "Setiap 6 bulan sekali"),
        ("tiap 2 (dua) minggu", None, "2", Unit.WEEK, "tiap 2 (dua) minggu"),
        ("sebulan sekali", None, None, Unit.MONTH, "sebulan sekali"),
        ("setahun sekali", None, None, Unit.YEAR, "setahun sekali"),
        ("Seminggu Sekali", None, None, Unit.WEEK, "Seminggu Sekali"),
        ("sehari sekali", None, None, Unit.WORKDAY, "sehari sekali"),
        ("2 kali sebulan", "2", None, Unit.MONTH, "2 kali sebulan"),
        ("2 x sebulan", "2", None, Unit.MONTH, "2 x sebulan"),
        ("1 (satu) x 3 (tiga) bulan", "1", "3", Unit.MONTH, "1 (satu) x 3 (tiga) bulan"),
        ("1   x   3 bulan", "1", "3", Unit.MONTH, "1 x 3 bulan"),
        ("6 bulan sekali", None, "6", Unit.MONTH, "6 bulan sekali"),
        ("per 3 bulan", None, "3", Unit.MONTH, "per 3 bulan"),
        ("2 kali per minggu", "2", None, Unit.WEEK, "2 kali per minggu"),
        ("1 kali setiap 3 (tiga) bulan", "1", "3", Unit.MONTH, "1 kali setiap 3 (tiga) bulan"),
        ("3 months", None, "3", Unit.MONTH, "3 months"),
    ],
)
def test_indonesian_periods_keep_their_wording(text, times, number, unit, wording):
    period = every(text)
    assert (period.times, period.number, period.unit, period.wording) == (times, number, unit, wording)
    assert period.phrase == (text not in ("3 months",))


def test_periods_are_formatted_as_written():
    source = (
        "sop x: Judul\n\nrole a: A\n\nkegiatan s: Kegiatan\n  periode: Tiap Bulan\n\n"
        "kegiatan t: Lain\n  periode: 2 kali sebulan\n"
    )
    assert format_text(source) == source


@pytest.mark.parametrize("text", ["2 HK", "2 hk", "1-3 HK"])
def test_hk_is_hari_kerja(text):
    sop = parse_text(HEAD + f"step s: Kegiatan\n  time: {text}\n")
    assert next(sop.activities()).time.terms[0].unit is Unit.WORKDAY


def test_a_reversed_range_parses_as_written():
    sop = parse_text(HEAD + "step s: Kegiatan\n  time: 5-2 jam\n")
    time = next(sop.activities()).time
    assert (time.terms[0].amount, time.upto.amount, time.wording) == (5, 2, "5-2 jam")


@pytest.mark.parametrize("text", ["2 kali", "3 x 2 jam"])
def test_a_period_written_as_a_time_is_explained(text):
    with pytest.raises(SopSyntaxError, match="makes this a period, not a duration"):
        parse_text(HEAD + f"step s: Kegiatan\n  time: {text}\n")


# ---- the same SOP in both languages ---------------------------------------------------------------------------

PAIR = FIXTURES / "keywords"


def test_the_fixture_pair_is_one_sop_in_two_languages():
    english = (PAIR / "english.sop").read_text(encoding="utf-8")
    indonesian = (PAIR / "indonesian.sop").read_text(encoding="utf-8")
    assert "kegiatan" not in english and "step" not in indonesian.replace("steps", "")
    assert format_text(english, INDONESIAN) == format_text(indonesian)
    assert format_text(indonesian, ENGLISH) == format_text(english)


@pytest.mark.parametrize("command", [("check", "--format", "json"), ("stats", "--format", "json")])
def test_the_fixture_pair_gives_the_same_findings_and_totals(command):
    outputs = []
    for name in ("english.sop", "indonesian.sop"):
        run = run_cli(*command, str(PAIR / name))
        assert run.code in (0, 1) and not run.err
        outputs.append(json.loads(run.out.replace(str(PAIR / name), "PATH")))
    english, indonesian = outputs
    assert english == indonesian
    if command[0] == "check":
        assert {"unknown-role", "unreachable-step", "self-loop", "unused-role", "sla-exceeded"} <= {
            finding["rule"] for finding in english
        }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sop=sops())
def test_converting_keywords_to_indonesian_and_back_keeps_the_text_and_the_model(sop):
    english = format_sop(sop)
    indonesian = format_text(english, INDONESIAN)
    assert parse_text(indonesian) == sop
    assert format_text(indonesian) == indonesian
    assert format_text(indonesian, ENGLISH) == english


def _keyword_pairs(markdown: str) -> set[tuple[str, str]]:
    """(English, Indonesian) pairs of a page's side-by-side table (`next` pairs with `lanjut` and `berikut`)."""
    table = markdown.split("| English | Indonesian |", 1)[1].split("\n\n", 1)[0]
    pairs = set()
    for row in table.strip().splitlines()[1:]:
        english, indonesian = (re.findall(r"`([^`]+)`", cell) for cell in row.split("|")[1:3])
        if len(english) == len(indonesian):
            pairs.update(zip(english, indonesian, strict=True))
        else:
            pairs.update((english[0], word) for word in indonesian)
    return pairs


@pytest.mark.parametrize("page", ["contract", "guide"])
def test_the_keyword_tables_of_the_contract_and_the_guide_are_the_vocabulary(page, language_md):
    markdown = language_md if page == "contract" else (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    table = {(entry.english, entry.in_language(INDONESIAN)) for keywords in (*GRAMMAR_KEYWORDS, TARGETS)
             for entry in keywords}
    assert table <= _keyword_pairs(markdown)


def test_the_guide_shows_its_first_example_in_both_languages_with_one_meaning():
    guide = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    english, indonesian = [b for b in re.findall(r"```\n(.*?)```", guide, re.S) if b.lstrip().startswith(("#", "sop "))]
    assert parse_text(indonesian) == parse_text(english)
    assert "kegiatan" in indonesian and "kegiatan" not in english


def test_the_readme_shows_its_example_in_both_languages_with_one_meaning():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    english, indonesian = [b for _, b in re.findall(r"```(\w*)\n(.*?)```", readme, re.S) if b.startswith("sop ")]
    assert parse_text(indonesian) == parse_text(english)


def test_fmt_keywords_converts_files_and_check_reports_them(tmp_path):
    path = tmp_path / "x.sop"
    path.write_text(HEAD + "step s: Kegiatan\n  by: a\n  next: end\n", encoding="utf-8")
    assert run_cli("fmt", "--keywords", "id", str(path)).code == 0
    assert path.read_text(encoding="utf-8") == (
        "sop x: Judul\n\npelaksana a: A\n\nkegiatan s: Kegiatan\n  oleh: a\n  lanjut: selesai\n"
    )
    assert run_cli("fmt", "--check", str(path)).code == 0
    assert run_cli("fmt", "--check", "--keywords", "en", str(path)).code == 1
    assert run_cli("fmt", "--keywords", "de", str(path)).code == 2


def test_the_totals_leave_a_reversed_range_out_as_unquantified():
    from sopdsl.analysis.totals import sop_totals

    sop = parse_text(HEAD + "step s: Satu\n  by: a\n  time: 5-2 jam\nstep t: Dua\n  by: a\n  time: 1-2 jam\n")
    (flow,) = sop_totals(sop).flows
    assert flow.unquantified == ("s",) and flow.min == 60 and flow.max == 120


def _respelled(node, rng: random.Random):
    """The model with every keyword given a spelling picked at random from the table (a target word too)."""
    if isinstance(node, tuple):
        return tuple(_respelled(item, rng) for item in node)
    if isinstance(node, Ref):
        entry = TARGETS.find(node.id)
        return attrs.evolve(node, word=rng.choice(entry.words)) if entry is not None else node
    if not attrs.has(type(node)):
        return node
    changes = {f.name: _respelled(getattr(node, f.name), rng) for f in attrs.fields(type(node)) if f.eq}
    if "words" in attrs.fields_dict(type(node)):
        changes["words"] = {entry.concept: rng.choice(entry.words) for table in WORD_TABLES for entry in table}
    return attrs.evolve(node, **changes)


WORD_TABLES = (TOP_LEVEL, HEADER, CALENDAR, APPROVER, ATTRIBUTES, BRANCHES)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sop=sops(), seed=st.integers(0, 2**32))
def test_the_formatter_keeps_each_keyword_as_written_in_a_mixed_file(sop, seed):
    text = format_sop(_respelled(sop, random.Random(seed)))
    assert parse_text(text) == sop
    assert format_text(text) == text
