"""Word and Excel output: the files read back give every step, performer and time; LibreOffice opens and prints them.

The .docx is parsed back with python-docx (cells, and the description of every drawn shape) and converted to
PDF by LibreOffice, whose pages must match the pages of the HTML document's layout. The .xlsx is read back
with openpyxl. Tests that need LibreOffice are skipped, saying why, where `soffice` is missing.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from sopdsl.cli import main
from sopdsl.model import Duration, Sop, Text
from sopdsl.parse import parse_text
from sopdsl.render.document import docx as docx_format
from sopdsl.render.document.layout import lay_out
from sopdsl.render.options import RenderOptions
from sopdsl.render.tables import xlsx as xlsx_format
from sopdsl.render.xml_text import xml_safe

from .conftest import FIXTURES, ROOT, SPECS
from .office_reading import WordRow, word_tables
from .strategies import sops

docx = pytest.importorskip("docx", reason="python-docx is not installed: pip install -e '.[office]'")
openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed: pip install -e '.[office]'")

FUZZ_EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 10)
DOCUMENTS = sorted(SPECS.glob("*.sop")) + [FIXTURES / "render" / "arrows.sop", FIXTURES / "language" / "whole-file.sop"]
IDENTITY_TABLES = 2
WHITESPACE = re.compile(r"\s+")


def load(path: Path) -> Sop:
    return parse_text(path.read_text(encoding="utf-8"))


def role_ids(sop: Sop) -> list[str]:
    return list(dict.fromkeys(role.id for role in sop.roles))


def performers(sop: Sop, step) -> set[str]:
    """The declared roles a step names; the empty name when it names none (its symbol is then unassigned)."""
    declared = set(role_ids(sop))
    named = {ref.id for ref in step.by if ref.id in declared}
    return named or {""}


def written_times(step) -> list[str]:
    """The time and period of a step as its author wrote them."""
    written = []
    if isinstance(step.time, Duration):
        written.append(step.time.wording)
    elif isinstance(step.time, Text):
        written.append(step.time.value)
    if step.every is not None and step.every.phrase:
        written.append(step.every.wording)
    return written


# -- Word: the document read back ---------------------------------------------------------------


def flow_rows(tables: list[list[WordRow]]) -> list[WordRow]:
    """The body rows of the flowchart tables: section and step rows (not headers, connectors or the total)."""
    rows = []
    for table in tables[IDENTITY_TABLES:]:
        for row in table:
            if row.header or not any(row.cells[:2]):
                continue
            if row.cells[1].endswith("(lanjutan)"):  # a section's row repeated where it continues
                continue
            if row.cells[0].isdigit() or (len(row.cells) == 2 and row.spans[0] == 1):  # a step or a section
                rows.append(row)
    return rows


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_the_word_table_gives_back_every_section_step_performer_and_time(path):
    sop = load(path)
    roles = role_ids(sop) or [""]
    tables = word_tables(docx_format.render(sop, RenderOptions()))
    rows = iter(flow_rows(tables))
    for section in sop.sections:
        if section.id is not None:
            row = next(rows)
            assert row.cells == (section.id, section.title.value if section.title else "")
        for number, step in enumerate(section.steps, 1):
            row = next(rows)
            first, last = number == 1, number == len(section.steps)
            assert row.cells[:2] == (str(number), step.text.value)
            needs, time, output = row.cells[2 + len(roles):5 + len(roles)]
            assert needs == (step.needs.value if step.needs else "")
            assert output == (step.output.value if step.output else "")
            assert all(written in time for written in written_times(step))
            symbols = [shape for cell in row.shapes for shape in cell if shape.what == "symbol"]
            assert {shape.details["role"] for shape in symbols} == performers(sop, step)
            for index, cell in enumerate(row.shapes[2:2 + len(roles)]):  # symbols stand in their columns
                for shape in cell:
                    if shape.what == "symbol" and shape.details["role"]:
                        assert shape.details["role"] == roles[index]
            kind = "terminator" if first or last else ("decision" if step.is_decision else "process")
            assert {shape.details["symbol"] for shape in symbols} == {kind}
            if step.is_decision and not last:
                labels = {shape.text for cell in row.shapes for shape in cell if shape.what == "label"}
                words = {"yes": "Ya", "no": "Tidak"}
                note = row.cells[5 + len(roles)]
                for branch in step.branches:  # printed beside its arrow, or as a mark Keterangan explains
                    word = words.get(branch.kind, branch.label)
                    assert word in labels or any(f"{mark} {word}" in note for mark in labels), (word, labels, note)
    assert next(rows, None) is None


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_every_flowchart_table_has_the_standard_header_repeated(path):
    sop = load(path)
    names = list(dict.fromkeys(role.id for role in sop.roles))
    role_names = [next(r.name.value for r in sop.roles if r.id == role) for role in names] or ["(tanpa pelaksana)"]
    tables = word_tables(docx_format.render(sop, RenderOptions()))
    assert len(tables) - IDENTITY_TABLES == len(lay_out(sop, RenderOptions()).pages)
    for table in tables[IDENTITY_TABLES:]:
        top, bottom = table[:2]
        assert top.header and bottom.header and not table[2].header
        assert top.cells == ("No", "Kegiatan", "Pelaksana", "Mutu Baku", "Keterangan")
        assert top.spans == (1, 1, len(role_names), 3, 1)
        assert list(bottom.cells[2:-1]) == role_names + ["Kelengkapan / Persyaratan", "Waktu", "Output"]


def unit_runs_in_capitals(data: bytes) -> bool:
    """Whether every run of the unit's cell (the first cell of the identity sheet) is set in capitals."""
    import docx

    cell = docx.Document(io.BytesIO(data)).tables[0].cell(0, 0)
    runs = [run for paragraph in cell.paragraphs for run in paragraph.runs]
    return bool(runs) and all(run.font.all_caps for run in runs)


def test_the_identity_sheet_is_a_label_value_table():
    sop = load(FIXTURES / "language" / "whole-file.sop")
    head, grid = word_tables(docx_format.render(sop, RenderOptions()))[:IDENTITY_TABLES]
    values = {row.cells[-2]: row.cells[-1] for row in head}
    assert values["Nomor SOP"] == sop.number.value
    assert values["Nama SOP"] == sop.title.value
    assert values["Tanggal Efektif"] == "10 Juni 2024"
    assert values["Disahkan oleh"].startswith(sop.approved_by.value)
    assert "NIP:" in values["Disahkan oleh"]
    # The unit's name is kept as written and shown in capitals (w:caps), so that an import gives it back as written.
    assert head[0].cells[0].split("\n") == [line.value for line in sop.unit]
    assert unit_runs_in_capitals(docx_format.render(sop, RenderOptions()))
    labels = [cell for row in grid[0::2] for cell in row.cells]
    assert labels == ["Dasar Hukum:", "Kualifikasi Pelaksana:", "Keterkaitan:", "Peralatan / Perlengkapan:",
                      "Peringatan:", "Pencatatan dan Pendataan:"]
    legal = grid[1].cells[0].split("\n")
    assert legal == [f"{n}. {item.value}" for n, item in enumerate(sop.legal_basis, 1)]


def test_the_last_page_has_the_total_row_and_the_signature_place():
    sop = load(FIXTURES / "render" / "arrows.sop")
    data = docx_format.render(sop, RenderOptions())
    last_table = word_tables(data)[-1]
    assert last_table[-1].cells == ("Jumlah waktu", "1 hari kerja 1 jam 55 menit")
    document = docx.Document(io.BytesIO(data))
    after_table = [p.text for p in document.paragraphs[-4:]]
    blank = "_" * 20
    assert after_table == ["Kepala Dinas", f"Nama: {blank}", f"Pangkat: {blank}", f"NIP: {blank}"]


def test_pages_are_landscape_numbered_and_every_shape_has_its_own_id():
    data = docx_format.render(load(FIXTURES / "render" / "arrows.sop"), RenderOptions(paper="f4"))
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (330, 215)
    footer = section.footer._element.xml
    assert re.search(r'w:instr=" PAGE ".*dari.*w:instr=" NUMPAGES "', footer, re.S)
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    ids = re.findall(r'<wp:docPr id="(\d+)"', body)
    assert ids and len(ids) == len(set(ids))


def test_english_labels_on_request():
    data = docx_format.render(load(FIXTURES / "render" / "arrows.sop"), RenderOptions(lang="en"))
    tables = word_tables(data)
    assert tables[IDENTITY_TABLES][0].cells == ("No", "Activity", "Performers", "Quality standard", "Notes")
    labels = {shape.text for row in flow_rows(tables) for cell in row.shapes for shape in cell if shape.what == "label"}
    assert {"Yes", "No", "End"} <= labels
    footer = docx.Document(io.BytesIO(data)).sections[0].footer._element.xml
    assert "Page" in footer and " of " in footer


@given(sop=sops())
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_sop_renders_to_word_and_excel_with_every_step(sop):
    texts = [xml_safe(step.text.value) for section in sop.sections for step in section.steps]
    rows = flow_rows(word_tables(docx_format.render(sop, RenderOptions())))
    assert [row.cells[1] for row in rows if len(row.cells) > 2] == texts
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_format.render(sop, RenderOptions()))).worksheets[0]
    assert [row[2] or "" for row in step_rows(sheet)] == texts


# -- LibreOffice: the document opens and prints page for page like the HTML one ----------------


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(folder: Path, files: list[Path], to: str) -> None:
    """LibreOffice converts the files in one run, with a profile of its own (another running office is no bother)."""
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice not found: install the Debian package 'libreoffice-writer' (soffice)")
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", to, "--outdir",
               str(folder), *map(str, files)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    """Each document as .docx, converted to PDF by LibreOffice."""
    folder = tmp_path_factory.mktemp("office")
    files = []
    for path in DOCUMENTS:
        target = folder / f"{path.stem}.docx"
        target.write_bytes(docx_format.render(load(path), RenderOptions()))
        files.append(target)
    convert(folder, files, "pdf")
    return {path.stem: folder / f"{path.stem}.pdf" for path in DOCUMENTS}


def squeeze(text: str) -> str:
    return WHITESPACE.sub("", text)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_libreoffice_prints_the_word_file_page_for_page_like_the_html_document(printed, path):
    pypdf = pytest.importorskip("pypdf")
    pdf = printed[path.stem]
    assert pdf.is_file(), f"LibreOffice could not open {path.stem}.docx"
    sop = load(path)
    layout = lay_out(sop, RenderOptions())
    pages = [page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages]
    assert len(pages) == 1 + len(layout.pages)
    for number, text in enumerate(pages, 1):
        assert f"Halaman {number} dari {len(pages)}" in text
    assert squeeze(sop.title.value) in squeeze(pages[0])
    for number, page in enumerate(layout.pages, 1):
        for page_row in page.rows:
            if page_row.kind == "step":
                assert squeeze(page_row.row.step.text.value) in squeeze(pages[number])


def test_libreoffice_opens_the_workbook(tmp_path):
    sop = load(SPECS / "pendokumentasian-informasi-publik.sop")
    workbook = tmp_path / "steps.xlsx"
    workbook.write_bytes(xlsx_format.render(sop, RenderOptions()))
    convert(tmp_path, [workbook], "csv")
    text = (tmp_path / "steps.csv").read_text(encoding="utf-8", errors="replace")
    for section in sop.sections:
        for step in section.steps:
            assert step.text.value in text


# -- Excel: the workbook read back -------------------------------------------------------------


def step_rows(sheet) -> list[tuple]:
    """The step rows under the two header rows, up to the blank row before the total."""
    rows = []
    for row in sheet.iter_rows(min_row=3, values_only=True):
        if all(value is None for value in row):
            break
        rows.append(row)
    return rows


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_the_workbook_gives_back_every_step_with_its_performers(path):
    sop = load(path)
    roles = role_ids(sop) or [""]
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_format.render(sop, RenderOptions())))
    sheet = workbook.worksheets[0]
    rows = iter(step_rows(sheet))
    for section in sop.sections:
        heading = f"{section.id}  {section.title.value}" if section.id is not None else None
        for number, step in enumerate(section.steps, 1):
            row = next(rows)
            assert row[:3] == (heading, number, step.text.value)
            marked = {roles[index] for index, value in enumerate(row[3:3 + len(roles)]) if value}
            assert marked == (performers(sop, step) - {""} if sop.roles else {""})
            needs, time, output = row[3 + len(roles):6 + len(roles)]
            assert (needs, output) == (step.needs.value if step.needs else None,
                                       step.output.value if step.output else None)
            assert all(written in time for written in written_times(step))
    assert next(rows, None) is None


def test_the_workbook_filters_freezes_and_prints_landscape_with_the_header_repeated():
    sop = load(SPECS / "pengelolaan-website-ppid.sop")
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_format.render(sop, RenderOptions(paper="f4"))))
    steps, identity = workbook.worksheets
    assert steps.auto_filter.ref == f"A2:J{2 + len(step_rows(steps))}"
    assert steps.freeze_panes == "D3"
    assert steps.print_title_rows == "$1:$2"
    assert steps.page_setup.orientation == "landscape" and steps.page_setup.fitToWidth == 1
    assert steps.sheet_properties.pageSetUpPr.fitToPage
    assert str(steps.page_setup.paperSize) == "14"
    assert "Halaman &P dari &N" in steps.oddFooter.center.text
    assert {"A1:A2", "D1:F1", "G1:I1", "J1:J2"} <= {str(merged) for merged in steps.merged_cells.ranges}
    fields = {row[0]: row[1] for row in identity.iter_rows(min_row=2, values_only=True)}
    assert fields["Nama SOP"] == sop.title.value
    assert fields["Peralatan / Perlengkapan"].split("\n")[0] == f"1. {sop.equipment[0].value}"


def test_text_that_looks_like_a_formula_stays_text():
    sop = load(FIXTURES / "render" / "arrows.sop")
    first = sop.sections[0].steps[0]
    risky = attrs.evolve(first, text=Text(value='=HYPERLINK("http://x")'), needs=Text(value="+62 811"),
                         output=Text(value="@cmd"), note=Text(value="-1"))
    sop = attrs.evolve(sop, sections=(attrs.evolve(sop.sections[0], steps=(risky, *sop.sections[0].steps[1:])),
                                      *sop.sections[1:]))
    data = xlsx_format.render(sop, RenderOptions())
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml
    row = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0][3]
    assert row[2].value == '=HYPERLINK("http://x")' and row[2].data_type == "s" and row[2].quotePrefix
    assert {cell.value for cell in row} >= {"+62 811", "@cmd"}


# -- the command line --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_render_writes_the_file_or_its_bytes_to_a_pipe(tmp_path, fmt):
    spec = SPECS / "pengelolaan-website-ppid.sop"
    out = tmp_path / f"sop.{fmt}"
    assert main(["render", str(spec), "--to", fmt, "-o", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    piped = subprocess.run([sys.executable, "-m", "sopdsl", "render", str(spec), "--to", fmt],
                           capture_output=True, check=True, cwd=ROOT)
    part = "word/document.xml" if fmt == "docx" else "xl/worksheets/sheet1.xml"
    written, sent = (zipfile.ZipFile(source) for source in (out, io.BytesIO(piped.stdout)))
    assert sent.read(part) == written.read(part)


def test_a_missing_package_names_the_extra(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # importing it now fails as if it were not installed
    code = main(["render", str(SPECS / "pengelolaan-website-ppid.sop"), "--to", "docx", "-o", str(tmp_path / "x")])
    error = capsys.readouterr().err
    assert code == 2 and not (tmp_path / "x").exists()
    assert error.count("\n") == 1 and "sopdsl[office]" in error


def test_checking_does_not_load_the_office_packages():
    program = ("import sys; from sopdsl.cli import main; main(['check', sys.argv[1]]); "
               "print(sorted({'docx', 'openpyxl'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", program, str(SPECS / "pengelolaan-website-ppid.sop")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_step_without_a_declared_role_is_drawn_in_the_column_before_with_no_role():
    sop = parse_text("sop x: X\nrole a: A\nrole b: B\nstep: Satu\n  by: b\nstep: Dua\n  by: zz\n")
    rows = flow_rows(word_tables(docx_format.render(sop, RenderOptions())))
    lanes = rows[1].shapes[2:4]
    assert [[shape.details["role"] for shape in cell if shape.what == "symbol"] for cell in lanes] == [[], [""]]
