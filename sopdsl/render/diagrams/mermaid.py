"""Mermaid flowchart of an SOP: one subgraph lane per role, a node per step and labelled arrows."""

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

PLAIN = frozenset(" .,-/()'!?")  # besides letters and digits, what label text keeps as it is
# Mermaid marks its entity codes with these characters and turns them back into `&#`, `&` and `;` in the finished
# SVG: a word joiner after each keeps author text from spelling such a mark.
MARK_STARTS = frozenset("\ufb02\u00b6")
SHAPES = {"terminator": ("([", "])"), "process": ("[", "]"), "decision": ("{", "}")}
INDENT = "    "
LABEL_WIDTH = 22  # narrower than elsewhere: Mermaid wraps lines wider than 200px again on its own


def escape(text: str) -> str:
    """Text safe inside a quoted Mermaid label: every character but letters, digits and PLAIN becomes a Mermaid
    entity code (`#35;`), so that none reaches Mermaid as syntax, markup, icon, formula or line break."""
    return "".join(_escaped(char) for char in text)


def _escaped(char: str) -> str:
    if char in MARK_STARTS:
        return f"#{ord(char)};#8288;"
    return char if char.isalnum() or char in PLAIN else f"#{ord(char)};"


def wrapped(text: str) -> list[str]:
    return plain_lines(text, LABEL_WIDTH)


def label(lines: Iterable[str]) -> str:
    """A quoted label: the lines escaped and joined with Mermaid's `\\n` line breaks; a blank for no lines, as
    Mermaid refuses an empty string."""
    return '"' + ("\\n".join(escape(line) for line in lines) or " ") + '"'


def node(node_id: str, shape: str, lines: Iterable[str]) -> str:
    opening, closing = SHAPES[shape]
    return f"{node_id}{opening}{label(lines)}{closing}"


def step_node(flow: Flow, row: StepRow) -> str:
    return node(step_id(row), row.diagram_shape, step_lines(flow, row, LABEL_WIDTH))


def comment(text: str) -> list[str]:
    """A comment line holding author text, escaped like a label; nothing for blank text."""
    words = one_line(text)
    return [f"{INDENT}%% {escape(words)}"] if words else []


def arrow_line(flow: Flow, arrow: Arrow) -> str:
    words = wrapped(arrow.label or "")
    text = f"|{label(words)}|" if words else ""
    return f"{INDENT}{step_id(arrow.source)} -->{text} {target_id(flow, arrow)}"


def render(sop: Sop, options: RenderOptions) -> str:
    """The SOP as a `flowchart TD` with one lane per role; an arrow to the end of the procedure from any step but
    the last leads to a small end terminator."""
    drawing = diagram(sop, options.lang, options.labels)
    lines: list[str] = ["flowchart TD", *comment(sop.title.value)]
    for lane in lanes(drawing):
        lines.append(f"{INDENT}subgraph {lane.id} [{label(wrapped(lane.column.name))}]")
        lines.extend(f"{INDENT * 2}{step_node(flow, row)}" for flow, row in lane.steps)
        lines.extend(f"{INDENT * 2}{node(stop_id(flow), 'terminator', [LABELS[options.lang]['end']])}"
                     for flow in lane.stops)
        lines.append(f"{INDENT}end")
    for flow in drawing.flows:
        lines.extend(comment(heading_text(flow)))
        lines.extend(arrow_line(flow, arrow) for arrow in drawn_arrows(flow))
    lines.extend(f"{INDENT}{source} ~~~ {target}" for source, target in order_links(drawing))
    return "\n".join(lines) + "\n"
