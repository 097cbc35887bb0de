"""What the SVG swimlane diagram guarantees, measured in headless Chromium on the specs, the hard layout fixtures
and generated flows.

The checks (tests/svg_geometry.js) read the drawing a reader sees, with text extents from the browser: no label
overlaps another label, a symbol, a line or a title row; each branch label stands at the start of its own branch;
two lines never share a run, run closer than a few pixels side by side or meet end to side, except arrows into
the same target along their final run; no line runs along a lane border, through a symbol or a title row; every
symbol stands inside its performer's lane. Crossings are counted and may not grow past the counts recorded in
tests/fixtures/layout/svg-crossings.json.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl.model import Sop
from sopdsl.parse.parser import parse_text
from sopdsl.render import renderer
from sopdsl.render.options import RenderOptions

from .conftest import FIXTURES, SPECS
from .strategies import sops

LAYOUT = FIXTURES / "layout"
CASES = sorted(SPECS.glob("*.sop")) + sorted(LAYOUT.glob("*.sop"))
CROSSINGS = LAYOUT / "svg-crossings.json"  # the most line crossings each case's diagram may draw
CHECKS = (Path(__file__).parent / "svg_geometry.js").read_text(encoding="utf-8")
FUZZ_EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 10)
MIN_GAP = 5  # pixels between two parallel lines that do not join
SVG = "{http://www.w3.org/2000/svg}"


WORDS = ("Menerima", "berkas", "permohonan", "memeriksa", "kelengkapan", "dan", "menyusun", "konsep", "surat")
LABELS = ("Ya", "Tidak", "Lengkap", "Perlu perbaikan kecil", "Ditolak dengan catatan dari kepala bidang", "Ulang")


@st.composite
def busy_sops(draw) -> Sop:
    """An SOP whose flows stress the layout: up to nine roles, up to twelve steps a section, decisions with up to
    five branches jumping anywhere in their section (themselves included), steps with several performers."""
    roles = [f"r{index}" for index in range(draw(st.integers(1, 9)))]
    lines = ["sop busy: Alur padat", *(f"role {role}: Peran {role.upper()}" for role in roles)]
    for section in range(draw(st.integers(1, 2))):
        lines.append(f"section S{section}: Bagian {section}")
        count = draw(st.integers(1, 12))
        for index in range(count):
            text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)))
            kind = "decision" if draw(st.integers(0, 2)) else "step"
            lines += [f"{kind} s{section}x{index}: {text}{'?' if kind == 'decision' else ''}",
                      "  by: " + ", ".join(draw(st.lists(st.sampled_from(roles), min_size=1, max_size=3, unique=True)))]
            targets = st.sampled_from([*(f"s{section}x{other}" for other in range(count)), "next", "end"])
            if kind == "decision":
                lines += [f"  yes: {draw(targets)}", f"  no: {draw(targets)}"]
                lines += [f'  branch "{draw(st.sampled_from(LABELS))}": {draw(targets)}'
                          for _ in range(draw(st.integers(0, 3)))]
    return parse_text("\n".join(lines) + "\n")


def measured(browser, tmp_path: Path, sop: Sop, lang: str = "id") -> dict:
    """The checks on the SOP's diagram as Chromium draws it."""
    page = tmp_path / "diagram.svg"
    page.write_text(renderer("svg").render(sop, RenderOptions(lang=lang)), encoding="utf-8")
    browser.load(page)
    return browser.evaluate(f"{CHECKS}({MIN_GAP})")


def load(path: Path) -> Sop:
    return parse_text(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_the_diagram_keeps_its_guarantees(browser, tmp_path, path):
    result = measured(browser, tmp_path, load(path))
    assert result["problems"] == []
    assert result["crossings"] <= json.loads(CROSSINGS.read_text(encoding="utf-8"))[path.stem]


def test_english_labels_keep_the_guarantees(browser, tmp_path):
    assert measured(browser, tmp_path, load(LAYOUT / "many-decisions.sop"), "en")["problems"] == []


def test_the_checks_see_a_broken_drawing(browser, tmp_path):
    root = ET.fromstring(renderer("svg").render(load(LAYOUT / "branches-same-side.sop"), RenderOptions()))
    # Every arrow label moved into the symbol of step 1: labels now overlap each other and a symbol, far from
    # their arrows.
    for label in root.iter(f"{SVG}g"):
        if label.get("class") == "arrow-label":
            for line in label:
                line.set("x", "120")
                line.set("y", "130")
    # And two arrows redrawn: one along the border between the first two lanes, one on top of another arrow.
    paths = {group.get("id"): group.find(f"{SVG}path")
             for group in root.iter(f"{SVG}g") if group.get("class") == "arrow"}
    border = next(lane for lane in root.iter(f"{SVG}rect") if lane.get("id") == "lane-1").get("x")
    paths["arrow-s1-1-to-s1-2"].set("d", f"M {border} 100 L {border} 300")
    paths["arrow-s1-6-to-s1-4"].set("d", paths["arrow-s1-7-to-s1-8"].get("d"))
    page = tmp_path / "diagram.svg"
    page.write_text(ET.tostring(root, encoding="unicode"), encoding="utf-8")
    browser.load(page)
    problems = browser.evaluate(f"{CHECKS}({MIN_GAP})")["problems"]
    assert "arrow-s1-1-to-s1-2 runs along a lane border at x=" + border in problems
    assert "arrow-s1-7-to-s1-8 and arrow-s1-6-to-s1-4 share a run" in problems
    assert not any("runs through" in problem for problem in problems)  # the symbols themselves are as drawn
    assert any("overlaps label of" in problem for problem in problems)
    assert any("overlaps step-s1-1-lane-0" in problem for problem in problems)
    assert any("along its first run" in problem for problem in problems)


# The default run tries the same flows every time; SOPDSL_FUZZ_EXAMPLES=N explores afresh.
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          derandomize="SOPDSL_FUZZ_EXAMPLES" not in os.environ,
          database=None if "SOPDSL_FUZZ_EXAMPLES" not in os.environ else settings.default.database)
@given(sop=st.one_of(sops(), busy_sops()), lang=st.sampled_from(["id", "en"]))
def test_the_guarantees_hold_for_any_flow(browser, tmp_path, sop, lang):
    assert measured(browser, tmp_path, sop, lang)["problems"] == []
