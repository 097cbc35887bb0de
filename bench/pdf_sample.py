"""Printing a library's PDFs: `build` with PDFs, against `build --no-pdf` plus the browser printing the same pages
alone, back to back, on a sample of the library; and the build with PDFs extrapolated to the whole library."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .generate import Shape
from .measure import Command, Timing

if TYPE_CHECKING:
    from .run import Benchmark, Row

PDF_VS_PARTS = 1.1  # build with PDFs, against build --no-pdf + the browser's own time to print the same pages
PRINT_ALONE = Path(__file__).resolve().parent / "print_alone.py"
LIBRARY_PAGES = {"index.html", "library-map.html"}  # the site's own pages, which build prints no PDF of


def measure(benchmark: Benchmark, shape: Shape, name: str, whole: int, whole_name: str) -> list[Row]:
    """The rows of the sample `shape` (named `name`), and the build with PDFs scaled to `whole` SOPs."""
    from .run import Row

    path = benchmark.library(shape)
    plain, printed = benchmark.folder / "sample-site", benchmark.folder / "sample-site-pdf"
    no_pdf = Command("sopdsl", "sopdsl build --no-pdf", ("build", str(path), "-o", str(plain), "--no-pdf"))
    with_pdf = Command("sopdsl", "sopdsl build, with PDFs", ("build", str(path), "-o", str(printed)))
    runs: dict[str, list[Timing]] = {"plain": [], "alone": [], "printed": []}
    for _ in range(benchmark.runner.repeat):
        shutil.rmtree(plain, ignore_errors=True)  # every build into an empty folder: nothing to reuse
        runs["plain"].append(benchmark.runner.once(no_pdf))
        pages = sorted(str(page) for page in plain.glob("*.html") if page.name not in LIBRARY_PAGES)
        alone = Command("program", "Chromium alone", (sys.executable, str(PRINT_ALONE), *pages))
        runs["alone"].append(benchmark.runner.once(alone))
        shutil.rmtree(printed, ignore_errors=True)
        runs["printed"].append(benchmark.runner.once(with_pdf))
    plain_timing, alone_timing, printed_timing = (Timing.of(taken) for taken in runs.values())
    parts = Timing(plain_timing.seconds + alone_timing.seconds, plain_timing.cpu_seconds + alone_timing.cpu_seconds,
                   max(plain_timing.peak_mb, alone_timing.peak_mb))
    scale = whole / shape.files
    extrapolated = Timing(printed_timing.seconds * scale, printed_timing.cpu_seconds * scale, printed_timing.peak_mb)
    return [
        Row(name, "sopdsl build --no-pdf", plain_timing),
        Row(name, "Chromium alone: the same pages back to back", alone_timing),
        Row(name, "build with PDFs (x build --no-pdf + Chromium alone)", printed_timing, parts, PDF_VS_PARTS),
        Row(whole_name, f"build with PDFs, extrapolated from {shape.files:,}", extrapolated),
    ]
