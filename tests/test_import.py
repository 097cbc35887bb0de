"""`sopdsl import` from text: Waktu cells, dates and header words, seed 001 pasted from Word, CSV (our own export
included), several SOPs in one file, and how the command treats bad files and existing drafts."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl.cli import main
from sopdsl.importers import ImportFailure, read_document, read_drafts
from sopdsl.importers.identity import list_items, parse_date
from sopdsl.importers.times import accepted, read_time
from sopdsl.importers.words import branch_kind, column_kind

from .conftest import FIXTURES, ROOT, SPECS
from .imported import (
    approver_values,
    check_rules,
    differences,
    import_files,
    meaning,
    read_sop,
    reviewed_lines,
    step_values,
)

SEED_001 = ROOT.parent / "shared" / "seeds" / "001_93b922f57553ac3b.txt"
EXCERPT = FIXTURES / "import" / "seed-001-excerpt.txt"


@pytest.mark.parametrize(
    "cell, time, every",
    [
        ("30 menit", "30 menit", None),
        ("1 Hari", "1 Hari", None),
        ("10 (sepuluh) hari kerja", "10 (sepuluh) hari kerja", None),
        ("2 jam 30 menit", "2 jam 30 menit", None),
        ("1 - 3 hari", "1 - 3 hari", None),
        ("1 sampai 3 hari", "1-3 hari", None),
        ("1 s/d 3 hari kerja", "1-3 hari kerja", None),
        ("3 HK", "3 hari kerja", None),
        ("1,5 jam", "1,5 jam", None),
        ("1 x 3 bulan", None, "1 x 3 bulan"),
        ("Tiap Bulan", None, "bulan"),
        ("setiap 6 bulan", None, "6 bulan"),
        ("tiap 2 (dua) minggu", None, "2 (dua) minggu"),
        ("sebulan sekali", None, "bulan"),
        ("2 kali sebulan", None, "2 x bulan"),
        ("1 (satu) x 3 (tiga) bulan", None, "1 x 3 (tiga) bulan"),
    ],
)
def test_waktu_cells_become_durations_or_periods(cell, time, every):
    reading = read_time(cell)
    assert (reading.quoted, reading.review, reading.time is None, reading.every is None) == (
        False, None, time is None, every is None)
    attribute, expected, found = ("time", time, reading.time) if time else ("every", every, reading.every)
    assert meaning(attribute, found) == meaning(attribute, expected)
    if accepted(attribute, cell):  # what the language reads as it is, is kept as written
        assert found == cell


def test_a_waktu_that_is_no_duration_is_quoted_and_reviewed_only_when_it_holds_a_figure():
    stated = read_time("Sesuai jadwal yang ditentukan")
    assert (stated.time, stated.quoted, stated.review) == ("Sesuai jadwal yang ditentukan", True, None)
    odd = read_time("5 menit/dokumen")
    assert (odd.time, odd.quoted) == ("5 menit/dokumen", True) and "tidak terbaca" in odd.review
    deadline = read_time("1 x 24 jam")
    assert deadline.time == "24 jam" and deadline.every is None and "batas waktu" in deadline.review


def test_a_routine_steps_waktu_gives_its_time_and_its_period():
    """sopdsl prints a routine step's time, then its period ("5 menit; Tiap bulan")."""
    both = read_time("5 menit; Tiap bulan")
    assert (both.time, both.quoted, both.review) == ("5 menit", False, None)
    assert meaning("every", both.every) == meaning("every", "bulan")
    stated = read_time("Sesuai jadwal; 1 x 3 bulan")
    assert (stated.time, stated.quoted, stated.every) == ("Sesuai jadwal", True, "1 x 3 bulan")
    assert read_time("Rapat; diskusi").every is None


def test_only_the_printed_yes_and_no_make_yes_and_no_branches():
    assert [branch_kind(word, printed=True) for word in ("Ya", "Tidak", "Yes", "No", "Sesuai", "Tidak sesuai")] == [
        "yes", "no", "yes", "no", None, None]
    assert [branch_kind(word) for word in ("Sesuai", "Tidak sesuai")] == ["yes", "no"]


def test_identity_dates_and_lists():
    assert str(parse_date("29 Mei 2024")) == "2024-05-29"
    assert str(parse_date("3 Agustus 2023")) == "2023-08-03"
    assert str(parse_date("01/02/2023")) == "2023-02-01"
    assert parse_date("belum ditetapkan") is None
    assert list_items(["1. Satu", "lanjutan satu", "- b. Dua", "c) Tiga"]) == ["Satu lanjutan satu", "Dua", "Tiga"]


@pytest.mark.parametrize(
    "heading, kind",
    [
        ("NO", "no"), ("No.", "no"), ("KEGIATAN", "activity"), ("Uraian Prosedur", "activity"),
        ("URAIAN KEGIATAN", "activity"), ("Aktivitas", "activity"), ("PELAKSANA", "performers"),
        ("Pelaksanaan", "performers"), ("PELAKSAN", "performers"), ("MUTU BAKU", "quality"),
        ("Kelengkapan", "needs"), ("PERSYARATAN & PERLENGKAP AN", "needs"), ("Persyaratan/ Kelengkapan", "needs"),
        ("WAKTU", "time"), ("Output", "output"), ("KET", "note"), ("Keterangan", "note"),
        ("Requirements", "needs"), ("Time", "time"), ("Notes", "note"), ("Ketua PPID", None),
    ],
)
def test_header_words_in_the_spellings_of_the_seeds(heading, kind):
    assert column_kind(heading) == kind


def _seed_001(path: Path, tmp_path: Path, capsys):
    (draft,) = import_files(capsys, path, out=tmp_path)
    return draft, read_sop(draft)


def test_seed_001_pasted_from_word_imports_as_its_transcription(tmp_path, capsys):
    if not SEED_001.is_file():
        pytest.skip(f"the seeds are not beside this checkout ({SEED_001})")
    draft, sop = _seed_001(SEED_001, tmp_path, capsys)
    expected = read_sop(SPECS / "keamanan-pengelolaan-website.sop")
    assert draft.name == "keamanan-pengelolaan-website.sop"
    assert [(r.id, r.name.value) for r in sop.roles] == [(r.id, r.name.value) for r in expected.roles]
    assert [(s.id, s.title.value) for s in sop.sections] == [(s.id, s.title.value) for s in expected.sections]
    for name in ("number", "unit", "created", "revised", "effective", "legal_basis", "qualifications", "related",
                 "equipment", "warning", "records"):
        assert getattr(sop, name) == getattr(expected, name), name
    # The transcription completes one Waktu cut off in the source; everything else comes back as transcribed.
    assert differences(expected, sop) == [(6, "time", ("text", "Sesuai dengan permasalahan jadwal yang ditentukan"),
                                           ("text", "Sesuai dengan permasalahan jadwal yang"))]
    # The seed writes "Operator Mengupload Konten/dokumen" in the Operator column: the subject is reported.
    assert check_rules(capsys, draft) == ["activity-names-performer", "missing-metadata", "unquantified-time"]
    # The seed's role cells are empty: every performer is read from the activity text, and marked for review.
    reviews = reviewed_lines(draft)
    assert sum(line.startswith("oleh:") for _, line in reviews) == 9


def test_the_committed_excerpt_of_seed_001_imports(tmp_path, capsys):
    draft, sop = _seed_001(EXCERPT, tmp_path, capsys)
    values = step_values(sop)
    assert [(v["section"], v["by"], v["every"], v["time"]) for v in values] == [
        ("A", ("ketua-ppid",), meaning("every", "1 x 3 bulan"), None),
        ("A", ("operator",), meaning("every", "bulan"), None),
        ("B", ("ketua-ppid",), None, ("text", "Sesuai dengan permasalahan jadwal yang ditentukan")),
    ]
    assert str(sop.created.value) == "2024-05-29" and sop.number.value == "53 Tahun 2024"
    assert re.search(r"\n  periode: (bulan  # Waktu: Tiap Bulan|Tiap Bulan)\n", draft.read_text(encoding="utf-8"))


@pytest.mark.parametrize("spec", sorted(p.name for p in SPECS.glob("*.sop")))
def test_our_own_csv_comes_back_with_roles_sections_steps_and_branch_targets(spec, tmp_path, capsys):
    source = tmp_path / "table.csv"
    assert main(["render", str(SPECS / spec), "--to", "csv", "-o", str(source)]) == 0
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    expected, found = read_sop(SPECS / spec), read_sop(draft)
    assert [r.name.value for r in found.roles] == sorted((r.name.value for r in expected.roles),
                                                           key=[r.name.value for r in found.roles].index)
    fields = ("keyword", "text", "needs", "output", "note")
    assert [{k: v[k] for k in fields} for v in step_values(found)] == [
        {k: v[k] for k in fields} for v in step_values(expected)]
    names = {r.id: r.name.value for r in expected.roles}
    found_names = {r.id: r.name.value for r in found.roles}
    assert [tuple(found_names[i] for i in v["by"]) for v in step_values(found)] == [
        tuple(names[i] for i in v["by"]) for v in step_values(expected)]
    assert _routes(found) == _routes(expected)


def _routes(sop):
    """Each decision's branches as (kind, position of the target step or 'end'), positions counted per section."""
    routes = []
    for section in sop.sections:
        ids = [a.id for a in section.steps]
        for index, activity in enumerate(section.steps):
            for branch in activity.branches:
                target = branch.target.id
                position = index + 1 if target in ("next", "berikut") else target if target == "end" else ids.index(
                    target)
                routes.append((index, branch.kind, position))
    return routes


def test_a_file_holding_two_sops_gives_two_drafts(tmp_path, capsys):
    rows = []
    for title, role in (("Penerimaan Surat", "Sekretaris"), ("Pengiriman Surat", "Caraka")):
        rows += [["Nama SOP", title], ["Nomor SOP", f"1/{title}"], [],
                 ["No", "Kegiatan", "Pelaksana", "Waktu", "Output"], ["", "", role, "", ""],
                 ["1", f"{title} dicatat", "X", "10 menit", "Agenda"], []]
    path = tmp_path / "dua.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    drafts = import_files(capsys, path, out=tmp_path / "out")
    assert [d.name for d in drafts] == ["penerimaan-surat.sop", "pengiriman-surat.sop"]
    assert [step_values(read_sop(d))[0]["by"] for d in drafts] == [("sekretaris",), ("caraka",)]


def test_a_plain_table_marks_performers_with_x_or_a_tick_and_guesses_are_marked_above_their_line(tmp_path, capsys):
    path = tmp_path / "polos.tsv"
    path.write_text(
        "Nama SOP\tArsip\n\nNo\tUraian Prosedur\tStaf\tKepala\tWaktu\tOutput\tKet\n"
        "1\tMenyusun konsep\t√\t\t2 jam\tKonsep\t\n"
        "2\tMemeriksa konsep\t\tYa\t30 menit\tKonsep diperiksa\t\n"
        "3\tKepala menandatangani\t\t\t5 menit\tSurat\t\n"
        "4\tMengarsipkan\tx\t\tlama sekali 3\tArsip\t\n",
        encoding="utf-8",
    )
    (draft,) = import_files(capsys, path, out=tmp_path)
    sop = read_sop(draft)
    assert [(v["keyword"], v["by"]) for v in step_values(sop)] == [
        ("step", ("staf",)), ("decision", ("kepala",)), ("step", ("kepala",)), ("step", ("staf",))]
    reviews = reviewed_lines(draft)
    assert ("pelaksana ditebak dari teks kegiatan (kolom pelaksana tanpa tanda)", "oleh: kepala") in reviews
    assert any(reason.startswith("tujuan cabang Tidak") and line.startswith("tidak:") for reason, line in reviews)
    assert any(reason.startswith("waktu tidak terbaca") and line.startswith("waktu:") for reason, line in reviews)
    # "Kepala menandatangani", its performer read from its text, still names that performer first.
    assert check_rules(capsys, draft) == ["activity-names-performer", "missing-metadata", "unquantified-time"]


def test_sections_in_one_merged_cell_signatory_lines_and_the_approval_date(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text(
        "Nomor SOP,:,03/SOP/2024\n"
        "Tanggal Pengesahan,2 Januari 2024\n"
        'Disahkan oleh,"Kepala Badan\nDr. Siti Aminah, M.Si.\nNIP 19700101 199501 2 001"\n'
        "Nama SOP,Pengarsipan\n,\n"
        "No,Kegiatan,Arsiparis,Waktu,Output\n"
        "A. Penataan,,,,\n1,Menata berkas,X,1 hari,Berkas tertata\n"
        "B. Penyimpanan,,,,\n1,Menyimpan berkas,X,2 jam,Berkas tersimpan\n",
        encoding="utf-8",
    )
    (draft,) = import_files(capsys, path, out=tmp_path)
    sop = read_sop(draft)
    assert [(s.id, s.title.value) for s in sop.sections] == [("A", "Penataan"), ("B", "Penyimpanan")]
    assert sop.approved_by.value == "Kepala Badan" and str(sop.effective.value) == "2024-01-02"
    assert sop.number.value == "03/SOP/2024"
    assert approver_values(sop) == ("Dr. Siti Aminah, M.Si.", None, "19700101 199501 2 001")
    assert ("diisi dari Tanggal Pengesahan", "efektif: 2024-01-02") in reviewed_lines(draft)


def test_a_spreadsheet_naming_its_symbols_with_totals_below_and_the_identity_sheet_after_the_table(tmp_path, capsys):
    rows = [
        ["Bagian", "No", "Kegiatan", "Pelaksana", "Pelaksana", "Mutu Baku", "Mutu Baku", "Mutu Baku", "Keterangan"],
        ["Bagian", "No", "Kegiatan", "Staf", "Kepala", "Kelengkapan", "Waktu", "Output", "Keterangan"],
        ["A  Penerimaan", "1", "Menerima berkas", "Mulai", "", "Berkas", "10 menit", "Tanda terima", ""],
        ["A  Penerimaan", "2", "Memeriksa berkas", "", "Keputusan", "Berkas", "1 jam", "Berkas diperiksa",
         "Ya: lanjut ke 3; Tidak: kembali ke 1"],
        ["A  Penerimaan", "3", "Mengarsipkan berkas", "Selesai", "", "Berkas", "5 menit", "Arsip", ""],
        [], ["", "", "Jumlah waktu", "", "", "", "1 jam 15 menit", "", ""], [],
        ["Isian", "Isi"], ["Unit Kerja", "Dinas Arsip\nBidang Layanan"], ["Nomor SOP", "7/2024"],
        ["Tanggal Efektif", "2024-06-10"], ["Disahkan oleh", "Kepala Dinas"], ["Nama SOP", "Penerimaan Berkas"],
    ]
    path = tmp_path / "ekspor.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    (draft,) = import_files(capsys, path, out=tmp_path / "out")
    sop = read_sop(draft)
    assert draft.name == "penerimaan-berkas.sop" and [t.value for t in sop.unit] == ["Dinas Arsip", "Bidang Layanan"]
    assert [(s.id, s.title.value) for s in sop.sections] == [("A", "Penerimaan")]
    assert [(v["keyword"], v["by"]) for v in step_values(sop)] == [
        ("step", ("staf",)), ("decision", ("kepala",)), ("step", ("staf",))]
    decision = next(a for a in sop.activities() if a.is_decision)
    assert [(b.kind, b.target.id) for b in decision.branches] == [("yes", "next"), ("no", "langkah-a-1")]
    assert reviewed_lines(draft) == [] and check_rules(capsys, draft) == []


def test_a_row_with_no_performer_is_left_for_the_author_and_says_so(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text("No,Kegiatan,Pelaksana,Waktu\n,,Staf,\n1,Menyusun konsep,,1 jam\n", encoding="utf-8")
    (draft,) = import_files(capsys, path, out=tmp_path)
    reviews = reviewed_lines(draft)
    assert ("pelaksana tidak ditemukan: tambahkan baris pelaksana (oleh/by)", "kegiatan: Menyusun konsep") in reviews
    assert "missing-role" in check_rules(capsys, draft)


def test_bad_files_get_one_line_each_and_exit_2(tmp_path, capsys):
    fake_word = tmp_path / "rusak.docx"
    fake_word.write_bytes(b"not a zip at all")
    unknown = tmp_path / "catatan.odt"
    unknown.write_bytes(b"x")
    no_table = tmp_path / "surat.txt"
    no_table.write_text("Yth. Bapak Kepala Dinas\n", encoding="utf-8")
    good = tmp_path / "baik.txt"
    good.write_text(EXCERPT.read_text(encoding="utf-8"), encoding="utf-8")
    files = [fake_word, unknown, no_table, tmp_path / "hilang.xlsx", good]
    assert main(["import", *map(str, files), "-o", str(tmp_path / "out")]) == 2
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert [line.split(":")[0] for line in errors] == [str(path) for path in files[:4]]
    assert "Traceback" not in captured.err
    assert list((tmp_path / "out").glob("*.sop")) == [tmp_path / "out" / "keamanan-pengelolaan-website.sop"]


def test_an_existing_draft_is_kept_unless_forced_and_a_symlink_is_never_followed(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "keamanan-pengelolaan-website.sop"
    target.write_text("# edited by hand\n", encoding="utf-8")
    assert main(["import", str(EXCERPT), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err and target.read_text(encoding="utf-8") == "# edited by hand\n"
    assert main(["import", str(EXCERPT), "-o", str(out), "--force", "--lang", "en"]) == 0
    assert "3 roles, 2 sections, 3 steps, 0 decisions" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8").startswith("# Draf impor dari seed-001-excerpt.txt")
    outside = tmp_path / "elsewhere.sop"
    outside.write_text("keep\n", encoding="utf-8")
    target.unlink()
    os.symlink(outside, target)
    assert main(["import", str(EXCERPT), "-o", str(out), "--force"]) == 2
    assert outside.read_text(encoding="utf-8") == "keep\n"


def test_a_missing_office_package_names_the_extra_to_install(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ImportFailure, match=r"pip install 'sopdsl\[office\]'"):
        read_document(tmp_path / "x.xlsx")


def test_a_table_found_nowhere_is_an_import_failure(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\nc,d\n", encoding="utf-8")
    with pytest.raises(ImportFailure, match="no SOP flowchart table"):
        read_drafts(path)


_cell_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters=",;|\t"),
                     max_size=12).map(str.strip)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_cell_text, min_size=3, max_size=3), min_size=1, max_size=6),
       st.sampled_from([",", ";", "\t"]), st.sampled_from([".csv", ".tsv"]))
def test_any_csv_table_reads_back_cell_for_cell(tmp_path, rows, delimiter, suffix):
    rows = [["No", "Kegiatan", "Waktu"]] + [row for row in rows if any(row)]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path = tmp_path / ("t.tsv" if delimiter == "\t" and suffix == ".tsv" else "t.csv")
    path.write_text(buffer.getvalue(), encoding="utf-8")
    document = read_document(path)
    assert [[cell.text for cell in row] for block in document.blocks for row in block.rows] == rows


_words = st.text(st.sampled_from("abcdefghij KLMN"), min_size=1, max_size=20).map(lambda t: " ".join(t.split()))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_words.filter(bool), st.integers(0, 1), _words, _words), min_size=1, max_size=5))
def test_any_plain_step_table_imports_to_a_draft_that_parses_with_its_steps(tmp_path, steps):
    rows = [["No", "Kegiatan", "Pelaksana", "", "Kelengkapan", "Output"], ["", "", "Staf", "Kepala", "", ""]]
    for number, (text, role, needs, output) in enumerate(steps, start=1):
        marks = ["X", ""] if role == 0 else ["", "X"]
        rows.append([str(number), text, *marks, needs, output])
    path = tmp_path / "t.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    (draft,) = read_drafts(path)
    from sopdsl.importers.writer import format_draft, write_draft

    text, error = format_draft(write_draft(draft))
    assert error is None
    found = step_values(__import__("sopdsl.parse", fromlist=["parse_text"]).parse_text(text))
    assert [(v["text"], v["by"], v["needs"], v["output"]) for v in found] == [
        (t, (("staf",), ("kepala",))[r], n or None, o or None) for t, r, n, o in steps]


_CELLS = st.one_of(
    st.sampled_from(["No", "Kegiatan", "Uraian Prosedur", "Pelaksana", "Mutu Baku", "Waktu", "Output", "Ket",
                     "Kelengkapan", "A", "B", "1", "2", "X", "√", "Ya", "Tidak", "Keputusan", "Mulai", "30 menit",
                     "1 x 3 bulan", "Tiap bulan", "Nama SOP", "Nomor SOP", "Dasar Hukum", "1. Satu", "Jumlah waktu",
                     "Ya: lanjut ke 2", "Tidak: kembali ke 1", "", "", ""]),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=15),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_CELLS, min_size=1, max_size=9), min_size=1, max_size=14))
def test_any_table_imports_to_drafts_that_parse_or_fails_cleanly(tmp_path, rows):
    from sopdsl.importers.writer import format_draft, write_draft

    path = tmp_path / "t.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([["No", "Kegiatan", "Pelaksana", "Waktu", "Output"], *rows])
    try:
        drafts = read_drafts(path)
    except ImportFailure:
        return
    for draft in drafts:
        text, error = format_draft(write_draft(draft))
        assert error is None, text


def test_a_folder_imports_every_document_below_it_and_names_what_to_convert_first(tmp_path, capsys):
    folder = tmp_path / "arsip"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "keamanan.txt").write_text(EXCERPT.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "2024" / "~$keamanan.docx").write_bytes(b"lock")  # Word's lock file beside an open document
    (folder / "lama.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "catatan.md").write_text("# bukan SOP\n", encoding="utf-8")
    assert main(["import", str(folder), "-o", str(tmp_path / "out")]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == (f"{folder / 'lama.doc'}: galat: simpan dulu sebagai .docx (di programnya, atau: "
                                    "soffice --headless --convert-to docx BERKAS)")
    assert captured.out.strip().splitlines()[-1] == "2 berkas, 1 draf ditulis"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["keamanan-pengelolaan-website.sop"]


def test_word_unicode_text_and_excel_times_of_day_are_read(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes(EXCERPT.read_text(encoding="utf-8").encode("utf-16"))
    (draft,) = read_drafts(path)
    assert draft.title == "KEAMANAN PENGELOLAAN WEBSITE"
    import datetime

    from sopdsl.importers.xlsx_reader import cell_text

    assert [cell_text(datetime.time(0, 30)), cell_text(datetime.time(2, 15)), cell_text(3.0)] == [
        "30 menit", "2 jam 15 menit", "3"]


def test_a_draft_that_cannot_be_formatted_is_written_as_it_is_and_reported(tmp_path, capsys, monkeypatch):
    import sopdsl.format

    def refuse(text, keywords=None):
        raise sopdsl.format.FormatError("the formatted text changes the meaning of: sections")

    monkeypatch.setattr(sopdsl.format, "format_text", refuse)
    assert main(["import", str(EXCERPT), "-o", str(tmp_path)]) == 1
    assert "draf ditulis apa adanya" in capsys.readouterr().err
    written = (tmp_path / "keamanan-pengelolaan-website.sop").read_text(encoding="utf-8")
    assert written.startswith("# Draf impor dari seed-001-excerpt.txt") and "section B:" in written


def test_a_decision_sent_back_in_words_goes_back_to_that_step(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text(
        "No,Kegiatan,Petugas,Kepala,Waktu,Keterangan\n"
        "1,Menerima berkas,X,,5 menit,\n2,Mencatat berkas,X,,5 menit,\n3,Menyusun konsep,X,,1 jam,\n"
        "4,Memeriksa konsep,,Ya,30 menit,Jika tidak sesuai dikembalikan ke langkah 2\n"
        "5,Menandatangani,,X,10 menit,\n",
        encoding="utf-8",
    )
    (draft,) = import_files(capsys, path, out=tmp_path)
    decision = next(a for a in read_sop(draft).activities() if a.is_decision)
    assert [(b.kind, b.target.id) for b in decision.branches] == [("yes", "next"), ("no", "langkah-2")]
    assert ("tujuan cabang Tidak dibaca dari teks: 'dikembalikan ke langkah 2'", "tidak: langkah-2") in reviewed_lines(
        draft)


def test_a_failure_no_reader_foresaw_stops_only_its_own_file(tmp_path, capsys, monkeypatch):
    import sopdsl.importers.text_reader as text_reader

    real_read = text_reader.read

    def read(path):
        if path.name == "aneh.csv":
            raise RuntimeError("unforeseen")
        return real_read(path)

    monkeypatch.setattr(text_reader, "read", read)
    strange = tmp_path / "aneh.csv"
    strange.write_text("x\n", encoding="utf-8")
    assert main(["import", str(strange), str(EXCERPT), "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == f"{strange}: galat: RuntimeError: unforeseen"
    assert (tmp_path / "out" / "keamanan-pengelolaan-website.sop").is_file()


def test_role_columns_named_without_a_pelaksana_heading_end_at_the_first_known_column(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text("No,Kegiatan,Kasubbag,Staf,Keterangan,Paraf\n1,Menyusun konsep,,X,,ok\n2,Menyetujui,X,,,\n",
                    encoding="utf-8")
    (draft,) = import_files(capsys, path, out=tmp_path)
    sop = read_sop(draft)
    assert [r.name.value for r in sop.roles] == ["Kasubbag", "Staf"]
    assert [v["note"] for v in step_values(sop)] == ["Paraf: ok", None]
    reasons = [reason for reason, _ in reviewed_lines(draft)]
    assert "kolom 'Kasubbag' dianggap kolom pelaksana" in reasons
    assert "judul kolom 'Paraf' tidak dikenali; isinya masuk ke note" in reasons
