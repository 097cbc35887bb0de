"""The library record of one parsed SOP: what the library's rules and totals need of it, small enough for a
worker process to send back quickly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .analysis.graph import FlowGraph
from .analysis.totals import CalendarError, SopTiming, sop_timing
from .describe import step_name
from .model import Calendar, Duration, Ref, Sop, Span
from .suppressions import Silence, silences


class Use(NamedTuple):
    """A step's `uses`: the SOP it names, and how findings name the step."""

    ref: Ref
    step: str


class SopRecord(NamedTuple):
    """One SOP as the library sees it: its id, title and roles, references, time budget, timing and suppressions."""

    id: str
    id_span: Span | None  # the id on the `sop` line
    title: str
    roles: tuple[str, ...]  # each role's name as written
    related: tuple[Ref, ...]  # the items of `related` that are SOP ids, not titles
    related_written: tuple[Ref | str, ...]  # every item of `related` in order: an SOP id, or a title as written
    uses: tuple[Use, ...]  # in step order
    sla: Duration | None
    calendar: Calendar | None
    timing: SopTiming | None  # None when its calendar is invalid
    silences: tuple[Silence, ...]


def library_record(sop: Sop, graphs: Sequence[FlowGraph] | None = None) -> SopRecord:
    """The library record of an SOP, from its flow graphs when they are already built."""
    try:
        timing: SopTiming | None = sop_timing(sop, graphs)
    except CalendarError:
        timing = None
    return SopRecord(
        id=sop.id,
        id_span=sop.id_span,
        title=sop.title.value,
        roles=tuple(role.name.value for role in sop.roles),
        related=tuple(item for item in sop.related if isinstance(item, Ref)),
        related_written=tuple(item if isinstance(item, Ref) else item.value for item in sop.related),
        uses=tuple(Use(step.uses, step_name(step)) for step in sop.activities() if step.uses is not None),
        sla=sop.sla,
        calendar=sop.calendar,
        timing=timing,
        silences=silences(sop),
    )
