"""The SOP AP document as PDF: the HTML document printed by headless Chromium, text kept selectable."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ...browser.chromium import Browser
from ...model import Sop
from ..options import RenderOptions
from . import html
from .pdf_info import html_info, with_info

BINARY = True


def render(sop: Sop, options: RenderOptions) -> bytes:
    """One SOP's PDF; starts and stops a browser (use `printer()` for many)."""
    with printer() as print_html:
        return print_html(html.render(sop, options))


@contextmanager
def printer() -> Iterator[Callable[[str], bytes]]:
    """A function printing HTML documents to PDF with one browser, information from their head; needs Chromium."""
    with tempfile.TemporaryDirectory(prefix="sopdsl-pdf-") as folder, Browser() as browser:
        page = Path(folder) / "document.html"

        def print_html(document: str) -> bytes:
            page.write_text(document, encoding="utf-8")
            return with_info(browser.pdf(page), html_info(document))

        yield print_html
