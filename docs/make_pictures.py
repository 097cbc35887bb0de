"""Render the pictures in docs/pictures: each spec's printed pages, the table pages of each hard layout
fixture in docs/pictures/layout, and the SVG swimlane diagram of each hard layout fixture in
docs/pictures/diagrams, as PNG (needs Chromium and poppler-utils).

Run from the repository root: `.venv/bin/python docs/make_pictures.py`; `... docs/make_pictures.py diagrams`
makes the diagram pictures only.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from math import ceil
from pathlib import Path

from sopdsl.browser.chromium import find_chromium
from sopdsl.parse.parser import parse_text
from sopdsl.render.diagrams import svg, svg_layout
from sopdsl.render.document import html
from sopdsl.render.document.pdf import printer
from sopdsl.render.options import RenderOptions

ROOT = Path(__file__).resolve().parent.parent
PICTURES = ROOT / "docs" / "pictures"
GALLERY = PICTURES / "layout"
DIAGRAMS = PICTURES / "diagrams"
FIXTURES = ROOT / "tests" / "fixtures" / "layout"
RESOLUTION = 80  # dots per inch: an A4 page becomes about 935 x 660 pixels


def main(arguments: list[str]) -> int:
    draw_diagrams()
    if arguments == ["diagrams"]:
        return 0
    GALLERY.mkdir(parents=True, exist_ok=True)
    for old in [*PICTURES.glob("*.png"), *GALLERY.glob("*.png")]:
        old.unlink()
    with printer() as print_html, tempfile.TemporaryDirectory() as folder:
        for spec in sorted((ROOT / "specs").glob("*.sop")):
            print_pages(print_html, spec, Path(folder), PICTURES / spec.stem, first=1)
        for fixture in sorted(FIXTURES.glob("*.sop")):
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


def draw_diagrams() -> None:
    """The SVG diagram of each hard layout fixture as `<fixture>.png`, drawn by Chromium at its own size."""
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("Chromium not found: install the Debian package 'chromium'")
    DIAGRAMS.mkdir(parents=True, exist_ok=True)
    for old in DIAGRAMS.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as folder:
        for fixture in sorted(FIXTURES.glob("*.sop")):
            drawing = Path(folder) / f"{fixture.stem}.svg"
            layout = svg_layout.lay_out(parse_text(fixture.read_text(encoding="utf-8")), "id")
            drawing.write_text(svg.render(layout.sop, RenderOptions()), encoding="utf-8")
            subprocess.run([
                chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                f"--user-data-dir={folder}/profile", f"--window-size={ceil(layout.width)},{ceil(layout.height)}",
                f"--screenshot={DIAGRAMS / fixture.stem}.png", drawing.as_uri(),
            ], check=True, capture_output=True)
            print((DIAGRAMS / f"{fixture.stem}.png").relative_to(ROOT))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
