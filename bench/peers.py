"""Peers on the same work, side by side with sopdsl: bpmnlint on the BPMN export, Graphviz `dot` on the DOT export."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .measure import Command

if TYPE_CHECKING:
    from .run import Benchmark

BPMNLINT = Path(__file__).resolve().parent.parent / "tests" / "bpmnlint"
"""The linter pinned for the tests (`npm ci --prefix tests/bpmnlint`), with its `bpmnlint:recommended` settings."""
CHECK_VS_BPMNLINT = 0.5  # `check` at least 2x faster than bpmnlint on the same SOPs as BPMN
SVG_VS_DOT = 1 / 3  # `render --to svg` at least 3x faster than `dot -Tsvg` on the DOT export
REPEAT = 5  # at least this many rounds of each pair: short runs, so the median is cheap and steadier


def bpmnlint(files: Sequence[Path]) -> Command | None:
    """bpmnlint on the files, or None where it is not installed."""
    program = BPMNLINT / "node_modules" / ".bin" / "bpmnlint"
    if not program.exists():
        return None
    return Command("program", "bpmnlint on the BPMN export",
                   (str(program), "--config", str(BPMNLINT / ".bpmnlintrc"), *map(str, files)))


def export(path: Path, format_name: str, into: Path) -> Path:
    """The SOP of `path` rendered as `format_name` into the folder `into` (untimed: the peer's input)."""
    from sopdsl.cli import main

    into.mkdir(parents=True, exist_ok=True)
    target = into / f"{path.stem}.{format_name}"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(["render", str(path), "--to", format_name, "-o", str(target)])
    return target


def measure(benchmark: Benchmark, sop: Path, folder: Path, name: str, folder_name: str) -> list[str]:
    """Time the peers beside sopdsl on one SOP and on a folder; what could not be run, said why."""
    skipped = []
    repeat = max(REPEAT, benchmark.runner.repeat)
    exports = benchmark.folder / "exports"
    check = Command("sopdsl", "sopdsl check (x bpmnlint)", ("check", "--no-cache", str(sop)))
    linter = bpmnlint([export(sop, "bpmn", exports)])
    if linter is None:
        skipped.append(f"bpmnlint: not installed (npm ci --prefix {BPMNLINT})")
    else:
        benchmark.workload(f"peers: {name}", linter, [(check, {"max_ratio": CHECK_VS_BPMNLINT})], repeat)
        linter = bpmnlint([export(path, "bpmn", exports / "folder") for path in sorted(folder.glob("*.sop"))])
        check = Command("sopdsl", "sopdsl check (x bpmnlint)", ("check", "--no-cache", str(folder)))
        benchmark.workload(f"peers: {folder_name}", linter, [(check, {"max_ratio": CHECK_VS_BPMNLINT})], repeat)
    dot = shutil.which("dot")
    if dot is None:
        skipped.append("dot: Graphviz is not installed")
    else:
        graph = export(sop, "dot", exports)
        drawn = Command("program", "dot -Tsvg on the DOT export",
                        (dot, "-Tsvg", str(graph), "-o", str(exports / "dot.svg")))
        svg = Command("sopdsl", "sopdsl render --to svg (x dot)",
                      ("render", str(sop), "--to", "svg", "-o", str(exports / "render.svg")))
        benchmark.workload(f"peers: {name}", drawn, [(svg, {"max_ratio": SVG_VS_DOT})], repeat)
    return skipped
