"""Timing commands for the benchmark: as fresh child processes (the real measure) or in this process (a self-test)."""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .tree_memory import TreeMemory

FLOOR_PROGRAM = '''\
"""The Lark floor: a bare LALR parse of each file with sopdsl's grammar, Lark options and post-lexer."""
import importlib
import importlib.util
import sys
import types
from pathlib import Path


def parse_module(name):
    """sopdsl.parse.<name>, without running the packages' __init__ (it imports the transformer and model)."""
    if "sopdsl.parse" not in sys.modules:
        root = Path(importlib.util.find_spec("sopdsl").submodule_search_locations[0])
        for package, folder in (("sopdsl", root), ("sopdsl.parse", root / "parse")):
            sys.modules[package] = types.ModuleType(package)
            sys.modules[package].__path__ = [str(folder)]
    return importlib.import_module("sopdsl.parse." + name)


def build_parser(comments):
    """Lark as sopdsl.parse.parser builds it, with no transformer: lexed comments are appended to `comments`."""
    from lark import Lark

    return Lark(
        parse_module("grammar").grammar_text(),
        parser="lalr",
        lexer="contextual",
        postlex=parse_module("indenter").SopIndenter(),
        lexer_callbacks={"COMMENT": comments.append},
        cache=True,
        maybe_placeholders=False,
    )


def parse_all(paths):
    comments = []
    lark = build_parser(comments)
    files = [f for p in map(Path, paths) for f in (sorted(p.rglob("*.sop")) if p.is_dir() else [p])]
    for path in files:
        comments.clear()
        lark.parse(path.read_bytes().decode("utf-8") + "\\n")


if __name__ == "__main__":
    parse_all(sys.argv[1:])
'''
"""The program the floor runs: what a Lark-based tool cannot avoid doing. The parser is built exactly as
sopdsl.parse.parser builds it, minus the transformer; folders are read as the CLI reads them."""


@dataclass(frozen=True)
class Command:
    """What to run, and its name in the table: `kind` is "sopdsl" (the CLI with `args`), "floor" (FLOOR_PROGRAM
    on the paths in `args`), "program" (another program: `args` is its whole command line) or "import-lark".
    With `tree`, the memory of the process and all its descendants together is sampled while it runs."""

    kind: str
    label: str
    args: Sequence[str] = ()
    tree: bool = False


@dataclass(frozen=True)
class Timing:
    """A command's figures: median wall-clock and CPU seconds of the repetitions, largest peak memory in MB.

    CPU seconds are user and system time of the process and of the worker processes it waited for. `peak_mb` is
    the largest single process; `tree_mb`, where sampled, all the processes of the command together (0: not sampled).
    """

    seconds: float
    cpu_seconds: float
    peak_mb: float
    tree_mb: float = 0.0

    @classmethod
    def of(cls, runs: Sequence[Timing]) -> Timing:
        return cls(
            statistics.median(run.seconds for run in runs),
            statistics.median(run.cpu_seconds for run in runs),
            max(run.peak_mb for run in runs),
            max(run.tree_mb for run in runs),
        )


class MeasureError(Exception):
    """A measured command failed, so its time means nothing."""


class _Runner:
    """Times commands; each repetition runs every command of a group once, in turn, so that a change in the
    machine's load between repetitions affects a command and its floor alike."""

    repeat = 1
    accepted: Sequence[int] = (0,)
    """The exit codes of a command that ran as it should (1 where findings are expected)."""

    def time_all(self, commands: Sequence[Command], repeat: int | None = None) -> list[Timing]:
        """Each command's timing over `repeat` rounds (default: the runner's)."""
        runs: list[list[Timing]] = [[] for _ in commands]
        for _ in range(repeat or self.repeat):
            for command, taken in zip(commands, runs, strict=False):
                taken.append(self.once(command))
        return [Timing.of(taken) for taken in runs]

    def warm(self, command: Command) -> None:
        """Run once, untimed: fills the bytecode and grammar caches, as on a machine that ran sopdsl before."""
        self.once(command)

    def once(self, command: Command) -> Timing:
        raise NotImplementedError


class ChildProcesses(_Runner):
    """Runs each command as a fresh process, as a shell, hook or CI job would, and measures it from outside.

    Peak memory is the child's maximum resident set size as wait4 reports it: with a pool of workers, that of
    the largest process, not their sum. The children write their bytecode cache under `scratch`
    (PYTHONPYCACHEPREFIX), so after the first run they start as an installed tool does, even where
    PYTHONDONTWRITEBYTECODE is set.
    """

    def __init__(self, repeat: int, scratch: Path, accepted: Sequence[int] = (0,)) -> None:
        self.repeat, self.accepted = repeat, accepted
        self.environment = dict(os.environ, PYTHONPYCACHEPREFIX=str(scratch / "pycache"))
        self.environment.pop("PYTHONDONTWRITEBYTECODE", None)
        self.sopdsl = str(Path(sys.executable).parent / "sopdsl")

    def argv(self, command: Command) -> list[str]:
        if command.kind == "sopdsl":
            return [self.sopdsl, *command.args]
        if command.kind == "floor":
            return [sys.executable, "-c", FLOOR_PROGRAM, *command.args]
        if command.kind == "program":
            return list(command.args)
        return [sys.executable, "-c", "import lark"]

    def once(self, command: Command) -> Timing:
        with tempfile.TemporaryFile() as errors:
            start = time.perf_counter()
            child = subprocess.Popen(
                self.argv(command), stdout=subprocess.DEVNULL, stderr=errors, env=self.environment
            )
            sampler = TreeMemory(child.pid) if command.tree else None
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - start
            tree_mb = sampler.stop() if sampler is not None else 0.0
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode not in self.accepted:
                errors.seek(0)
                message = errors.read().decode("utf-8", "replace").strip().splitlines()[-5:]
                raise MeasureError(f"{command.label} exited {child.returncode}: " + " / ".join(message))
        return Timing(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, tree_mb)


class InProcess(_Runner):
    """Runs each command once inside this process: a quick self-test of the benchmark, not a measurement."""

    def __init__(self, accepted: Sequence[int] = (0,)) -> None:
        self.accepted = accepted
        self.floor: dict[str, object] = {"__name__": "bench_floor"}
        exec(compile(FLOOR_PROGRAM, "<lark floor>", "exec"), self.floor)

    def warm(self, command: Command) -> None:
        """Nothing to warm: this process has its caches already."""

    def once(self, command: Command) -> Timing:
        work = self._work(command)
        before = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as errors:
            code = work()
        seconds = time.perf_counter() - start
        if (code or 0) not in self.accepted:
            raise MeasureError(f"{command.label} exited {code}: {errors.getvalue().strip()}")
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return Timing(seconds, cpu, after.ru_maxrss / 1024)

    def _work(self, command: Command) -> Callable[[], object]:
        if command.kind == "sopdsl":
            from sopdsl.cli import main

            return lambda: main(list(command.args))
        if command.kind == "floor":
            return lambda: self.floor["parse_all"](command.args)
        if command.kind == "program":
            return lambda: subprocess.run(command.args, stdout=subprocess.DEVNULL, check=False).returncode
        return _import_lark


def _import_lark() -> int:
    importlib.import_module("lark")
    return 0
