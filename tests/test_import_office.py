"""`sopdsl import` from office files as agencies make them: Word with merged header cells and shapes anchored in
cells (DrawingML with VML fallback, and VML alone), Word converted by LibreOffice from HTML, Excel with merged
ranges and a drawing part, and a text PDF printed by LibreOffice. Each must give back the sample SOP."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl.importers import ImportFailure, read_document, read_drafts

from . import excel_documents, word_documents
from . import office_documents as office
from .imported import approver_values, check_rules, import_files, meaning, read_sop, reviewed_lines, step_values

pytest.importorskip("docx", reason="python-docx is not installed (pip install 'sopdsl[office]')")
pytest.importorskip("openpyxl", reason="openpyxl is not installed (pip install 'sopdsl[office]')")
pytest.importorskip("pdfplumber", reason="pdfplumber is not installed (pip install 'sopdsl[office]')")

needs_libreoffice = pytest.mark.skipif(office.soffice() is None, reason="LibreOffice (soffice) is not installed")


def assert_sample(draft: Path, capsys, printed: bool = False, signed_below: bool = True) -> None:
    """The draft gives back the sample's roles, sections, steps, performers, decision, times and header fields; it
    checks clean. `printed`: a PDF keeps no line breaks of its own, so the unit's lines come back as words.
    `signed_below`: the document has the place to sign below the table, which gives the signatory's rank."""
    sop = read_sop(draft)
    assert [role.name.value for role in sop.roles] == list(office.ROLES)
    assert [(s.id, s.title.value) for s in sop.sections] == [(letter, title) for letter, title, _ in office.SECTIONS]
    role_ids = [role.id for role in sop.roles]
    values = step_values(sop)
    assert [v["text"] for v in values] == [step.text for step in office.steps()]
    assert [v["by"] for v in values] == [(role_ids[step.role],) for step in office.steps()]
    assert [v["keyword"] for v in values] == ["decision" if s.symbol == "decision" else "step" for s in office.steps()]
    assert [(v["needs"], v["output"], v["note"]) for v in values] == [
        (s.needs, s.output, s.note or None) for s in office.steps()
    ]
    times = [office.EXPECTED_TIMES[step.time] for step in office.steps()]
    assert [(kind, v[kind]) for (kind, _), v in zip(times, values, strict=False)] == [
        (k, meaning(k, w)) for k, w in times
    ]
    decision = next(a for a in sop.activities() if a.is_decision)
    assert [(b.kind, b.target.id) for b in decision.branches] == [("yes", "next"), ("no", "langkah-a-1")]
    assert sop.title.value == "Pelayanan Permohonan Informasi Publik"
    unit = [t.value for t in sop.unit]
    assert (" ".join(unit) == " ".join(office.UNIT)) if printed else (unit == list(office.UNIT))
    assert sop.number.value == "12/SOP-PPID/2024" and sop.approved_by.value == office.POSITION
    name, rank, nip = office.SIGNATORY
    assert approver_values(sop) == (name, rank if signed_below else None, nip)
    assert [str(d.value) for d in (sop.created, sop.revised, sop.effective)] == [
        "2024-05-29",
        "2024-06-03",
        "2024-06-10",
    ]
    lists = dict(office.LISTS)
    assert [t.value for t in sop.legal_basis] == list(lists["Dasar Hukum"])
    assert [t.value for t in sop.qualifications] == list(lists["Kualifikasi Pelaksana"])
    assert [t.value for t in sop.related] == list(lists["Keterkaitan"])
    assert [t.value for t in sop.equipment] == list(lists["Peralatan/Perlengkapan"])
    assert sop.warning.value == lists["Peringatan"][0]
    assert [t.value for t in sop.records] == list(lists["Pencatatan dan Pendataan"])
    assert check_rules(capsys, draft) == []
    reasons = [reason for reason, _ in reviewed_lines(draft)]
    assert sum(reason.startswith("tujuan cabang") for reason in reasons) == 2
    assert sum(reason.startswith("penandatangan dilengkapi") for reason in reasons) == signed_below


@pytest.mark.parametrize("vml_only", [False, True], ids=["drawingml", "vml"])
def test_word_with_merged_header_cells_and_shapes_anchored_in_cells(tmp_path, capsys, vml_only):
    source = word_documents.word_document(tmp_path / "sop.docx", vml_only=vml_only)
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    assert draft.name == "pelayanan-permohonan-informasi-publik.sop"
    assert_sample(draft, capsys)


def test_arrows_whose_alternative_text_names_their_ends_give_the_branch_targets(tmp_path, capsys):
    source = word_documents.word_document(tmp_path / "sop.docx", arrows=True)
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    decision = next(a for a in read_sop(draft).activities() if a.is_decision)
    assert [(b.kind, b.target.id) for b in decision.branches] == [("yes", "next"), ("no", "langkah-a-1")]
    assert not any(reason.startswith("tujuan cabang") for reason, _ in reviewed_lines(draft))
    assert decision.by[0].id == "petugas-layanan-informasi"  # the arrows are lines: they mark no performer


@pytest.mark.parametrize("vml_only", [False, True], ids=["drawingml", "vml"])
def test_shapes_dragged_over_another_column_count_where_they_stand(tmp_path, capsys, vml_only):
    source = word_documents.word_document(tmp_path / "sop.docx", vml_only=vml_only, dragged=True)
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    assert_sample(draft, capsys)


def test_tables_nested_in_layout_tables(tmp_path, capsys):
    source = word_documents.word_document(tmp_path / "sop.docx", nested=True)
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    assert_sample(draft, capsys)


def test_word_cells_keep_their_shapes_and_merges(tmp_path):
    document = read_document(word_documents.word_document(tmp_path / "sop.docx"))
    flowchart = [block for block in document.blocks if block.width > 1][-1]  # the signature place follows it
    heading = [cell.text for cell in flowchart.rows[0]]
    assert heading[2:5] == ["Pelaksana"] * 3 and [c.covered for c in flowchart.rows[0][2:5]] == [False, True, True]
    assert [cell.covered for cell in flowchart.rows[1][:2]] == [True, True]
    decision_row = flowchart.rows[5]
    assert decision_row[3].shapes == ("flowChartDecision",) and decision_row[3].labels == ("Ya", "Tidak")
    assert decision_row[4].shapes == () and flowchart.rows[4][3].shapes == ("straightConnector1",)


@needs_libreoffice
def test_word_converted_by_libreoffice_from_html(tmp_path, capsys):
    html = office.html_document(tmp_path / "sop.html")
    source = office.convert(html, "docx:MS Word 2007 XML", tmp_path)
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    assert_sample(draft, capsys)
    reviews = reviewed_lines(draft)
    assert ("pelaksana ditebak dari letak label Ya/Tidak", "oleh: petugas-layanan-informasi") in reviews


def test_excel_with_merged_ranges_and_a_drawing(tmp_path, capsys):
    source = excel_documents.excel_document(tmp_path / "sop.xlsx")
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    assert_sample(draft, capsys, signed_below=False)


@needs_libreoffice
def test_text_pdf_printed_by_libreoffice_from_word(tmp_path, capsys):
    source = office.convert(word_documents.word_document(tmp_path / "sop.docx"), "pdf", tmp_path)
    assert {"Pelaksana", "Mengajukan", "Memeriksa"} <= set(office.pdf_pages_text(source).split())
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    assert_sample(draft, capsys, printed=True)


def test_a_scanned_pdf_is_refused_with_a_word_on_ocr(tmp_path):
    from PIL import Image, ImageDraw

    page = Image.new("RGB", (595, 842), "white")
    ImageDraw.Draw(page).rectangle((50, 50, 545, 400), outline="black")
    source = tmp_path / "scan.pdf"
    page.save(source)  # a page that is only a picture, as a scanner makes it
    with pytest.raises(ImportFailure, match="OCR"):
        read_drafts(source)


@pytest.mark.parametrize(
    "kind, part",
    [
        ("docx", "word/document.xml"),
        ("xlsx", "xl/worksheets/sheet1.xml"),
        ("xlsx", "xl/drawings/drawing1.xml"),
        ("xlsx", "xl/workbook.xml"),
    ],
)
def test_a_document_with_a_damaged_part_is_refused_in_one_line(tmp_path, capsys, kind, part):
    import zipfile

    builders = {"docx": word_documents.word_document, "xlsx": excel_documents.excel_document}
    whole = builders[kind](tmp_path / f"a.{kind}")
    damaged = tmp_path / f"rusak.{kind}"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[: len(data) // 2] if item.filename == part else data)
    from sopdsl.cli import main

    assert main(["import", str(damaged), "-o", str(tmp_path / "out")]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"{damaged}: galat: tidak terbaca sebagai ")


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=10).map(str.strip)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.lists(_text.filter(lambda t: not t.startswith("=")), min_size=3, max_size=3), min_size=1, max_size=5)
)
def test_any_sheet_reads_back_cell_for_cell(tmp_path, rows):
    import openpyxl

    rows = [row for row in rows if any(row)]
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append([cell or None for cell in row])
    path = tmp_path / "t.xlsx"
    workbook.save(str(path))
    document = read_document(path)
    read_back = [[cell.text for cell in row] for block in document.blocks for row in block.rows]
    assert [_trimmed(row) for row in read_back] == [_trimmed(row) for row in rows]


def _trimmed(row):
    """The row without the empty cells at its end, which a sheet does not store."""
    while row and not row[-1]:
        row = row[:-1]
    return row


def test_a_group_of_symbols_drawn_over_the_table_marks_no_cell(tmp_path, capsys):
    import docx

    source = word_documents.word_document(tmp_path / "sop.docx")
    document = docx.Document(str(source))
    first_step = document.tables[-1].rows[4]
    # anchored in the PPID cell and centred over it (a narrow canvas), its symbols drawn across other rows
    symbols = ("flowChartProcess", "flowChartDecision", "flowChartTerminator")
    group = word_documents.group_run(symbols, 900, width=600000)
    first_step.cells[4].paragraphs[0]._p.append(group)
    document.save(str(source))
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    assert step_values(read_sop(draft))[0]["by"] == ("pemohon-informasi",)


def test_performers_shown_by_shading_the_role_cell(tmp_path, capsys):
    import openpyxl
    from openpyxl.styles import PatternFill

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (
        ["Nama SOP", "Pengarsipan"],
        [],
        ["No", "Kegiatan", "Arsiparis", "Kepala", "Waktu", "Output"],
        ["1", "Menata berkas", "", "", "1 hari", "Berkas tertata"],
        ["2", "Menyetujui penataan", "", "", "1 jam", "Persetujuan"],
    ):
        sheet.append(row)
    grey = PatternFill("solid", fgColor="FF808080")
    for header in sheet[3]:
        header.fill = grey  # a shaded header row marks no one
    sheet["C4"].fill = grey
    sheet["D5"].fill = grey
    path = tmp_path / "arsir.xlsx"
    workbook.save(str(path))
    (draft,) = import_files(capsys, path, out=tmp_path / "out")
    assert [v["by"] for v in step_values(read_sop(draft))] == [("arsiparis",), ("kepala",)]
