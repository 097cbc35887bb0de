"""Diagnostics: one finding of one rule at a line and column of a file."""

from __future__ import annotations

import enum
from typing import NamedTuple


class Severity(str, enum.Enum):
    """How bad a finding is; errors fail `sopdsl check`, warnings only with --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


class Diagnostic(NamedTuple):
    """A finding as reporters print it: `path:line:column: severity rule message`."""

    path: str
    line: int
    column: int
    severity: Severity
    rule: str
    message: str
    end_line: int = 0  # the last character's place; 0: the same as line and column
    end_column: int = 0

    @property
    def end(self) -> tuple:
        """(line, column) of the finding's last character: its start where no end is known."""
        if self.end_line <= 0:
            return self.line, self.column
        return self.end_line, max(self.end_column, self.column if self.end_line == self.line else 1)

    @property
    def sort_key(self):
        return (self.path, self.line, self.column, self.rule, self.message)

    @property
    def line_text(self) -> str:
        """The finding on one line, as every command prints it: `path:line:column: severity rule message`."""
        return f"{self.path}:{self.line}:{self.column}: {self.severity} {self.rule} {self.message}"

    def as_json(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "rule": self.rule,
            "message": self.message,
        }
