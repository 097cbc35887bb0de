"""The findings on an open buffer: its own rules' and the library rules' against the workspace, as LSP diagnostics."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from lsprotocol import types

from .. import __version__
from ..checker import check_parsed, library_diagnostics
from ..diagnostics import Diagnostic, Severity
from ..loading import SourceFile, parse_source
from ..rules.base import LibraryContext
from .positions import finding_range
from .workspace import Index

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
SOURCE = "sopdsl"


def analyse(path: str, text: str, index: Index) -> tuple[SourceFile, list[Diagnostic]]:
    """The buffer parsed (with its model) and its findings, the library rules run on it and its neighbours."""
    config = index.config
    sop, error = parse_source(path, text, config.calendar)
    file, per_file = check_parsed(path, text, sop, error, config)
    library = LibraryContext(index.neighbours(file), True)
    found, _ = library_diagnostics(library, per_file, config)
    return file, [finding for finding in found if finding.path == path]


def to_lsp(findings: Sequence[Diagnostic], lines: Sequence[str]) -> list[types.Diagnostic]:
    """The findings as LSP diagnostics, each with its rule as code and a link to the rule's documentation."""
    return [
        types.Diagnostic(
            range=finding_range(lines, d.line, d.column, d.end_line, d.end_column),
            message=d.message,
            severity=SEVERITIES[d.severity],
            code=d.rule,
            code_description=types.CodeDescription(href=rule_link(d.rule)),
            source=SOURCE,
        )
        for d in findings
    ]


def rule_link(rule: str) -> str:
    """The address of the rule's section of the rules reference."""
    return f"{rules_page().as_uri()}#{rule}"


@cache
def rules_page() -> Path:
    """The rules reference: docs/rules.md of a checkout, else the same page written once into the user's cache."""
    checkout = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    if checkout.is_file():
        return checkout
    from ..rules.docs import render

    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    page = cache_home / "sopdsl" / f"rules-{__version__}.md"
    if not page.is_file():
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(render(), encoding="utf-8")
    return page
