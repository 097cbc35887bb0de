"""`sopdsl form`: monitoring and evaluation forms in every format, judged criteria, and filled xlsx read back."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl.browser.chromium import find_chromium
from sopdsl.cli import main
from sopdsl.model import Sop, Text
from sopdsl.render.forms import docx as docx_form
from sopdsl.render.forms import xlsx as xlsx_form
from sopdsl.render.forms.content import monitoring_form
from sopdsl.render.forms.read import as_json, read_form

from .conftest import SPECS

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("docx")

GOOD, BAD = "Berjalan dengan baik", "Tidak berjalan dengan baik"


def library(folder: Path, count: int) -> Path:
    """`count` copies of a spec under different ids, in one unit."""
    text = (SPECS / "keamanan-pengelolaan-website.sop").read_text(encoding="utf-8")
    for number in range(1, count + 1):
        copy = text.replace("sop keamanan-pengelolaan-website:", f"sop sop-{number:02d}:")
        (folder / f"sop-{number:02d}.sop").write_text(copy, encoding="utf-8")
    return folder


def form(tmp_path: Path, kind: str, to: str, *paths: str, extra=()) -> Path:
    out = tmp_path / f"{kind}.{to}"
    assert main(["form", kind, *paths, "--to", to, "-o", str(out), *extra]) == 0
    return out


def columns_by_heading(sheet, heading_row: int):
    return {cell.value: cell.column for cell in sheet[heading_row] if cell.value}


def heading_row(sheet, heading: str) -> int:
    """The row holding the visible headings, found as a person finds it: by its words."""
    return next(row[0].row for row in sheet.iter_rows() if any(cell.value == heading for cell in row))


def read_json(capsys, *paths) -> list:
    assert main(["form", "read", *map(str, paths), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_filled_monitoring_form_reads_back_what_was_written(tmp_path, capsys):
    out = form(tmp_path, "monitoring", "xlsx", str(SPECS), extra=["--period", "Semester II 2026"])
    workbook = openpyxl.load_workbook(out)
    filled = {}
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue
        top = heading_row(sheet, "Penilaian")
        columns = columns_by_heading(sheet, top)
        row = top + 1  # each unit of the specs has one SOP
        title = sheet.cell(row, columns["Prosedur"]).value
        assessment = BAD if "Website" in title or "WEBSITE" in title else GOOD
        sheet.cell(row, columns["Penilaian"], assessment)
        sheet.cell(row, columns["Catatan hasil penilaian"], f"catatan {title}")
        sheet.cell(row, columns["Tindakan yang harus diambil"], "=revisi langkah B.2" if assessment == BAD else None)
        sheet.cell(row, columns["Tindakan yang harus diambil"]).data_type = "s"
        sheet.cell(row, columns["Paraf penilai"], "AB")
        filled[title] = assessment
    workbook.save(out)
    forms = read_json(capsys, out)
    assert [entry["lines"] for entry in forms][0][1:] == [
        "Unit kerja: PPID KALURAHAN KATONGAN / KAPANEWON NGLIPAR", "Periode: Semester II 2026"]
    sops = {sop["procedure"]: sop for entry in forms for sop in entry["sops"]}
    assert {title: sop["assessment"] for title, sop in sops.items()} == filled
    website = sops["53 Tahun 2024 – KEAMANAN PENGELOLAAN WEBSITE"]
    assert website == {"sop": "keamanan-pengelolaan-website", "procedure": website["procedure"],
                       "assessment": BAD, "notes": f"catatan {website['procedure']}",
                       "action": "=revisi langkah B.2", "initials": "AB", "running_well": False}
    assert sops["Pendokumentasian Informasi Publik"]["running_well"] is True
    assert main(["form", "read", str(out)]) == 0
    text = capsys.readouterr().out
    assert "keamanan-pengelolaan-website: 53 Tahun 2024 – KEAMANAN PENGELOLAAN WEBSITE: Tidak berjalan" in text
    assert "Tindakan yang harus diambil: =revisi langkah B.2" in text
    assert "pendokumentasian-informasi-publik" not in text  # running well: not listed for the report


def test_rows_sorted_by_a_person_still_read_back_by_sop_id(tmp_path, capsys):
    out = form(tmp_path, "monitoring", "xlsx", str(library(tmp_path, 3)))
    workbook = openpyxl.load_workbook(out)
    sheet = workbook["Monitoring"]
    top = heading_row(sheet, "Penilaian")
    first, last = top + 1, top + 3
    for column in range(1, sheet.max_column + 1):  # the whole rows swapped, hidden id included
        upper, lower = sheet.cell(first, column).value, sheet.cell(last, column).value
        sheet.cell(first, column).value, sheet.cell(last, column).value = lower, upper
    sheet.cell(first, columns_by_heading(sheet, top)["Penilaian"], GOOD)
    workbook.save(out)
    (entry,) = read_json(capsys, out)
    assert [(sop["sop"], sop["assessment"]) for sop in entry["sops"]] == [
        ("sop-03", GOOD), ("sop-02", None), ("sop-01", None)]


def _sops(count: int):
    return [Sop(id=f"sop-{n}", title=Text(value=f"Prosedur {n}")) for n in range(count)]


CELL_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).map(str.strip).filter(bool)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from([None, GOOD, BAD]), st.none() | CELL_TEXT, st.none() | CELL_TEXT,
                          st.none() | CELL_TEXT), min_size=1, max_size=12))
def test_any_filling_reads_back_exactly(tmp_path, fillings):
    path = tmp_path / "filled.xlsx"
    path.write_bytes(xlsx_form.write(monitoring_form(_sops(len(fillings)), "id", unit="Unit")))
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Monitoring"]
    top = heading_row(sheet, "Penilaian")
    columns = columns_by_heading(sheet, top)
    for offset, values in enumerate(fillings, start=1):
        for heading, value in zip(("Penilaian", "Catatan hasil penilaian", "Tindakan yang harus diambil",
                                   "Paraf penilai"), values, strict=False):
            cell = sheet.cell(top + offset, columns[heading], value)
            if value is not None:
                cell.data_type = "s"
    workbook.save(path)
    (entry,) = as_json([read_form(path)])
    read = [(sop["assessment"], sop["notes"], sop["action"], sop["initials"]) for sop in entry["sops"]]
    assert read == [tuple(values) for values in fillings]


EVALUATED = {
    "roles.sop": "sop roles: Peran\n\nrole a: A\nrole b: B\n\nstep x: Menerima\n  by: a\n  time: 1 jam\n",
    "flow.sop": "sop flow: Alur\n  related: hilang\n\nrole a: A\n\nstep x: Menerima\n  by: a\n  next: end\n\n"
    "step y: Tidak tercapai\n  by: a\n",
    "copy-one.sop": "sop copy-one: Salinan 1\n\nrole a: A\n\nstep x: Mengarsipkan berkas\n  by: a\n",
    "copy-two.sop": "sop copy-two: Salinan 2\n\nrole p: P\n\nstep: mengarsipkan  berkas\n  by: p\n",
}


def test_evaluation_judges_criteria_3_4_and_7_and_reads_back(tmp_path, capsys):
    folder = tmp_path / "lib"
    folder.mkdir()
    for name, text in EVALUATED.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = form(tmp_path, "evaluation", "xlsx", str(folder), extra=["--unit", "Bagian Organisasi"])
    (entry,) = read_json(capsys, out)
    answers = {sop["sop"]: {item["criterion"]: (item["answer"], item["notes"] or "") for item in sop["criteria"]}
               for sop in entry["sops"]}
    assert sorted(answers) == ["copy-one", "copy-two", "flow", "roles"]
    for sop in answers.values():
        assert [answer for criterion, (answer, _) in sop.items() if criterion in (1, 2, 5, 6)] == [None] * 4
    assert answers["roles"][4][0] == "Tidak" and "unused-role" in answers["roles"][4][1]
    assert answers["roles"][3][0] == "Ya" and answers["roles"][7][0] == "Ya"
    assert answers["flow"][3][0] == "Tidak" and "unreachable-step" in answers["flow"][3][1]
    assert answers["flow"][7][0] == "Tidak" and "unknown-sop" in answers["flow"][7][1]
    assert answers["copy-one"][7][0] == "Tidak" and "copy-two" in answers["copy-one"][7][1]
    assert answers["copy-two"][7][0] == "Tidak" and "copy-one" in answers["copy-two"][7][1]
    html = form(tmp_path, "evaluation", "html", str(folder)).read_text(encoding="utf-8")
    assert html.count("Berita Acara Evaluasi SOP AP") == 1  # one unit: the files name none
    assert "unreachable-step" in html.split("Berita Acara")[-1]


def test_html_escapes_author_text(tmp_path):
    (tmp_path / "x.sop").write_text('sop x: "<script>alert(1)</script> & co"\n  unit: <b>Unit</b>\n\nrole a: A\n\n'
                                    "step s: Menerima\n  by: a\n", encoding="utf-8")
    html = form(tmp_path, "monitoring", "html", str(tmp_path / "x.sop")).read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "Unit kerja: &lt;b&gt;Unit&lt;/b&gt;" in html


def test_docx_is_landscape_with_its_heading_row_repeated(tmp_path):
    import docx

    out = form(tmp_path, "monitoring", "docx", str(library(tmp_path, 4)))
    document = docx.Document(str(out))
    section = document.sections[0]
    assert section.page_width > section.page_height
    table = document.tables[0]
    assert len(table.rows) == 5
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1
    assert "☐ Berjalan dengan baik" in table.rows[1].cells[2].text
    assert docx_form.BINARY


def test_usage_errors(tmp_path, capsys):
    out = form(tmp_path, "monitoring", "xlsx", str(SPECS))
    assert main(["form", "monitoring", str(SPECS), "--to", "xlsx", "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "b.sop").write_text("sop b: B\n  oops\n", encoding="utf-8")
    assert main(["form", "monitoring", str(broken), "--to", "html", "-o", str(tmp_path / "b.html")]) == 1
    assert "b.sop:2:" in capsys.readouterr().err and not (tmp_path / "b.html").exists()
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    assert main(["form", "read", str(plain)]) == 2
    assert "not a form written by `sopdsl form`" in capsys.readouterr().err
    assert main(["form", "read", str(tmp_path / "missing.xlsx")]) == 2
    (tmp_path / "text.xlsx").write_text("not a workbook", encoding="utf-8")
    assert main(["form", "read", str(tmp_path / "text.xlsx")]) == 2


def pdf_pages(path: Path):
    import pypdf

    reader = pypdf.PdfReader(str(path))
    box = reader.pages[0].mediabox
    return len(reader.pages), float(box.width) > float(box.height)


@pytest.mark.skipif(find_chromium() is None, reason="Chromium not found: PDF forms are printed by it")
def test_pdf_prints_about_fifteen_sops_a_landscape_page(tmp_path):
    out = form(tmp_path, "monitoring", "pdf", str(library(tmp_path, 30)))
    # 30 rows: 15 on the first page, 15 on the second, the place to sign on a third
    assert pdf_pages(out) == (3, True)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("to", ["xlsx", "docx"])
def test_libreoffice_prints_the_form_on_landscape_pages_of_about_fifteen(tmp_path, to):
    out = form(tmp_path, "monitoring", to, str(library(tmp_path, 40)))
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), str(out)], check=True, capture_output=True, timeout=180)
    pages, landscape = pdf_pages(tmp_path / "pdf" / "monitoring.pdf")
    assert landscape and pages == 3  # 40 rows at 14 to 16 a page
