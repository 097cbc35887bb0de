"""The `labels` setting: a unit's house style for the printed labels, in every document format and the site."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from sopdsl.cli import main
from sopdsl.render.labels import LABELS, SETTING_KEYS, printed_labels

from .sop_files import write_sop

HOUSE = """\
[labels]
activity = "Uraian Prosedur"
effective = "Tanggal Pengesahan"
note = "Ket"
quality = "Baku Mutu"
yes = "Lengkap"
"""

DECISION = """\
decision cek: Memeriksa kelengkapan berkas
  by: petugas
  time: 10 menit
  yes: next
  no: end

step terima: Menerima permohonan
  by: petugas
  time: 10 menit
"""


@pytest.fixture
def house(tmp_path):
    (tmp_path / ".sopdsl.toml").write_text(HOUSE, encoding="utf-8")
    return write_sop(tmp_path, "x.sop", DECISION)


def rendered(path, form: str, *options: str) -> bytes:
    out = path.parent / f"out.{form}"
    assert main(["render", str(path), "--to", form, "-o", str(out), *options]) == 0
    return out.read_bytes()


def test_every_setting_key_names_a_label_of_both_languages():
    for key in SETTING_KEYS.values():
        assert key in LABELS["id"] and key in LABELS["en"], key


def test_the_house_labels_replace_the_defaults_and_the_page_word():
    labels = printed_labels("id", {"activity": "Uraian Prosedur", "page": "Hal."})
    assert labels["activity"] == "Uraian Prosedur"
    assert labels["page_of"] == "Hal. {page} dari {pages}"
    assert printed_labels("id")["activity"] == "Kegiatan"


def test_html_prints_the_house_labels(house):
    page = rendered(house, "html").decode("utf-8")
    for text in ("Uraian Prosedur", "Tanggal Pengesahan", ">Ket<", "Baku Mutu", "Lengkap"):
        assert text in page, text
    for text in (">Kegiatan<", "Tanggal Efektif", ">Keterangan<", "Mutu Baku"):
        assert text not in page, text


def test_english_documents_take_the_house_labels_too(house):
    page = rendered(house, "html", "--lang", "en").decode("utf-8")
    assert "Uraian Prosedur" in page and "Performers" in page and "Pelaksana" not in page


def test_english_labels_without_a_setting(tmp_path):
    path = write_sop(tmp_path, "x.sop", DECISION)
    page = rendered(path, "html", "--lang", "en").decode("utf-8")
    assert "Activity" in page and ">Kegiatan<" not in page
    assert ">Kegiatan<" in rendered(path, "html").decode("utf-8")  # Indonesian by default


def test_lang_setting_picks_the_printed_language(tmp_path):
    path = write_sop(tmp_path, "x.sop", DECISION)
    (tmp_path / ".sopdsl.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert "Activity" in rendered(path, "html").decode("utf-8")


def office_text(data: bytes, prefix: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return " ".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.startswith(prefix))


def test_docx_prints_the_house_labels(house):
    text = office_text(rendered(house, "docx"), "word/")
    assert "Uraian Prosedur" in text and "Tanggal Pengesahan" in text and "Baku Mutu" in text
    assert ">Kegiatan<" not in text


def test_xlsx_prints_the_house_labels(house):
    pytest.importorskip("openpyxl")
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(rendered(house, "xlsx")))
    cells = {str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value}
    assert {"Uraian Prosedur", "Ket", "Baku Mutu"} <= cells
    assert "Kegiatan" not in cells and any("Tanggal Pengesahan" in cell for cell in cells)


def test_the_site_index_prints_the_house_labels(house, tmp_path):
    out = tmp_path / "site"
    main(["build", str(house), "-o", str(out), "--no-pdf"])
    assert "Tanggal Pengesahan" in (out / "x.html").read_text(encoding="utf-8")
    (house.parent / ".sopdsl.toml").write_text('[labels]\ntitle = "Judul SOP"\n', encoding="utf-8")
    main(["build", str(house), "-o", str(out), "--no-pdf"])
    assert "<th>Judul SOP</th>" in (out / "index.html").read_text(encoding="utf-8")


def test_an_unknown_label_is_a_usage_error_naming_the_labels(house, capsys):
    (house.parent / ".sopdsl.toml").write_text('[labels]\nkegiatan = "Uraian"\n', encoding="utf-8")
    assert main(["render", str(house), "--to", "html"]) == 2
    error = capsys.readouterr().err
    assert "unknown label 'kegiatan'; the labels are number, created," in error and "no-branch, page" in error


def test_a_label_must_be_text(house, capsys):
    (house.parent / ".sopdsl.toml").write_text("[labels]\nactivity = 3\n", encoding="utf-8")
    assert main(["check", str(house)]) == 2
    assert "activity must be the label's text" in capsys.readouterr().err


TOTALS = """\
step terima: Menerima permohonan
  by: petugas
  time: 2 hari kerja

step pantau: Memantau website
  by: petugas
  every: 1 x 3 bulan

step arsip: Mengarsipkan berkas
  by: petugas
"""


def total_row(path, *options: str) -> str:
    page = rendered(path, "md", *options).decode("utf-8")
    return page.rstrip("\n").rsplit("\n", 1)[-1]


def test_the_total_line_speaks_the_printed_language(tmp_path):
    path = write_sop(tmp_path, "x.sop", TOTALS)
    assert total_row(path) == ("**Jumlah waktu:** 2 hari kerja (+ 1 langkah rutin (1 x 3 bulan); "
                               "1 langkah tanpa waktu terukur)")
    assert total_row(path, "--lang", "en") == ("**Total time:** 2 working days (+ 1 routine step (1 x 3 bulan); "
                                               "1 step without a measured time)")


def test_the_house_labels_rename_the_words_of_the_total_line(tmp_path):
    path = write_sop(tmp_path, "x.sop", TOTALS)
    (tmp_path / ".sopdsl.toml").write_text(
        '[labels]\nworkday = "HK"\nroutine-step = "kegiatan berkala"\nunmeasured-step = "kegiatan tanpa waktu"\n',
        encoding="utf-8")
    expected = "2 HK (+ 1 kegiatan berkala (1 x 3 bulan); 1 kegiatan tanpa waktu)"
    assert total_row(path) == f"**Jumlah waktu:** {expected}"
    assert total_row(path, "--lang", "en") == f"**Total time:** {expected}"


def test_a_house_singular_names_the_plural_too_unless_the_plural_is_given():
    assert printed_labels("en", {"workday": "HK"})["workdays"] == "HK"
    labels = printed_labels("en", {"workday": "day", "workdays": "days", "unmeasured-step": "open step"})
    assert (labels["workday"], labels["workdays"]) == ("day", "days")
    assert (labels["unmeasured_step"], labels["unmeasured_steps"]) == ("open step", "open step")


def test_docs_labels_lists_every_key_with_both_defaults():
    page = (Path(__file__).parents[1] / "docs" / "labels.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w-]+)` \| (.+?) \| (.+?) \|$", page, re.MULTILINE)
    assert rows == [(key, LABELS["id"][label], LABELS["en"][label]) for key, label in SETTING_KEYS.items()]
