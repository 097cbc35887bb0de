"""How long `sopdsl lsp` takes from a change of a buffer to its published findings, beside checking it alone.

Run `.venv/bin/python -m bench.lsp_latency` (`--quick` for smaller buffers). In a workspace of 1,000 generated
SOPs, the server has a buffer of 100, 1,000 and 10,000 steps open; each change adds one letter to the first step's
text, and the time runs from sending the `didChange` to reading its `publishDiagnostics`. The floor is the check of
that buffer alone in a fresh process, as `sopdsl check FILE` does it (parse, rules, library rules on one file).
The server should add no more than 20% to it.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from .generate import Shape, generate
from .lsp_wire import Wire

TARGET = 1.2
WORKSPACE = Shape(files=1000, steps=25, uses=0.05)


def buffer_text(folder: Path, steps: int) -> str:
    """A generated SOP of this many steps, under an id no file of the workspace has."""
    path = generate(folder, Shape(files=1, steps=steps, sections=max(1, steps // 500), seed=11))[0]
    return re.sub(r"^sop [^:]+:", f"sop buffer-{steps}:", path.read_text(encoding="utf-8"), count=1, flags=re.M)


def alone(path: Path, repeat: int) -> float:
    """The median time of checking the file alone, in a fresh process warmed by one check, in seconds."""
    program = (
        "import statistics, sys, time\n"
        "from pathlib import Path\n"
        "from sopdsl.checker import check_paths\n"
        "path = Path(sys.argv[1])\n"
        "check_paths([path], False, jobs=1)\n"
        "times = []\n"
        "for _ in range(int(sys.argv[2])):\n"
        "    started = time.perf_counter()\n"
        "    check_paths([path], False, jobs=1)\n"
        "    times.append(time.perf_counter() - started)\n"
        "print(statistics.median(times))\n"
    )
    done = subprocess.run([sys.executable, "-c", program, str(path), str(repeat)], capture_output=True, text=True,
                          check=True)
    return float(done.stdout)


def through_server(wire: Wire, path: Path, text: str, repeat: int) -> float:
    """The median time from a one-letter change of the open buffer to its findings, in seconds."""
    uri = path.as_uri()
    wire.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "sop", "version": 1,
                                                          "text": text}})
    wire.diagnostics(uri, 1)
    line = next(number for number, row in enumerate(text.splitlines()) if row.startswith("step"))
    times = []
    for version in range(2, repeat + 2):
        end = len(text.splitlines()[line]) + version - 2
        change = {"range": {"start": {"line": line, "character": end}, "end": {"line": line, "character": end}},
                  "text": "x"}
        started = time.perf_counter()
        wire.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [change]})
        wire.diagnostics(uri, version)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run(sizes: Sequence[int], repeat: int) -> list[tuple[int, float, float]]:
    """(steps, server seconds, alone seconds) for each buffer size."""
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "library"
        generate(folder, WORKSPACE)
        print(f"workspace: {WORKSPACE.files} SOPs of {WORKSPACE.steps} steps", file=sys.stderr)
        wire = Wire(folder)
        try:
            for steps in sizes:
                text = buffer_text(Path(scratch) / f"buffer-{steps}", steps)
                path = folder / f"buffer-{steps}.sop"
                path.write_text(text, encoding="utf-8")
                floor = alone(path, repeat)
                served = through_server(wire, path, text, repeat)
                rows.append((steps, served, floor))
                print(f"{steps:>6} steps: change to findings {served * 1000:8.1f} ms, check alone "
                      f"{floor * 1000:8.1f} ms, ratio {served / floor:.2f}", file=sys.stderr)
        finally:
            wire.close()
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lsp_latency", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="buffers of 100 and 1,000 steps only")
    parser.add_argument("--repeat", type=int, default=7, help="changes timed per buffer (the median is shown)")
    args = parser.parse_args(argv)
    rows = run((100, 1000) if args.quick else (100, 1000, 10000), args.repeat)
    print("| buffer | change to findings | check alone | ratio |")
    print("|---:|---:|---:|---:|")
    for steps, served, floor in rows:
        print(f"| {steps:,} steps | {served * 1000:.1f} ms | {floor * 1000:.1f} ms | {served / floor:.2f} |")
    worst = max(served / floor for _, served, floor in rows)
    print(f"\nworst ratio {worst:.2f} (target ≤ {TARGET})")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
