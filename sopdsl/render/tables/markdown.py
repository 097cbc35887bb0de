"""The step table as GitHub-flavoured Markdown: a title, one pipe table per section and the total time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...model import Sop
from ..options import RenderOptions
from ..total_line import total_text
from .csv_table import SectionTable, column_headings, fold, section_tables

BINARY = False

# Characters that Markdown would read as markup: `<`, `>` and `&` become entities, the others take a backslash
# (in a table cell `\|` keeps the pipe inside the cell).
MARKUP_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", **{char: "\\" + char for char in "\\`*_[]~|#"}}
)


def escape(text: str) -> str:
    """Author text that a Markdown reader shows literally, on one line."""
    return fold(text).translate(MARKUP_ESCAPES)


def table_lines(table: SectionTable, headings: Sequence[str]) -> list[str]:
    """A pipe table: the header, the delimiter row and one line per step."""
    lines = [table_line(headings), "|" + "|".join(" --- " for _ in headings) + "|"]
    lines.extend(table_line(row) for row in table.rows)
    return lines


def table_line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |"


def title_line(sop: Sop, labels: Mapping[str, str]) -> str:
    """"# <title>", followed by the SOP number when there is one."""
    title = escape(sop.title.value)
    if sop.number is None:
        return f"# {title}"
    return f"# {title} — {labels['number']} {escape(sop.number.value)}"


def total_line(sop: Sop, options: RenderOptions) -> str | None:
    """The total line below the tables; None for an invalid calendar."""
    words = total_text(sop, options)
    return None if words is None else f"**{options.words['total']}:** {escape(words)}"


def render(sop: Sop, options: RenderOptions) -> str:
    """The whole document; every piece of author text is escaped."""
    headings = column_headings(options.lang, options.labels)
    lines = [title_line(sop, options.words)]
    for table in section_tables(sop, options):
        lines.append("")
        if table.heading is not None:
            lines.extend([f"## {escape(table.heading.letter)}. {escape(table.heading.title)}", ""])
        lines.extend(table_lines(table, headings))
    total = total_line(sop, options)
    if total is not None:
        lines.extend(["", total])
    return "\n".join(lines) + "\n"
