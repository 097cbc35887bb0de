"""BPMN 2.0 XML with diagram interchange: one pool, one lane per role, each section a flow from start to end event.

How an SOP maps onto BPMN:

- The SOP is one participant (pool) whose process is not executable; each Pelaksana column is a lane.
- Each section is a flow of its own: a start event named with the section heading, its steps in
  order, and an end event ("Selesai"). A process may hold only one blank start event, so when an SOP
  has several sections their start events are conditional events, the condition being the heading:
  the section runs when its procedure is called for.
- A step is a task, or a call activity calling the SOP named by `uses`. Its Mutu Baku (Kelengkapan,
  Waktu, Output, Keterangan) becomes the task's documentation, one labelled line each.
- A decision is modelled as its activity, a task like any step, followed by a diverging exclusive
  gateway. The SOP AP diamond holds an activity ("Memeriksa kelengkapan berkas") with a performer,
  a time and an output: in BPMN that is work, so it belongs to a task, whose box also holds a long
  text far better than a gateway's caption. The gateway asks the question; its name is formed from
  the answers ("Ya / Tidak?", "Lengkap / Tidak lengkap?") and each flow leaving it carries its
  answer as name and as condition. No flow is the default: every answer is stated.
- A node that several arrows enter (a loop target, an end reached from more than one step) is
  preceded by a converging exclusive gateway, so that no task or event joins flows implicitly.
- A flow that never reaches its end has no end event, and a step no arrow reaches has no incoming
  flow: the export shows the SOP as written, and the checker reports such flaws.

This keeps the export of a sound SOP clean under bpmnlint's recommended rules. Ids are generated,
never author text. Author text only ever becomes attribute values and text content, which
ElementTree escapes; a blank text that BPMN tools require as a label is replaced by the step's number.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from attrs import frozen

from ...model import Sop
from ...version import __version__
from ..flow import Arrow, Flow, diagram
from ..labels import LABELS
from ..options import RenderOptions
from ..rows import Column, StepRow, performer_names
from ..xml_text import xml_safe
from . import bpmn_layout
from .bpmn_layout import Box, Layout, Link, Place

BINARY = False

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NAMESPACES = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "xsi": XSI}

SIZES = {"task": (180, 120), "callActivity": (180, 120), "exclusiveGateway": (50, 50), "startEvent": (36, 36),
         "endEvent": (36, 36)}
END = None  # the key of a flow's end event among the targets of its arrows

# Characters XML 1.0 cannot carry; author text keeps every other character as written.


@frozen
class Node:
    """A flow node of the process: event, task, call activity or gateway, and the lane that holds it."""

    id: str
    tag: str
    name: str | None
    lane: int
    flow: int
    row: StepRow | None = None
    direction: str | None = None  # gatewayDirection of a gateway
    condition: str | None = None  # the condition of a conditional start event


@frozen
class SequenceFlow:
    """An arrow between two nodes (indexes into the node list); name and condition on a gateway's answers."""

    source: int
    target: int
    name: str | None = None  # a gateway's answer, which is also its condition


@frozen
class Process:
    """The process as BPMN sees it: nodes in drawing order and the sequence flows between them."""

    nodes: list[Node]
    flows: list[SequenceFlow]


def activity_id(row: StepRow) -> str:
    """The id of a step's task or call activity: section and step numbers, e.g. `Activity_2_3`."""
    return f"Activity_{row.section + 1}_{row.number}"


def render(sop: Sop, options: RenderOptions) -> str:
    """The SOP as a BPMN 2.0 document with its diagram."""
    picture = diagram(sop, options.lang, options.labels)
    process = build_process(sop, picture.flows, options.lang)
    places = [Place(node.lane, *SIZES[node.tag], node.flow) for node in process.nodes]
    links = [Link(flow.source, flow.target, flow.name) for flow in process.flows]
    geometry = bpmn_layout.layout(len(picture.columns), places, links)
    root = _definitions(sop, picture.columns, process, geometry, options.lang)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def build_process(sop: Sop, flows: tuple[Flow, ...], lang: str = "id") -> Process:
    """Nodes and sequence flows for every flow (section) of the SOP, one flow after another."""
    process = Process([], [])
    several = len(flows) > 1
    for index, flow in enumerate(flows):
        _add_flow(process, sop, flow, index, several, lang)
    return process


def _add_flow(process: Process, sop: Sop, flow: Flow, index: int, several: bool, lang: str) -> None:
    number = index + 1
    first = flow.steps[0].position if flow.steps else END
    incoming = Counter([first] + [_target(arrow) for arrow in flow.arrows])
    start_lane = flow.steps[0].columns[0] if flow.steps else 0
    start_name = _heading(sop, flow)
    start, _, _ = _add_chain(process, [Node(f"StartEvent_{number}", "startEvent", start_name, start_lane, index,
                                            condition=start_name if several else None)])
    entry: dict[int | None, int] = {}
    exit_of: dict[int | None, int] = {}
    inner: dict[int | None, list[SequenceFlow]] = {}
    for row in flow.steps:
        chain = _step_chain(flow, row, index, joined=incoming[row.position] > 1)
        entry[row.position], exit_of[row.position], inner[row.position] = _add_chain(process, chain)
    if incoming[END]:
        lane = flow.steps[-1].columns[0] if flow.steps else start_lane
        chain = [_join(number, "end", lane, index)] if incoming[END] > 1 else []
        chain.append(Node(f"EndEvent_{number}", "endEvent", LABELS[lang]["end"], lane, index))
        entry[END], _, inner[END] = _add_chain(process, chain)
    process.flows.append(SequenceFlow(start, entry[first]))
    for row in flow.steps:
        process.flows.extend(inner[row.position])
        arrows = flow.arrows_from(row)
        for i, arrow in enumerate(arrows):
            name = _answer(arrow.label, i) if len(arrows) > 1 else None
            process.flows.append(SequenceFlow(exit_of[row.position], entry[_target(arrow)], name))
    process.flows.extend(inner.get(END, []))


def _step_chain(flow: Flow, row: StepRow, index: int, joined: bool) -> list[Node]:
    """A step's nodes in its performer's lane: a join if several arrows enter it, its activity, and a
    diverging gateway if several arrows leave it."""
    lane, number, suffix = row.columns[0], index + 1, str(row.number)
    chain = [_join(number, suffix, lane, index)] if joined else []
    tag = "callActivity" if row.step.uses is not None else "task"
    name = _named(row.step.text.value, _step_number(flow, row))
    chain.append(Node(activity_id(row), tag, name, lane, index, row=row))
    arrows = flow.arrows_from(row)
    if len(arrows) > 1:
        question = " / ".join(_answer(arrow.label, i) for i, arrow in enumerate(arrows)) + "?"
        chain.append(Node(f"Gateway_{number}_{suffix}", "exclusiveGateway", question, lane, index,
                          direction="Diverging"))
    return chain


def _target(arrow: Arrow) -> int | None:
    return END if arrow.target is None else arrow.target.position


def _join(number: int, suffix: str, lane: int, index: int) -> Node:
    """A converging gateway in front of a node that several arrows enter."""
    return Node(f"Join_{number}_{suffix}", "exclusiveGateway", None, lane, index, direction="Converging")


def _add_chain(process: Process, chain: list[Node]) -> tuple[int, int, list[SequenceFlow]]:
    """Adds nodes that follow one another; returns the first and last index and the flows between them."""
    first = len(process.nodes)
    process.nodes.extend(chain)
    last = len(process.nodes) - 1
    return first, last, [SequenceFlow(i, i + 1) for i in range(first, last)]


def _named(text: str, fallback: str) -> str:
    """Author text as a name; a blank text is named by the fallback, since BPMN tools require a label."""
    return text if text.strip() else fallback


def _answer(label: str | None, index: int) -> str:
    return _named(label or "", str(index + 1))


def _step_number(flow: Flow, row: StepRow) -> str:
    return f"{flow.heading.letter}{row.number}" if flow.heading is not None else str(row.number)


def _heading(sop: Sop, flow: Flow) -> str:
    """The start event's name: the section's letter and title, or the SOP's title for the implicit flow."""
    if flow.heading is None:
        return _named(sop.title.value, sop.id)
    if not flow.heading.title.strip():
        return flow.heading.letter
    return f"{flow.heading.letter}. {flow.heading.title}"


def documentation(sop: Sop, row: StepRow, lang: str = "id") -> str:
    """The Mutu Baku of a step as labelled lines; performers are listed when the lane does not show them all."""
    labels, step = LABELS[lang], row.step
    shown_by_lane = len(step.by) <= 1 and row.assigned
    fields = [
        ("performer", "" if shown_by_lane else performer_names(sop, step)),
        ("needs", step.needs.value if step.needs else ""),
        ("time", row.time),
        ("output", step.output.value if step.output else ""),
        ("note", step.note.value if step.note else ""),
        ("uses", step.uses.id if step.uses else ""),
    ]
    return "\n".join(f"{labels[key]}: {value}" for key, value in fields if value.strip())


def _element(parent: ET.Element, namespace: str, tag: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{namespace}}}{tag}", {key: xml_safe(value) for key, value in attributes.items()})


def _text_element(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = _element(parent, BPMN, tag, **attributes)
    element.text = xml_safe(text)
    return element


def _definitions(sop: Sop, columns: tuple[Column, ...], process: Process, geometry: Layout, lang: str) -> ET.Element:
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    root = ET.Element(f"{{{BPMN}}}definitions", {
        "id": "Definitions_1", "targetNamespace": "urn:sopdsl", "exporter": "sopdsl", "exporterVersion": __version__,
    })
    title = _named(sop.title.value, sop.id)
    collaboration = _element(root, BPMN, "collaboration", id="Collaboration_1")
    _element(collaboration, BPMN, "participant", id="Participant_1", name=title, processRef="Process_1")
    element = _element(root, BPMN, "process", id="Process_1", name=title, isExecutable="false")
    _lanes(element, columns, process)
    _flow_nodes(element, sop, process, lang)
    _sequence_flows(element, process)
    _diagram(root, process, geometry)
    return root


def _lane_id(index: int) -> str:
    return f"Lane_{index + 1}"


def _flow_id(index: int) -> str:
    return f"Flow_{index + 1}"


def _lanes(process_element: ET.Element, columns: tuple[Column, ...], process: Process) -> None:
    lane_set = _element(process_element, BPMN, "laneSet", id="LaneSet_1")
    for index, column in enumerate(columns):
        lane = _element(lane_set, BPMN, "lane", id=_lane_id(index), name=_lane_name(column))
        for node in process.nodes:
            if node.lane == index:
                _text_element(lane, "flowNodeRef", node.id)


def _lane_name(column: Column) -> str:
    return _named(column.name, column.role_id or "")


def _flow_nodes(process_element: ET.Element, sop: Sop, process: Process, lang: str) -> None:
    incoming: dict[int, list[str]] = {i: [] for i in range(len(process.nodes))}
    outgoing: dict[int, list[str]] = {i: [] for i in range(len(process.nodes))}
    for index, flow in enumerate(process.flows):
        outgoing[flow.source].append(_flow_id(index))
        incoming[flow.target].append(_flow_id(index))
    for index, node in enumerate(process.nodes):
        attributes = {"id": node.id}
        if node.name is not None:
            attributes["name"] = node.name
        if node.direction is not None:
            attributes["gatewayDirection"] = node.direction
        uses = node.row.step.uses if node.row is not None else None
        if node.tag == "callActivity" and uses is not None:
            attributes["calledElement"] = uses.id
        element = _element(process_element, BPMN, node.tag, **attributes)
        notes = documentation(sop, node.row, lang) if node.row is not None else ""
        if notes:
            _text_element(element, "documentation", notes)
        for reference in incoming[index]:
            _text_element(element, "incoming", reference)
        for reference in outgoing[index]:
            _text_element(element, "outgoing", reference)
        if node.condition is not None:
            definition = _element(element, BPMN, "conditionalEventDefinition", id=f"{node.id}_condition")
            _condition(definition, "condition", node.condition)


def _condition(parent: ET.Element, tag: str, text: str) -> None:
    _text_element(parent, tag, text, **{f"{{{XSI}}}type": "bpmn:tFormalExpression"})


def _sequence_flows(process_element: ET.Element, process: Process) -> None:
    for index, flow in enumerate(process.flows):
        attributes = {"id": _flow_id(index), "sourceRef": process.nodes[flow.source].id,
                      "targetRef": process.nodes[flow.target].id}
        if flow.name is not None:
            attributes["name"] = flow.name
        element = _element(process_element, BPMN, "sequenceFlow", **attributes)
        if flow.name is not None:
            _condition(element, "conditionExpression", flow.name)


def _diagram(root: ET.Element, process: Process, geometry: Layout) -> None:
    diagram_element = _element(root, BPMNDI, "BPMNDiagram", id="BPMNDiagram_1")
    plane = _element(diagram_element, BPMNDI, "BPMNPlane", id="BPMNPlane_1", bpmnElement="Collaboration_1")
    _shape(plane, "Participant_1", geometry.pool, isHorizontal="true")
    for index, box in enumerate(geometry.lanes):
        _shape(plane, _lane_id(index), box, isHorizontal="true")
    for node, box in zip(process.nodes, geometry.nodes, strict=False):
        if node.tag == "exclusiveGateway":
            shape = _shape(plane, node.id, box, isMarkerVisible="true")
            if node.name is not None:
                _label(shape, bpmn_layout.label_above_left(box, node.name))
        elif node.tag.endswith("Event"):
            shape = _shape(plane, node.id, box)
            if node.name is not None:
                _label(shape, bpmn_layout.label_below(box, node.name))
        else:
            _shape(plane, node.id, box)
    for index, (points, label) in enumerate(zip(geometry.waypoints, geometry.edge_labels, strict=False)):
        edge = _element(plane, BPMNDI, "BPMNEdge", id=f"{_flow_id(index)}_di", bpmnElement=_flow_id(index))
        for x, y in points:
            _element(edge, DI, "waypoint", x=_number(x), y=_number(y))
        if label is not None:
            _label(edge, label)


def _shape(plane: ET.Element, element_id: str, box: Box, **attributes: str) -> ET.Element:
    shape = _element(plane, BPMNDI, "BPMNShape", id=f"{element_id}_di", bpmnElement=element_id, **attributes)
    _bounds(shape, box)
    return shape


def _label(parent: ET.Element, box: Box) -> None:
    _bounds(_element(parent, BPMNDI, "BPMNLabel"), box)


def _bounds(parent: ET.Element, box: Box) -> None:
    _element(parent, DC, "Bounds", x=_number(box.x), y=_number(box.y), width=_number(box.width),
             height=_number(box.height))


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
