"""What the Mermaid and Graphviz renderers share: generated node ids, wrapped labels, lanes and drawn arrows."""

from __future__ import annotations

import textwrap
import unicodedata

from attrs import frozen

from ..cells import step_number
from ..flow import Arrow, Diagram, Flow
from ..rows import Column, StepRow

LABEL_WIDTH = 28  # characters per label line


@frozen
class Lane:
    """One Pelaksana column that performs at least one step, with its steps (and their flows) in table order."""

    index: int
    column: Column
    steps: tuple[tuple[Flow, StepRow], ...]
    stops: tuple[Flow, ...]  # flows whose end terminator stands in this lane

    @property
    def id(self) -> str:
        return f"lane{self.index + 1}"


def step_id(row: StepRow) -> str:
    """The generated node id of a step: section and step numbers, e.g. `s2_3`."""
    return f"s{row.section + 1}_{row.number}"


def stop_id(flow: Flow) -> str:
    """The generated node id of a flow's end terminator."""
    return f"s{flow.steps[0].section + 1}_stop"


def target_id(flow: Flow, arrow: Arrow) -> str:
    return stop_id(flow) if arrow.target is None else step_id(arrow.target)


def one_line(text: str) -> str:
    """Author text on one line: every run of blanks, line breaks and characters no SVG may hold becomes a space."""
    shown = "".join(" " if unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff" else char
                    for char in text)
    return " ".join(shown.split())


def plain_lines(text: str, width: int = LABEL_WIDTH) -> list[str]:
    """Author text on one line, wrapped at `width`."""
    return textwrap.wrap(one_line(text), width=width, break_on_hyphens=False)


def step_lines(flow: Flow, row: StepRow, width: int = LABEL_WIDTH) -> list[str]:
    """A step's label: its number on the first line, then its activity text wrapped at `width`."""
    return [step_number(flow, row), *plain_lines(row.step.text.value, width)]


def heading_text(flow: Flow) -> str:
    """A section's letter and title on one line, for a comment; empty for the implicit flow."""
    if flow.heading is None:
        return ""
    return one_line(f"{flow.heading.letter}. {flow.heading.title}")


def drawn_arrows(flow: Flow) -> list[Arrow]:
    """The arrows a diagram draws: all but the unlabelled fall-through to the end of a last step drawn as the end."""
    return [
        arrow for arrow in flow.arrows
        if not (arrow.target is None and arrow.source.drawn_as_end and arrow.label is None)
    ]


def has_stop(flow: Flow) -> bool:
    """Whether the flow needs its own end terminator: some drawn arrow leads to the end."""
    return any(arrow.target is None for arrow in drawn_arrows(flow))


def lanes(diagram: Diagram) -> list[Lane]:
    """The lanes that hold steps, in column order; a step sits in its first performer's lane, and a flow's end
    terminator in its last step's lane."""
    steps: dict[int, list[tuple[Flow, StepRow]]] = {}
    stops: dict[int, list[Flow]] = {}
    for flow in diagram.flows:
        for row in flow.steps:
            steps.setdefault(row.columns[0], []).append((flow, row))
        if has_stop(flow):
            stops.setdefault(flow.steps[-1].columns[0], []).append(flow)
    return [
        Lane(index, column, tuple(steps[index]), tuple(stops.get(index, ())))
        for index, column in enumerate(diagram.columns)
        if index in steps
    ]


def order_links(diagram: Diagram) -> list[tuple[str, str]]:
    """Pairs of node ids next to each other in table order (each flow's end terminator after its steps) that no
    drawn forward arrow joins: hidden links that keep the drawing in table order from top to bottom."""
    sequence: list[str] = []
    joined: set[tuple[str, str]] = set()
    for flow in diagram.flows:
        sequence.extend(step_id(row) for row in flow.steps)
        if has_stop(flow):
            sequence.append(stop_id(flow))
        joined.update((step_id(arrow.source), target_id(flow, arrow)) for arrow in drawn_arrows(flow) if not arrow.back)
    return [pair for pair in zip(sequence, sequence[1:], strict=False) if pair not in joined]
