"""Fingerprints of findings that stay the same when lines are added or removed above them."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from .paths import repository_path


def fingerprints(diagnostics: Sequence, sources: Mapping[str, str | None]) -> list[str]:
    """One fingerprint per finding: its rule, file and the text of its line, and which of the findings alike
    in all these it is, counted from the top (never its line number, nor the message, which follows `--lang`)."""
    lines: dict[str, list[str]] = {}
    seen: Counter = Counter()
    prints = []
    for d in diagnostics:
        if d.path not in lines:
            text = sources.get(d.path)
            lines[d.path] = text.split("\n") if text else []
        file_lines = lines[d.path]
        line = file_lines[d.line - 1].strip() if 1 <= d.line <= len(file_lines) else ""
        key = (d.rule, repository_path(d.path), line)
        seen[key] += 1
        material = "\0".join((*key, str(seen[key])))
        prints.append(hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:32])
    return prints
