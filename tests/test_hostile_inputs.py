"""Regressions of issue 13: what an outside tester found with last-step decisions, huge numbers and long inputs."""

from __future__ import annotations

import re
import tracemalloc
import xml.etree.ElementTree as ET

import pytest

from sopdsl.parse import SopSyntaxError, parse_text
from sopdsl.render import renderer
from sopdsl.render.options import RenderOptions

from .findings import json_findings, run_cli

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


# ---- 15: huge numbers are syntax errors where they stand ------------------------------------------------------

HUGE = "1" + "0" * 4400
HEAD = "sop besar: Angka Besar\n  sla: {sla}\n  calendar:\n    workday: {workday}\nrole p: P\n"
STEP = "step s: Kegiatan\n  by: p\n  time: {time}\n  every: {every}\n"
FINE = {"sla": "1 jam", "workday": "8 jam", "time": "5 menit", "every": "1 x 3 bulan"}
# (field, its value with the huge number, the line and column the error points at)
POSITIONS = [
    ("sla", f"{HUGE} jam", 2, 8),
    ("workday", f"{HUGE} jam", 4, 14),
    ("time", f"{HUGE} menit", 8, 9),
    ("time", f"1 jam {HUGE} (satu) menit", 8, 15),
    ("time", f"1{'0' * 309},5 menit", 8, 9),
    ("time", f"{HUGE}-2 jam", 8, 9),
    ("time", f"1-{HUGE} jam", 8, 11),
    ("time", f"1,{'5' * 10} menit", 8, 9),
    ("every", f"{HUGE} bulan", 9, 10),
    ("every", f"{HUGE} x 3 bulan", 9, 10),
    ("every", f"1 (satu) x {HUGE} (tiga) bulan", 9, 21),
]


def huge_file(field: str, value: str) -> str:
    values = {**FINE, field: value}
    return HEAD.format(**values) + STEP.format(**values)


@pytest.mark.parametrize(("field", "value", "line", "column"), POSITIONS)
def test_item_15_a_huge_number_is_a_syntax_error_at_its_place(field, value, line, column):
    with pytest.raises(SopSyntaxError) as raised:
        parse_text(huge_file(field, value))
    assert (raised.value.line, raised.value.column) == (line, column)
    assert raised.value.message.startswith("number too long: at most 9 digits")


def test_item_15_the_message_says_which_side_of_the_mark_is_too_long():
    before = r"^number too long: at most 9 digits before the decimal mark, found 4,401$"
    with pytest.raises(SopSyntaxError, match=before):
        parse_text(huge_file("time", f"{HUGE} menit"))
    with pytest.raises(SopSyntaxError, match=r"^number too long: at most 9 digits after the decimal mark, found 10$"):
        parse_text(huge_file("time", f"1,{'5' * 10} menit"))


def test_item_15_nine_digits_each_side_are_read():
    sop = parse_text(huge_file("time", "999999999,999999999 menit"))
    assert next(sop.activities()).time.terms[0].number == "999999999,999999999"


@pytest.mark.parametrize("value", [f"{HUGE} menit", f"1{'0' * 309},5 menit"])
def test_item_15_every_command_reports_a_huge_number_as_a_finding(tmp_path, value):
    path = tmp_path / "besar.sop"
    path.write_text(huge_file("time", value), encoding="utf-8")
    runs = {
        "check": run_cli("check", "--format", "json", str(path)),
        "stats": run_cli("stats", str(path)),
        "render": run_cli("render", str(path), "--to", "md", "-o", str(tmp_path / "besar.md")),
        "build": run_cli("build", "--no-pdf", "-o", str(tmp_path / "site"), str(path)),
    }
    for name, run in runs.items():
        assert run.code == 1 and "internal error" not in run.err, (name, run.err[-300:])
    (finding,) = [f for f in json_findings(runs["check"]) if f["rule"] == "syntax-error"]
    assert (finding["line"], finding["column"]) == (8, 9)
    assert f"{path}:8:9: error syntax-error number too long" in runs["stats"].err


def test_item_15_due_dates_past_the_last_date_are_a_usage_error(tmp_path):
    pytest.importorskip("holidays")
    path = tmp_path / "lama.sop"
    path.write_text(huge_file("time", "999999999 tahun"), encoding="utf-8")
    run = run_cli("due", "--from", "2024-01-01", str(path))
    assert run.code == 2 and "internal error" not in run.err
    assert run.err.strip().endswith("fall due after 9999-12-31, the last date there is")


# ---- 16 and 17: long lines are read in one pass, and quoted in part --------------------------------------------


def test_item_16_a_long_blank_run_in_a_quoted_text_folds_as_before():
    sop = parse_text(f'sop a: "Judul{" " * 50_000}panjang \\\\ \\"x\\"\n    lagi"\n')
    assert sop.title.value == 'Judul' + " " * 50_000 + 'panjang \\ "x" lagi'


def test_item_16_the_text_report_quotes_a_long_line_around_its_caret(tmp_path):
    path = tmp_path / "panjang.sop"
    path.write_text(huge_file("time", f"1 jam {HUGE} menit"), encoding="utf-8")
    lines = run_cli("check", str(path)).out.splitlines()
    quoted, caret = lines[lines.index(next(line for line in lines if "number too long" in line)) + 1:][:2]
    assert quoted == "    time: 1 jam " + HUGE[:100] + "…" and caret == "  " + " " * 14 + "^"


def test_item_17_a_comment_after_text_is_still_a_comment():
    sop = parse_text("sop a: Judul  # catatan\nrole p: Petugas#1 \t# peran\n  \n")
    assert (sop.title.value, sop.roles[0].name.value) == ("Judul", "Petugas#1")
    assert [(c.text, c.line, c.column, c.own_line) for c in sop.comments] == [
        ("# catatan", 1, 15, False), ("# peran", 2, 20, False),
    ]


def test_item_17_a_lone_carriage_return_among_blank_lines_is_named():
    with pytest.raises(SopSyntaxError, match="carriage return") as raised:
        parse_text("sop a: Judul\n\n  \r \nrole p: P\n")
    assert (raised.value.line, raised.value.column) == (3, 3)


# ---- 22: messages -----------------------------------------------------------------------------------------------


def test_item_22_an_exceeded_sla_is_stated_once(tmp_path):
    path = tmp_path / "lambat.sop"
    path.write_text(huge_file("time", "2 jam"), encoding="utf-8")
    (finding,) = [f for f in json_findings(run_cli("check", "--format", "json", str(path)))
                  if f["rule"] == "sla-exceeded"]
    assert "more than its sla of 1 jam (60 working minutes);" in finding["message"]


@pytest.mark.parametrize(("value", "start"), [
    ("1 jam 1-2 menit", "a range cannot follow other terms"),
    ("1 jam 1 (satu)-2 menit", "a range cannot follow other terms"),
    ("1-2 jam 30 menit", "other terms cannot follow a range"),
])
def test_item_22_a_range_beside_other_terms_says_so(value, start):
    with pytest.raises(SopSyntaxError) as raised:
        parse_text(huge_file("time", value))
    assert raised.value.message == (
        f"{start}; write the range alone, such as '1-2 jam', or only terms, such as '1 jam 30 menit'"
    )


def test_item_22_a_spelled_out_count_before_x_is_accepted(tmp_path):
    every = next(parse_text(huge_file("every", "1 (satu) x 3 (tiga) bulan")).activities()).every
    assert (every.times, every.number) == ("1", "3")
    assert every.wording == "1 (satu) x 3 (tiga) bulan"
    path = tmp_path / "rutin.sop"
    path.write_text(huge_file("every", "1 (satu) x 3 (tiga) bulan"), encoding="utf-8")
    assert run_cli("fmt", str(path)).code == 0
    assert "  every: 1 (satu) x 3 (tiga) bulan\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["string", "text", "blank lines"])
def test_item_17_a_long_line_is_parsed_in_a_small_multiple_of_its_size(kind):
    size = 1 << 20
    text = {
        "string": f'sop a: "{"a" * size}"\n',
        "text": f"sop a: {'kata ' * (size // 5)}z\n",
        "blank lines": f"sop a: b\n{chr(10) * size}role p: P\n",
    }[kind]
    parse_text("sop a: b\n")  # the parser built before measuring
    tracemalloc.start()
    try:
        parse_text(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * size, f"{peak / size:.0f} bytes per input byte"
