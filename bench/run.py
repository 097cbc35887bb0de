"""The performance benchmark: sopdsl's commands beside the Lark floor, each timed as a whole process.

Run `.venv/bin/python -m bench.run` (2 to 3 minutes on 2 idle cores), `--quick` for a short run, `--profile`
for where the time of one large check goes. docs/performance.md explains the figures.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import editors, pdf_sample, peers
from .generate import Shape, generate
from .measure import ChildProcesses, Command, InProcess, MeasureError, Timing


@dataclass(frozen=True)
class Sizes:
    """The workloads of one run, and how often each command is repeated (the median is reported)."""

    scaling: tuple[int, ...] = (100, 1000, 10000)
    """Steps of the single SOPs that show how each command scales."""
    big: int = 4000
    """Steps of the single SOP whose check is held against its floor."""
    folder: tuple[int, int] = (120, 40)
    """Files and steps of the folder whose parallel check is held against the single-core floor."""
    library: tuple[int, int] = (1000, 25)
    """Files and steps of the large library whose check memory is held to a limit."""
    cold: int = 12
    """Steps of the small SOP whose check is held against importing Lark."""
    repeat: int = 3
    build_library: bool = False
    """Also build the large library (slow: every SOP's page and diagrams)."""
    province: tuple[int, int] | None = None
    """Files and steps of a province's library: first check, cached check, fresh build, rebuild after one edit."""
    peers: bool = True
    """bpmnlint and Graphviz dot beside sopdsl, on the SOP of `peer_steps` steps and on the folder."""
    peer_steps: int = 1000
    pdf_sample: int | None = 200
    """SOPs of the sample built with PDFs, beside build --no-pdf and the browser printing alone (None: not run)."""
    editors: tuple[int, ...] | None = (100, 1000, 10000)
    """Buffer sizes at which the language server and the web editor are timed from a change to its findings."""


FULL = Sizes()
QUICK = Sizes(scaling=(100, 1000), folder=(40, 40), library=(200, 25), repeat=1, pdf_sample=None, editors=None)
SMOKE = Sizes(scaling=(10, 20), big=20, folder=(3, 20), library=(4, 10), repeat=1, province=(4, 10), peers=False,
              pdf_sample=None, editors=None)
PROVINCE_FILES = 5000  # what the PDF sample is extrapolated to, without --province
EDITOR_CHANGES = 7  # changes timed per buffer in the language server (the median is reported)

CHECK_VS_FLOOR = 1.5
FOLDER_VS_FLOOR = 1.0
LIBRARY_MB = 250
COLD_VS_IMPORT = 2.0
CACHED_VS_FIRST = 0.15  # a second check of an unchanged library, against the first
BUILD_VS_CHECK = 3.0  # a fresh build --no-pdf, against the check of the same library
REBUILD_VS_BUILD = 0.05  # a rebuild after one edit, against a fresh build


@dataclass(frozen=True)
class Row:
    """One measured command on one workload, with its floor and its targets, if it has them."""

    workload: str
    command: str
    timing: Timing
    floor: Timing | None = None
    max_ratio: float | None = None
    max_mb: float | None = None  # of all the command's processes together where that was sampled, else of the largest
    max_seconds: float | None = None

    @property
    def ratio(self) -> float | None:
        return self.timing.seconds / self.floor.seconds if self.floor else None

    @property
    def target(self) -> str:
        limits = []
        if self.max_ratio is not None:
            limits.append(f"<= {self.max_ratio:.3g}x")
        if self.max_mb is not None:
            limits.append(f"< {self.max_mb:g} MB")
        if self.max_seconds is not None:
            limits.append(f"<= {self.max_seconds:g} s")
        return ", ".join(limits)

    @property
    def verdict(self) -> str:
        if not self.target:
            return ""
        fast = self.max_ratio is None or self.ratio <= self.max_ratio
        soon = self.max_seconds is None or self.timing.seconds <= self.max_seconds
        small = self.max_mb is None or (self.timing.tree_mb or self.timing.peak_mb) < self.max_mb
        return "PASS" if fast and soon and small else "FAIL"


@dataclass
class Benchmark:
    """Generates the workloads into `folder` and measures them with `runner`, collecting the rows."""

    runner: ChildProcesses | InProcess
    sizes: Sizes
    folder: Path
    report: Callable[[Row], None] = lambda row: None
    rows: list[Row] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """What could not be measured on this machine, and why."""

    def run(self) -> list[Row]:
        self.cold_start()
        for steps in self.sizes.scaling:
            path = self.sop(steps)
            self.workload(_sops(1, steps), _floor(path), [(command, {}) for command in _per_sop(path, self.folder)])
        path = self.sop(self.sizes.big)
        self.workload(_sops(1, self.sizes.big), _floor(path), [(_check(path), {"max_ratio": CHECK_VS_FLOOR})])
        files, steps = self.sizes.folder
        path = self.library(Shape(steps=steps, files=files, sections=2))
        measured = [(_check(path), {"max_ratio": FOLDER_VS_FLOOR}), (_build(path, self.folder), {})]
        self.workload(_sops(files, steps), _floor(path), measured)
        files, steps = self.sizes.library
        path = self.library(Shape(steps=steps, files=files))
        measured = [(_check(path, tree=True), {"max_mb": LIBRARY_MB})]
        if self.sizes.build_library:
            measured.append((_build(path, self.folder), {}))
        self.workload(_sops(files, steps), _floor(path), measured)
        if self.sizes.peers:
            files, steps = self.sizes.folder
            folder = self.folder / f"library-{files}x{steps}"
            self.skipped += peers.measure(self, self.sop(self.sizes.peer_steps), folder,
                                          _sops(1, self.sizes.peer_steps), _sops(files, steps))
        if self.sizes.province is not None:
            files, steps = self.sizes.province
            self.province(Shape(steps=steps, files=files))
        if self.sizes.pdf_sample is not None:
            whole = self.sizes.province or (PROVINCE_FILES, 25)
            shape = Shape(steps=whole[1], files=self.sizes.pdf_sample)
            for row in pdf_sample.measure(self, shape, _sops(shape.files, shape.steps) + " (PDF sample)", whole[0],
                                          _sops(*whole)):
                self.add(row)
        if self.sizes.editors is not None:
            rows, skipped = editors.measure(self.sizes.editors, EDITOR_CHANGES)
            for row in rows:
                self.add(row)
            self.skipped += skipped
        return self.rows

    def add(self, row: Row) -> None:
        self.rows.append(row)
        self.report(row)

    def province(self, shape: Shape) -> None:
        """A province's library: its first check, a second one from the cache, a fresh build, a rebuild after an edit.

        The edit turns the first `menit` of one SOP into `jam`: its totals change, so the SOPs that use it are made
        again too. Each ratio is to the row it follows from (the check, or the fresh build), not to the floor.
        """
        path = self.library(shape)
        (path / ".sopdsl.toml").write_text("", encoding="utf-8")  # so that the cache is path/.sopdsl_cache
        site = self.folder / "province-site"
        check = Command("sopdsl", "sopdsl check", ("check", str(path)), tree=True)
        build = Command("sopdsl", "sopdsl build --no-pdf", ("build", str(path), "-o", str(site), "--no-pdf"))
        edited = sorted(path.glob("*.sop"))[0]
        original = edited.read_text(encoding="utf-8")
        (floor,) = self.runner.time_all([_floor(path)])
        runs: dict[str, list[Timing]] = {"first": [], "cached": [], "fresh": [], "edit": []}
        for _ in range(self.runner.repeat):
            shutil.rmtree(path / ".sopdsl_cache", ignore_errors=True)
            runs["first"].append(self.runner.once(check))
            runs["cached"].append(self.runner.once(check))
            shutil.rmtree(site, ignore_errors=True)  # a fresh build: into an empty folder, with nothing to reuse
            runs["fresh"].append(self.runner.once(build))
            edited.write_text(original.replace(" menit", " jam", 1), encoding="utf-8")
            runs["edit"].append(self.runner.once(build))
            edited.write_text(original, encoding="utf-8")
        first, cached, built, edit = (Timing.of(taken) for taken in runs.values())
        name = _sops(shape.files, shape.steps)
        for row in (
            Row(name, "Lark floor (1 core)", floor),
            Row(name, "sopdsl check, empty cache (x floor)", first, floor, max_mb=LIBRARY_MB),
            Row(name, "check again, cached (x first check)", cached, first, CACHED_VS_FIRST),
            Row(name, "build --no-pdf, fresh (x first check)", built, first, BUILD_VS_CHECK),
            Row(name, "rebuild after one edit (x fresh build)", edit, built, REBUILD_VS_BUILD),
        ):
            self.add(row)

    def cold_start(self) -> None:
        """A check of one small SOP, as a commit hook runs it, against merely importing Lark."""
        path = self.sop(self.sizes.cold)
        cached = Command("sopdsl", "sopdsl check, cached", ("check", str(path)))
        for command in (*_per_sop(path, self.folder), _floor(path), _build(path, self.folder), cached):
            self.runner.warm(command)
        lark = Command("import-lark", 'python -c "import lark"')
        measured = [(_check(path), {"max_ratio": COLD_VS_IMPORT}), (cached, {"max_ratio": COLD_VS_IMPORT})]
        self.workload(_sops(1, self.sizes.cold), lark, measured)

    def workload(self, name: str, floor: Command, measured: Sequence[tuple[Command, dict[str, float]]],
                 repeat: int | None = None) -> None:
        """Time the floor and the commands side by side; each command's row carries the floor and its targets."""
        floor_timing, *timings = self.runner.time_all([floor, *(command for command, _ in measured)], repeat)
        rows = [Row(name, floor.label, floor_timing)]
        rows += [
            Row(name, c.label, t, floor_timing, **targets) for (c, targets), t in zip(measured, timings, strict=False)
        ]
        for row in rows:
            self.add(row)

    def sop(self, steps: int) -> Path:
        """One generated SOP of `steps` steps in a single flow (the hardest shape for flow analysis)."""
        (path,) = generate(self.folder / f"sop-{steps}", Shape(steps=steps))
        return path

    def library(self, shape: Shape) -> Path:
        path = self.folder / f"library-{shape.files}x{shape.steps}"
        generate(path, shape)
        return path


def _sops(files: int, steps: int) -> str:
    return f"{files:,} SOP{'s' if files > 1 else ''} x {steps:,} steps"


def _floor(path: Path) -> Command:
    return Command("floor", "Lark floor (1 core)", (str(path),))


def _check(path: Path, tree: bool = False) -> Command:
    """A check that neither reads nor writes the cache: each run parses and checks every file."""
    return Command("sopdsl", "sopdsl check", ("check", "--no-cache", str(path)), tree)


def _build(path: Path, scratch: Path) -> Command:
    return Command("sopdsl", "sopdsl build --no-pdf", ("build", str(path), "-o", str(scratch / "site"), "--no-pdf"))


def _per_sop(path: Path, scratch: Path) -> list[Command]:
    html = str(scratch / "render.html")
    return [
        _check(path),
        Command("sopdsl", "sopdsl stats", ("stats", str(path))),
        Command("sopdsl", "sopdsl fmt --check", ("fmt", "--check", str(path))),
        Command("sopdsl", "sopdsl render --to html", ("render", str(path), "--to", "html", "-o", html)),
    ]


# ---- the report -------------------------------------------------------------------------------------


def machine() -> list[str]:
    """What the figures were measured on."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _cpuinfo() if line.startswith("model name")), platform.processor()
    )
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"machine: {cpu}, {os.cpu_count()} cores ({usable} usable), {platform.system()} {platform.release()}",
        f"python {platform.python_version()} ({sys.executable}), lark {_version('lark')}, sopdsl {_version('sopdsl')}",
    ]


def load() -> str:
    return "load average: " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def _cpuinfo() -> list[str]:
    try:
        return Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def table(rows: Sequence[Row]) -> str:
    """The measurements, one line each: a command's ratio is to the floor measured on its workload."""
    header = ("workload", "command", "seconds", "cpu s", "peak MB", "all MB", "x floor", "target", "result")
    lines = [header] + [
        (
            row.workload,
            row.command,
            f"{row.timing.seconds:.3f}",
            f"{row.timing.cpu_seconds:.3f}",
            f"{row.timing.peak_mb:.0f}" if row.timing.peak_mb else "",
            f"{row.timing.tree_mb:.0f}" if row.timing.tree_mb else "",
            f"{row.ratio:.2f}" if row.ratio is not None else "",
            row.target,
            row.verdict,
        )
        for row in rows
    ]
    return _aligned(lines, numeric={2, 3, 4, 5, 6})


def scaling(rows: Sequence[Row], sizes: Sequence[int]) -> str:
    """Seconds per command at each SOP size, and t(next size) / t(size): about the size ratio when linear."""
    seconds: dict[tuple[str, str], float] = {(row.command, row.workload): row.timing.seconds for row in rows}
    workloads = [_sops(1, steps) for steps in sizes]
    steps_of = [f"{steps:,}" for steps in sizes]
    header = (
        "command",
        *[f"{n} steps" for n in steps_of],
        *[f"t({b})/t({a})" for a, b in zip(steps_of, steps_of[1:], strict=False)],
    )
    commands = list(dict.fromkeys(row.command for row in rows if row.workload in workloads))
    lines = [header]
    for command in commands:
        times = [seconds[command, workload] for workload in workloads]
        lines.append(
            (command, *[f"{t:.3f}" for t in times], *[f"{b / a:.1f}" for a, b in zip(times, times[1:], strict=False)])
        )
    return _aligned(lines, numeric=set(range(1, len(header))))


def _aligned(lines: Sequence[Sequence[str]], numeric: set) -> str:
    widths = [max(len(line[column]) for line in lines) for column in range(len(lines[0]))]
    rule = ["-" * width for width in widths]
    out = []
    for line in [lines[0], rule, *lines[1:]]:
        cells = [
            cell.rjust(w) if i in numeric else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=False))
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def summary(rows: Sequence[Row]) -> str:
    verdicts = [row.verdict for row in rows if row.verdict]
    return f"targets met: {verdicts.count('PASS')} of {len(verdicts)}"


# ---- command line -----------------------------------------------------------------------------------


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="smaller workloads, one repetition (under a minute)")
    mode.add_argument("--smoke", action="store_true", help="tiny workloads in this process: tests the benchmark only")
    mode.add_argument("--profile", action="store_true", help="profile the check of the --big SOP, in this process")
    parser.add_argument("--repeat", type=_positive, metavar="N", help="repetitions of each command (default: 3)")
    parser.add_argument("--scaling", type=_numbers, metavar="N,N,...", help="steps of the scaling SOPs")
    parser.add_argument("--big", type=_positive, metavar="N", help="steps of the SOP checked against its floor")
    parser.add_argument("--folder", type=_grid, metavar="FILESxSTEPS", help="the folder checked on all cores")
    parser.add_argument("--library", type=_grid, metavar="FILESxSTEPS", help="the large library")
    parser.add_argument("--cold", type=_positive, metavar="N", help="steps of the SOP for the cold start")
    parser.add_argument("--build-library", action="store_true", help="also build the large library (slow)")
    parser.add_argument("--province", type=_grid, metavar="FILESxSTEPS",
                        help="also a province's library (5000x25): check, cached check, build, rebuild after an edit")
    parser.add_argument("--pdf-sample", type=_positive, metavar="N",
                        help="SOPs of the library built with PDFs beside build --no-pdf and the browser alone")
    parser.add_argument("--editors", type=_numbers, metavar="N,N,...",
                        help="buffer sizes at which the language server and the web editor are timed")
    parser.add_argument("--no-peers", action="store_true", help="leave out bpmnlint and Graphviz dot")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="generate into DIR and keep it (default: temporary)")
    return parser.parse_args(argv)


def chosen_sizes(args: argparse.Namespace) -> Sizes:
    sizes = QUICK if args.quick else SMOKE if args.smoke else FULL
    given = {
        "repeat": args.repeat,
        "scaling": args.scaling,
        "big": args.big,
        "folder": args.folder,
        "library": args.library,
        "cold": args.cold,
        "build_library": args.build_library or None,
        "province": args.province,
        "pdf_sample": args.pdf_sample,
        "editors": args.editors,
        "peers": False if args.no_peers else None,
    }
    return replace(sizes, **{name: value for name, value in given.items() if value is not None})


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(argv)
    sizes = chosen_sizes(args)
    with tempfile.TemporaryDirectory(prefix="sopdsl-bench-") as temporary:
        folder = args.keep or Path(temporary)
        if args.profile:
            from .hotspots import profile_check

            profile_check(sizes.big, folder)
            return 0
        runner = InProcess() if args.smoke else ChildProcesses(sizes.repeat, folder)
        print("\n".join(machine()))
        print(load() + " (before)")
        benchmark = Benchmark(runner, sizes, folder, report=_progress)
        try:
            rows = benchmark.run()
        except MeasureError as error:
            print(f"bench: {error}", file=sys.stderr)
            return 2
        print(load() + " (after)")
        if args.smoke:
            print("\nsmoke run: each command once, inside this process; these figures are not measurements")
        print(
            f"\nmedian of {sizes.repeat} run(s) per command, taken in turn with its floor; cpu s counts worker "
            "processes too; peak MB is the largest resident set of one process, all MB the largest sum of the "
            "resident sets of all its processes together (sampled every 20 ms)\n"
        )
        print(table(rows))
        for reason in benchmark.skipped:
            print(f"not measured: {reason}")
        print(f"\nscaling with the size of one SOP\n\n{scaling(rows, sizes.scaling)}\n")
        print(summary(rows))
    return 0


def _progress(row: Row) -> None:
    print(f"  {row.workload}: {row.command}: {row.timing.seconds:.3f} s", file=sys.stderr, flush=True)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number, at least 1, not {value!r}")
    return int(value)


def _numbers(value: str) -> tuple[int, ...]:
    return tuple(_positive(part.strip()) for part in value.split(","))


def _grid(value: str) -> tuple[int, int]:
    files, _, steps = value.lower().partition("x")
    return _positive(files), _positive(steps)


if __name__ == "__main__":
    raise SystemExit(main())
