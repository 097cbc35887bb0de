"""The SARIF 2.1.0 report: one run whose driver lists every rule, with one result per finding."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..diagnostics import Severity
from ..rules import RULES
from .paths import repository_path

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/sopdsl/"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def report(diagnostics, sources, stream) -> None:
    json.dump(sarif_log(diagnostics), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def sarif_log(diagnostics) -> dict:
    rules = list(RULES.values())
    index = {rule.name: position for position, rule in enumerate(rules)}
    driver = {
        "name": "sopdsl",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_descriptor(rule) for rule in rules],
    }
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index[d.rule]) for d in diagnostics],
            }
        ],
    }


def _descriptor(rule) -> dict:
    explanation = rule.doc.split("\nIncorrect:", 1)[0].strip() or rule.summary
    return {
        "id": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": explanation},
        "help": {"text": rule.doc or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _result(diagnostic, rule_index: int) -> dict:
    location = {
        "artifactLocation": {"uri": _uri(diagnostic.path)},
        "region": {"startLine": diagnostic.line, "startColumn": diagnostic.column},
    }
    return {
        "ruleId": diagnostic.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": location}],
    }


def _uri(path: str) -> str:
    """A relative URI below the working folder (the repository root in CI), else an absolute file URI."""
    shown = Path(repository_path(path))
    return shown.as_uri() if shown.is_absolute() else quote(shown.as_posix())
