"""The rule contract: what a rule module declares, and what its `check` receives in each scope.

A rule is one module of `sopdsl/rules/`, named as the rule with `_` for `-`, and one line in the registry,
`RULE_MODULES` of `sopdsl/rules/__init__.py` (in the order of the CLI contract's table). The module's docstring
is the rule's user documentation: a first line saying what it catches, why that matters, then an indented
`Incorrect:` and `Correct:` example. Below a plain function `check`, the module declares its rule:

    RULE = Rule(name="missing-role", severity=Severity.ERROR, scope=Scope.SOP,
                summary="a step or decision has no `by`", doc=__doc__, check=check)

The checker calls `module.check(context)` (the same function, as `RULE.check`); the context depends on the scope:

- `Scope.SOP`: `check(SopContext) -> Iterable[Finding]`, once for each file that parses. The context holds
  the SOP (with the configured default calendar), its flow graphs, built once for all rules, the folder
  of its file (for the paths the header names), the day of the check and the evaluation interval.
- `Scope.LIBRARY`: `check(LibraryContext) -> Iterable[(path, Iterable[Finding])]`, once for the whole checked
  set, after the per-file rules. The context holds every loaded file, with the library record of each that
  parses, and whether a folder was checked (a library) or single files.
- `Scope.SUPPRESSIONS`: `check(SilenceReport) -> Iterable[Finding]`, once for each file with suppression
  comments, after every other rule: its silences, those that silenced a finding, and the rules that ran.
- `Scope.PARSER`: no `check`; the parser reports the rule's findings (`syntax-error`), and a file with one is
  not checked further.

A finding's severity is the rule's, unless the finding gives its own or the settings change it.
"""

from __future__ import annotations

import datetime
import enum
import inspect
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from attrs import field, frozen

from ..analysis import evaluation
from ..analysis.evaluation import DEFAULT_INTERVAL, Interval
from ..analysis.graph import FlowGraph, flow_graphs
from ..diagnostics import Severity
from ..i18n import language
from ..loading import SourceFile
from ..logo import logo_path, source_folder
from ..model import Sop, Span
from ..parse.vocabulary import HEADER
from ..suppressions import Silence


class Scope(str, enum.Enum):
    """What a rule looks at, and so what its `check` receives."""

    SOP = "sop"
    LIBRARY = "library"
    SUPPRESSIONS = "suppressions"
    PARSER = "parser"


class Finding(NamedTuple):
    """What a rule reports: where, what, and a severity when the rule's default does not apply."""

    span: Span
    message: str
    severity: Severity | None = None


class SopContext:
    """What a rule of SOP scope sees: one SOP, its flow graphs built once for all rules, its file's folder, the day."""

    __slots__ = ("sop", "graphs", "folder", "today", "interval")

    def __init__(self, sop: Sop, path: str | None = None, today: datetime.date | None = None,
                 interval: Interval = DEFAULT_INTERVAL):
        self.sop = sop
        self.graphs: tuple[FlowGraph, ...] = tuple(flow_graphs(sop))
        self.folder: Path | None = source_folder(path)  # where a relative `logo` path starts (None: the working one)
        self.today = today or evaluation.today()  # the day of the check
        self.interval = interval  # how long an evaluation (or `effective`) holds

    @property
    def logo_file(self) -> Path | None:
        """The file the SOP's `logo` names, found from `folder`: the one its rule reads and the cache watches."""
        return None if self.sop.logo is None else logo_path(self.sop.logo.value, self.folder)


def header_keyword(concept: str) -> str:
    """A header field's keyword in the language of the messages: `efektif` in Indonesian, `effective` in English."""
    return HEADER[concept].in_language(language())


class LibraryContext(NamedTuple):
    """What a rule of library scope sees: the checked set of files, whose SOPs refer to each other by id."""

    files: Sequence[SourceFile]
    is_library: bool  # a folder was checked; single files may simply lack the SOPs they refer to


class SilenceReport(NamedTuple):
    """What a rule of suppressions scope sees for one file: its silences, those that silenced a finding, rules run."""

    silences: tuple[Silence, ...]
    used: frozenset[Silence]
    enabled: frozenset[str]


SopCheck = Callable[[SopContext], Iterable[Finding]]
LibraryCheck = Callable[[LibraryContext], Iterable[tuple[str, Iterable[Finding]]]]
SuppressionCheck = Callable[[SilenceReport], Iterable[Finding]]


def _documentation(docstring: str | None) -> str:
    """The module docstring as documentation: indentation and surrounding blank lines removed."""
    return inspect.cleandoc(docstring or "")


def _check_fits_scope(rule: Rule, attribute: Any, check: Callable[..., Any] | None) -> None:
    """A parser rule has no `check`; every other rule has one."""
    needed = rule.scope is not Scope.PARSER
    if (check is not None) != needed:
        need = "needs a" if needed else "takes no"
        raise TypeError(f"rule '{rule.name}': a {rule.scope.value} rule {need} check function")


@frozen(kw_only=True)
class Rule:
    """A rule as its module declares it. Its module docstring is its user documentation."""

    name: str
    severity: Severity
    scope: Scope
    summary: str  # one line for `sopdsl rules` and the table of docs/rules.md
    doc: str = field(converter=_documentation, repr=False)
    check: Callable[..., Iterable[Any]] | None = field(default=None, validator=_check_fits_scope)
