"""Regressions of issue 13: what an outside tester found with last-step decisions, huge numbers and long inputs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from sopdsl.parse import parse_text
from sopdsl.render import renderer
from sopdsl.render.options import RenderOptions

SVG = "{http://www.w3.org/2000/svg}"
BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"

# The decision ends the flow: its "yes" ends the procedure, its "no" reworks the first step.
LAST_DECISION = """\
sop cek: Pemeriksaan Berkas
role petugas: Petugas
step terima: Menerima berkas
  by: petugas
  time: 5 menit
decision lengkap: Berkas lengkap?
  by: petugas
  time: 10 menit
  yes: end
  no: terima
"""
FIRST_DECISION = """\
sop cek: Pemeriksaan Berkas
role petugas: Petugas
decision lengkap: Berkas lengkap?
  by: petugas
  yes: next
  no: end
step arsip: Mengarsipkan berkas
  by: petugas
"""


def drawn(text: str, name: str) -> str:
    return renderer(name).render(parse_text(text), RenderOptions())


# ---- 14: a decision that is the last step keeps its diamond ---------------------------------------------------


@pytest.mark.parametrize("source", [LAST_DECISION, FIRST_DECISION], ids=["last", "first"])
def test_item_14_mermaid_draws_a_first_or_last_decision_as_a_diamond(source):
    node = next(line for line in drawn(source, "mermaid").splitlines() if "Berkas lengkap?" in line)
    assert re.fullmatch(r' +s1_\d+\{".*"\}', node), node


@pytest.mark.parametrize("source", [LAST_DECISION, FIRST_DECISION], ids=["last", "first"])
def test_item_14_dot_draws_a_first_or_last_decision_as_a_diamond(source):
    node = next(line for line in drawn(source, "dot").splitlines() if "Berkas lengkap?" in line)
    assert "shape=diamond" in node and "rounded" not in node


def test_item_14_svg_draws_the_last_decision_as_a_diamond_with_an_end_for_its_answer():
    root = ET.fromstring(drawn(LAST_DECISION, "svg"))
    step = next(group for group in root.iter(SVG + "g") if group.get("id") == "step-s1-2")
    assert step.get("class") == "step decision"
    assert [shape.tag for shape in step.iter() if "symbol" in (shape.get("class") or "")] == [SVG + "polygon"]
    assert any(group.get("id") == "end-s1-2" for group in root.iter(SVG + "g")), "the 'yes' answer ends in a capsule"


def test_item_14_mermaid_and_dot_lead_the_last_decisions_answer_to_an_end_node():
    assert re.search(r"s1_2 -->\|\"Ya\"\| s1_stop", drawn(LAST_DECISION, "mermaid"))
    assert re.search(r'^ +s1_2 -> s1_stop \[label="Ya"\];$', drawn(LAST_DECISION, "dot"), re.M)


def test_item_14_bpmn_follows_the_last_decision_with_a_diverging_gateway():
    """BPMN was right already (a decision is a task and a gateway wherever it stands): kept so."""
    root = ET.fromstring(drawn(LAST_DECISION, "bpmn"))
    task = next(node.get("id") for node in root.iter(BPMN + "task") if node.get("name") == "Berkas lengkap?")
    diverging = {node.get("id") for node in root.iter(BPMN + "exclusiveGateway")
                 if node.get("gatewayDirection") == "Diverging"}
    assert any(flow.get("sourceRef") == task and flow.get("targetRef") in diverging
               for flow in root.iter(BPMN + "sequenceFlow"))
