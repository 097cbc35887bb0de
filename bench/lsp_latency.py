"""How long `sopdsl lsp` takes from a change of a buffer to its published findings, beside checking it alone.

Run `.venv/bin/python -m bench.lsp_latency` (`--quick` for smaller buffers). In a workspace of 1,000 generated
SOPs, the server has a buffer of 100, 1,000 and 10,000 steps open; each change adds one letter to the first step's
text, and the time runs from sending the `didChange` to reading its `publishDiagnostics`. The floor is the check of
that same text alone, as `sopdsl check FILE` does it (read, parse, rules, library rules on one file), in a warm
process of its own; the two are timed in turn, so that both see the same load on the machine. The processor time
each takes is shown beside (Linux). The server should add no more than 20% to the check alone.
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
from typing import NamedTuple

from .generate import Shape, generate
from .lsp_wire import Wire

TARGET = 1.2
WORKSPACE = Shape(files=1000, steps=25, uses=0.05)


def buffer_text(folder: Path, steps: int) -> str:
    """A generated SOP of this many steps, under an id no file of the workspace has."""
    path = generate(folder, Shape(files=1, steps=steps, sections=max(1, steps // 500), seed=11))[0]
    return re.sub(r"^sop [^:]+:", f"sop buffer-{steps}:", path.read_text(encoding="utf-8"), count=1, flags=re.M)


CHECKER = """\
import sys, time
from pathlib import Path
from sopdsl.checker import check_paths
for line in sys.stdin:
    wall, cpu = time.perf_counter(), time.process_time()
    check_paths([Path(line.strip())], False, jobs=1)
    print(time.perf_counter() - wall, time.process_time() - cpu, flush=True)
"""


class Alone:
    """A process that checks a file alone on request, as `sopdsl check FILE` does, kept warm between checks."""

    def __init__(self):
        self.process = subprocess.Popen([sys.executable, "-c", CHECKER], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)

    def check(self, path: Path) -> tuple[float, float]:
        """(wall, cpu) seconds of one check of the file."""
        self.process.stdin.write(f"{path}\n")
        self.process.stdin.flush()
        wall, cpu = self.process.stdout.readline().split()
        return float(wall), float(cpu)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def cpu_seconds(pid: int) -> float:
    """The processor time all threads of a process have run, from the scheduler's statistics (Linux)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        total += int((task / "schedstat").read_text().split()[0])
    return total / 1e9


def measure(wire: Wire, alone: Alone, path: Path, text: str, repeat: int) -> Row:
    """The medians of the buffer's changes, `didChange` to findings, each after a check of the file alone."""
    uri = path.as_uri()
    wire.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "sop", "version": 1,
                                                          "text": text}})
    wire.diagnostics(uri, 1)
    alone.check(path)  # warm: the parser is built once per process, as in the server
    line = next(number for number, row in enumerate(text.splitlines()) if row.startswith("step"))
    served, served_cpu, floor, floor_cpu = [], [], [], []
    pid = wire.process.pid
    for version in range(2, repeat + 2):
        wall, cpu = alone.check(path)
        floor.append(wall)
        floor_cpu.append(cpu)
        end = len(text.splitlines()[line]) + version - 2
        change = {"range": {"start": {"line": line, "character": end}, "end": {"line": line, "character": end}},
                  "text": "x"}
        used, started = cpu_seconds(pid), time.perf_counter()
        wire.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [change]})
        wire.diagnostics(uri, version)
        served.append(time.perf_counter() - started)
        served_cpu.append(cpu_seconds(pid) - used)
    median = statistics.median
    return Row(median(served), median(floor), median(served_cpu), median(floor_cpu))


class Row(NamedTuple):
    """The medians of one buffer size, in seconds."""

    served: float
    alone: float
    served_cpu: float
    alone_cpu: float


def run(sizes: Sequence[int], repeat: int) -> list[tuple[int, Row]]:
    """The medians of each buffer size."""
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "library"
        generate(folder, WORKSPACE)
        texts = {steps: buffer_text(Path(scratch) / f"buffer-{steps}", steps) for steps in sizes}
        for steps, text in texts.items():  # written before the server starts: it reads them with the workspace
            (folder / f"buffer-{steps}.sop").write_text(text, encoding="utf-8")
        print(f"workspace: {WORKSPACE.files + len(sizes)} SOPs", file=sys.stderr)
        wire, alone = Wire(folder), Alone()
        try:
            for steps, text in texts.items():
                row = measure(wire, alone, folder / f"buffer-{steps}.sop", text, repeat)
                rows.append((steps, row))
                print(f"{steps:>6} steps: change to findings {row.served * 1000:8.1f} ms, check alone "
                      f"{row.alone * 1000:8.1f} ms, ratio {row.served / row.alone:.2f}; processor time "
                      f"{row.served_cpu * 1000:.1f} ms against {row.alone_cpu * 1000:.1f} ms", file=sys.stderr)
        finally:
            wire.close()
            alone.close()
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lsp_latency", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="buffers of 100 and 1,000 steps only")
    parser.add_argument("--repeat", type=int, default=7, help="changes timed per buffer (the median is shown)")
    args = parser.parse_args(argv)
    rows = run((100, 1000) if args.quick else (100, 1000, 10000), args.repeat)
    print("| buffer | change to findings | check alone | ratio | processor time: server | alone | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for steps, row in rows:
        print(f"| {steps:,} steps | {row.served * 1000:.1f} ms | {row.alone * 1000:.1f} ms | "
              f"{row.served / row.alone:.2f} | {row.served_cpu * 1000:.1f} ms | {row.alone_cpu * 1000:.1f} ms | "
              f"{row.served_cpu / row.alone_cpu:.2f} |")
    worst = max(row.served / row.alone for _, row in rows)
    print(f"\nworst ratio {worst:.2f} (target ≤ {TARGET})")
    return 0 if worst <= TARGET else 1

if __name__ == "__main__":
    sys.exit(main())
