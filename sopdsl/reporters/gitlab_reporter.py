"""GitLab Code Quality: a JSON array of issues in the Code Climate format that merge requests show."""

from __future__ import annotations

import json

from ..diagnostics import Severity
from .fingerprints import fingerprints
from .paths import repository_path

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def report(diagnostics, sources, stream) -> None:
    prints = fingerprints(diagnostics, sources)
    issues = [
        {
            "type": "issue",
            "check_name": d.rule,
            "description": f"{d.rule}: {d.message}",
            "categories": ["Style"] if d.severity is Severity.INFO else ["Bug Risk"],
            "severity": SEVERITIES[d.severity],
            "fingerprint": prints[position],
            "location": {"path": repository_path(d.path), "lines": {"begin": d.line, "end": d.end[0]}},
        }
        for position, d in enumerate(diagnostics)
    ]
    json.dump(issues, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
