"""The BPMN export: complete process, sound sequence flows, a laid-out diagram, escaped author text, bpmnlint-clean.

The exports are read back with ElementTree and checked against the SOP's flows: every step once as a
task or call activity, a diverging gateway after each decision, start and end events, the arrows
(through converging gateways) with their answers, lanes, shapes, edges and waypoints.

The bpmnlint check runs the linter pinned in tests/bpmnlint (package.json, package-lock.json and a
.bpmnlintrc extending `bpmnlint:recommended`). Install it with `npm ci --prefix tests/bpmnlint`;
without it that test is skipped and says so.
"""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from sopdsl.model import Sop, Text
from sopdsl.parse import parse_text, read_source
from sopdsl.render.diagrams import bpmn
from sopdsl.render.flow import Arrow, Flow, diagram
from sopdsl.render.labels import LABELS
from sopdsl.render.options import RenderOptions
from sopdsl.render.xml_text import xml_safe

from .conftest import ROOT, SPECS
from .strategies import sops

FUZZ_EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 50)
NS = {"bpmn": bpmn.BPMN, "bpmndi": bpmn.BPMNDI, "dc": bpmn.DC, "di": bpmn.DI, "xsi": bpmn.XSI}
NODE_TAGS = {"startEvent", "endEvent", "task", "callActivity", "exclusiveGateway"}
LINT_DIR = ROOT / "tests" / "bpmnlint"
LINT_BIN = LINT_DIR / "node_modules" / ".bin" / "bpmnlint"
TOLERANCE = 0.01
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")

LOOPS = """\
sop varied-loops: Pemeriksaan Berulang

role a: Petugas
role b: Kepala Bidang
role c: Pemohon

decision cek: Berkas lengkap?
  by: a
  time: 10 menit
  branch "Lengkap": proses
  branch "Tidak lengkap": minta
  branch "Ditolak": end

step minta: Meminta kelengkapan
  by: c
  time: 1 hari
  next: cek

step proses: Memproses permohonan
  by: b
  uses: sop-lain
  time: 2 hari

decision setuju: Menyetujui?
  by: b
  time: 1 jam
  yes: arsip
  no: next

step ulang: Langkah tanpa pelaksana
  time: 1 jam
  next: proses

step arsip: Mengarsipkan
  by: a, b
  time: 30 menit
"""

SECTIONS = """\
sop varied-sections: Tiga Bagian

role x: Operator
role y: Verifikator

section A: Persiapan
step: Menyiapkan bahan
  by: x
  time: 1 jam
decision ok: Memeriksa bahan
  by: y
  uses: sop-periksa
  time: 1 jam
  yes: end
  no: next
step: Memperbaiki bahan
  by: x
  time: 1 jam
  next: ok

section B: Pelaksanaan
decision mulai: Perlu persetujuan?
  by: y
  time: 5 menit
  yes: next
  no: kerja
step: Meminta persetujuan
  by: y
  time: 1 hari
step tunggu: Menunggu
  by: x
  time: 1 hari
step kerja: Melaksanakan pekerjaan
  by: x
  time: 2 hari
decision cek: Hasil baik?
  by: y
  time: 1 jam
  yes: end
  no: kerja

section C: Pelaporan
step: Menyusun laporan
  by: x
  time: 1 hari
step: Menyampaikan laporan
  by: y
  time: 1 jam
"""

NO_ROLES = """\
sop varied-noroles: Tanpa Peran

step satu: Langkah pertama
  time: 1 jam
decision dua: Lanjut?
  time: 1 jam
  yes: next
  no: satu
step tiga: Langkah ketiga
  time: 1 jam
  next: end
"""

# The checker reports the unreachable step; the export still shows it, with no way in.
UNREACHABLE = """\
sop unreachable: Langkah Terputus

role a: Petugas

step: Langkah pertama
  by: a
  time: 1 jam
  next: end
step: Langkah yang tidak tercapai
  by: a
  time: 1 jam
"""

HOSTILE = """\
sop hostile: "Judul <b>bold</b> & ]]> \\"kutip\\" 'satu'"

role r: <script>alert(1)</script> & Co
role s: Kepala ]]> Bidang

decision d: "Periksa <x> & \\"y\\" ]]>"
  by: r
  needs: A < B & C > D
  time: 1 jam
  output: "]]> <output/>"
  note: "catatan 'kutip' \\"ganda\\""
  branch "<Ya> & ]]>": next
  branch "Tidak \\"lengkap\\"": end

step: Selesaikan & <tutup>
  by: s
  time: 1 jam
"""

VARIED = {"loops": LOOPS, "sections": SECTIONS, "noroles": NO_ROLES, "hostile": HOSTILE}


def lint_clean_sops() -> dict[str, Sop]:
    """The specs and the varied SOPs above: every flow node of their exports lies on a path from start to end."""
    specs = {path.stem: parse_text(read_source(path)) for path in sorted(SPECS.glob("*.sop"))}
    return {**specs, **{name: parse_text(text) for name, text in VARIED.items()}}


def all_sops() -> dict[str, Sop]:
    return {**lint_clean_sops(), "unreachable": parse_text(UNREACHABLE)}


def export(sop: Sop, lang: str = "id") -> str:
    return bpmn.render(sop, RenderOptions(lang=lang))


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


Bounds = tuple[float, float, float, float]  # left, top, right, bottom


class Export:
    """A BPMN export read back: the process's nodes and flows, and the diagram's shapes and edges."""

    def __init__(self, xml: str):
        self.root = ET.fromstring(xml)
        self.process = self.root.find("bpmn:process", NS)
        self.nodes = {el.get("id"): el for el in self.process if local(el.tag) in NODE_TAGS}
        self.flows = {el.get("id"): el for el in self.process.findall("bpmn:sequenceFlow", NS)}
        self.lanes = self.process.findall("bpmn:laneSet/bpmn:lane", NS)
        plane = self.root.find("bpmndi:BPMNDiagram/bpmndi:BPMNPlane", NS)
        self.plane = plane
        self.shapes = plane.findall("bpmndi:BPMNShape", NS)
        self.edges = plane.findall("bpmndi:BPMNEdge", NS)
        self.shape_of = {shape.get("bpmnElement"): shape for shape in self.shapes}

    def kind(self, node_id: str) -> str:
        return local(self.nodes[node_id].tag)

    def outgoing(self, node_id: str) -> list[ET.Element]:
        return [flow for flow in self.flows.values() if flow.get("sourceRef") == node_id]

    def incoming(self, node_id: str) -> list[ET.Element]:
        return [flow for flow in self.flows.values() if flow.get("targetRef") == node_id]

    def bounds(self, element_id: str) -> Bounds:
        return _bounds(self.shape_of[element_id].find("dc:Bounds", NS))

    def is_join(self, node_id: str) -> bool:
        return self.nodes[node_id].get("gatewayDirection") == "Converging"

    def through_join(self, node_id: str) -> str:
        """The node a flow really leads to: past a converging gateway."""
        if self.is_join(node_id):
            (flow,) = self.outgoing(node_id)
            return flow.get("targetRef")
        return node_id

    def successors(self, node_id: str) -> set[tuple[str, str | None]]:
        """(target, answer) for each way on from a node, through its diverging gateway and any join."""
        (flow,) = self.outgoing(node_id)
        target = flow.get("targetRef")
        if self.nodes[target].get("gatewayDirection") == "Diverging":
            return {(self.through_join(out.get("targetRef")), out.get("name")) for out in self.outgoing(target)}
        return {(self.through_join(target), None)}


def _bounds(element: ET.Element) -> Bounds:
    x, y, width, height = (float(element.get(key)) for key in ("x", "y", "width", "height"))
    return x, y, x + width, y + height


def _on_boundary(point: tuple[float, float], box: Bounds) -> bool:
    x, y = point
    left, top, right, bottom = box
    within_x = left - TOLERANCE <= x <= right + TOLERANCE
    within_y = top - TOLERANCE <= y <= bottom + TOLERANCE
    on_side = abs(x - left) < TOLERANCE or abs(x - right) < TOLERANCE
    on_edge = abs(y - top) < TOLERANCE or abs(y - bottom) < TOLERANCE
    return (within_y and on_side) or (within_x and on_edge)


def _inside(inner: Bounds, outer: Bounds) -> bool:
    return inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _overlap(a: Bounds, b: Bounds) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _distance(a: Bounds, b: Bounds) -> float:
    return max(0.0, a[0] - b[2], b[0] - a[2], a[1] - b[3], b[1] - a[3])


def _target_id(flow_index: int, arrow: Arrow) -> str:
    return f"EndEvent_{flow_index + 1}" if arrow.target is None else bpmn.activity_id(arrow.target)


def _answers(arrows: list[Arrow]) -> list[str | None]:
    if len(arrows) < 2:
        return [None] * len(arrows)
    return [
        xml_safe(arrow.label) if arrow.label and arrow.label.strip() else str(i + 1) for i, arrow in enumerate(arrows)
    ]


def check_export(sop: Sop, xml: str, lang: str = "id") -> None:
    """Everything an export of `sop` must hold, read back from its XML."""
    picture = diagram(sop, lang)
    result = Export(xml)
    ids = [el.get("id") for el in result.root.iter() if el.get("id") is not None]
    assert len(ids) == len(set(ids)), "ids are unique"
    assert all(NCNAME.fullmatch(value) for value in ids), "ids are generated NCNames"
    assert result.process.get("isExecutable") == "false"
    _check_process(result, picture.flows, lang)
    _check_lanes(result, picture)
    _check_diagram(result)


def _check_process(result: Export, flows: tuple[Flow, ...], lang: str) -> None:
    rows = [row for flow in flows for row in flow.steps]
    activities = [node_id for node_id in result.nodes if result.kind(node_id) in ("task", "callActivity")]
    assert sorted(activities) == sorted(bpmn.activity_id(row) for row in rows), "every step once as an activity"
    for flow in result.flows.values():
        assert flow.get("sourceRef") in result.nodes and flow.get("targetRef") in result.nodes
    for node_id, node in result.nodes.items():
        children = [(local(child.tag), child.text) for child in node]
        assert [text for tag, text in children if tag == "incoming"] == [f.get("id") for f in result.incoming(node_id)]
        assert [text for tag, text in children if tag == "outgoing"] == [f.get("id") for f in result.outgoing(node_id)]
    starts = [node_id for node_id in result.nodes if result.kind(node_id) == "startEvent"]
    assert len(starts) == len(flows)
    for node_id in result.nodes:
        kind, incoming, outgoing = result.kind(node_id), result.incoming(node_id), result.outgoing(node_id)
        if kind == "startEvent":
            assert not incoming and len(outgoing) == 1
        elif kind == "endEvent":
            assert incoming and not outgoing
        elif result.is_join(node_id):
            assert len(incoming) > 1 and len(outgoing) == 1
        elif kind == "exclusiveGateway":
            assert len(incoming) == 1 and result.kind(incoming[0].get("sourceRef")) in ("task", "callActivity")
            assert len(outgoing) > 1
            assert result.nodes[node_id].get("name", "").strip() and result.nodes[node_id].get("name").endswith("?")
            for flow in outgoing:
                assert flow.get("name", "").strip()
                condition = flow.find("bpmn:conditionExpression", NS)
                assert condition.text == flow.get("name")
                assert condition.get(f"{{{bpmn.XSI}}}type") == "bpmn:tFormalExpression"
        else:
            assert len(incoming) <= 1 and len(outgoing) <= 1
    for flow_index, flow in enumerate(flows):
        _check_flow(result, flow_index, flow, lang)


def _check_flow(result: Export, flow_index: int, flow: Flow, lang: str) -> None:
    number = flow_index + 1
    first = bpmn.activity_id(flow.steps[0]) if flow.steps else f"EndEvent_{number}"
    assert result.successors(f"StartEvent_{number}") == {(first, None)}
    targeted = {arrow.target.position for arrow in flow.arrows if arrow.target is not None}
    for row in flow.steps:
        node_id = bpmn.activity_id(row)
        node = result.nodes[node_id]
        assert node.get("name").strip()
        if row.step.text.value.strip():
            assert node.get("name") == xml_safe(row.step.text.value)
        documentation = node.find("bpmn:documentation", NS)
        lines = documentation.text.split("\n") if documentation is not None else []
        for key, value in (("needs", row.step.needs), ("output", row.step.output), ("note", row.step.note)):
            if value is not None and value.value.strip():
                assert f"{LABELS[lang][key]}: {xml_safe(value.value)}" in lines
        if row.time.strip():
            assert f"{LABELS[lang]['time']}: {xml_safe(row.time)}" in lines
        if row.step.uses is not None:
            assert result.kind(node_id) == "callActivity" and node.get("calledElement") == row.step.uses.id
        else:
            assert result.kind(node_id) == "task"
        reached = row.position == 0 or row.position in targeted
        assert len(result.incoming(node_id)) == (1 if reached else 0)
        arrows = flow.arrows_from(row)
        if arrows:
            expected = {
                (_target_id(flow_index, arrow), answer) for arrow, answer in zip(arrows, _answers(arrows), strict=False)
            }
            assert result.successors(node_id) == expected
        else:
            assert not result.outgoing(node_id)
    reaches_end = not flow.steps or any(arrow.target is None for arrow in flow.arrows)
    assert (f"EndEvent_{number}" in result.nodes) == reaches_end


def _check_lanes(result: Export, picture) -> None:
    assert [lane.get("name") for lane in result.lanes] == [
        xml_safe(column.name) if column.name.strip() else column.role_id for column in picture.columns
    ]
    placed: dict[str, str] = {}
    for lane in result.lanes:
        refs = [ref.text for ref in lane.findall("bpmn:flowNodeRef", NS)]
        for ref in refs:
            assert ref not in placed, "a node stands in one lane"
            placed[ref] = lane.get("id")
        band = result.bounds(lane.get("id"))
        inside = {node_id for node_id in result.nodes if _inside(result.bounds(node_id), band)}
        assert set(refs) == inside, "a lane lists exactly the nodes drawn in it"
    assert set(placed) == set(result.nodes)
    for node_id in result.nodes:
        if result.is_join(node_id):
            assert placed[node_id] == placed[result.through_join(node_id)], "a join stands by the node it leads to"
        elif result.kind(node_id) == "exclusiveGateway":
            (flow,) = result.incoming(node_id)
            assert placed[node_id] == placed[flow.get("sourceRef")], "a decision's gateway stands by its activity"
    for flow in picture.flows:
        for row in flow.steps:
            assert placed[bpmn.activity_id(row)] == f"Lane_{row.columns[0] + 1}", "in its performer's lane"


def _check_diagram(result: Export) -> None:
    collaboration = result.root.find("bpmn:collaboration", NS)
    participant = collaboration.find("bpmn:participant", NS)
    assert participant.get("processRef") == result.process.get("id")
    assert result.plane.get("bpmnElement") == collaboration.get("id")
    shaped = [shape.get("bpmnElement") for shape in result.shapes]
    expected = [participant.get("id")] + [lane.get("id") for lane in result.lanes] + list(result.nodes)
    assert sorted(shaped) == sorted(expected), "one shape for the pool, every lane and every node"
    for element_id in [participant.get("id")] + [lane.get("id") for lane in result.lanes]:
        assert result.shape_of[element_id].get("isHorizontal") == "true"
    pool = result.bounds(participant.get("id"))
    boxes = {node_id: result.bounds(node_id) for node_id in result.nodes}
    for node_id, box in boxes.items():
        assert _inside(box, pool)
        if result.kind(node_id) == "exclusiveGateway":
            assert result.shape_of[node_id].get("isMarkerVisible") == "true"
    ordered = sorted(boxes.items(), key=lambda item: item[1][0])
    for index, (node_id, box) in enumerate(ordered):
        for other_id, other in ordered[index + 1 :]:
            assert not _overlap(box, other), f"{node_id} and {other_id} overlap"
    edge_of = {edge.get("bpmnElement"): edge for edge in result.edges}
    assert sorted(edge_of) == sorted(result.flows) and len(result.edges) == len(result.flows)
    for flow_id, flow in result.flows.items():
        edge = edge_of[flow_id]
        points = [(float(p.get("x")), float(p.get("y"))) for p in edge.findall("di:waypoint", NS)]
        assert len(points) >= 2
        assert all(a[0] == b[0] or a[1] == b[1] for a, b in zip(points, points[1:], strict=False)), (
            "edges are orthogonal"
        )
        assert _on_boundary(points[0], boxes[flow.get("sourceRef")])
        assert _on_boundary(points[-1], boxes[flow.get("targetRef")])
        assert (edge.find("bpmndi:BPMNLabel/dc:Bounds", NS) is not None) == (flow.get("name") is not None)
    for node_id in result.nodes:
        labels = [
            _bounds(label)
            for flow in result.outgoing(node_id)
            for label in edge_of[flow.get("id")].findall("bpmndi:BPMNLabel/dc:Bounds", NS)
        ]
        stacked = sum(label[3] - label[1] for label in labels)  # labels leaving the same way stand one above another
        for label in labels:
            assert _distance(label, boxes[node_id]) <= 10 + stacked, "a flow's label stands by its gateway"


@pytest.mark.parametrize("name", sorted(all_sops()))
def test_export_is_complete_and_laid_out(name):
    sop = all_sops()[name]
    check_export(sop, export(sop))


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sop=sops())
def test_generated_sops_export_completely(sop):
    check_export(sop, export(sop))


def test_hostile_text_round_trips_as_text():
    xml = export(parse_text(HOSTILE))
    assert "<script>" not in xml and "<b>" not in xml and "<output/>" not in xml
    result = Export(xml)
    assert (
        result.root.find("bpmn:collaboration/bpmn:participant", NS).get("name")
        == "Judul <b>bold</b> & ]]> \"kutip\" 'satu'"
    )
    assert [lane.get("name") for lane in result.lanes] == ["<script>alert(1)</script> & Co", "Kepala ]]> Bidang"]
    decision = result.nodes["Activity_1_1"]
    assert decision.get("name") == 'Periksa <x> & "y" ]]>'
    assert decision.find("bpmn:documentation", NS).text == (
        "Kelengkapan / Persyaratan: A < B & C > D\n"
        "Waktu: 1 jam\n"
        "Output: ]]> <output/>\n"
        "Keterangan: catatan 'kutip' \"ganda\""
    )
    answers = sorted(flow.get("name") for flow in result.outgoing("Gateway_1_1"))
    assert answers == ["<Ya> & ]]>", 'Tidak "lengkap"']
    assert result.nodes["Gateway_1_1"].get("name") == '<Ya> & ]]> / Tidak "lengkap"?'
    assert result.nodes["Activity_1_2"].get("name") == "Selesaikan & <tutup>"


def test_characters_xml_cannot_carry_are_replaced():
    sop = attrs.evolve(parse_text("sop s: Judul\n\nstep: Langkah\n  time: 1 jam\n"), title=Text(value="a\ufffeb\x0bc"))
    result = Export(export(sop))
    assert result.root.find("bpmn:collaboration/bpmn:participant", NS).get("name") == "a\ufffdb\ufffdc"


def test_documentation_names_performers_the_lane_does_not_show():
    result = Export(export(parse_text(LOOPS)))
    assert result.nodes["Activity_1_6"].find("bpmn:documentation", NS).text == (
        "Pelaksana: Petugas, Kepala Bidang\nWaktu: 30 menit"
    )
    assert result.nodes["Activity_1_3"].find("bpmn:documentation", NS).text == (
        "Waktu: 2 hari\nMelaksanakan SOP: sop-lain"
    )


def test_english_labels():
    result = Export(export(parse_text(LOOPS), lang="en"))
    assert result.nodes["EndEvent_1"].get("name") == "End"
    assert result.nodes["Activity_1_6"].find("bpmn:documentation", NS).text == (
        "Performer: Petugas, Kepala Bidang\nTime: 30 menit"
    )


def test_a_single_flow_starts_with_a_blank_start_event():
    result = Export(export(parse_text(LOOPS)))
    start = result.nodes["StartEvent_1"]
    assert start.get("name") == "Pemeriksaan Berulang"
    assert start.find("bpmn:conditionalEventDefinition", NS) is None


def test_several_sections_start_with_conditional_events_named_by_their_heading():
    result = Export(export(parse_text(SECTIONS)))
    names = []
    for number in (1, 2, 3):
        start = result.nodes[f"StartEvent_{number}"]
        condition = start.find("bpmn:conditionalEventDefinition/bpmn:condition", NS)
        assert condition.text == start.get("name")
        names.append(start.get("name"))
    assert names == ["A. Persiapan", "B. Pelaksanaan", "C. Pelaporan"]


def test_loops_enter_through_a_converging_gateway():
    result = Export(export(parse_text(LOOPS)))
    join = result.incoming("Activity_1_1")[0].get("sourceRef")
    assert result.is_join(join)
    assert {flow.get("sourceRef") for flow in result.incoming(join)} == {"StartEvent_1", "Activity_1_2"}


def test_an_unreachable_step_is_kept_without_a_way_in():
    result = Export(export(parse_text(UNREACHABLE)))
    assert not result.incoming("Activity_1_2")
    assert result.successors("Activity_1_2") == {("EndEvent_1", None)}


def test_sections_follow_one_another_left_to_right():
    result = Export(export(parse_text(SECTIONS)))
    ends = [result.bounds(f"EndEvent_{number}") for number in (1, 2, 3)]
    starts = [result.bounds(f"StartEvent_{number}") for number in (1, 2, 3)]
    assert starts[0][2] < ends[0][0] < starts[1][0] < ends[1][0] < starts[2][0] < ends[2][0]


def test_bpmnlint_accepts_every_export(tmp_path: Path):
    if not LINT_BIN.exists():
        pytest.skip("bpmnlint is not installed; install it with `npm ci --prefix tests/bpmnlint`")
    files = []
    for name, sop in lint_clean_sops().items():
        path = tmp_path / f"{name}.bpmn"
        path.write_text(export(sop), encoding="utf-8")
        files.append(str(path))
    completed = subprocess.run(
        [str(LINT_BIN), "--config", str(LINT_DIR / ".bpmnlintrc"), "--max-warnings=0", *files],
        cwd=LINT_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
