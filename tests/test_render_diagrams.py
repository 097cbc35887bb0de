"""The Mermaid and Graphviz diagrams: golden files, structure against the flows, escaping, and what `dot` makes of them.

The expected outputs live in tests/golden/diagrams/<spec-stem>.mmd and .dot. After an intended change of the
output, rewrite them with

    SOPDSL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render_diagrams.py

and review the difference before keeping it. The tests that lay graphs out need Graphviz's `dot` on the PATH
(Debian package `graphviz`); without it they are skipped and say so.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from attrs import define, field
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl.model import Branch, Decision, Ref, Role, Section, Sop, Step, Text
from sopdsl.parse import parse_text
from sopdsl.render import renderer
from sopdsl.render.diagrams.diagram_text import step_id, stop_id
from sopdsl.render.flow import diagram
from sopdsl.render.labels import LABELS
from sopdsl.render.options import RenderOptions

from .conftest import ROOT, SPECS
from .strategies import sops

FUZZ_EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 30)
DOT_EXAMPLES = max(1, FUZZ_EXAMPLES // 2)  # each runs `dot`
GOLDEN = ROOT / "tests" / "golden" / "diagrams"
UPDATE_GOLDEN = os.environ.get("SOPDSL_UPDATE_GOLDEN") == "1"
SPEC_STEMS = sorted(path.stem for path in SPECS.glob("*.sop"))
SUFFIXES = {"mermaid": "mmd", "dot": "dot"}
DOT = shutil.which("dot")
needs_dot = pytest.mark.skipif(DOT is None, reason="Graphviz `dot` is not installed: DOT output is not laid out")
SVG = "{http://www.w3.org/2000/svg}"

HOSTILE = [
    'Kutip "ganda" dan \\ garis miring terbalik \\" \\\\',
    "<script>alert('x')</script> <b>tebal</b> <br/> &amp; &lt; &#60;",
    "kurung ] ) } ]) }} {{ [[ ( [ {",
    "pipa | titik koma ; pagar # #quot; #35; #lt; %%{init: {'theme':'dark'}}%%",
    "C:\\naskah \\N \\G \\l \\n fa:fa-car $$x^2$$ **tebal** `kode`",
    "baris\npisah\r\nlagi\u2028juga\ttab",
    "s1_1 --> s1_2 -->|Ya| x; style s1_1 fill:#f00; click s1_1 call alert()",
    'label="x"]; s9 [label="y" // akhir */ \\',
    "\u00b6\u00df \ufb02\u00b0\u00b0 60 \ufb02\u00b0 x",
]

HOSTILE_SOP = """\
sop jahat: "Judul \\"kutip\\" <script>alert(1)</script> & %%{init: {'theme':'dark'}}%%"
role a: "Peran \\"A\\" ]; } | # ; ` \\\\ <b>x</b>"
role b: "B -->|x| C style s1_1 fill:#f00;"
section X1: "Bagian \\\\ \\"satu\\" %%{init}%% // */ \\\\"
step mulai: "Mulai \\"kutip\\" \\\\ <script>alert('x')</script> ] } | ; # `md` &amp; #quot; \\\\n"
  by: a
decision cek: "Periksa?] --> s9[\\"x\\"] ]) }} {{ \\\\N \\\\\\\\"
  by: b
  yes: next
  no: end
  branch "lain|\\"] --> x; #lt;": mulai
step: "Selesai \\\\
    baris <dua> \\"
    ]; }"
  by: a
"""


# ---- what every drawing must show ------------------------------------------------------------------


@define
class Expected:
    """The nodes and arrows a drawing of an SOP must hold, worked out from its flows."""

    lane_names: dict[str, str] = field(factory=dict)  # lane id -> role name
    lane_of: dict[str, str] = field(factory=dict)  # node id -> lane id
    shapes: dict[str, str] = field(factory=dict)  # node id -> terminator / process / decision
    labels: dict[str, str] = field(factory=dict)  # node id -> label text without blanks
    order: list[str] = field(factory=list)  # node ids in table order
    edges: list[tuple[str, str, str, bool]] = field(factory=list)  # source, target, label without blanks, back


def squashed(text: str) -> str:
    """Text without blanks, line breaks or characters no drawing can hold: what every line wrapping keeps."""
    return "".join(char for char in text if not char.isspace() and unicodedata.category(char) not in ("Cc", "Cs")
                   and char not in "\ufffe\uffff")


def expected(sop: Sop, lang: str) -> Expected:
    drawing = diagram(sop, lang)
    result = Expected()
    for flow in drawing.flows:
        for row in flow.steps:
            node = step_id(row)
            result.lane_of[node] = f"lane{row.columns[0] + 1}"
            result.lane_names[result.lane_of[node]] = drawing.columns[row.columns[0]].name
            result.shapes[node] = "decision" if row.step.is_decision else row.shape  # a diamond, first or last too
            number = f"{flow.heading.letter}.{row.number}" if flow.heading is not None else str(row.number)
            result.labels[node] = squashed(number + row.step.text.value)
            result.order.append(node)
        for arrow in flow.arrows:
            if arrow.target is None and arrow.source.last and not arrow.source.step.is_decision and arrow.label is None:
                continue  # the last step's own way out: its terminator already ends the flow
            if arrow.target is None and stop_id(flow) not in result.labels:
                result.labels[stop_id(flow)] = squashed(LABELS[lang]["end"])
                result.shapes[stop_id(flow)] = "terminator"
                result.lane_of[stop_id(flow)] = f"lane{flow.steps[-1].columns[0] + 1}"
            target = stop_id(flow) if arrow.target is None else step_id(arrow.target)
            result.edges.append((step_id(arrow.source), target, squashed(arrow.label or ""), arrow.back))
        if flow.steps and stop_id(flow) in result.labels:
            result.order.append(stop_id(flow))
    return result


# ---- reading Mermaid back --------------------------------------------------------------------------

LABEL = r'"([^"]*)"'
NODE_SHAPES = {"([": "terminator", "[": "process", "{": "decision"}
MERMAID_LINES = {
    "node": re.compile(r" {8}(s\d+_(?:\d+|stop))(\(\[|\[|\{)" + LABEL + r"(\]\)|\]|\})"),
    "lane": re.compile(r" {4}subgraph (lane\d+) \[" + LABEL + r"\]"),
    "end": re.compile(r" {4}end"),
    "edge": re.compile(r" {4}(s\d+_\d+) -->(?:\|" + LABEL + r"\|)? (s\d+_(?:\d+|stop))"),
    "hidden": re.compile(r" {4}(s\d+_(?:\d+|stop)) ~~~ (s\d+_(?:\d+|stop))"),
    "comment": re.compile(r" {4}%% (.+)"),
}
ESCAPED_TEXT = re.compile(r"(?:#\d+;|[^\W_]|[ .,\-/()'!?])*")


@define
class MermaidChart:
    lanes: dict[str, str] = field(factory=dict)  # lane id -> title
    lane_of: dict[str, str] = field(factory=dict)
    shapes: dict[str, str] = field(factory=dict)
    labels: dict[str, str] = field(factory=dict)
    node_lines: list[str] = field(factory=list)
    edges: list[tuple[str, str, str]] = field(factory=list)
    hidden: list[tuple[str, str]] = field(factory=list)


def decoded(label: str) -> str:
    """The text a Mermaid label shows, its line breaks dropped; fails unless every character is escaped."""
    lines = label.split("\\n")
    for line in lines:
        assert ESCAPED_TEXT.fullmatch(line), f"unescaped text in Mermaid label {line!r}"
    shown = re.sub(r"#(\d+);", lambda match: chr(int(match.group(1))), "".join(lines))
    assert not re.search("\ufb02\u00b0|\u00b6\u00df", shown), "Mermaid would read its own entity marks here"
    return re.sub("([\ufb02\u00b6])\u2060", r"\1", shown)


def parse_mermaid(text: str) -> MermaidChart:
    """The chart a Mermaid text describes; fails on any line outside the shapes the renderer writes."""
    lines = text.split("\n")
    assert lines[0] == "flowchart TD" and lines[-1] == ""
    chart, lane = MermaidChart(), None
    for line in lines[1:-1]:
        kind, match = next(((kind, pattern.fullmatch(line)) for kind, pattern in MERMAID_LINES.items()
                            if pattern.fullmatch(line)), (None, None))
        assert kind is not None, f"unexpected Mermaid line {line!r}"
        if kind == "lane":
            assert lane is None, "lanes do not nest"
            lane = match.group(1)
            chart.lanes[lane] = decoded(match.group(2))
        elif kind == "end":
            assert lane is not None
            lane = None
        elif kind == "node":
            node, opening, label, closing = match.groups()
            assert lane is not None and node not in chart.labels, f"{node} outside a lane or drawn twice"
            assert (opening + closing) in ("([])", "[]", "{}")
            chart.lane_of[node], chart.shapes[node] = lane, NODE_SHAPES[opening]
            chart.labels[node] = squashed(decoded(label))
            chart.node_lines.append(node)
        elif kind == "edge":
            chart.edges.append((match.group(1), match.group(3), squashed(decoded(match.group(2) or ""))))
        elif kind == "hidden":
            chart.hidden.append(match.groups())
        else:
            decoded(match.group(1))
    assert lane is None
    return chart


def assert_mermaid_matches(sop: Sop, lang: str, text: str) -> None:
    chart, wanted = parse_mermaid(text), expected(sop, lang)
    assert chart.labels == wanted.labels
    assert chart.shapes == wanted.shapes
    assert chart.lane_of == wanted.lane_of
    assert {lane: squashed(title) for lane, title in chart.lanes.items()} == {
        lane: squashed(name) for lane, name in wanted.lane_names.items()}
    assert sorted(chart.edges) == sorted(edge[:3] for edge in wanted.edges)
    linked = set(chart.hidden) | {(source, target) for source, target, _ in chart.edges}
    assert all(pair in linked for pair in zip(wanted.order, wanted.order[1:], strict=False)), "table order not kept"


# ---- laying DOT out --------------------------------------------------------------------------------


@define
class LaidOut:
    """What `dot` made of a graph: its SVG and its JSON description."""

    svg: ElementTree.Element
    graph: dict

    def objects(self) -> dict[int, dict]:
        return {item["_gvid"]: item for item in self.graph.get("objects", [])}

    def svg_texts(self, kind: str) -> dict[str, str]:
        """For each SVG group of `kind` (node, edge, cluster): its title and its text, blanks dropped."""
        texts = {}
        for group in self.svg.iter(f"{SVG}g"):
            if group.get("class") == kind:
                title = group.find(f"{SVG}title").text
                texts[title] = squashed("".join(item.text or "" for item in group.iter(f"{SVG}text")))
        return texts


def lay_out(source: str) -> LaidOut:
    """Runs `dot` on a graph and returns its SVG and JSON; fails unless `dot` accepts the graph cleanly."""
    with tempfile.TemporaryDirectory() as folder:
        graph_path = Path(folder) / "graph.dot"
        graph_path.write_text(source, encoding="utf-8")
        svg_path, json_path = Path(folder) / "graph.svg", Path(folder) / "graph.json"
        done = subprocess.run([DOT, "-Tsvg", f"-o{svg_path}", "-Tjson", f"-o{json_path}", str(graph_path)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "rror" not in done.stderr and "syntax" not in done.stderr, done.stderr
        return LaidOut(ElementTree.parse(svg_path).getroot(), json.loads(json_path.read_text(encoding="utf-8")))


def assert_dot_matches(sop: Sop, lang: str, text: str) -> None:
    laid_out, wanted = lay_out(text), expected(sop, lang)
    objects = laid_out.objects()
    nodes = {item["name"]: item for item in objects.values() if "nodes" not in item}
    clusters = {item["name"]: item for item in objects.values() if "nodes" in item}
    assert sorted(nodes) == sorted(wanted.labels), "every step exactly once, and only the end terminators besides"
    for node, lane in wanted.lane_of.items():
        members = [objects[index]["name"] for index in clusters[f"cluster_{lane}"]["nodes"]]
        assert node in members, f"{node} is not in the cluster of its performer"
    assert laid_out.svg_texts("node") == wanted.labels
    cluster_titles = laid_out.svg_texts("cluster")
    assert all(cluster_titles[f"cluster_{lane}"] == squashed(name) for lane, name in wanted.lane_names.items())
    shapes = {name: (item["shape"], item.get("style", "")) for name, item in nodes.items()}
    assert shapes == {node: DOT_SHAPES[shape] for node, shape in wanted.shapes.items()}
    drawn = []
    for edge in laid_out.graph.get("edges", []):
        if edge.get("style") == "invis":
            continue
        label = "".join(draw.get("text", "") for draw in edge.get("_ldraw_", []))
        drawn.append((objects[edge["tail"]]["name"], objects[edge["head"]]["name"], squashed(label),
                      edge.get("constraint") == "false"))
    assert sorted(drawn) == sorted(wanted.edges)
    heights = [float(nodes[node]["pos"].split(",")[1]) for node in wanted.order]
    assert all(upper > lower for upper, lower in zip(heights, heights[1:], strict=False)), "steps not in table order"


DOT_SHAPES = {"terminator": ("box", "rounded"), "process": ("box", ""), "decision": ("diamond", "")}


# ---- helpers -----------------------------------------------------------------------------------------


def spec(stem: str) -> Sop:
    return parse_text((SPECS / f"{stem}.sop").read_text(encoding="utf-8"))


def render(sop: Sop, fmt: str, lang: str = "id") -> str:
    module = renderer(fmt)
    assert module.BINARY is False
    return module.render(sop, RenderOptions(lang=lang))


def hostile_sop(text: str) -> Sop:
    """An SOP with `text` in every place a drawing shows author text, through every kind of arrow."""
    steps = (
        Step(id="a", text=Text(value=text), by=(Ref(id="r1"),)),
        Decision(id="b", text=Text(value=text), by=(Ref(id="r2"),), branches=(
            Branch(kind="yes", target=Ref(id="next")),
            Branch(kind="no", target=Ref(id="end")),
            Branch(kind="label", label=text, target=Ref(id="a")),
        )),
        Step(id=None, text=Text(value=text), by=(Ref(id="r1"),)),
    )
    return Sop(
        id="jahat",
        title=Text(value=text),
        roles=(Role(id="r1", name=Text(value=text)), Role(id="r2", name=Text(value="Dua " + text))),
        sections=(Section(id="A", title=Text(value=text), steps=steps), Section(id="B", title=None, steps=steps)),
    )


# ---- golden files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(SUFFIXES))
@pytest.mark.parametrize("stem", SPEC_STEMS)
def test_bundled_specs_render_as_their_golden_files(stem, fmt):
    path = GOLDEN / f"{stem}.{SUFFIXES[fmt]}"
    rendered = render(spec(stem), fmt).encode("utf-8")
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rendered)
    assert path.is_file(), f"{path} is missing: run with SOPDSL_UPDATE_GOLDEN=1 and review it"
    assert rendered == path.read_bytes()


@needs_dot
@pytest.mark.parametrize("stem", SPEC_STEMS)
def test_golden_dot_files_lay_out_to_well_formed_svg(stem):
    laid_out = lay_out((GOLDEN / f"{stem}.dot").read_text(encoding="utf-8"))
    assert laid_out.svg.tag == f"{SVG}svg"
    assert laid_out.svg_texts("node")


# ---- structure ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", SPEC_STEMS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_mermaid_draws_every_step_and_arrow_of_the_bundled_specs(stem, lang):
    sop = spec(stem)
    assert_mermaid_matches(sop, lang, render(sop, "mermaid", lang))


@needs_dot
@pytest.mark.parametrize("stem", SPEC_STEMS)
def test_dot_draws_every_step_and_arrow_of_the_bundled_specs(stem):
    sop = spec(stem)
    assert_dot_matches(sop, "id", render(sop, "dot"))


ENDINGS = """\
sop akhir: Akhir
role petugas: Petugas
role kepala: Kepala
step terima: Menerima berkas
  by: petugas
decision cek: Lengkap?
  by: kepala
  yes: next
  no: end
step: Mengarsipkan
  by: petugas
"""


def test_an_early_end_gets_its_own_terminator_and_the_last_step_none():
    sop = parse_text(ENDINGS)
    mermaid_text, dot_text = render(sop, "mermaid", "en"), render(sop, "dot", "en")
    assert 's1_2 -->|"No"| s1_stop' in mermaid_text
    assert 's1_stop(["End"])' in mermaid_text
    assert not [edge for edge in parse_mermaid(mermaid_text).edges if edge[0] == "s1_3"]
    assert "s1_3 -> s1_stop [style=invis];" in dot_text and "s1_3 -> s1_stop;" not in dot_text
    assert 's1_2 -> s1_stop [label="No"];' in dot_text
    assert 's1_2 -> s1_3 [label="Yes"];' in dot_text


def test_a_flow_that_ends_only_at_its_last_step_has_no_extra_terminator():
    sop = parse_text(ENDINGS.replace("no: end", "no: terima"))
    assert "stop" not in render(sop, "mermaid") and "stop" not in render(sop, "dot")
    assert 's1_2 -> s1_1 [label="Tidak", constraint=false];' in render(sop, "dot")


def test_sections_number_steps_with_their_letter_and_keep_ids_apart():
    sop = spec("pengelolaan-website-ppid")
    chart = parse_mermaid(render(sop, "mermaid"))
    assert chart.node_lines.count("s1_1") == 1 and chart.node_lines.count("s2_1") == 1
    assert chart.labels["s2_1"].startswith("B.1") and chart.labels["s3_2"].startswith("C.2")


# ---- escaping ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_author_text_stays_text_in_mermaid(text):
    sop = hostile_sop(text)
    rendered = render(sop, "mermaid")
    assert_mermaid_matches(sop, "id", rendered)
    labels = [label.replace("\\n", "") for label in re.findall(LABEL, rendered)]
    assert len(labels) >= 12 and not any(re.search(r"[<>`:$&\\]", label) for label in labels)
    assert "%%{" not in rendered


@needs_dot
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_author_text_round_trips_through_dot(text):
    sop = hostile_sop(text)
    assert_dot_matches(sop, "id", render(sop, "dot"))


def test_hostile_sop_file_renders_as_text_in_both_formats():
    sop = parse_text(HOSTILE_SOP)
    assert_mermaid_matches(sop, "en", render(sop, "mermaid", "en"))
    if DOT is None:
        pytest.skip("Graphviz `dot` is not installed: DOT output is not laid out")
    assert_dot_matches(sop, "en", render(sop, "dot", "en"))


# ---- properties ----------------------------------------------------------------------------------


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sop=sops(), lang=st.sampled_from(["id", "en"]))
def test_any_sop_gives_a_mermaid_chart_of_its_flows(sop, lang):
    assert_mermaid_matches(sop, lang, render(sop, "mermaid", lang))


@needs_dot
@settings(max_examples=DOT_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sop=sops(), lang=st.sampled_from(["id", "en"]))
def test_any_sop_gives_a_graph_dot_lays_out(sop, lang):
    assert_dot_matches(sop, lang, render(sop, "dot", lang))
