"""The checker: parses each file and runs its rules (on all cores for many files), then the library's rules."""

from __future__ import annotations

import math
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from .cache import CheckCache, logo_state
from .config import DEFAULTS, Config
from .diagnostics import Diagnostic
from .library_record import library_record
from .loading import SourceFile, load, parse_file, standard_input_given
from .model import Sop
from .rules import RULES, Finding, Rule, Scope
from .rules.base import LibraryContext, SilenceReport, SopContext
from .suppressions import apply

POOL_THRESHOLD = 16  # up to this many files are checked in this process: starting workers would cost more
CHUNKS_PER_WORKER = 4  # enough chunks per worker to even out files of different sizes


class Checked(NamedTuple):
    """The outcome of a check: the files read, in the order given, the findings, sorted, and how many
    findings each file's suppressions silenced (a silence is a decision a reviewer must be able to see)."""

    files: tuple[SourceFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    silenced: Mapping[str, int] = {}


def check_paths(
    paths: Sequence[Path],
    is_library: bool,
    config: Config = DEFAULTS,
    jobs: int | None = None,
    models: bool = False,
    cache: CheckCache | None = None,
) -> Checked:
    """Check the files as one set (a library when a folder was given), on `jobs` processes for many files.

    With `models`, each parsed file keeps its whole model (`SourceFile.sop`); else a `cache` gives the outcome
    of each unchanged file, and keeps the outcome of each file checked.
    """
    jobs = jobs or available_cores()
    names = [str(path) for path in paths]
    cache = None if models else cache
    known = {} if cache is None else {name: hit for name in names if (hit := cache.lookup(name)) is not None}
    work = partial(_load_and_check, config=config, models=models, cache=cache)
    missing = [name for name in names if name not in known]
    if jobs > 1 and len(missing) > POOL_THRESHOLD:
        known.update(zip(missing, on_pool(work, missing, jobs), strict=True))
    else:
        known.update(zip(missing, map(work, missing), strict=True))
    results = [known[name] for name in names]
    library = LibraryContext([file for file, _ in results], is_library)
    diagnostics, silenced = library_diagnostics(library, [d for _, found in results for d in found], config)
    return Checked(tuple(library.files), diagnostics, silenced)


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def on_pool(work, items: Sequence, jobs: int) -> list:
    """`work` mapped over the items (files, or pages to make) on `jobs` worker processes, in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # costs a few hundredths of a second: only when used

    from .parse import prepare

    prepare()  # forked workers inherit the parser built here, rather than each loading the grammar again
    # Forking is safe on Linux and starts a worker in a millisecond; elsewhere the platform's default is kept.
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    chunksize = math.ceil(len(items) / (jobs * CHUNKS_PER_WORKER))
    from .i18n import language, use

    # Workers speak the language of the messages, also where they are spawned rather than forked.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=use, initargs=(language(),)) as pool:
        return list(pool.map(work, items, chunksize=chunksize))


def _load_and_check(path: str, config: Config, models: bool, cache: CheckCache | None = None
                    ) -> tuple[SourceFile, list[Diagnostic]]:
    """Load one file, run the per-file rules on it and keep its library record: what a pool worker does."""
    text, sop, error = parse_file(Path(path), config.calendar)
    context = None if sop is None else sop_context(sop, path, config)
    file, found = _checked(path, text, error, context, config)
    if cache is not None and text is not None and not standard_input_given(path):
        logo = () if context is None else logo_state(None if context.logo_file is None else str(context.logo_file))
        _remember(cache, file, found, logo)
    return (file if models else file._replace(sop=None)), found


def check_parsed(path: str, text: str | None, sop: Sop | None, error: Diagnostic | None, config: Config
                 ) -> tuple[SourceFile, list[Diagnostic]]:
    """A parsed text's per-file findings, and the file with its model and library record (or its syntax error)."""
    return _checked(path, text, error, None if sop is None else sop_context(sop, path, config), config)


def sop_context(sop: Sop, path: str, config: Config) -> SopContext:
    """What the rules of SOP scope see of one file's SOP under the settings."""
    return SopContext(sop, path, config.today, config.evaluation_interval)


def _checked(path: str, text: str | None, error: Diagnostic | None, context: SopContext | None, config: Config
             ) -> tuple[SourceFile, list[Diagnostic]]:
    """The file with its model and library record and its per-file findings; its syntax error without a model."""
    if context is None:
        return SourceFile(path, text, error), [error] if error is not None else []
    file = SourceFile(path, text, None, library_record(context.sop, context.graphs), context.sop)
    return file, _rule_diagnostics(context, path, config)


def _remember(cache: CheckCache, file: SourceFile, found: list[Diagnostic], logo: tuple) -> None:
    """Cache the outcome, unless the file changed since it was parsed (the bytes on disk are what is keyed)."""
    from .parse.source import SopSyntaxError, decode_source

    try:
        data = Path(file.path).read_bytes()
        if decode_source(data) == file.text:
            cache.store(file, data, logo, found)
    except (OSError, SopSyntaxError):
        return


def load_paths(paths: Sequence[Path], config: Config = DEFAULTS, jobs: int | None = None) -> list[SourceFile]:
    """The files read and parsed, each with its library record but not its model, on `jobs` processes for many."""
    jobs = jobs or available_cores()
    work = partial(_load_record, calendar=config.calendar)
    names = [str(path) for path in paths]
    return on_pool(work, names, jobs) if jobs > 1 and len(names) > POOL_THRESHOLD else list(map(work, names))


def _load_record(path: str, calendar) -> SourceFile:
    """One file loaded with its library record, its model dropped: what a pool worker sends back."""
    return load(Path(path), calendar)._replace(sop=None)


def file_diagnostics(file: SourceFile, config: Config) -> list[Diagnostic]:
    """The file's syntax error, or the findings of the per-file rules on its SOP."""
    if file.sop is None:
        return [file.error] if file.error is not None else []
    return _rule_diagnostics(sop_context(file.sop, file.path, config), file.path, config)


def _rule_diagnostics(context: SopContext, path: str, config: Config) -> list[Diagnostic]:
    """The findings of every enabled rule of SOP scope, each called as `module.check(context)`."""
    found: list[Diagnostic] = []
    for rule, check in _enabled(config, Scope.SOP):
        found.extend(_diagnose(rule, path, check(context), config))
    return found


def library_diagnostics(library: LibraryContext, per_file: list[Diagnostic], config: Config
                        ) -> tuple[tuple[Diagnostic, ...], dict[str, int]]:
    """The per-file findings, with the library rules' findings added, suppressions applied and reported, sorted;
    and how many findings each file's suppressions silenced."""
    diagnostics = list(per_file)
    for rule, check in _enabled(config, Scope.LIBRARY):
        for path, findings in check(library):
            diagnostics.extend(_diagnose(rule, path, findings, config))
    silences_by_path = {file.path: file.record.silences for file in library.files if file.record is not None}
    kept, used = apply(diagnostics, silences_by_path)
    silenced = Counter(d.path for d in diagnostics)
    silenced.subtract(d.path for d in kept)
    enabled = frozenset(name for name in RULES if config.enabled(name))
    for rule, check in _enabled(config, Scope.SUPPRESSIONS):
        for path, found in silences_by_path.items():
            if found:
                report = SilenceReport(found, frozenset(used.get(path, ())), enabled)
                kept.extend(_diagnose(rule, path, check(report), config))
    return tuple(sorted(kept, key=lambda d: d.sort_key)), {path: n for path, n in silenced.items() if n}


def _enabled(config: Config, scope: Scope) -> list[tuple[Rule, Callable[..., Iterable[Any]]]]:
    """The rules of the scope that the settings let run, each with its `check`, in registry order."""
    return [(rule, rule.check) for rule in RULES.values()
            if rule.scope == scope and rule.check is not None and config.enabled(rule.name)]


def _diagnose(rule: Rule, path: str, findings: Iterable[Finding], config: Config) -> Iterable[Diagnostic]:
    """The rule's findings on the file as diagnostics, at the configured, the finding's or the rule's severity."""
    configured = config.severity.get(rule.name)
    if config.ignored_in(path, rule.name):
        return
    for finding in findings:
        severity = configured or finding.severity or rule.severity
        span = finding.span
        yield Diagnostic(path, span.line, span.column, severity, rule.name, finding.message,
                         span.end_line, span.end_column)
