"""The common table model every reader produces: blocks of rows of cells, merged cells resolved."""

from __future__ import annotations

from attrs import define, field

MESSAGES = {
    "en": {
        "missing-package": "reading this format needs {detail}: pip install 'sopdsl[office]'",
        "unknown-kind": "cannot import {detail} files (known: .docx, .xlsx, .pdf, .csv, .tsv, .txt)",
        "convert-first": "save it as .{detail} first (in its program, or: soffice --headless --convert-to {detail} "
        "FILE)",
        "no-file": "no such file",
        "not-a-file": "not a file",
        "unreadable": "not a readable {detail}",
        "binary": "not a text file (it holds NUL bytes)",
        "scan": "the PDF has no text layer (a scan?): run OCR on it first (for example ocrmypdf)",
        "no-table": "no SOP flowchart table found (a header row with No, Kegiatan, Pelaksana, Waktu ...)",
    },
    "id": {
        "missing-package": "membaca berkas jenis ini perlu {detail}: pip install 'sopdsl[office]'",
        "unknown-kind": "berkas {detail} tidak dapat diimpor (yang dikenal: .docx, .xlsx, .pdf, .csv, .tsv, .txt)",
        "convert-first": "simpan dulu sebagai .{detail} (di programnya, atau: soffice --headless --convert-to {detail} "
        "BERKAS)",
        "no-file": "berkas tidak ada",
        "not-a-file": "bukan berkas",
        "unreadable": "tidak terbaca sebagai {detail}",
        "binary": "bukan berkas teks (berisi byte NUL)",
        "scan": "PDF tanpa lapisan teks (hasil pindai?): jalankan OCR lebih dulu (misalnya ocrmypdf)",
        "no-table": "tabel alur SOP tidak ditemukan (baris judul dengan No, Kegiatan, Pelaksana, Waktu ...)",
    },
}


class ImportFailure(Exception):
    """A file cannot be imported: unreadable, of an unknown kind, or holding no SOP table."""

    def __init__(self, reason: str, detail: str = ""):
        """A failure for one of the reasons of MESSAGES, with its detail."""
        super().__init__(MESSAGES["en"][reason].format(detail=detail))
        self.reason, self.detail = reason, detail

    def message(self, lang: str) -> str:
        """The one-line explanation in the given language ('id' or 'en')."""
        return MESSAGES[lang][self.reason].format(detail=self.detail)


class MissingDependency(ImportFailure):
    """A reader needs an optional package that is not installed."""

    def __init__(self, package: str):
        """The failure that names the package to install."""
        super().__init__("missing-package", package)


@define
class Cell:
    """One grid cell: its text (lines joined by newlines), the drawing shapes and text-box labels anchored
    in it, whether it is shaded, whether it is only covered by a merge (its text then copies the origin's),
    and the alternative texts of its drawings."""

    text: str = ""
    shapes: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    shaded: bool = False
    covered: bool = False
    descriptions: tuple[str, ...] = ()

    @property
    def own_text(self) -> str:
        """The text this cell holds itself: empty for a cell covered by a merge."""
        return "" if self.covered else self.text.strip()


Row = list[Cell]


@define
class Block:
    """A run of rows that belong together: a table, or a paragraph (one row of one cell)."""

    rows: list[Row] = field(factory=list)

    @property
    def width(self) -> int:
        """The number of cells of the widest row."""
        return max((len(row) for row in self.rows), default=0)


@define
class Document:
    """Everything a reader found in a file, in reading order."""

    blocks: list[Block] = field(factory=list)

    def add_paragraph(self, text: str) -> None:
        """A paragraph of text becomes a block of one-cell rows, one per non-empty line."""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines:
            self.blocks.append(Block([[Cell(line)] for line in lines]))


def split_at_empty_rows(rows: list[Row]) -> list[Block]:
    """Blocks of the rows between fully empty rows (a sheet or a CSV file holds several tables that way)."""
    blocks: list[Block] = []
    current: list[Row] = []
    for row in rows:
        if any(cell.text.strip() or cell.shapes or cell.labels for cell in row):
            current.append(row)
        elif current:
            blocks.append(Block(current))
            current = []
    if current:
        blocks.append(Block(current))
    return blocks


def fill_merge(grid: list[Row], top: int, left: int, bottom: int, right: int) -> None:
    """Mark the cells of a merged range (inclusive bounds) as covered copies of its top-left cell."""
    origin = grid[top][left]
    for row in range(top, bottom + 1):
        for column in range(left, right + 1):
            if (row, column) != (top, left):
                grid[row][column] = Cell(origin.text, covered=True, shaded=origin.shaded)
