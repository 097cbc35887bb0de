"""Reporters: diagnostics printed for people (text), programs (json), code scanning (sarif) and CI logs (github)."""

from __future__ import annotations

from . import github_reporter, json_reporter, sarif_reporter, text_reporter

# Each: report(diagnostics, sources, stream), where `sources` maps each checked path to its text (or None).
REPORTERS = {
    "text": text_reporter.report,
    "json": json_reporter.report,
    "sarif": sarif_reporter.report,
    "github": github_reporter.report,
}
