"""The checker: parses each file, runs the rules on every SOP and on the library, sorts the findings."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Sequence

from attrs import define, frozen

from .diagnostics import Diagnostic, Severity
from .model import Sop
from .parse import SopSyntaxError, parse_text, read_source
from .rules import RULES, Rule


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

    @property
    def by_id(self) -> Dict[str, SourceFile]:
        return {f.sop.id: f for f in self.files if f.sop is not None}


@frozen
class RuleContext:
    """What a per-file rule sees: the SOP, its file and the library around it."""

    sop: Sop
    file: SourceFile
    library: Library


def load(path: Path) -> SourceFile:
    """Read and parse one file; a syntax error becomes its `syntax-error` diagnostic."""
    text = None
    try:
        text = read_source(path)
        return SourceFile(str(path), text, parse_text(text), None)
    except SopSyntaxError as error:
        diagnostic = Diagnostic(str(path), error.line, error.column, Severity.ERROR, "syntax-error", error.message)
        return SourceFile(str(path), text, None, diagnostic)


def check_library(library: Library, rules: Sequence[Rule] = tuple(RULES.values())) -> List[Diagnostic]:
    """Every finding of the given rules on every file of the library, sorted by path, line, column."""
    diagnostics = [f.error for f in library.files if f.error is not None]
    for file in library.files:
        if file.sop is None:
            continue
        context = RuleContext(file.sop, file, library)
        for rule in rules:
            if rule.scope == "sop":
                diagnostics.extend(_diagnose(rule, file.path, rule.check(context)))
    for rule in rules:
        if rule.scope == "library":
            for path, findings in rule.check(library):
                diagnostics.extend(_diagnose(rule, path, findings))
    return sorted(diagnostics, key=lambda d: d.sort_key)


def _diagnose(rule: Rule, path: str, findings):
    for finding in findings:
        yield Diagnostic(
            path,
            finding.span.line,
            finding.span.column,
            finding.severity or rule.severity,
            rule.name,
            finding.message,
        )


def check_paths(paths: Sequence[Path], is_library: bool) -> List[Diagnostic]:
    """Check the files as one set: a library when a folder was given."""
    return check_library(Library([load(p) for p in paths], is_library))
