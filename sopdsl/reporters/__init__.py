"""Reporters: diagnostics printed for people (text) and for programs (json)."""

from __future__ import annotations

from . import json_reporter, text_reporter

REPORTERS = {"text": text_reporter.report, "json": json_reporter.report}
