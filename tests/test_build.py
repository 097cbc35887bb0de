"""`sopdsl render` and `sopdsl build`: outputs, links between SOPs, findings in the index, exit codes."""

from __future__ import annotations

import re
import shutil

import pytest

from sopdsl import __version__
from sopdsl.browser.chromium import find_chromium
from sopdsl.cli import main

from .conftest import SPECS

HAS_CHROMIUM = find_chromium() is not None
PDF_FLAGS = [] if HAS_CHROMIUM else ["--no-pdf"]

MAIN = """\
sop permohonan: Pelayanan Permohonan Informasi
  number: 01/SOP/2024
  effective: 2024-05-29
  related:
    - jawaban
role petugas: Petugas
step terima: Menerima permohonan
  by: petugas
  time: 10 menit
step jawab: Menyiapkan jawaban
  by: petugas
  uses: jawaban
"""

USED = """\
sop jawaban: Penyiapan Jawaban
  number: 02/SOP/2024
  effective: 2024-05-29
role petugas: Petugas
step: Menyusun jawaban
  by: petugas
  time: 2 jam
"""

BROKEN = """\
sop rusak: Rusak
role petugas: Petugas
step: Kerja
  by: petugs
"""


def test_build_writes_every_document_and_an_index(tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["build", str(SPECS), "-o", str(out), *PDF_FLAGS]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    for spec in sorted(SPECS.glob("*.sop")):
        name = re.search(r"^sop ([^:]+):", spec.read_text(encoding="utf-8"), re.M).group(1)
        for suffix in ["html", "svg", "bpmn"] + (["pdf"] if HAS_CHROMIUM else []):
            assert (out / f"{name}.{suffix}").stat().st_size > 0
            assert f'href="{name}.{suffix}"' in index
        assert (out / "source" / f"{name}.html").is_file()
    if HAS_CHROMIUM:
        assert (out / "pendokumentasian-informasi-publik.pdf").read_bytes().startswith(b"%PDF-")
    assert "2 hari kerja 45 menit" in index  # the total of the worked example in docs/totals.md
    assert "4 langkah rutin" in index and "0 menit" not in index  # the routine seeds' honest totals
    for heading in ["Unit kerja", "Nomor SOP", "Tanggal Efektif", "Disahkan oleh", "Jumlah waktu", "Temuan"]:
        assert f"<th>{heading}</th>" in index
    assert "PEMERINTAH KABUPATEN KAPUAS HULU" in index and "Kepala Dinas Komunikasi, Informatika" in index
    assert "temuan diabaikan" in index and f"dengan sopdsl {__version__}" in index
    document = (out / "pendokumentasian-informasi-publik.html").read_text(encoding="utf-8")
    assert '<nav class="index-link"><a href="index.html">' in document
    assert 'href="../index.html"' in (out / "source" / "pendokumentasian-informasi-publik.html").read_text("utf-8")
    assert "built 3 SOPs" in capsys.readouterr().err


def test_a_library_with_errors_still_builds_and_the_exit_code_reports_them(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    (library / "permohonan.sop").write_text(MAIN, encoding="utf-8")
    (library / "jawaban.sop").write_text(USED, encoding="utf-8")
    (library / "rusak.sop").write_text(BROKEN, encoding="utf-8")
    (library / "sintaks.sop").write_text("sop x: X\nstep: Kerja\n  by petugas\n", encoding="utf-8")
    out = tmp_path / "site"
    assert main(["build", str(library), "-o", str(out), "--no-pdf"]) == 1
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="source/rusak.html#L4"' in index and "unknown-role" in index
    assert 'href="source/sintaks.html#L3"' in index and "syntax-error" in index
    assert 'id="L4"' in (out / "source" / "rusak.html").read_text(encoding="utf-8")
    page = (out / "permohonan.html").read_text(encoding="utf-8")
    assert page.count('href="jawaban.html"') == 2  # `related` in the identity sheet and `uses` in the table
    assert "2 jam 10 menit<" in page  # the used SOP's time counts in the step that uses it


def test_build_into_a_file_is_a_usage_error(tmp_path, capsys):
    target = tmp_path / "taken"
    target.write_text("", encoding="utf-8")
    assert main(["build", str(SPECS), "-o", str(target), "--no-pdf"]) == 2
    assert "not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "mermaid", "dot", "svg", "bpmn"])
def test_render_writes_text_formats_to_standard_output(fmt, capsysbinary):
    assert main(["render", str(SPECS / "pendokumentasian-informasi-publik.sop"), "--to", fmt]) == 0
    output = capsysbinary.readouterr().out.decode("utf-8")
    assert "Identifikasi" in output  # the first step's text, in every format


def test_render_to_a_file_replaces_it_whole(tmp_path):
    out = tmp_path / "sop.html"
    out.write_text("old", encoding="utf-8")
    assert main(["render", str(SPECS / "pengelolaan-website-ppid.sop"), "--to", "html", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["sop.html"]  # no temporary file left behind


@pytest.mark.skipif(not HAS_CHROMIUM, reason="Chromium not found: install the Debian package 'chromium'")
def test_render_pdf(tmp_path):
    out = tmp_path / "sop.pdf"
    assert main(["render", str(SPECS / "pengelolaan-website-ppid.sop"), "--to", "pdf", "-o", str(out),
                 "--paper", "f4", "--rows-per-page", "4"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_render_reports_a_syntax_error_with_its_place(tmp_path, capsys):
    path = tmp_path / "x.sop"
    path.write_text("sop x: X\nstep: Kerja\n  by petugas\n", encoding="utf-8")
    assert main(["render", str(path), "--to", "html"]) == 1
    assert re.search(r"x\.sop:3:\d+: error syntax-error ", capsys.readouterr().err)


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["render", "specs", "--to", "html"], "is a folder"),
        (["render", "missing.sop", "--to", "html"], "no such file"),
    ],
)
def test_render_usage_errors(arguments, message, capsys, monkeypatch):
    monkeypatch.chdir(SPECS.parent)
    assert main(arguments) == 2
    assert message in capsys.readouterr().err


def test_rows_per_page_must_be_whole_numbers(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["render", str(SPECS / "pengelolaan-website-ppid.sop"), "--to", "html", "--rows-per-page", "0"])
    assert exit_info.value.code == 2
    assert "rows per page" in capsys.readouterr().err


def test_missing_chromium_is_a_clear_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOPDSL_CHROMIUM", str(tmp_path / "no-such-browser"))
    out = tmp_path / "x.pdf"
    assert main(["render", str(SPECS / "pengelolaan-website-ppid.sop"), "--to", "pdf", "-o", str(out)]) == 2
    assert "Chromium" in capsys.readouterr().err
    assert not out.exists()


def test_build_without_chromium_writes_html_and_says_why_pdfs_are_missing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOPDSL_CHROMIUM", str(tmp_path / "no-such-browser"))
    library = tmp_path / "library"
    shutil.copytree(SPECS, library)
    out = tmp_path / "site"
    assert main(["build", str(library), "-o", str(out)]) == 0
    assert "PDF skipped" in capsys.readouterr().err
    assert "PDF skipped" in (out / "index.html").read_text(encoding="utf-8")
    assert not list(out.glob("*.pdf")) and list(out.glob("*.html"))


def test_an_sop_whose_id_is_index_keeps_its_page_beside_the_library_index(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    (library / "index.sop").write_text(USED.replace("sop jawaban:", "sop index:"), encoding="utf-8")
    out = tmp_path / "site"
    assert main(["build", str(library), "--no-pdf", "-o", str(out)]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "index-2.html" in index
    assert "Penyiapan Jawaban" in (out / "index-2.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("separator", ["\u2028", "\x0c", "\x1c", "\x85", "\r"])
def test_source_pages_number_lines_as_the_parser_does(tmp_path, separator):
    library = tmp_path / "library"
    library.mkdir()
    text = USED.replace("Menyusun jawaban", f"Menyusun{separator}jawaban")
    assert text.count("\n") == 7
    (library / "a.sop").write_text(text, encoding="utf-8", newline="")
    out = tmp_path / "site"
    main(["build", str(library), "--no-pdf", "-o", str(out)])
    (page,) = (out / "source").glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert 'id="L7"' in html and 'id="L8"' not in html
