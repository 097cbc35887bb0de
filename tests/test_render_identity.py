"""Annex heading, logo, Jumlah Pelaksana and the signatory's name, rank and NIP in HTML, PDF, Word and Excel."""

from __future__ import annotations

import base64
import io
import re

import attrs
import pytest

from sopdsl.browser.chromium import find_chromium
from sopdsl.cli import main
from sopdsl.loading import load
from sopdsl.model import Approver, Text
from sopdsl.parse import SopSyntaxError, parse_text
from sopdsl.render.document import docx as docx_format
from sopdsl.render.document import html
from sopdsl.render.options import RenderOptions
from sopdsl.render.tables import xlsx as xlsx_format

from .conftest import FIXTURES
from .office_reading import word_tables

WHOLE_FILE = load(FIXTURES / "language" / "whole-file.sop").sop
PNG = (FIXTURES / "rules" / "logo-not-found" / "logo.png").read_bytes()
SVG = (FIXTURES / "rules" / "logo-not-found" / "lambang.svg").read_bytes()
UNIT_AS_WRITTEN = "Pemerintah Kabupaten Contoh\nDinas Komunikasi dan Informatika"
ANNEX = "LAMPIRAN VII KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA NOMOR 12 TAHUN 2024"
POSITION = WHOLE_FILE.approved_by.value
BLANK = "_" * 20


def _full(logo: str = "logo.png"):
    """The example SOP with every new field: annex, logo, staffing and the whole signatory."""
    return attrs.evolve(
        WHOLE_FILE,
        annex=Text(value=ANNEX),
        logo=Text(value=logo),
        staffing=Text(value="Minimal 2 orang"),
        approver=Approver(name=Text(value="HADI PRANTIA, S.STP., M.Si."), rank=Text(value="Pembina Tk. I"),
                          nip=Text(value="198102072000031001")),
    )


def _sparse():
    """The example SOP with a signatory's name alone and no position."""
    return attrs.evolve(WHOLE_FILE, approved_by=None, approver=Approver(name=Text(value="HADI PRANTIA")))


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "logo.png").write_bytes(PNG)
    (tmp_path / "lambang.svg").write_bytes(SVG)
    (tmp_path / "rusak.png").write_bytes(b"\x89PNG\r\n\x1a\nrusak")
    return tmp_path


def _identity(document: str) -> str:
    return document[document.index('<section class="sheet identity-sheet">'):document.index("</section>")]


def _signature(document: str) -> list[str]:
    block = document[document.index('<div class="signature">'):document.rindex("</section>")]
    return re.findall(r'<div class="(?!signature")[^"]*">(.*?)</div>', block)


def test_html_prints_the_annex_above_the_identity_sheet_and_the_logo_beside_the_unit(folder):
    sheet = _identity(html.render(_full(), RenderOptions(folder=folder)))
    assert sheet.index(f'<div class="annex">{ANNEX}</div>') < sheet.index('<h1 class="sheet-title">')
    uri = "data:image/png;base64," + base64.b64encode(PNG).decode("ascii")
    unit = re.search(r'<td class="unit"[^>]*>(.*?)</td>', sheet).group(1)
    assert unit.startswith(f'<div class="unit-head"><img class="logo" src="{uri}" alt=""><div><div>')
    assert "Dinas Komunikasi dan Informatika" in unit


def test_html_prints_the_signatory_under_disahkan_oleh_and_below_the_table(folder):
    document = html.render(_full(), RenderOptions(folder=folder))
    approval = re.search(r"Disahkan oleh</th><td>(.*?)</td>", document).group(1)
    assert approval == (
        f'<div>{POSITION}</div><div class="sign-space"></div>'
        '<div class="signatory name">HADI PRANTIA, S.STP., M.Si.</div><div class="signatory rank">Pembina Tk. I</div>'
        '<div class="signatory nip">NIP. 19810207 200003 1 001</div>'
    )
    assert _signature(document) == [POSITION, "", "HADI PRANTIA, S.STP., M.Si.", "Pembina Tk. I",
                                     "NIP. 19810207 200003 1 001"]
    assert "<b>Jumlah Pelaksana:</b> Minimal 2 orang" in re.search(r"<td>(<ol>)?.*?Jumlah Pelaksana.*?</td>",
                                                                   document).group(0)


def test_html_prints_a_labelled_blank_for_each_missing_line_of_the_signature():
    document = html.render(_sparse(), RenderOptions())
    assert _signature(document) == [f"Jabatan: {BLANK}", "", "HADI PRANTIA", f"Pangkat: {BLANK}", f"NIP: {BLANK}"]
    approval = re.search(r"Disahkan oleh</th><td>(.*?)</td>", document).group(1)
    assert re.findall(r'<div class="signatory [a-z]+( blank)?">(.*?)</div>', approval) == [
        ("", "HADI PRANTIA"), (" blank", "Pangkat:"), (" blank", "NIP:")]
    english = html.render(_sparse(), RenderOptions(lang="en"))
    assert _signature(english) == [f"Position: {BLANK}", "", "HADI PRANTIA", f"Rank: {BLANK}", f"NIP: {BLANK}"]


def test_html_without_the_fields_keeps_its_sheet_and_leaves_the_signature_out():
    sop = attrs.evolve(WHOLE_FILE, approved_by=None)
    document = html.render(sop, RenderOptions())
    assert 'class="annex"' not in document and "<img" not in document and "Jumlah Pelaksana" not in document
    assert 'class="signature"' not in document
    assert re.search(r"Disahkan oleh</th><td>(.*?)</td>", document).group(1).endswith(
        '<div class="signatory name blank">Nama:</div><div class="signatory rank blank">Pangkat:</div>'
        '<div class="signatory nip blank">NIP:</div>')


@pytest.mark.parametrize("logo", ["tidak-ada.png", "rusak.txt", "."])
def test_a_logo_that_cannot_be_read_leaves_the_document_whole(folder, logo):
    (folder / "rusak.txt").write_text("bukan gambar", encoding="utf-8")
    document = html.render(_full(logo), RenderOptions(folder=folder))
    assert "<img" not in document and ANNEX in document and "Pembina Tk. I" in document
    assert docx_format.render(_full(logo), RenderOptions(folder=folder))


def test_author_text_of_the_new_fields_is_escaped():
    sop = attrs.evolve(WHOLE_FILE, annex=Text(value="<b>LAMPIRAN</b>"), staffing=Text(value="2 & 3 <orang>"),
                       approver=Approver(name=Text(value="<script>x</script>")))
    document = html.render(sop, RenderOptions())
    assert "&lt;b&gt;LAMPIRAN&lt;/b&gt;" in document and "2 &amp; 3 &lt;orang&gt;" in document
    assert "<script>" not in document and "&lt;script&gt;x&lt;/script&gt;" in document


def test_word_puts_the_logo_in_a_column_beside_the_unit_and_the_signatory_in_both_places(folder):
    docx = pytest.importorskip("docx", reason="python-docx is not installed: pip install -e '.[office]'")
    data = docx_format.render(_full(), RenderOptions(folder=folder))
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text == ANNEX
    assert len(document.inline_shapes) == 1
    head, grid = word_tables(data)[:2]
    assert head[0].cells[:2] == ("", UNIT_AS_WRITTEN)  # shown in capitals (w:caps), kept as written
    values = {row.cells[-2]: row.cells[-1] for row in head}
    assert values["Disahkan oleh"].split("\n") == [POSITION, "HADI PRANTIA, S.STP., M.Si.", "Pembina Tk. I",
                                                   "NIP. 19810207 200003 1 001"]
    assert grid[1].cells[1].split("\n")[-1] == "Jumlah Pelaksana: Minimal 2 orang"
    assert [p.text for p in document.paragraphs[-4:]] == [POSITION, "HADI PRANTIA, S.STP., M.Si.", "Pembina Tk. I",
                                                          "NIP. 19810207 200003 1 001"]
    name = document.paragraphs[-3].runs[0]
    assert name.bold and name.underline


@pytest.mark.parametrize("logo", ["lambang.svg", "rusak.png"])
def test_word_leaves_out_a_logo_it_cannot_show(folder, logo):
    docx = pytest.importorskip("docx", reason="python-docx is not installed: pip install -e '.[office]'")
    data = docx_format.render(_full(logo), RenderOptions(folder=folder))
    assert len(docx.Document(io.BytesIO(data)).inline_shapes) == 0
    assert word_tables(data)[0][0].cells[0] == UNIT_AS_WRITTEN


def test_word_prints_labelled_blanks_where_the_signatory_is_missing():
    docx = pytest.importorskip("docx", reason="python-docx is not installed: pip install -e '.[office]'")
    document = docx.Document(io.BytesIO(docx_format.render(_sparse(), RenderOptions(lang="en"))))
    assert [p.text for p in document.paragraphs[-4:]] == [f"Position: {BLANK}", "HADI PRANTIA", f"Rank: {BLANK}",
                                                          f"NIP: {BLANK}"]


def test_excel_lists_the_annex_the_staffing_and_the_signatory_among_the_identity_rows(folder):
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed: pip install -e '.[office]'")
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_format.render(_full(), RenderOptions(folder=folder))))
    rows = list(workbook.worksheets[1].iter_rows(min_row=2, values_only=True))
    labels = [label for label, _ in rows]
    assert labels[0] == "Lampiran" and rows[0][1] == ANNEX
    assert labels.index("Jumlah Pelaksana") == labels.index("Kualifikasi Pelaksana") + 1
    values = dict(rows)
    assert values["Jumlah Pelaksana"] == "Minimal 2 orang"
    assert values["Disahkan oleh"].split("\n") == [POSITION, "HADI PRANTIA, S.STP., M.Si.", "Pembina Tk. I",
                                                   "NIP. 19810207 200003 1 001"]
    plain = openpyxl.load_workbook(io.BytesIO(xlsx_format.render(_sparse(), RenderOptions(lang="en"))))
    english = dict(plain.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert "Annex" not in english and "Number of performers" not in english
    assert english["Approved by"].split("\n") == ["HADI PRANTIA", "Rank:", "NIP:"]


@pytest.mark.skipif(find_chromium() is None, reason="Chromium not found: install the Debian package 'chromium'")
def test_the_pdf_carries_the_logo_the_annex_and_the_signatory(folder):
    pdfplumber = pytest.importorskip("pdfplumber", reason="pdfplumber is not installed (pip install 'sopdsl[office]')")
    from sopdsl.render.document import pdf

    data = pdf.render(_full(), RenderOptions(folder=folder))
    with pdfplumber.open(io.BytesIO(data)) as document:
        first, last = document.pages[0], document.pages[-1]
        assert len(first.images) == 1
        words = " ".join((first.extract_text() or "").split())
        assert ANNEX in words and "Jumlah Pelaksana: Minimal 2 orang" in words
        assert "NIP. 19810207 200003 1 001" in (last.extract_text() or "")


def _logo_parses() -> bool:
    try:
        parse_text("sop x: X\n  logo: logo.png\n")
    except SopSyntaxError:
        return False
    return True


@pytest.mark.skipif(not _logo_parses(), reason="the `logo` header field does not parse yet")
def test_render_and_build_find_the_logo_beside_the_sop_file(folder, tmp_path, monkeypatch, capsys):
    library = folder / "pustaka"
    library.mkdir()
    (library / "logo.png").write_bytes(PNG)
    (library / "layanan.sop").write_text("sop layanan: Layanan\n  logo: logo.png\nrole r: R\nstep: A\n  by: r\n",
                                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # elsewhere: the path is the .sop file's, not the working folder's
    uri = "data:image/png;base64," + base64.b64encode(PNG).decode("ascii")
    assert main(["render", str(library / "layanan.sop"), "--to", "html", "-o", "layanan.html"]) == 0
    assert f'<img class="logo" src="{uri}"' in (tmp_path / "layanan.html").read_text(encoding="utf-8")
    assert main(["build", str(library), "-o", "situs", "--no-pdf"]) == 0
    assert f'<img class="logo" src="{uri}"' in (tmp_path / "situs" / "layanan.html").read_text(encoding="utf-8")
    capsys.readouterr()
