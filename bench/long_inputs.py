"""Long inputs: time and peak memory of sopdsl on one very long token or run, at growing sizes.

`python -m bench.long_inputs` writes, for each kind of input (a number of a million digits, a line of text, a
quoted string, blank lines...), an otherwise small SOP holding 1, 2 and 4 MB of it, and runs each command on it as a
fresh process. The growth is the CPU time above that of a 1 KB input at 4 MB over the same at 1 MB: near 4 when
linear, 16 when quadratic. The memory figure is the peak resident set above that of the same command on a 1 KB
input, per byte of input. docs/performance.md explains them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from .measure import ChildProcesses, Command

HEAD = (
    "sop panjang: Masukan Panjang\n  sla: 1 jam\n"
    "role petugas: Petugas\nstep terima: Menerima berkas\n  by: petugas\n"
)
KINDS: dict[str, Callable[[int], str]] = {
    "digits": lambda n: f"  time: 1{'0' * n} menit\n",
    "decimals": lambda n: f"  time: 1,{'0' * n} menit\n",
    "spelled": lambda n: f"  time: 1 ({'satu ' * (n // 5)}) menit\n",
    "text": lambda n: f"  note: {'Menerima berkas ' * (n // 16)}akhir\n",
    "dense text": lambda n: f"  note: {'a ' * (n // 2)}b\n",
    "string": lambda n: f'  note: "{"a" * n}"\n',
    "escapes": lambda n: f'  note: "{chr(92) * n}"\n',
    "id": lambda n: f"  next: {'a' * n}\n",
    "blank lines": lambda n: "\n" * n,
    "comment lines": lambda n: "#\n" * (n // 2),
    "indentation": lambda n: f"{' ' * n}note: x\n",
}
"""What follows the first step's `by:` line, n bytes of it; each kind stresses one terminal or run."""
COMMANDS = {
    "check": ["check", "--jobs", "1"],
    "stats": ["stats"],
    "fmt --check": ["fmt", "--check"],
    "render --to html": ["render", "--to", "html", "-o", "{out}"],
}
MB = 1 << 20


def write_input(folder: Path, kind: str, size: int) -> Path:
    path = folder / f"{kind.replace(' ', '-')}-{size}.sop"
    path.write_text(HEAD + KINDS[kind](size), encoding="utf-8")
    return path


def measure(kinds: Sequence[str], commands: Sequence[str], sizes: Sequence[int], runner, folder: Path):
    """Rows of (kind, command, timings by size, timing on a 1 KB input), in order."""
    rows = []
    for kind in kinds:
        paths = {size: write_input(folder, kind, size) for size in (1024, *sizes)}
        for name in commands:
            timings = {}
            for size, path in paths.items():
                args = [arg.format(out=folder / "out.html") for arg in COMMANDS[name]] + [str(path)]
                timings[size] = runner.once(Command("sopdsl", name, args))
                print(f"  {kind}, {name}, {size:,} bytes: {timings[size].seconds:.2f} s", file=sys.stderr)
            rows.append((kind, name, timings))
        for path in paths.values():
            path.unlink()
    return rows


def table(rows, sizes: Sequence[int]) -> str:
    """CPU seconds at each size; how the time above that of a 1 KB input grows; peak memory per input byte."""
    largest, factor = sizes[-1], sizes[-1] // sizes[0]
    head = ["input", "command", *(f"{size / MB:g} MB cpu s" for size in sizes), f"growth x{factor}", "peak MB",
            "bytes/byte"]
    lines = [head]
    for kind, name, timings in rows:
        small, big = timings[1024], timings[largest]
        per_byte = max(0.0, big.peak_mb - small.peak_mb) * MB / largest
        lines.append([
            kind, name, *(f"{timings[size].cpu_seconds:.2f}" for size in sizes),
            _growth(small.cpu_seconds, timings[sizes[0]].cpu_seconds, big.cpu_seconds),
            f"{big.peak_mb:.0f}", f"{per_byte:.1f}",
        ])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    lines.insert(1, ["-" * width for width in widths])
    return "\n".join("  ".join(_aligned(line, widths)) for line in lines)


def _growth(base: float, smallest: float, largest: float) -> str:
    """The work above a 1 KB input at the largest size over that at the smallest; under 0.1 s it is noise."""
    if smallest - base < 0.1:
        return "< 0.1 s"
    return f"{(largest - base) / (smallest - base):.1f}"


def _aligned(line: Sequence[str], widths: Sequence[int]) -> list[str]:
    """The input and command left-aligned, the figures right-aligned."""
    cells = enumerate(zip(line, widths, strict=True))
    return [cell.ljust(width) if i < 2 else cell.rjust(width) for i, (cell, width) in cells]


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.long_inputs", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4", help="input sizes in MB, smallest first (default: 1,2,4)")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"kinds of input (default: all: {', '.join(KINDS)})")
    parser.add_argument("--commands", default="check", help=f"commands, of {', '.join(COMMANDS)} (default: check)")
    args = parser.parse_args(argv)
    args.sizes = [int(float(size) * MB) for size in args.sizes.split(",")]
    args.kinds = [kind.strip() for kind in args.kinds.split(",")]
    args.commands = [command.strip() for command in args.commands.split(",")]
    unknown = [name for name in args.kinds if name not in KINDS]
    unknown += [name for name in args.commands if name not in COMMANDS]
    if unknown:
        parser.error(f"unknown kind or command: {', '.join(unknown)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(argv)
    with tempfile.TemporaryDirectory(prefix="sopdsl-long-") as scratch:
        folder = Path(scratch)
        runner = ChildProcesses(1, folder, accepted=(0, 1))
        runner.once(Command("sopdsl", "warm", ["check", str(write_input(folder, "text", 1024))]))
        rows = measure(args.kinds, args.commands, args.sizes, runner, folder)
    print(table(rows, args.sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
