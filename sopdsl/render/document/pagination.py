"""The rows of the flowchart table split into printed pages, by step count and estimated height."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping

from attrs import define, field

from ...model import Sop
from ..flow import Flow
from ..options import RenderOptions
from ..rows import SectionRow, StepRow, note_text
from . import measure
from .primitives import Cells


@define
class PageRow:
    """One row of a printed page: a step, a section title, or a row of off-page connectors."""

    kind: str  # "step", "continuation" (of a split step), "section", "connector-top" or "connector-bottom"
    row: StepRow | SectionRow | None = None
    cells: Cells = field(factory=Cells)
    continued: bool = False  # a section's or a step's row continued from the page before
    text: str | None = None  # the part of a split step's Kegiatan text printed in this row

    @property
    def step(self) -> StepRow:
        """The step of a "step" or "continuation" row."""
        if not isinstance(self.row, StepRow):
            raise ValueError(f"a {self.kind} row shows no step")
        return self.row

    @property
    def section(self) -> SectionRow:
        """The section whose title a "section" row shows."""
        if not isinstance(self.row, SectionRow):
            raise ValueError(f"a {self.kind} row shows no section title")
        return self.row

    @property
    def chunk(self) -> str:
        """The part of a split step's text that a "continuation" row prints."""
        if self.text is None:
            raise ValueError(f"a {self.kind} row prints no part of a split step's text")
        return self.text


@define
class Page:
    rows: list[PageRow]
    top_connectors: PageRow | None = None
    bottom_connectors: PageRow | None = None

    def connector_row(self, at_top: bool) -> PageRow:
        """The page's top or bottom connector row, added on first use."""
        if at_top:
            if self.top_connectors is None:
                self.top_connectors = PageRow("connector-top")
            return self.top_connectors
        if self.bottom_connectors is None:
            self.bottom_connectors = PageRow("connector-bottom")
        return self.bottom_connectors

    def all_rows(self) -> list[PageRow]:
        """The rows in print order: what continues from the page before comes before the connectors at the top."""
        lead = list(itertools.takewhile(lambda row: row.continued, self.rows))
        body = self.rows[len(lead):]
        return [r for r in [*lead, self.top_connectors, *body, self.bottom_connectors] if r is not None]

    @property
    def step_count(self) -> int:
        return sum(1 for row in self.rows if row.kind == "step")


def paginate(sop: Sop, flows: tuple[Flow, ...], role_count: int, options: RenderOptions,
             drawing_px: Mapping[str, float], marked: Callable[[str], str]) -> list[Page]:
    """Rows into pages of at most the configured number of steps and of the paper's height (estimated).

    `drawing_px` is the height a row's drawing needs where it is more than usual, by row key; `marked`
    gives the lines a row's Keterangan adds for its long branch labels. A section's title stays with its
    first step and is repeated, marked as continued, on each page its section continues on; the last page
    keeps room for the total and the signature.
    """
    widths = measure.column_widths(role_count, options.paper)
    budget = measure.page_height_px(options.paper) - measure.HEADER_PX - 2 * measure.CONNECTOR_PX
    pages: list[Page] = [Page([])]
    used = 0.0

    def new_page(position: int, flow: Flow) -> Page:
        nonlocal used
        pages.append(Page([]))
        used = 0.0
        if position and flow.heading is not None:
            pages[-1].rows.append(PageRow("section", flow.heading, continued=True))
            used += measure.SECTION_PX
        return pages[-1]

    for flow in flows:
        for position, step in enumerate(flow.steps):
            note = "\n".join(filter(None, [note_text(step, options), marked(step.key)]))
            height = max(measure.step_height(step, note, widths), drawing_px.get(step.key, 0))
            heading_px = measure.SECTION_PX if position == 0 and flow.heading is not None else 0
            page = pages[-1]
            full = page.step_count >= options.rows_for_page(len(pages) - 1)
            tall = height > budget / 2 and used + heading_px + height > budget and not full
            if page.step_count and (full or (used + heading_px + height > budget and not tall)):
                page = new_page(position, flow)
            if heading_px:
                page.rows.append(PageRow("section", flow.heading))
            used += heading_px
            if not (tall or height > budget):
                page.rows.append(PageRow("step", step))
                used += height
                continue
            # a step too tall for the space left: its Kegiatan text fills the page and continues on the next
            lines = measure.lines_that_fit(budget - used)
            if lines < 3 and page.step_count:
                page = new_page(position, flow)
                lines = measure.lines_that_fit(budget - used)
            head, rest = measure.split_text(step.step.text.value, widths.columns[1], max(lines, 3))
            page.rows.append(PageRow("step", step, text=head))
            used += max(measure.step_height(step, note, widths, head), drawing_px.get(step.key, 0))
            while rest:
                page = new_page(position + 1, flow)
                chunk, rest = measure.split_text(rest, widths.columns[1], measure.lines_that_fit(budget - used))
                page.rows.append(PageRow("continuation", step, text=chunk, continued=True))
                used += measure.text_height(chunk, widths.columns[1])
    closing = measure.TOTAL_PX + (measure.SIGNATURE_PX if sop.approved_by is not None else 0)
    last = pages[-1]
    if last.step_count > 1 and used + closing > budget:
        cut = len(last.rows) - 1
        if cut > 0 and last.rows[cut - 1].kind == "section":
            cut -= 1
        moved = last.rows[cut:]
        if moved[0].kind == "step" and (heading := _heading_before(last.rows, cut)) is not None:
            moved.insert(0, PageRow("section", heading, continued=True))
        pages.append(Page(moved))
        del last.rows[cut:]
    return pages


def _heading_before(rows: list[PageRow], cut: int) -> SectionRow | None:
    """The section a page's rows before `cut` end in, if it has a title row there."""
    section = next((row for row in reversed(rows[:cut]) if row.kind == "section"), None)
    return section.section if section is not None else None
