"""Each flow (section) as nodes and labelled arrows, for the table's arrows and the diagrams."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import field, frozen

from ..analysis.graph import END, flow_graphs
from ..model import Sop
from .labels import branch_label
from .rows import Column, SectionRow, StepRow, columns_of, table_rows


@frozen
class Arrow:
    """An arrow between two steps of a flow; `target` None is the end of the procedure."""

    source: StepRow
    target: StepRow | None
    label: str | None  # "Ya"/"Tidak" or the branch label; None for plain flow

    @property
    def target_row(self) -> StepRow:
        """The step the arrow leads to, where the arrow is known to lead to one rather than to the end."""
        if self.target is None:
            raise ValueError("this arrow ends the procedure: it leads to no step")
        return self.target

    @property
    def back(self) -> bool:
        """Goes to a step at or before its source."""
        return self.target is not None and self.target.position <= self.source.position


@frozen
class Flow:
    """One section: its title row (None for the implicit flow), its steps in order and its arrows."""

    heading: SectionRow | None
    steps: tuple[StepRow, ...]
    arrows: tuple[Arrow, ...]
    outgoing: Mapping[str, tuple[Arrow, ...]] = field(eq=False, repr=False)

    @outgoing.default
    def _index_arrows(self) -> Mapping[str, tuple[Arrow, ...]]:
        by_source: dict[str, list[Arrow]] = {}
        for arrow in self.arrows:
            by_source.setdefault(arrow.source.key, []).append(arrow)
        return {key: tuple(arrows) for key, arrows in by_source.items()}

    def arrows_from(self, row: StepRow) -> tuple[Arrow, ...]:
        return self.outgoing.get(row.key, ())


@frozen
class Diagram:
    """What every drawing of an SOP needs: the Pelaksana columns and the flows."""

    columns: tuple[Column, ...]
    flows: tuple[Flow, ...]


def diagram(sop: Sop, lang: str = "id", house: Mapping[str, str] | None = None, every_branch: bool = False) -> Diagram:
    """The SOP's columns and flows; targets that name no step of the flow are left out (the checker reports them).

    `house` is the `labels` setting, for the branch labels (Ya / Tidak). Two branches of a decision to the
    same step make one arrow, with the first branch's label, unless `every_branch` asks for one arrow each.
    """
    rows = table_rows(sop, lang)
    headings: dict[int, SectionRow] = {row.section: row for row in rows if isinstance(row, SectionRow)}
    by_section: dict[int, list[StepRow]] = {}
    for row in rows:
        if isinstance(row, StepRow):
            by_section.setdefault(row.section, []).append(row)
    flows = []
    for section_index, graph in enumerate(flow_graphs(sop)):
        steps = by_section.get(section_index, [])
        arrows, seen = [], set()
        for position, edges in enumerate(graph.edges):
            for edge in edges:
                key = (position, edge.target, edge.kind, edge.label) if every_branch else (position, edge.target)
                if key in seen:
                    continue
                seen.add(key)
                target = None if edge.target == END else steps[edge.target]
                arrows.append(Arrow(steps[position], target, branch_label(edge.kind, edge.label, lang, house)))
        flows.append(Flow(headings.get(section_index), tuple(steps), tuple(arrows)))
    return Diagram(tuple(columns_of(sop, lang)), tuple(flows))
