"""The GitHub Actions report: one `::error file=…,line=…,col=…,title=rule::message` workflow command per finding."""

from __future__ import annotations

from ..diagnostics import Severity
from .paths import repository_path

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def report(diagnostics, sources, stream) -> None:
    for d in diagnostics:
        properties = {"file": repository_path(d.path), "line": d.line, "col": d.column, "title": d.rule}
        written = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
        stream.write(f"::{COMMANDS[d.severity]} {written}::{escape_data(d.message)}\n")


def escape_data(text: str) -> str:
    """A command's message, escaped as the runner expects: %, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: escaped as a message, and also : and , that would end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
