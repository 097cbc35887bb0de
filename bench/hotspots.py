"""Where the time of one large check goes: `sopdsl check` under cProfile in this process, imports included."""

from __future__ import annotations

import contextlib
import cProfile
import io
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .generate import Shape, generate
from .measure import ChildProcesses, Command

TOP = 25
PHASES = (
    ("import machinery", "_find_and_load", "imports (all modules)"),
    ("sopdsl.parse.parser", "parse_text", "parsing: Lark, the indenter and the transformer"),
    ("sopdsl.parse.transformer", None, "  of which the transformer's callbacks"),
    ("sopdsl.rules", None, "rules, with the flow analysis they call"),
    ("sopdsl.analysis", None, "flow and timing analysis (called by rules and the checker)"),
    ("sopdsl.reporters", None, "reporting the findings"),
)
"""Parts of a check: the cumulative time of one function, or else of the calls entering a module from elsewhere.
The parts overlap where one calls another (an import made while parsing counts in both)."""


def profile_check(steps: int, folder: Path, out: TextIO = sys.stdout) -> None:
    """Profile `sopdsl check` of one generated SOP of `steps` steps, and print its hot spots to `out`."""
    (path,) = generate(folder / f"profile-{steps}", Shape(steps=steps))
    command = Command("sopdsl", "sopdsl check", ("check", "--no-cache", str(path)))
    ChildProcesses(1, folder).warm(command)  # compiles the modules into the bytecode cache used below
    profiler = cProfile.Profile()
    with _bytecode_cache(folder / "pycache"), contextlib.redirect_stdout(io.StringIO()):
        start = time.perf_counter()
        code = profiler.runcall(_check, str(path))
        seconds = time.perf_counter() - start
    stats = pstats.Stats(profiler).stats
    print(f"sopdsl check of 1 SOP x {steps:,} steps: exit {code}, {seconds:.2f} s under the profiler", file=out)
    print("(the profiler slows many small calls, so compare shares, not seconds, with the benchmark)\n", file=out)
    for title, column in (("cumulative", 3), ("own (total) time", 2)):
        print(f"top {TOP} functions by {title}\n", file=out)
        print(_functions(stats, column), file=out)
        print(file=out)
    print("time by part (cumulative, from the calls entering each part)\n", file=out)
    print(_phases(stats, seconds), file=out)
    print("\nown time by module\n", file=out)
    print(_modules(stats, seconds), file=out)


@contextlib.contextmanager
def _bytecode_cache(prefix: Path) -> Iterator[None]:
    """Import from the bytecode cache the child process wrote, as an installed tool would; then restore."""
    saved = sys.pycache_prefix, sys.dont_write_bytecode
    sys.pycache_prefix, sys.dont_write_bytecode = str(prefix), False
    try:
        yield
    finally:
        sys.pycache_prefix, sys.dont_write_bytecode = saved


def _check(path: str) -> int:
    from sopdsl.cli import main  # imported here so that the imports are profiled too

    return main(["check", "--no-cache", path])


def _functions(stats: dict, column: int) -> str:
    ranked = sorted(stats.items(), key=lambda item: item[1][column], reverse=True)[:TOP]
    lines = [f"{'calls':>10}  {'own s':>7}  {'cum s':>7}  function"]
    for (filename, line, name), (_, calls, own, cumulative, _) in ranked:
        lines.append(f"{calls:>10}  {own:7.3f}  {cumulative:7.3f}  {_module(filename)}:{line}({name})")
    return "\n".join(lines)


def _modules(stats: dict, seconds: float) -> str:
    """Own time summed per module: the parser (lark.*), the transformer, the rules, imports, built-ins."""
    own: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, self_time, _, _) in stats.items():
        own[_module(filename)] += self_time
    ranked: list[tuple[str, float]] = sorted(own.items(), key=lambda item: item[1], reverse=True)[:TOP]
    return "\n".join(f"{share:7.3f} s  {share / seconds:6.1%}  {module}" for module, share in ranked)


def _phases(stats: dict, seconds: float) -> str:
    lines = []
    for prefix, function, title in PHASES:
        entered = _cumulative(stats, prefix, function) if function else _entered(stats, prefix)
        lines.append(f"{entered:7.3f} s  {entered / seconds:6.1%}  {title}")
    return "\n".join(lines)


def _cumulative(stats: dict, module: str, function: str) -> float:
    """The time in the outermost calls of `module`.`function`, all it calls included."""
    return sum(
        cumulative
        for (filename, _, name), (_, _, _, cumulative, _) in stats.items()
        if name == function and _module(filename) == module
    )


def _entered(stats: dict, prefix: str) -> float:
    """Seconds spent in the modules named `prefix` (and what they call), counted where calls come in from outside."""

    def inside(filename: str) -> bool:
        module = _module(filename)
        return module == prefix or module.startswith(prefix + ".")

    return sum(
        edge[3]
        for (filename, _, _), (*_, callers) in stats.items()
        if inside(filename)
        for (caller, _, _), edge in callers.items()
        if not inside(caller)
    )


def _module(filename: str) -> str:
    """A dotted module name for a profiled file; built-in functions and import machinery are named as such."""
    if filename == "~":
        return "built-in functions"
    if filename.startswith("<frozen importlib"):
        return "import machinery"
    path = Path(filename)
    roots = [Path(entry).resolve() for entry in sys.path if entry]
    inside = [root for root in roots if root in path.parents]
    if not inside:
        return filename
    parts = list(path.relative_to(max(inside, key=lambda root: len(root.parts))).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)
