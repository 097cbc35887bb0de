"""The walk-through of docs/import-export.md from a PDF printed by LibreOffice back to Word, run as written: a Word
SOP made by others, printed to PDF by LibreOffice, imported, checked, rendered to .docx, and that .docx opened and
printed by LibreOffice. The commands are read from the page itself, so that the page and this test cannot part."""

from __future__ import annotations

import json
import re
import shlex
import subprocess

import pytest

from bench.roundtrip import fields_of
from sopdsl.cli import main

from . import word_documents
from .conftest import ROOT
from .imported import approver_values, read_sop
from .office_documents import POSITION, SIGNATORY, pdf_pages_text, soffice

pytest.importorskip("docx", reason="python-docx is not installed (pip install 'sopdsl[office]')")
pytest.importorskip("pdfplumber", reason="pdfplumber is not installed (pip install 'sopdsl[office]')")

PAGE = ROOT / "docs" / "import-export.md"
SECTION = "## Walk-through: from a PDF printed by LibreOffice back to Word"


def walkthrough_commands() -> list[list[str]]:
    """The `$ ` lines of the first code block of the page's PDF walk-through, as argument lists."""
    text = PAGE.read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    block = re.search(r"```\n(.*?)```", section, re.S)
    assert block is not None
    return [shlex.split(line[2:]) for line in block.group(1).splitlines() if line.startswith("$ ")]


def test_the_page_gives_the_five_steps():
    assert [command[:2] for command in walkthrough_commands()] == [
        ["soffice", "--headless"], ["sopdsl", "import"], ["sopdsl", "check"], ["sopdsl", "render"],
        ["soffice", "--headless"]]


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_the_walkthrough_from_a_pdf_printed_by_libreoffice(tmp_path, capsys, monkeypatch):
    word_documents.word_document(tmp_path / "SOP Pelayanan Informasi.docx")
    monkeypatch.chdir(tmp_path)
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"  # never the profile of an open LibreOffice
    for command in walkthrough_commands():
        if command[0] == "soffice":
            subprocess.run([soffice(), profile, *command[1:]], check=True, capture_output=True, timeout=180)
        else:
            assert main(command[1:]) == 0, capsys.readouterr().err
    capsys.readouterr()
    draft = tmp_path / "drafts" / "pelayanan-permohonan-informasi-publik.sop"
    sop = read_sop(draft)
    assert [role.name.value for role in sop.roles] == ["Pemohon Informasi", "Petugas Layanan Informasi", "PPID"]
    assert sop.approved_by.value == POSITION and approver_values(sop) == SIGNATORY
    # The draft checks without errors (an SOP not evaluated for a year only gets a warning).
    main(["check", "--format", "json", str(draft)])
    assert [f["rule"] for f in json.loads(capsys.readouterr().out) if f["severity"] == "error"] == []
    # LibreOffice opened the Word file it was given and printed every page with its number.
    printed = pdf_pages_text(tmp_path / "pelayanan.pdf")
    assert {"Mengajukan", "Melaporkan"} <= set(printed.split())
    assert "Halaman 3 dari 3" in printed and SIGNATORY[0] in printed
    # And the Word file holds the SOP of the draft, field for field.
    assert main(["import", "pelayanan.docx", "-o", "again"]) == 0
    capsys.readouterr()
    assert fields_of(read_sop(tmp_path / "again" / draft.name)) == fields_of(sop)
