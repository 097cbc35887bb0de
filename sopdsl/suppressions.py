"""Suppressions: `# sopdsl: ignore[rule, ...]` comments, the lines each covers, and the findings they silence."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import attrs

from .diagnostics import Diagnostic
from .model import HEADER_FIELDS, Sop, Span

DIRECTIVE = re.compile(r"#\s*sopdsl\s*:\s*ignore(?P<whole_file>-file)?(?![\w-])(?:\[(?P<names>[^\]]*)\])?")
WHOLE_FILE = (1, sys.maxsize)  # the lines an `ignore-file` silence covers
_NAME = re.compile(r"[^\s,]+(?:\s+[^\s,]+)*")


class Silence(NamedTuple):
    """One rule name written in a suppression comment, and the lines where it silences that rule."""

    rule: str  # as written; "" when the comment names no rule
    line: int  # of the comment
    column: int  # of the name, or of the comment when it names none
    first_line: int  # the lines it covers: its own, or the whole block its line opens
    last_line: int
    own_line: bool  # the comment stands alone on its line, so it covers no code
    whole_file: bool = False  # `ignore-file`: every line; with no name, every rule

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.column + max(len(self.rule), 1) - 1)

    def covers(self, diagnostic: Diagnostic) -> bool:
        if self.whole_file:
            return self.rule in ("", diagnostic.rule)
        return diagnostic.rule == self.rule and self.first_line <= diagnostic.line <= self.last_line


class SilenceReport(NamedTuple):
    """What the unused-ignore rule sees for one file: its silences, those that silenced a finding, the rules run."""

    silences: tuple[Silence, ...]
    used: frozenset[Silence]
    enabled: frozenset[str]


def silences(sop: Sop) -> tuple[Silence, ...]:
    """Every rule name of the SOP's suppression comments, with the lines it covers."""
    found: list[Silence] = []
    extents = None
    for comment in sop.comments:
        match = DIRECTIVE.match(comment.text)
        if match is None:
            continue
        if extents is None:
            extents = block_extents(sop)
        own = (comment.line, comment.line)
        whole_file = bool(match.group("whole_file"))
        if whole_file:
            first_line, last_line = WHOLE_FILE
        else:
            first_line, last_line = own if comment.own_line else extents.get(comment.line, own)
        for name, offset in _names(match):
            found.append(Silence(name, comment.line, comment.column + offset, first_line, last_line,
                                 comment.own_line, whole_file))
    return tuple(found)


def _names(match: re.Match) -> Iterable[tuple[str, int]]:
    """(name, offset in the comment) for each name in the brackets; ("", 0) when there is none."""
    names = match.group("names")
    items = [] if names is None else [(m.group(), match.start("names") + m.start()) for m in _NAME.finditer(names)]
    return items or [("", 0)]


def block_extents(sop: Sop) -> dict[int, tuple[int, int]]:
    """For each line that opens a block (header, header field, role, section, step), the block's first and last line.

    A block opens on the lines from its keyword to the end of its title, which a quoted title may spread over several.
    """
    extents: dict[int, tuple[int, int]] = {}

    def block(span: Span, title, *nodes) -> None:
        opening_end = max(span.end_line, _last_line(title))
        last_line = max(opening_end, _last_line(nodes))
        for line in range(span.line, opening_end + 1):
            first, last = extents.get(line, (span.line, line))
            extents[line] = (min(first, span.line), max(last, last_line))

    written = [attribute for _, attribute, _ in HEADER_FIELDS if attribute in sop.field_spans]
    block(sop.span, sop.title, sop.field_spans, [getattr(sop, attribute) for attribute in written])
    for attribute in written:
        block(sop.field_spans[attribute], None, getattr(sop, attribute))
    for role in sop.roles:
        block(role.span, role.name)
    for section in sop.sections:
        for step in section.steps:
            block(step.span, step.text, step)
        if section.id is not None:
            block(section.span, section.title, section.steps)
    return extents


def _last_line(node) -> int:
    """The last line that any span inside the node reaches; 0 when it has none."""
    if isinstance(node, Span):
        return node.end_line
    if isinstance(node, Mapping):
        node = tuple(node.values())
    if isinstance(node, (tuple, list)):
        return max(map(_last_line, node), default=0)
    if attrs.has(type(node)):
        return max((_last_line(getattr(node, f.name)) for f in attrs.fields(type(node))), default=0)
    return 0


def apply(
    diagnostics: Sequence[Diagnostic], silences_by_path: Mapping[str, Sequence[Silence]]
) -> tuple[list[Diagnostic], set[Silence]]:
    """The diagnostics no silence covers, and the silences that covered at least one."""
    kept: list[Diagnostic] = []
    used: set[Silence] = set()
    for diagnostic in diagnostics:
        covering = [s for s in silences_by_path.get(diagnostic.path, ()) if s.covers(diagnostic)]
        used.update(covering)
        if not covering:
            kept.append(diagnostic)
    return kept, used
