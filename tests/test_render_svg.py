"""The SVG swimlane diagram: well-formed and self-contained, every symbol in its lane, every arrow joined up."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from math import hypot

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl.model import Sop
from sopdsl.parse import parse_text
from sopdsl.render import renderer
from sopdsl.render.diagrams import svg_layout as svg
from sopdsl.render.diagrams.svg_text import diamond_rooms, text_width, wrap_width
from sopdsl.render.flow import Arrow, diagram
from sopdsl.render.options import RenderOptions
from sopdsl.render.xml_text import xml_safe

from .conftest import SPECS
from .strategies import sops, text_values

FUZZ_EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 40)
SVG = "{http://www.w3.org/2000/svg}"
TOLERANCE = 0.05  # coordinates are written with two decimals

Point = tuple[float, float]

HOSTILE = """\
sop hostile: Judul <script>alert(1)</script> & "kutip" 'satu' ]]>

role a: Peran <b> & "A"
role b: Peran ]]> B

section X: Bagian <i> & ]]>

step mulai: Mulai <script> & 'x' ]]> "y"
  by: a

decision cek: Benar <img src=x onerror=alert(1)> ?
  by: b, a
  yes: next
  no: mulai
  branch "<script> & ]]>": end

step akhir: Akhir </svg> &amp;
  by: a
"""


def render_svg(sop: Sop, lang: str = "id") -> str:
    return renderer("svg").render(sop, RenderOptions(lang=lang))


def spec_sops() -> list[tuple[str, Sop]]:
    return [(path.name, parse_text(path.read_text(encoding="utf-8"))) for path in sorted(SPECS.glob("*.sop"))]


# --- reading the drawing back --------------------------------------------------------------------------------


class Shape:
    """A symbol read back from the SVG: a (rounded) rectangle or a diamond."""

    def __init__(self, element: ET.Element):
        self.element = element
        if element.tag == SVG + "polygon":
            points = [tuple(map(float, pair.split(","))) for pair in element.get("points").split()]
            xs, ys = [x for x, _ in points], [y for _, y in points]
            self.diamond, self.radius = True, 0.0
        else:
            x, y = float(element.get("x")), float(element.get("y"))
            xs, ys = [x, x + float(element.get("width"))], [y, y + float(element.get("height"))]
            self.diamond, self.radius = False, float(element.get("rx") or 0)
        self.left, self.right, self.top, self.bottom = min(xs), max(xs), min(ys), max(ys)

    @property
    def centre(self) -> Point:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2

    def distance(self, point: Point) -> float:
        """Signed distance from the outline: negative inside (exact for rectangles, scaled for diamonds)."""
        cx, cy = self.centre
        half_width, half_height = (self.right - self.left) / 2, (self.bottom - self.top) / 2
        dx, dy = abs(point[0] - cx), abs(point[1] - cy)
        if self.diamond:
            # distance to the edge line |x|/hw + |y|/hh = 1
            return (dx / half_width + dy / half_height - 1) / hypot(1 / half_width, 1 / half_height)
        qx, qy = dx - (half_width - self.radius), dy - (half_height - self.radius)
        outside = hypot(max(qx, 0.0), max(qy, 0.0))
        return outside + min(max(qx, qy), 0.0) - self.radius


def parse_svg(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def elements_by_id(root: ET.Element) -> dict[str, ET.Element]:
    found: dict[str, ET.Element] = {}
    for element in root.iter():
        if element.get("id") is not None:
            assert element.get("id") not in found, f"duplicate id {element.get('id')}"
            found[element.get("id")] = element
    return found


def symbol_of(group: ET.Element) -> Shape:
    symbols = [element for element in group.iter() if "symbol" in (element.get("class") or "").split()]
    assert len(symbols) == 1
    return Shape(symbols[0])


def path_points(d: str) -> list[Point]:
    tokens = d.split()
    assert tokens[0] == "M" and all(tokens[index] == "L" for index in range(3, len(tokens), 3))
    return [(float(tokens[index + 1]), float(tokens[index + 2])) for index in range(0, len(tokens), 3)]


def texts_of(group: ET.Element, css: str = "line") -> list[ET.Element]:
    return [element for element in group.iter(SVG + "text") if element.get("class") == css]


def drawn(arrow: Arrow) -> bool:
    """The plain arrow from a flow's last step to the end is the last capsule itself (a decision stays a diamond)."""
    source = arrow.source
    return not (arrow.target is None and source.last and not source.step.is_decision and arrow.label is None)


def arrow_id(arrow: Arrow) -> str:
    return f"arrow-{arrow.source.key}-to-{arrow.target.key if arrow.target is not None else 'end'}"


def squeezed(text: str) -> str:
    """Text without blanks: what wrapping keeps, wherever it breaks lines."""
    return "".join(xml_safe(text).split())


# --- the checks ----------------------------------------------------------------------------------------------


def check_self_contained(root: ET.Element) -> None:
    assert root.tag == SVG + "svg"
    width, height = float(root.get("width")), float(root.get("height"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}" and width > 0 and height > 0
    for element in root.iter():
        assert element.tag not in (SVG + "script", SVG + "foreignObject", SVG + "image", SVG + "a", SVG + "use")
        assert element.tag.startswith(SVG), element.tag
        for name, value in element.attrib.items():
            assert not name.endswith("href") and not name.startswith("on"), name
            for reference in re.findall(r"url\(([^)]*)\)", value):
                assert reference.startswith("#"), value
    background = root.find(SVG + "rect")
    assert background.get("class") == "background" and background.get("fill") == "#ffffff"


def check_text_fits(shape: Shape, line: ET.Element) -> None:
    x, baseline = float(line.get("x")), float(line.get("y"))
    half = text_width(line.text, svg.FONT_SIZE) / 2
    top = baseline - svg.BASELINE
    bottom = top + svg.LINE_HEIGHT
    for corner in ((x - half, top), (x + half, top), (x - half, bottom), (x + half, bottom)):
        assert shape.distance(corner) <= TOLERANCE, (line.text, corner)


def check_steps(sop: Sop, ids: dict[str, ET.Element], lang: str) -> None:
    lanes = [Shape(ids[f"lane-{lane}"]) for lane in range(len(diagram(sop, lang).columns))]
    for flow in diagram(sop, lang).flows:
        for row in flow.steps:
            group = ids[f"step-{row.key}"]
            copies = [element for element in group if element.get("class") == "performer"]
            assert sorted(copy.get("id") for copy in copies) == sorted(f"step-{row.key}-lane-{c}" for c in row.columns)
            for column, copy in ((c, ids[f"step-{row.key}-lane-{c}"]) for c in row.columns):
                shape = symbol_of(copy)
                assert ("decision" if row.step.is_decision else row.shape) in shape.element.get("class").split()
                assert lanes[column].left < shape.centre[0] < lanes[column].right
                lines = texts_of(copy)
                for line in lines:
                    check_text_fits(shape, line)
                assert squeezed(" ".join(line.text for line in lines)) == squeezed(row.step.text.value)


def check_arrows(sop: Sop, ids: dict[str, ET.Element], lang: str) -> None:
    expected = set()
    for flow in diagram(sop, lang).flows:
        for arrow in flow.arrows:
            if not drawn(arrow):
                assert arrow_id(arrow) not in ids
                continue
            expected.add(arrow_id(arrow))
            group = ids[arrow_id(arrow)]
            points = path_points(group.find(SVG + "path").get("d"))
            assert len(points) >= 2
            for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
                assert (x1 == x2) != (y1 == y2), points  # axis-aligned, and never of zero length
            source = symbol_of(ids[f"step-{arrow.source.key}-lane-{arrow.source.columns[0]}"])
            if arrow.target is None:
                target = symbol_of(ids[f"end-{arrow.source.key}"])
                assert [line.text for line in texts_of(ids[f"end-{arrow.source.key}"])] == [
                    svg.LABELS[lang]["end"]]
            else:
                target = symbol_of(ids[f"step-{arrow.target.key}-lane-{arrow.target.columns[0]}"])
            assert abs(source.distance(points[0])) <= TOLERANCE, (arrow_id(arrow), points[0])
            assert abs(target.distance(points[-1])) <= TOLERANCE, (arrow_id(arrow), points[-1])
            labels = texts_of(group)
            assert squeezed(" ".join(line.text for line in labels)) == squeezed(arrow.label or "")
    drawn_ids = {element.get("id") for element in ids.values() if element.get("class") == "arrow"}
    assert drawn_ids == expected


def check_diagram(sop: Sop, lang: str = "id") -> ET.Element:
    text = render_svg(sop, lang)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    root = parse_svg(text)
    check_self_contained(root)
    assert (root.find(SVG + "title").text or "") == xml_safe(sop.title.value)
    ids = elements_by_id(root)
    check_steps(sop, ids, lang)
    check_arrows(sop, ids, lang)
    return root


# --- tests ---------------------------------------------------------------------------------------------------


def test_svg_is_a_text_format():
    assert renderer("svg").BINARY is False


@pytest.mark.parametrize("name,sop", spec_sops(), ids=[name for name, _ in spec_sops()])
def test_specs_draw_every_step_and_arrow(name, sop):
    root = check_diagram(sop)
    columns = diagram(sop).columns
    lane_titles = [
        " ".join(line.text for line in texts_of(group))
        for group in root.iter(SVG + "g") if group.get("class") == "lane-title"
    ]
    assert lane_titles == [column.name for column in columns]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sections_are_title_rows_and_steps_are_numbered_within_them(lang):
    name, sop = spec_sops()[0]
    root = check_diagram(sop, lang)
    sections = [group for group in root.iter(SVG + "g") if group.get("class") == "section"]
    assert [group.find(SVG + "text").text for group in sections] == [s.id for s in sop.sections]
    numbers = ["".join(line.text for line in texts_of(group, "number-line")) for group in root.iter(SVG + "g")
               if group.get("class") == "number"]
    assert numbers[0] == f"{sop.sections[0].id}.1"


def test_rework_loops_run_in_gutters_and_enter_from_the_side():
    sop = parse_text((SPECS / "pendokumentasian-informasi-publik.sop").read_text(encoding="utf-8"))
    ids = elements_by_id(check_diagram(sop))
    back = [arrow for flow in diagram(sop).flows for arrow in flow.arrows if arrow.back]
    assert len(back) == 2
    for arrow in back:
        points = path_points(ids[arrow_id(arrow)].find(SVG + "path").get("d"))
        target = symbol_of(ids[f"step-{arrow.target.key}-lane-{arrow.target.columns[0]}"])
        assert points[-1][1] == pytest.approx(target.centre[1])  # into the side, at mid-height
        assert points[-2][1] == points[-1][1]
        assert texts_of(ids[arrow_id(arrow)])[0].text == "Tidak"


def test_hostile_text_stays_text():
    sop = parse_text(HOSTILE)
    text = render_svg(sop)
    assert "<script" not in text and "<b>" not in text and "<img" not in text and "<i>" not in text
    assert "]]>" not in text and text.count("</svg>") == 1
    root = check_diagram(sop)
    strings = [element.text or "" for element in root.iter()]
    for piece in ("<script>", "&", '"y"', "'x'", "]]>", "</svg>", "&amp;", "<b>", "<i>", "<img"):
        assert any(piece in string for string in strings), piece
    assert root.find(SVG + "title").text == sop.title.value
    assert not [element for element in root.iter() if element.tag in (SVG + "script", SVG + "img", SVG + "b")]


def test_several_performers_repeat_the_symbol_joined_by_a_line():
    sop = parse_text(HOSTILE)
    ids = elements_by_id(check_diagram(sop))
    decision = diagram(sop).flows[0].steps[1]
    group = ids[f"step-{decision.key}"]
    join = path_points(next(e for e in group if e.get("class") == "join").get("d"))
    centres = sorted(symbol_of(ids[f"step-{decision.key}-lane-{c}"]).centre for c in decision.columns)
    assert join == [centres[0], centres[-1]]


def test_arrow_to_the_end_from_a_middle_step_ends_in_a_small_capsule():
    sop = parse_text(HOSTILE)
    for lang, word in (("id", "Selesai"), ("en", "End")):
        ids = elements_by_id(check_diagram(sop, lang))
        decision = diagram(sop, lang).flows[0].steps[1]
        capsule = ids[f"end-{decision.key}"]
        assert texts_of(capsule)[0].text == word
        assert symbol_of(capsule).top > symbol_of(ids[f"step-{decision.key}-lane-{decision.columns[0]}"]).bottom


def test_parallel_back_arrows_get_separate_tracks():
    sop = parse_text("""\
sop loops: Loops
role a: A
step s1: Satu
  by: a
step s2: Dua
  by: a
decision s3: Tiga?
  by: a
  yes: next
  no: s1
decision s4: Empat?
  by: a
  yes: next
  no: s2
step s5: Lima
  by: a
""")
    ids = elements_by_id(check_diagram(sop))
    tracks = []
    for arrow in (a for a in diagram(sop).flows[0].arrows if a.back):
        points = path_points(ids[arrow_id(arrow)].find(SVG + "path").get("d"))
        verticals = [(x1, sorted((y1, y2))) for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False) if x1 == x2]
        tracks.extend(verticals)
    assert len(tracks) == 2
    (x1, span1), (x2, span2) = tracks
    overlapping = span1[0] < span2[1] and span2[0] < span1[1]
    assert overlapping and x1 != x2


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sops(), st.sampled_from(["id", "en"]))
def test_any_sop_draws_a_consistent_diagram(sop, lang):
    check_diagram(sop, lang)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(text_values(), st.integers(60, 300))
def test_wrapped_lines_fit_their_width(text, width):
    lines = wrap_width(text, svg.FONT_SIZE, width)
    assert "".join(lines).replace(" ", "") == "".join(text.split())
    assert all(text_width(line, svg.FONT_SIZE) <= width or len(line) == 1 for line in lines)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(text_values())
def test_decision_text_fits_its_diamond(text):
    height, lines = svg.DIAMOND_TEXT.fit(text, 44)
    assert height >= 44
    rooms = diamond_rooms(len(lines), svg.LINE_HEIGHT, svg.DIAMOND_WIDTH, height, svg.DIAMOND_PADDING)
    assert all(text_width(line, svg.FONT_SIZE) <= room for line, room in zip(lines, rooms, strict=False))
    assert "".join(lines).replace(" ", "") == "".join(text.split())


def test_characters_xml_cannot_hold_are_replaced():
    assert xml_safe("a\ufffeb\x01c\ttab") == "a\ufffdb\ufffdc\ttab"
    parse_svg(render_svg(parse_text(HOSTILE.replace("Mulai", "Mulai \ufffe"))))

