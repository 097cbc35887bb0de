"""The drawing described in words: each symbol of the printed document and of the Word table says what it stands
for and where the flow goes from it, and the import reads those words back."""

from __future__ import annotations

import re

import pytest

from sopdsl.importers.routes import arrows_described, names_described
from sopdsl.parse import parse_text
from sopdsl.render.document import html
from sopdsl.render.options import RenderOptions
from sopdsl.render.routes import symbol_descriptions

SOP = parse_text(
    "sop a: Layanan\n\nrole petugas: Petugas Layanan\nrole kepala: Kepala Dinas\n\nsection A: Penerimaan\n\n"
    "step terima: Menerima berkas\n  by: petugas\n\ndecision: Memeriksa berkas\n  by: kepala, petugas\n"
    '  branch "Sesuai": next\n  branch "Tidak sesuai": terima\n\nstep: Mengarsipkan berkas\n  by: petugas\n'
)


def test_each_symbol_names_its_step_performers_and_ways_out():
    assert list(symbol_descriptions(SOP, RenderOptions()).values()) == [
        "Kegiatan A.1 (Petugas Layanan)",
        "Keputusan A.2 (Kepala Dinas, Petugas Layanan): Sesuai: lanjut ke A.3; Tidak sesuai: kembali ke A.1",
        "Kegiatan A.3 (Petugas Layanan)",
    ]
    english = symbol_descriptions(SOP, RenderOptions(lang="en"))
    assert list(english.values())[1].startswith("Decision A.2 (Kepala Dinas, Petugas Layanan): Sesuai: go to A.3")


def test_the_printed_symbols_are_images_of_that_name_and_the_arrow_words_are_hidden():
    document = html.render(SOP, RenderOptions())
    labels = re.findall(r'<svg [^>]*role="img" aria-label="([^"]*)"', document)
    decision = "Keputusan A.2 (Kepala Dinas, Petugas Layanan): Sesuai: lanjut ke A.3; Tidak sesuai: kembali ke A.1"
    assert decision in labels
    assert len(labels) == 4  # the decision's symbol stands in both of its performers' columns
    tags = re.findall(r'<span class="tag"[^>]*>', document)
    assert tags and all('aria-hidden="true"' in tag for tag in tags)


def test_the_word_symbols_name_their_ways_out():
    pytest.importorskip("docx", reason="python-docx is not installed (pip install 'sopdsl[office]')")
    import zipfile
    from io import BytesIO

    from sopdsl.render.document import docx as docx_format

    data = docx_format.render(SOP, RenderOptions())
    body = zipfile.ZipFile(BytesIO(data)).read("word/document.xml").decode("utf-8")
    ways = "ways=Sesuai: lanjut ke A.3; Tidak sesuai: kembali ke A.1"
    assert f"sopdsl: symbol=decision; step=A.2; role=kepala; {ways}" in body


@pytest.mark.parametrize(
    ("description", "arrows", "names"),
    [
        ("Keputusan A.2 (Kepala Dinas, Petugas Layanan): Ya: lanjut ke A.3; Tidak: kembali ke A.1",
         [("A.2", "A.3", "Ya"), ("A.2", "A.1", "Tidak")], ["Kepala Dinas", "Petugas Layanan"]),
        ("Kegiatan 4 (Operator (TI)): lanjut ke 6", [("4", "6", None)], ["Operator (TI)"]),
        ("Kegiatan B.1 (Bendahara Pengeluaran)", [], ["Bendahara Pengeluaran"]),
        ("Decision 3: Yes: End; No: back to 1", [("3", "end", "Yes"), ("3", "1", "No")], []),
        ("sopdsl: symbol=decision; step=A.4; role=kepala; ways=Ya: Selesai; Tidak: kembali ke A.2",
         [("A.4", "end", "Ya"), ("A.4", "A.2", "Tidak")], []),
        ("sopdsl: arrow; from=A.4; to=A.3; label=Tidak", [("A.4", "A.3", "Tidak")], []),
        ("Logo Dinas", [], []),
    ],
)
def test_descriptions_read_back(description, arrows, names):
    assert arrows_described(description) == arrows
    assert names_described(description) == names


def test_a_pdf_gives_back_a_role_name_its_narrow_column_broke_inside_a_word(tmp_path):
    from sopdsl.browser.chromium import ENV_VAR, find_chromium

    if find_chromium() is None:
        pytest.skip(f"Chromium not found: install the Debian package 'chromium' or set {ENV_VAR}")
    pytest.importorskip("pdfplumber", reason="pdfplumber is not installed (pip install 'sopdsl[office]')")
    from bench.roundtrip import round_trip

    names = ["Kepala Dinas", "Kepala Bidang", "PPID Pelaksana", "Petugas Layanan", "Operator", "Bendahara Pengeluaran"]
    text = "sop a: Layanan\n\n" + "".join(f"role r{i}: {name}\n" for i, name in enumerate(names))
    text += "".join(f"\nstep: Langkah {i}\n  by: r{i}\n" for i in range(len(names)))
    back = round_trip(text, "pdf", tmp_path)
    assert [role.name.value for role in back.roles] == names
    assert [role.id for role in back.roles][-1] == "bendahara-pengeluaran"
