"""The text report: `path:line:column: severity rule message`, the source line and a caret."""

from __future__ import annotations

from collections import Counter


def report(diagnostics, sources, stream) -> None:
    """`sources` maps a path to its text, for the quoted line under each finding."""
    for d in diagnostics:
        stream.write(f"{d.path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}\n")
        line = _source_line(sources.get(d.path), d.line)
        if line is not None:
            shown = line.replace("\t", " ")
            stream.write(f"  {shown}\n  {' ' * (d.column - 1)}^\n")
    counts = Counter(d.severity.value for d in diagnostics)
    if diagnostics:
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]]
        stream.write(f"{', '.join(parts)}\n")


def _source_line(text, line):
    if text is None:
        return None
    lines = text.splitlines()
    if 1 <= line <= len(lines):
        return lines[line - 1][:200]
    return None
