"""The printed SOP AP document: structure and escaping of the HTML, and its geometry measured in headless Chromium.

The geometry tests load the HTML in Chromium and check what a reader checks by eye: each symbol stands
in its performer's column, every arrow is one connected line that leaves its source symbol and whose
head touches its target, and no page holds more step rows than configured. They are skipped, with the
reason shown, where Chromium is not installed (Debian package `chromium`).
"""

from __future__ import annotations

import io
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl.parse.parser import parse_text
from sopdsl.render.document.html import render
from sopdsl.render.document.layout import lay_out
from sopdsl.render.options import RenderOptions

from .conftest import FIXTURES, SPECS
from .strategies import sops

SPEC_FILES = sorted(SPECS.glob("*.sop"))
ARROWS = FIXTURES / "render" / "arrows.sop"
FUZZ_EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 10)

GEOMETRY = r"""
(() => {
  const tolerance = 1.6;
  const problems = [];
  const box = (element) => element.getBoundingClientRect();
  const touch = (a, b) => a.left - tolerance <= b.right && b.left - tolerance <= a.right &&
                          a.top - tolerance <= b.bottom && b.top - tolerance <= a.bottom;
  const tables = [...document.querySelectorAll("table.flowchart")];
  for (const table of tables) {
    const columns = {};
    table.querySelectorAll("th.role").forEach((th) => { columns[th.dataset.col] = box(th); });
    table.querySelectorAll(".symbol").forEach((symbol) => {
      const cell = symbol.closest("td");
      const column = columns[cell.dataset.col];
      const r = box(symbol);
      const middle = (r.left + r.right) / 2;
      if (symbol.dataset.step && !(middle > column.left && middle < column.right)) {
        problems.push(`${symbol.id} stands outside its performer's column ${cell.dataset.col}`);
      }
      const c = box(cell);
      if (r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) problems.push(`${symbol.id} sticks out of its row`);
    });
  }
  const groups = {};
  document.querySelectorAll(".line, .head").forEach((element) => {
    const key = `${element.dataset.edge} part ${element.dataset.part}`;
    groups[key] = groups[key] || {elements: [], from: element.dataset.from, to: element.dataset.to};
    groups[key].elements.push(element);
  });
  for (const [key, group] of Object.entries(groups)) {
    const boxes = group.elements.map(box);
    const parent = boxes.map((_, i) => i);
    const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    boxes.forEach((a, i) => boxes.forEach((b, j) => { if (i < j && touch(a, b)) parent[find(i)] = find(j); }));
    if (new Set(boxes.map((_, i) => find(i))).size > 1) problems.push(`${key} is broken into pieces`);
    const source = document.getElementById(group.from);
    const target = document.getElementById(group.to);
    if (!source || !target) { problems.push(`${key} joins a missing element`); continue; }
    if (!boxes.some((b) => touch(b, box(source)))) problems.push(`${key} does not leave ${group.from}`);
    const heads = group.elements.filter((e) => e.classList.contains("head"));
    if (key.includes("+")) {
      if (!boxes.some((b) => touch(b, box(target)))) problems.push(`${key} does not reach ${group.to}`);
    } else if (heads.length !== 1) {
      problems.push(`${key} has ${heads.length} arrowheads`);
    } else if (!touch(box(heads[0]), box(target))) {
      problems.push(`${key} ends away from ${group.to}`);
    }
  }
  return {
    problems,
    rows: tables.map((t) => t.querySelectorAll("tbody tr.step").length),
    arrows: Object.keys(groups).length,
    symbols: document.querySelectorAll(".symbol[data-step]").length,
  };
})()
"""


def measure(browser, tmp_path: Path, document: str) -> dict:
    page = tmp_path / "page.html"
    page.write_text(document, encoding="utf-8")
    browser.load(page)
    return browser.evaluate(GEOMETRY)


def symbol_count(sop) -> int:
    return sum(len({ref.id for ref in step.by if ref.id in {r.id for r in sop.roles}}) or 1
               for step in sop.activities())


# -- geometry, in Chromium --------------------------------------------------------------------


@pytest.mark.parametrize("path", SPEC_FILES + [ARROWS], ids=lambda p: p.stem)
@pytest.mark.parametrize("rows", [(6, 5), (3, 2)])
def test_symbols_sit_in_their_columns_and_arrows_connect(browser, tmp_path, path, rows):
    sop = parse_text(path.read_text(encoding="utf-8"))
    options = RenderOptions(first_page_rows=rows[0], page_rows=rows[1])
    result = measure(browser, tmp_path, render(sop, options))
    assert result["problems"] == []
    assert result["symbols"] == symbol_count(sop)
    assert result["arrows"] > 0
    assert result["rows"][0] <= rows[0] and all(count <= rows[1] for count in result["rows"][1:])
    assert sum(result["rows"]) == len(list(sop.activities()))


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sop=sops(most_branches=7), first=st.integers(1, 7), later=st.integers(1, 7))
def test_geometry_holds_for_any_sop(browser, tmp_path, sop, first, later):
    result = measure(browser, tmp_path, render(sop, RenderOptions(first_page_rows=first, page_rows=later)))
    assert result["problems"] == []
    assert result["symbols"] == symbol_count(sop)


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: p.stem)
def test_each_table_page_prints_on_one_sheet_with_selectable_text(browser, tmp_path, path):
    pypdf = pytest.importorskip("pypdf")
    sop = parse_text(path.read_text(encoding="utf-8"))
    document = render(sop, RenderOptions())
    page = tmp_path / "page.html"
    page.write_text(document, encoding="utf-8")
    reader = pypdf.PdfReader(io.BytesIO(browser.pdf(page)))
    sheets = document.count('<section class="sheet')
    assert len(reader.pages) == sheets  # no table page spilled over onto a second sheet
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "Kegiatan" in text and "Pelaksana" in text
    assert " ".join(sop.title.value.split()) in text


def test_f4_paper_prints_folio_landscape(browser, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    sop = parse_text(SPEC_FILES[0].read_text(encoding="utf-8"))
    page = tmp_path / "page.html"
    page.write_text(render(sop, RenderOptions(paper="f4")), encoding="utf-8")
    first = pypdf.PdfReader(io.BytesIO(browser.pdf(page))).pages[0]
    assert (round(float(first.mediabox.width)), round(float(first.mediabox.height))) == (935, 609)


# -- layout, without a browser ----------------------------------------------------------------


@settings(max_examples=FUZZ_EXAMPLES * 10, deadline=None)
@given(sop=sops(), first=st.integers(1, 7), later=st.integers(1, 7))
def test_pages_respect_the_row_limits_and_keep_every_step_once(sop, first, later):
    layout = lay_out(sop, RenderOptions(first_page_rows=first, page_rows=later))
    counts = [page.step_count for page in layout.pages]
    assert counts[0] <= first and all(count <= later for count in counts[1:])
    keys = [row.row.key for page in layout.pages for row in page.rows if row.kind == "step"]
    assert len(keys) == len(set(keys)) == len(list(sop.activities()))
    for page in layout.pages:
        assert not page.rows or page.rows[-1].kind == "step"  # a section title never ends a page


@settings(max_examples=FUZZ_EXAMPLES * 10, deadline=None)
@given(sop=sops(most_branches=7), first=st.integers(1, 4), later=st.integers(1, 4))
def test_off_page_connectors_come_in_lettered_pairs(sop, first, later):
    document = render(sop, RenderOptions(first_page_rows=first, page_rows=later))
    letters = re.findall(r'data-connector="([0-9]+)"', document)
    assert all(letters.count(letter) == 2 for letter in letters)
    for letter in set(letters):
        assert f'id="con-{letter}-out"' in document and f'id="con-{letter}-in"' in document


class _Collector(HTMLParser):
    """Tags and text of an HTML document, as a browser would see them."""

    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


HOSTILE = '<script>alert("x")</script> & <b onclick="x">tebal</b> \'kutip\' </td></tr>'


def test_author_text_never_becomes_markup():
    text = f"""\
sop jahat: {HOSTILE}
  number: {HOSTILE}
  unit:
    - {HOSTILE}
  legal-basis:
    - {HOSTILE}
  related:
    - "{HOSTILE.replace('"', "'")}"
  warning: {HOSTILE}
role r: {HOSTILE}
section A: {HOSTILE}
step s: {HOSTILE}
  by: r
  needs: {HOSTILE}
  time: "{HOSTILE.replace('"', "'")}"
  output: {HOSTILE}
  note: {HOSTILE}
decision d: {HOSTILE}
  by: r
  branch "{HOSTILE.replace('"', "'")}": s
  yes: next
step t: {HOSTILE}
  by: r
"""
    document = render(parse_text(text), RenderOptions())
    collector = _Collector()
    collector.feed(document)
    tags = {tag for tag, _ in collector.tags}
    assert "script" not in tags and "b" not in tags
    assert not any(name.startswith("on") for _, attrs in collector.tags for name in attrs)
    assert sum('<script>alert("x")</script>' in piece for piece in collector.text) >= 10


def test_dates_and_labels_are_indonesian_by_default_and_english_on_request():
    sop = parse_text(
        "sop s: Contoh\n  created: 2024-05-29\n  effective: 2024-01-02\nrole r: Petugas\nstep: Kerja\n  by: r\n"
        "  time: 1 jam\n"
    )
    indonesian = render(sop, RenderOptions())
    assert "29 Mei 2024" in indonesian and "2 Januari 2024" in indonesian
    assert "Kegiatan" in indonesian and "Mutu Baku" in indonesian and "Jumlah waktu" in indonesian
    english = render(sop, RenderOptions(lang="en"))
    assert "29 May 2024" in english and "Activity" in english and "Kegiatan" not in english


def test_the_total_row_gives_the_procedures_time():
    sop = parse_text((SPECS / "pendokumentasian-informasi-publik.sop").read_text(encoding="utf-8"))
    document = render(sop, RenderOptions())
    assert "2 hari kerja 45 menit (+ 1 langkah tanpa waktu terukur)" in document  # worked out in docs/totals.md
    assert document.count('class="total"') == 1


def test_first_and_last_steps_are_capsules_and_decisions_diamonds():
    sop = parse_text((SPECS / "pendokumentasian-informasi-publik.sop").read_text(encoding="utf-8"))
    document = render(sop, RenderOptions())
    shapes = re.findall(r'class="symbol (\w+)[^"]*" id="sym-s1-(\d+)"', document)
    assert shapes == [("terminator", "1"), ("process", "2"), ("process", "3"), ("decision", "4"),
                      ("decision", "5"), ("terminator", "6")]
    assert {"Ya", "Tidak"} <= set(re.findall(r'class="tag"[^>]*>([^<]+)<', document))
