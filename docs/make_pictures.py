"""Render the pictures in docs/pictures: each spec's printed pages, and the table pages of each hard layout
fixture in docs/pictures/layout, as PNG (needs Chromium and poppler-utils).

Run from the repository root: `.venv/bin/python docs/make_pictures.py`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from sopdsl.parse.parser import parse_text
from sopdsl.render.document import html
from sopdsl.render.document.pdf import printer
from sopdsl.render.options import RenderOptions

ROOT = Path(__file__).resolve().parent.parent
PICTURES = ROOT / "docs" / "pictures"
GALLERY = PICTURES / "layout"
RESOLUTION = 80  # dots per inch: an A4 page becomes about 935 x 660 pixels


def main() -> int:
    GALLERY.mkdir(parents=True, exist_ok=True)
    for old in [*PICTURES.glob("*.png"), *GALLERY.glob("*.png")]:
        old.unlink()
    with printer() as print_html, tempfile.TemporaryDirectory() as folder:
        for spec in sorted((ROOT / "specs").glob("*.sop")):
            print_pages(print_html, spec, Path(folder), PICTURES / spec.stem, first=1)
        for fixture in sorted((ROOT / "tests" / "fixtures" / "layout").glob("*.sop")):
            print_pages(print_html, fixture, Path(folder), GALLERY / fixture.stem, first=2)
    for picture in sorted([*PICTURES.glob("*.png"), *GALLERY.glob("*.png")]):
        print(picture.relative_to(ROOT))
    return 0


def print_pages(print_html, source: Path, folder: Path, prefix: Path, first: int) -> None:
    """The PDF of one .sop file as PNG pages from page `first` on, named `<prefix>-<page>.png`."""
    pdf = folder / f"{source.stem}.pdf"
    pdf.write_bytes(print_html(html.render(parse_text(source.read_text(encoding="utf-8")), RenderOptions())))
    subprocess.run(
        ["pdftoppm", "-r", str(RESOLUTION), "-f", str(first), "-png", str(pdf), str(prefix)], check=True
    )


if __name__ == "__main__":
    sys.exit(main())
