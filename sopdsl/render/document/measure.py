"""Column widths of the flowchart table and estimated row heights, so that pages break before they overflow."""

from __future__ import annotations

import math

from attrs import frozen

from ..options import PAPERS
from ..rows import StepRow

MARGIN_MM = 10
PX_PER_MM = 96 / 25.4
CHAR_MM = 1.62  # a generous average advance of an 8 pt sans-serif character
LINE_PX = 12.6
CELL_PADDING_PX = 8
MIN_STEP_PX = 64
SECTION_PX = 22
CONNECTOR_PX = 54
HEADER_PX = 64  # the sheet title and the two header rows
TOTAL_PX = 24
SIGNATURE_PX = 190
SAFETY = 0.94  # estimates are rough: leave a margin


@frozen
class Widths:
    """Widths in millimetres: No, Kegiatan, one per role, Kelengkapan, Waktu, Output, Keterangan."""

    columns: list[float]

    @property
    def total(self) -> float:
        return sum(self.columns)


def content_size_mm(paper: str) -> tuple:
    width, height = (float(size.rstrip("m")) for size in PAPERS[paper])
    return width - 2 * MARGIN_MM, height - 2 * MARGIN_MM


def column_widths(role_count: int, paper: str) -> Widths:
    """Role columns wide enough for a symbol and its gutters; text columns share the rest."""
    content, _ = content_size_mm(paper)
    role = min(32.0, max(18.0, content * 0.42 / max(role_count, 1)))
    rest = content - 8 - role * role_count
    shares = [0.28, 0.16, 0.15, 0.18, 0.23]  # Kegiatan, Kelengkapan, Waktu, Output, Keterangan
    return Widths([8.0, rest * shares[0], *([role] * role_count), *(rest * share for share in shares[1:])])


def text_lines(text: str, width_mm: float) -> int:
    """How many lines `text` takes in a cell `width_mm` wide, wrapping at blanks."""
    per_line = max(4, int((width_mm - 2) / CHAR_MM))
    lines = 0
    for paragraph in text.split("\n"):
        length = 0
        lines += 1
        for word in paragraph.split():
            size = len(word)
            if length and length + 1 + size > per_line:
                lines += 1
                length = 0
            if size > per_line:  # a long word breaks anywhere
                lines += math.ceil(size / per_line) - 1
                size %= per_line
            length += size + (1 if length else 0)
    return lines


def step_height(row: StepRow, note: str, widths: Widths, text: str | None = None) -> float:
    """The estimated height in pixels of a step row (printing `text` as its Kegiatan when given)."""
    step = row.step
    texts = [
        (step.text.value if text is None else text, widths.columns[1]),
        (step.needs.value if step.needs else "", widths.columns[-4]),
        (row.time, widths.columns[-3]),
        (step.output.value if step.output else "", widths.columns[-2]),
        (note, widths.columns[-1]),
    ]
    tallest = max(text_lines(text, width) for text, width in texts if text) if any(t for t, _ in texts) else 0
    return max(MIN_STEP_PX, tallest * LINE_PX + CELL_PADDING_PX)


def text_height(text: str, width_mm: float) -> float:
    """The estimated height in pixels of a row holding only `text` in a cell `width_mm` wide."""
    return max(MIN_STEP_PX, text_lines(text, width_mm) * LINE_PX + CELL_PADDING_PX)


def lines_that_fit(height_px: float) -> int:
    """How many lines of text a row of `height_px` holds."""
    return max(0, int((height_px - CELL_PADDING_PX) // LINE_PX))


def split_text(text: str, width_mm: float, lines: int) -> tuple[str, str]:
    """The words of `text` that fill at most `lines` lines of a cell, and the rest ("" when all fit)."""
    words = text.split()
    low, high = 1, len(words)  # the most words that fit, found by halving: at least one
    while low < high:
        middle = (low + high + 1) // 2
        if text_lines(" ".join(words[:middle]), width_mm) <= lines:
            low = middle
        else:
            high = middle - 1
    if low >= len(words):
        return text, ""  # all of it fits: the text as written, its spaces kept
    return " ".join(words[:low]), " ".join(words[low:])


def page_height_px(paper: str) -> float:
    """The usable height of a page for the flowchart table."""
    _, height = content_size_mm(paper)
    return height * PX_PER_MM * SAFETY
