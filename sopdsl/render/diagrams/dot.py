"""Graphviz DOT graph of an SOP: one cluster per role, a node per step, labelled arrows, ranks in table order."""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Sop
from ..flow import Arrow, Flow, diagram
from ..labels import LABELS
from ..options import RenderOptions
from ..rows import StepRow
from .diagram_text import (
    drawn_arrows,
    heading_text,
    lanes,
    one_line,
    order_links,
    plain_lines,
    step_id,
    step_lines,
    stop_id,
    target_id,
)

BINARY = False

FONT = "DejaVu Sans,Liberation Sans,Arial,sans-serif"
SHAPES = {
    "terminator": 'shape=box, style="rounded"',
    "process": "shape=box",
    "decision": "shape=diamond",
}
STOP_SHAPE = 'shape=box, style="rounded", fontsize=9, width=0.6, height=0.3'
INDENT = "    "


def escape(text: str) -> str:
    """Text for inside a DOT string, shown as written on one line: backslash and quote escaped, `&` kept from
    entity decoding."""
    return one_line(text).replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"')


def quoted(text: str) -> str:
    return f'"{escape(text)}"'


def label(lines: Iterable[str]) -> str:
    """A quoted label of several centred lines."""
    return '"' + "\\n".join(escape(line) for line in lines) + '"'


def step_node(flow: Flow, row: StepRow, group: str) -> str:
    return f"{step_id(row)} [{SHAPES[row.diagram_shape]}, group={group}, label={label(step_lines(flow, row))}];"


def edge(flow: Flow, arrow: Arrow) -> str:
    attributes = []
    words = plain_lines(arrow.label or "")
    if words:
        attributes.append(f"label={label(words)}")
    if arrow.back:
        attributes.append("constraint=false")
    listed = f" [{', '.join(attributes)}]" if attributes else ""
    return f"{step_id(arrow.source)} -> {target_id(flow, arrow)}{listed};"


def render(sop: Sop, options: RenderOptions) -> str:
    """The SOP as a top-to-bottom `digraph`; hidden edges keep the steps in table order, arrows back up the
    table do not move them, and an arrow to the end of the procedure from any step but the last leads to a
    small end terminator."""
    drawing = diagram(sop, options.lang, options.labels)
    lines: list[str] = [
        "digraph sop {",
        f"{INDENT}graph [rankdir=TB, newrank=true, nodesep=0.3, ranksep=0.35, labelloc=t, fontsize=14, "
        f"fontname={quoted(FONT)}, label={label(plain_lines(sop.title.value, 60))}];",
        f'{INDENT}node [fontname={quoted(FONT)}, fontsize=10, margin="0.15,0.06"];',
        f"{INDENT}edge [fontname={quoted(FONT)}, fontsize=9];",
    ]
    for lane in lanes(drawing):
        lines.append(f"{INDENT}subgraph cluster_{lane.id} {{")
        lines.append(f'{INDENT * 2}label={label(plain_lines(lane.column.name))}; style="rounded"; color=gray60;')
        lines.extend(f"{INDENT * 2}{step_node(flow, row, lane.id)}" for flow, row in lane.steps)
        lines.extend(f"{INDENT * 2}{stop_id(flow)} [{STOP_SHAPE}, group={lane.id}, "
                     f"label={quoted(LABELS[options.lang]['end'])}];" for flow in lane.stops)
        lines.append(f"{INDENT}}}")
    for flow in drawing.flows:
        heading = heading_text(flow)
        if heading:
            lines.append(f"{INDENT}// {heading}")
        lines.extend(f"{INDENT}{edge(flow, arrow)}" for arrow in drawn_arrows(flow))
    lines.extend(f"{INDENT}{source} -> {target} [style=invis];" for source, target in order_links(drawing))
    lines.append("}")
    return "\n".join(lines) + "\n"
