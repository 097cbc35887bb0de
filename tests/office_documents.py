"""The sample SOP that the import tests build office documents from, with what an import must give back; the
HTML page LibreOffice converts, and LibreOffice itself. The Word and Excel builders are word_documents and
excel_documents."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from attrs import frozen


@frozen
class SampleStep:
    """One row of the sample's flowchart table."""

    text: str
    role: int
    symbol: str  # "terminator", "process" or "decision"
    needs: str
    time: str
    output: str
    note: str = ""


POSITION = "Kepala Dinas Komunikasi dan Informatika"
SIGNATORY = ("Dr. SITI AMINAH, M.Si.", "Pembina Utama Muda", "19700101 199501 2 001")
"""The official who signs: name, rank, NIP. The identity sheet gives the name and NIP on one "Nama / NIP" line;
the place to sign below the table (in the Word and HTML samples) adds the rank."""
SIGNATURE_PLACE = (f"{POSITION},", "", SIGNATORY[0], SIGNATORY[1], f"NIP. {SIGNATORY[2]}")
IDENTITY = (
    ("Nomor SOP", "12/SOP-PPID/2024"),
    ("Tanggal Pembuatan", "29 Mei 2024"),
    ("Tanggal Revisi", "3 Juni 2024"),
    ("Tanggal Efektif", "10 Juni 2024"),
    ("Disahkan oleh", f"{POSITION}\n(ttd)\nNama / NIP : {SIGNATORY[0]} / {SIGNATORY[2]}"),
    ("Nama SOP", "Pelayanan Permohonan Informasi Publik"),
)
LISTS = (
    ("Dasar Hukum", ("Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
                     "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik")),
    ("Kualifikasi Pelaksana", ("Memahami ketentuan terkait informasi publik", "Mampu mengoperasikan komputer")),
    ("Keterkaitan", ("SOP Penyiapan Jawaban", "SOP Pelayanan Keberatan Informasi Publik")),
    ("Peralatan/Perlengkapan", ("Komputer", "Printer", "Jaringan internet")),
    ("Peringatan", ("Jika SOP tidak dilaksanakan, permohonan tidak terlayani tepat waktu",)),
    ("Pencatatan dan Pendataan", ("Register permohonan informasi",)),
)
UNIT = ("PEMERINTAH KABUPATEN CONTOH", "DINAS KOMUNIKASI DAN INFORMATIKA")
ROLES = ("Pemohon Informasi", "Petugas Layanan Informasi", "PPID")
SECTIONS: tuple[tuple[str, str, tuple[SampleStep, ...]], ...] = (
    ("A", "Penerimaan Permohonan", (
        SampleStep("Mengajukan permohonan informasi", 0, "terminator", "Formulir permohonan", "5 menit",
                   "Formulir terisi"),
        SampleStep("Memeriksa kelengkapan permohonan", 1, "decision", "Formulir terisi", "30 menit",
                   "Permohonan lengkap"),
        SampleStep("Mencatat permohonan dalam register", 1, "process", "Permohonan lengkap", "15 Menit",
                   "Register permohonan", "Nomor register diberikan kepada pemohon"),
    )),
    ("B", "Penyelesaian Permohonan", (
        SampleStep("Menyiapkan jawaban permohonan", 2, "process", "Register permohonan", "10 (sepuluh) hari kerja",
                   "Surat jawaban", "Paling lambat 10 hari kerja"),
        SampleStep("Menyerahkan jawaban kepada pemohon", 1, "process", "Surat jawaban", "1 jam 30 menit",
                   "Tanda terima"),
        SampleStep("Melaporkan rekapitulasi layanan", 2, "terminator", "Register permohonan", "1 x 3 bulan",
                   "Laporan"),
    )),
)
PRESETS = {"terminator": "flowChartTerminator", "process": "flowChartProcess", "decision": "flowChartDecision"}
VML_TYPES = {"flowChartTerminator": "116", "flowChartProcess": "109", "flowChartDecision": "110",
             "straightConnector1": "32"}
EXPECTED_TIMES = {"5 menit": ("time", "5 menit"), "30 menit": ("time", "30 menit"), "15 Menit": ("time", "15 Menit"),
                  "10 (sepuluh) hari kerja": ("time", "10 (sepuluh) hari kerja"),
                  "1 jam 30 menit": ("time", "1 jam 30 menit"), "1 x 3 bulan": ("every", "1 x 3 bulan")}


def steps() -> list[SampleStep]:
    return [step for _, _, section_steps in SECTIONS for step in section_steps]


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, target_format: str, folder: Path) -> Path:
    """A LibreOffice headless conversion (its own profile folder, so that it never meets a running one)."""
    profile = folder / "lo-profile"
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target_format,
         "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return folder / f"{source.stem}.{target_format.split(':')[0]}"


# ---- HTML (for LibreOffice to convert) ---------------------------------------------------------------------

def html_document(path: Path, mark: str = "√") -> Path:
    """The sample SOP as an HTML page of two tables, merged cells as colspan/rowspan and the performer as a mark,
    the way a unit's web page or an export from another system holds it."""
    cells = "".join
    identity = cells(f"<tr><td>{label}</td><td>{'<br>'.join(value.splitlines())}</td></tr>"
                     for label, value in IDENTITY)
    identity += cells(f"<tr><td>{label}</td><td>{'<br>'.join(f'{n}. {i}' for n, i in enumerate(items, 1))}</td></tr>"
                      for label, items in LISTS)
    width = 3 + len(ROLES) + 3
    roles = cells(f"<th>{role}</th>" for role in ROLES)
    body = ""
    for letter, title, section_steps in SECTIONS:
        body += f"<tr><td>{letter}</td><td colspan=\"{width - 1}\">{title}</td></tr>"
        for position, step in enumerate(section_steps, start=1):
            marks = cells(f"<td>{(mark if step.symbol != 'decision' else 'Ya') if i == step.role else ''}</td>"
                          for i in range(len(ROLES)))
            body += (f"<tr><td>{position}</td><td>{step.text}</td>{marks}<td>{step.needs}</td><td>{step.time}</td>"
                     f"<td>{step.output}</td><td>{step.note}</td></tr>")
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>SOP</title></head><body>"
        f"<p>{'<br>'.join(UNIT)}</p><table border=\"1\">{identity}</table><p></p>"
        "<table border=\"1\"><tr><th rowspan=\"2\">No</th><th rowspan=\"2\">Uraian Prosedur</th>"
        f"<th colspan=\"{len(ROLES)}\">Pelaksana</th><th colspan=\"3\">Mutu Baku</th><th rowspan=\"2\">Ket</th></tr>"
        f"<tr>{roles}<th>Persyaratan</th><th>Waktu</th><th>Output</th></tr>{body}</table>"
        + cells(f"<p>{line or '&nbsp;'}</p>" for line in SIGNATURE_PLACE) + "</body></html>",
        encoding="utf-8",
    )
    return path


def pdf_pages_text(path: Path) -> str:
    """All text of a PDF (to check that LibreOffice printed the table at all)."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in pdf.pages))
