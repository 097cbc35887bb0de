"""What a renderer may be told besides the SOP: language, paper, pagination, totals, links and the source folder."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from pathlib import Path

from attrs import field, frozen

from ..analysis.totals import SopTotals

PAPERS = {"a4": ("297mm", "210mm"), "f4": ("330mm", "215mm")}  # landscape width, height
LANGUAGES = ("id", "en")


@frozen(kw_only=True)
class RenderOptions:
    """Settings shared by the renderers; each uses the ones that apply to it."""

    lang: str = "id"
    paper: str = "a4"
    first_page_rows: int = 6  # step rows on the first page of the flowchart table
    page_rows: int = 5  # step rows on each later page
    totals: SopTotals | None = None  # computed from the SOP alone when None
    sop_links: Mapping[str, str] = field(factory=dict)  # SOP id -> href, for `related` and `uses`
    sop_titles: Mapping[str, str] = field(factory=dict)  # SOP id -> title, printed beside the link
    index_link: str | None = None  # href of the library's index, linked on screen above the document
    folder: Path | None = None  # the .sop file's folder, where a relative `logo` path starts (None: the working one)
    labels: Mapping[str, str] = field(factory=dict)  # the `labels` setting: a unit's own wording, by its keys
    deadline_from: datetime.date | None = None  # the day the work starts: the document prints when totals fall due
    holidays: tuple[datetime.date, ...] = ()  # non-working days besides the national ones (the `holidays` setting)

    @property
    def words(self) -> dict[str, str]:
        """The printed labels: the language's, with the unit's own over them."""
        from .labels import printed_labels

        return printed_labels(self.lang, self.labels)

    def rows_for_page(self, page: int) -> int:
        return self.first_page_rows if page == 0 else self.page_rows


def parse_rows_per_page(text: str) -> tuple[int, int]:
    """`N` or `FIRST,NEXT` step rows per page, each at least 1."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) not in (1, 2) or not all(part.isdigit() and int(part) >= 1 for part in parts):
        raise ValueError(f"rows per page must be N or FIRST,NEXT (whole numbers of at least 1), not {text!r}")
    first = int(parts[0])
    return first, int(parts[-1])
