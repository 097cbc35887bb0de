"""Fuzzing the checker with generated libraries: suppressions stay in their file, SOP ids declared twice, reversed
ranges, SOPs naming themselves and `uses` cycles are always reported, and a reversed range counts in no total.

Set SOPDSL_FUZZ_EXAMPLES to run more examples (and random ones instead of the fixed sequence CI runs).
"""

from __future__ import annotations

import functools
import os
from collections import Counter

from hypothesis import HealthCheck, given, settings

from sopdsl.analysis.calendar import CalendarError
from sopdsl.analysis.graph import FlowGraph
from sopdsl.analysis.totals import sop_totals, step_label
from sopdsl.library_record import library_record
from sopdsl.loading import SourceFile
from sopdsl.model import Duration, Ref
from sopdsl.parse import parse_text
from sopdsl.rules.base import LibraryContext

from .findings import check_library
from .library_strategies import libraries

FUZZ_EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 25)
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("SOPDSL_FUZZ_EXAMPLES"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


@functools.lru_cache(maxsize=64)
def loaded(name: str, text: str) -> SourceFile:
    """The file as the checker loads it; each text is parsed once however many libraries it is checked in."""
    sop = parse_text(text)
    return SourceFile(name, text, None, library_record(sop), sop)


def findings(texts: dict[str, str]) -> dict[str, set[tuple]]:
    """The findings on each file of the texts, checked together as a library, by file name."""
    files = [loaded(name, text) for name, text in texts.items()]
    found: dict[str, set[tuple]] = {name: set() for name in texts}
    for diagnostic in check_library(LibraryContext(files, is_library=True)):
        found[diagnostic.path].add((diagnostic.line, diagnostic.column, diagnostic.rule, diagnostic.message))
    return found


@FUZZ
@given(library=libraries())
def test_a_finding_in_one_file_is_never_silenced_by_a_comment_in_another(library):
    together = findings({file.name: file.commented for file in library})
    for file in library:
        others_plain = {other.name: other.commented if other is file else other.plain for other in library}
        assert together[file.name] == findings(others_plain)[file.name], file.name


@FUZZ
@given(library=libraries())
def test_the_library_rules_report_what_the_files_hold(library):
    found = findings({file.name: file.plain for file in library})
    models = {file.name: parse_text(file.plain) for file in library}
    declared = Counter(sop.id for sop in models.values())
    for name, sop in models.items():
        rules = Counter(rule for _, _, rule, _ in found[name])
        assert ((1, 5, "duplicate-sop") in {place[:3] for place in found[name]}) == (declared[sop.id] > 1)
        assert rules["duplicate-sop"] == (declared[sop.id] > 1)
        assert {(line, column) for line, column, rule, _ in found[name] if rule == "reversed-range"} == {
            (duration.span.line, duration.span.column) for duration in _reversed(sop)}
        itself = [item for item in sop.related if isinstance(item, Ref) and item.id == sop.id]
        itself += [step.uses for step in sop.activities() if step.uses is not None and step.uses.id == sop.id]
        assert rules["self-reference"] == len(itself)
        if sop.sla is not None and sop.sla.is_reversed:
            assert not rules["sla-exceeded"]
        _assert_reversed_ranges_count_in_no_total(sop)
    cycles = sum(rule == "uses-cycle" for per_file in found.values() for _, _, rule, _ in per_file)
    assert cycles == _cycles(models.values())


def _reversed(sop) -> list[Duration]:
    """The reversed ranges of the SOP: its sla and its steps' times."""
    durations = [sop.sla] + [step.time for step in sop.activities()]
    return [duration for duration in durations if isinstance(duration, Duration) and duration.is_reversed]


def _assert_reversed_ranges_count_in_no_total(sop) -> None:
    """Min never exceeds max, and a reachable step with a reversed time is listed as unquantified."""
    try:
        totals = sop_totals(sop)
    except CalendarError:
        return
    for section, flow in zip(sop.sections, totals.flows, strict=True):
        assert flow.min <= flow.max and flow.typical[0] <= flow.typical[1]
        graph = FlowGraph(section)
        for position, reachable in enumerate(graph.reachable()):
            time = section.steps[position].time
            if reachable and isinstance(time, Duration) and time.is_reversed:
                assert step_label(graph, position) in flow.unquantified


def _cycles(sops) -> int:
    """How many groups of two or more SOPs reach each other through `uses` (of the first SOP of each id)."""
    uses: dict[str, set[str]] = {}
    for sop in sops:
        uses.setdefault(sop.id, {step.uses.id for step in sop.activities() if step.uses is not None} - {sop.id})
    reach = {sop_id: set(used) & set(uses) for sop_id, used in uses.items()}
    for _ in uses:
        for sop_id in reach:
            reach[sop_id] |= {far for near in reach[sop_id] for far in reach[near]}
    groups = {frozenset(other for other in uses if other in reach[sop_id] and sop_id in reach[other]) | {sop_id}
              for sop_id in uses}
    return sum(len(group) > 1 for group in groups)
