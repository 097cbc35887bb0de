"""The checker: parses each file and runs its rules (on all cores for many files), then the library's rules."""

from __future__ import annotations

import math
import os
from functools import partial
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Tuple

import attrs
from attrs import define, field, frozen

from .analysis.graph import FlowGraph, flow_graphs
from .config import DEFAULTS, Config
from .diagnostics import Diagnostic, Severity
from .files import UsageError
from .model import Calendar, Sop
from .parse import SopSyntaxError, parse_text, read_source
from .rules import RULES, Finding, Rule
from .suppressions import SilenceReport, apply, silences

POOL_THRESHOLD = 16  # up to this many files are checked in this process: starting workers would cost more
CHUNKS_PER_WORKER = 4  # enough chunks per worker to even out files of different sizes


@frozen
class SourceFile:
    """One file of the checked set: its text and model, or the syntax error that stopped it."""

    path: str
    text: Optional[str]
    sop: Optional[Sop]
    error: Optional[Diagnostic]


@define
class Library:
    """The checked set of files; SOPs refer to each other by id across it."""

    files: List[SourceFile]
    is_library: bool


@frozen
class RuleContext:
    """What a per-file rule sees: its SOP, its file and the SOP's flow graphs, built once for all rules.

    A rule that looks at other files has library scope.
    """

    sop: Sop
    file: SourceFile
    graphs: Tuple[FlowGraph, ...] = field(init=False, eq=False, repr=False)

    @graphs.default
    def _build_graphs(self) -> Tuple[FlowGraph, ...]:
        return tuple(flow_graphs(self.sop))


@frozen
class Checked:
    """The outcome of a check: the files read, in the order given, and the findings, sorted."""

    files: Tuple[SourceFile, ...]
    diagnostics: Tuple[Diagnostic, ...]


def load(path: Path, calendar: Optional[Calendar] = None) -> SourceFile:
    """Read and parse one file; a syntax error becomes its `syntax-error` diagnostic.

    `calendar` is the configured default, given to an SOP without a `calendar:` block of its own.
    """
    text = None
    try:
        text = read_source(path)
        sop = parse_text(text)
    except SopSyntaxError as error:
        diagnostic = Diagnostic(str(path), error.line, error.column, Severity.ERROR, "syntax-error", error.message)
        return SourceFile(str(path), text, None, diagnostic)
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None
    if calendar is not None and sop.calendar is None:
        sop = attrs.evolve(sop, calendar=calendar)
    return SourceFile(str(path), text, sop, None)


def check_paths(
    paths: Sequence[Path], is_library: bool, config: Config = DEFAULTS, jobs: Optional[int] = None
) -> Checked:
    """Check the files as one set (a library when a folder was given), on `jobs` processes for many files."""
    jobs = jobs or os.cpu_count() or 1
    work = partial(_load_and_check, config=config)
    names = [str(path) for path in paths]
    if jobs > 1 and len(names) > POOL_THRESHOLD:
        from concurrent.futures import ProcessPoolExecutor  # costs a tenth of a second to import: only when used

        chunksize = math.ceil(len(names) / (jobs * CHUNKS_PER_WORKER))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(work, names, chunksize=chunksize))
    else:
        results = list(map(work, names))
    library = Library([file for file, _ in results], is_library)
    diagnostics = _complete(library, [d for _, found in results for d in found], config)
    return Checked(tuple(library.files), diagnostics)


def check_library(library: Library, config: Config = DEFAULTS) -> List[Diagnostic]:
    """Every finding on every file of an already loaded library, suppressions applied, sorted."""
    per_file = [d for file in library.files for d in _file_diagnostics(file, config)]
    return list(_complete(library, per_file, config))


def _load_and_check(path: str, config: Config) -> Tuple[SourceFile, List[Diagnostic]]:
    """Parse one file and run the per-file rules on it: what a pool worker does."""
    file = load(Path(path), config.calendar)
    return file, _file_diagnostics(file, config)


def _file_diagnostics(file: SourceFile, config: Config) -> List[Diagnostic]:
    if file.sop is None:
        return [file.error]
    context = RuleContext(file.sop, file)
    found: List[Diagnostic] = []
    for rule in _enabled(config, "sop"):
        found.extend(_diagnose(rule, file.path, rule.check(context), config))
    return found


def _complete(library: Library, per_file: List[Diagnostic], config: Config) -> Tuple[Diagnostic, ...]:
    """The per-file findings, with the library rules' findings added, suppressions applied and reported, sorted."""
    diagnostics = list(per_file)
    for rule in _enabled(config, "library"):
        for path, findings in rule.check(library):
            diagnostics.extend(_diagnose(rule, path, findings, config))
    silences_by_path = {file.path: silences(file.sop) for file in library.files if file.sop is not None}
    kept, used = apply(diagnostics, silences_by_path)
    enabled = frozenset(name for name in RULES if config.enabled(name))
    for rule in _enabled(config, "suppressions"):
        for path, found in silences_by_path.items():
            if found:
                report = SilenceReport(found, frozenset(s for s in found if s in used), enabled)
                kept.extend(_diagnose(rule, path, rule.check(report), config))
    return tuple(sorted(kept, key=lambda d: d.sort_key))


def _enabled(config: Config, scope: str) -> List[Rule]:
    return [rule for rule in RULES.values() if rule.scope == scope and config.enabled(rule.name)]


def _diagnose(rule: Rule, path: str, findings: Iterable[Finding], config: Config) -> Iterable[Diagnostic]:
    configured = config.severity.get(rule.name)
    for finding in findings:
        severity = configured or finding.severity or rule.severity
        yield Diagnostic(path, finding.span.line, finding.span.column, severity, rule.name, finding.message)
