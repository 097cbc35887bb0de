"""Render the pictures in docs/pictures: each spec's printed pages as PNG (needs Chromium and poppler-utils).

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
RESOLUTION = 80  # dots per inch: an A4 page becomes about 935 x 660 pixels


def main() -> int:
    PICTURES.mkdir(exist_ok=True)
    for old in PICTURES.glob("*.png"):
        old.unlink()
    with printer() as print_html, tempfile.TemporaryDirectory() as folder:
        for spec in sorted((ROOT / "specs").glob("*.sop")):
            pdf = Path(folder) / f"{spec.stem}.pdf"
            pdf.write_bytes(print_html(html.render(parse_text(spec.read_text(encoding="utf-8")), RenderOptions())))
            subprocess.run(
                ["pdftoppm", "-r", str(RESOLUTION), "-png", str(pdf), str(PICTURES / spec.stem)], check=True
            )
    for picture in sorted(PICTURES.glob("*.png")):
        print(picture.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
