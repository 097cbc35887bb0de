"""The SARIF 2.1.0 report: one run whose driver lists every rule, with one result per finding."""

from __future__ import annotations

import json

from ..diagnostics import Severity
from ..rules import RULES
from ..version import __version__
from .fingerprints import fingerprints
from .paths import artifact_base, artifact_uri

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
BASE_ID = "%SRCROOT%"
FINGERPRINT = "sopdslFinding/v1"


def report(diagnostics, sources, stream) -> None:
    json.dump(sarif_log(diagnostics, sources), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def failure(message: str, stream) -> None:
    """A valid log for a run that could not check anything: no result, and why, as a tool notification."""
    json.dump(sarif_log([], {}, failure=message), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def sarif_log(diagnostics, sources, failure: str | None = None) -> dict:
    """The whole log; paths are relative to one base folder, named %SRCROOT%."""
    rules = list(RULES.values())
    index = {rule.name: position for position, rule in enumerate(rules)}
    base = artifact_base([d.path for d in diagnostics])
    prints = fingerprints(diagnostics, sources)
    invocation: dict[str, object] = {"executionSuccessful": failure is None}
    if failure is not None:
        invocation["toolExecutionNotifications"] = [{"level": "error", "message": {"text": failure}}]
    run = {
        "tool": {"driver": {"name": "sopdsl", "version": __version__, "rules": [_descriptor(r) for r in rules]}},
        "invocations": [invocation],
        "originalUriBaseIds": {BASE_ID: {"uri": base.as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, index[d.rule], base, prints[position]) for position, d in enumerate(diagnostics)],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _descriptor(rule) -> dict:
    explanation = rule.doc.split("\nIncorrect:", 1)[0].strip() or rule.summary
    return {
        "id": rule.name,
        "name": "".join(word.capitalize() for word in rule.name.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": explanation},
        "help": {"text": rule.doc or rule.summary, "markdown": _markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _markdown(rule) -> str:
    """The rule's documentation as Markdown: its examples (indented in the docstring) become code blocks."""
    lines: list[str] = [f"**{rule.name}** ({rule.severity.value}): {rule.summary}", ""]
    in_code = False
    for line in (rule.doc or "").splitlines():
        code = line.startswith("    ")
        if code and not in_code:
            lines.append("```")
        elif not code and in_code and line.strip():
            lines.append("```")
        in_code = code or (in_code and not line.strip())
        lines.append(line[4:] if code else line)
    if in_code:
        lines.append("```")
    return "\n".join(lines).strip() + "\n"


def _result(diagnostic, rule_index: int, base, fingerprint: str) -> dict:
    end_line, end_column = diagnostic.end
    region = {
        "startLine": diagnostic.line,
        "startColumn": diagnostic.column,
        "endLine": end_line,
        "endColumn": end_column + 1,  # SARIF's end column is the one just after the last character
    }
    location = {"artifactLocation": {"uri": artifact_uri(diagnostic.path, base), "uriBaseId": BASE_ID},
                "region": region}
    return {
        "ruleId": diagnostic.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
