"""What a rule is: a name, a severity, its documentation and a check over one SOP or a library."""

from __future__ import annotations

import inspect
from typing import Callable, Iterable, NamedTuple, Optional

from ..diagnostics import Severity
from ..model import Span


class Finding(NamedTuple):
    """What a rule reports: where, what, and a severity when the rule's default does not apply."""

    span: Span
    message: str
    severity: Optional[Severity] = None


class Rule(NamedTuple):
    """A registered rule. Its module docstring is its user documentation."""

    name: str
    severity: Severity
    summary: str
    doc: str
    check: Optional[Callable[..., Iterable[Finding]]]
    scope: str  # "sop": check(context) per file; "library": check(library) once; "parser": reported by the parser


def rule(name: str, severity: Severity, summary: str, scope: str = "sop"):
    """Declare the rule of the calling module; the module's docstring becomes its documentation."""

    def register(check):
        module = inspect.getmodule(check)
        return Rule(name, severity, summary, inspect.cleandoc(module.__doc__ or ""), check, scope)

    return register
