"""The SOP AP document as PDF: the HTML document printed by headless Chromium, text kept selectable."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ...browser.chromium import Browser
from ...model import Sop
from ..options import RenderOptions
from . import html
from .pdf_info import html_info, with_info

BINARY = True


class Printer:
    """Prints HTML documents to PDF with one browser, the information of each from its head."""

    def __init__(self, browser: Browser, folder: Path) -> None:
        self.browser, self.folder = browser, folder

    def __call__(self, document: str) -> bytes:
        """One document's PDF."""
        return next(self.each([document]))

    def each(self, documents: Iterable[str]) -> Iterator[bytes]:
        """The documents' PDFs in their order, several printed at once by pages of the one browser."""
        infos: list[dict[str, str]] = []

        def pages() -> Iterator[Path]:
            for index, document in enumerate(documents):
                page = self.folder / f"document-{index}.html"
                page.write_text(document, encoding="utf-8")
                infos.append(html_info(document))
                yield page

        for index, pdf in enumerate(self.browser.pdfs(pages())):
            (self.folder / f"document-{index}.html").unlink()
            yield with_info(pdf, infos[index])


def render(sop: Sop, options: RenderOptions) -> bytes:
    """One SOP's PDF; starts and stops a browser (use `printer()` for many)."""
    with printer() as print_html:
        return print_html(html.render(sop, options))


@contextmanager
def printer() -> Iterator[Printer]:
    """A printer of HTML documents to PDF with one browser; needs Chromium."""
    with tempfile.TemporaryDirectory(prefix="sopdsl-pdf-") as folder, Browser() as browser:
        yield Printer(browser, Path(folder))
