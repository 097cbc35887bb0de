"""The Markdown and CSV step tables: golden files for the bundled specs, wording, escaping and formula safety.

The expected outputs live in tests/golden/tables/<spec-stem>.md and .csv (Indonesian) and <spec-stem>.en.md
(English). After an intended change of the output, rewrite them with

    SOPDSL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render_tables.py

and review the difference before keeping it.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
from fractions import Fraction

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from sopdsl.analysis.totals import SopTotals
from sopdsl.model import Sop, Text
from sopdsl.parse import parse_text
from sopdsl.render import renderer
from sopdsl.render.options import RenderOptions
from sopdsl.render.tables import csv_table, markdown
from sopdsl.render.tables.csv_table import FORMULA_STARTS, section_tables, spreadsheet_safe

from .conftest import ROOT, SPECS
from .strategies import sops

FUZZ_EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 50)
GOLDEN = ROOT / "tests" / "golden" / "tables"
UPDATE_GOLDEN = os.environ.get("SOPDSL_UPDATE_GOLDEN") == "1"
SPEC_STEMS = sorted(path.stem for path in SPECS.glob("*.sop"))
COLUMNS = 7
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")

GOLDEN_CASES = [(stem, "md", "id") for stem in SPEC_STEMS] + [(stem, "csv", "id") for stem in SPEC_STEMS]
GOLDEN_CASES.append(("pendokumentasian-informasi-publik", "md", "en"))

ROUTES = """\
sop contoh: Contoh
  number: 7/SOP/2024
role petugas: Petugas
step terima: Menerima berkas
  by: petugas
  time: 1 jam
  note: Catatan
  uses: penyiapan-jawaban
decision cek: Lengkap?
  by: petugas, tamu
  time: 30 menit
  yes: next
  no: terima
  branch "Ditolak": end
step arsip: Mengarsipkan
  by: petugas
  time: 10 menit
  next: end
step: Tidak pernah dicapai
  by: petugas
"""

HOSTILE = """\
sop jahat: "Judul | <script>alert(1)</script> & # [x](javascript:y)"
  number: "=1+1"
role a: "=cmd|' /C calc'!A0"
section A: "<b>Bagian</b> | satu"
step s: "a | b\\\\| <img src=x onerror=alert(1)>
    baris & kedua"
  by: a
  needs: "+SUM(A1:A9)"
  time: "-2+3"
  output: "@HYPERLINK(\\"http://x\\")"
  note: "`kode` **tebal** _miring_ ~~coret~~ \\\\"
decision d: "| |"
  by: a
  yes: s
  branch "=x|<y>": end
"""


def render(sop: Sop, fmt: str, lang: str = "id", **options) -> str:
    return renderer(fmt).render(sop, RenderOptions(lang=lang, **options))


def spec(stem: str) -> Sop:
    return parse_text((SPECS / f"{stem}.sop").read_text(encoding="utf-8"))


def csv_records(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def table_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.startswith("|")]


def markdown_cells(line: str) -> list[str]:
    """The cells of a pipe-table line as a Markdown reader shows them: split at unescaped pipes, unescaped."""
    parts = UNESCAPED_PIPE.split(line)
    assert parts[0] == "" and parts[-1] == "", line
    cells = []
    for part in parts[1:-1]:
        assert part.startswith(" ") and part.endswith(" "), line
        cells.append(html.unescape(re.sub(r"\\(.)", r"\1", part[1:-1])))
    return cells


def step_count(sop: Sop) -> int:
    return sum(len(section.steps) for section in sop.sections)


def assert_markdown_well_formed(sop: Sop, text: str) -> None:
    """Every line is a heading, a table line, the total or blank; each table line has exactly the 7 cells."""
    for line in text.split("\n"):
        assert line == "" or line.startswith(("# ", "## ", "| ", "**")), line
        if line.startswith("|"):
            assert len(UNESCAPED_PIPE.findall(line)) == COLUMNS + 1, line
    assert "<" not in text and ">" not in text
    assert re.search(r"&(?!amp;|lt;|gt;)", text) is None
    headed = [section for section in sop.sections if section.id is not None]
    assert sum(line.startswith("## ") for line in text.split("\n")) == len(headed)
    assert len(table_lines(text)) == step_count(sop) + 2 * len(sop.sections)


def markdown_step_rows(text: str) -> list[list[str]]:
    """The cells of every step row: table lines that are neither a header nor a delimiter row."""
    lines = table_lines(text)
    return [markdown_cells(line) for line in lines if not line.startswith(("| No |", "| --- |"))]


# ---- golden files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("stem, fmt, lang", GOLDEN_CASES, ids=lambda value: str(value))
def test_bundled_specs_render_as_their_golden_files(stem, fmt, lang):
    name = f"{stem}.{fmt}" if lang == "id" else f"{stem}.{lang}.{fmt}"
    path = GOLDEN / name
    rendered = render(spec(stem), fmt, lang).encode("utf-8")
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rendered)
    assert path.is_file(), f"{path} is missing: run with SOPDSL_UPDATE_GOLDEN=1 and review it"
    assert rendered == path.read_bytes()


@pytest.mark.parametrize("stem", SPEC_STEMS)
def test_bundled_specs_give_one_csv_record_per_step(stem):
    sop = spec(stem)
    text = render(sop, "csv")
    records = csv_records(text)
    width = COLUMNS + 1 if sop.has_sections else COLUMNS
    assert len(records) == 1 + step_count(sop)
    assert all(len(record) == width for record in records)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("stem", SPEC_STEMS)
def test_bundled_specs_give_one_markdown_row_per_step(stem):
    sop = spec(stem)
    text = render(sop, "md")
    assert_markdown_well_formed(sop, text)
    activities = [row[1] for row in markdown_step_rows(text)]
    assert activities == [" ".join(step.text.value.split("\n")) for step in sop.activities()]


# ---- columns and wording --------------------------------------------------------------------------


def test_rows_carry_number_activity_performers_requirements_time_output_and_remarks():
    records = csv_records(render(parse_text(ROUTES), "csv"))
    assert records[0] == ["No", "Kegiatan", "Pelaksana", "Kelengkapan / Persyaratan", "Waktu", "Output", "Keterangan"]
    assert records[1] == [
        "1", "Menerima berkas", "Petugas", "", "1 jam", "", "Catatan — Melaksanakan SOP penyiapan-jawaban"
    ]
    assert records[2] == [
        "2", "Lengkap?", "Petugas, tamu", "", "30 menit", "", "Ya: lanjut ke 3; Tidak: kembali ke 1; Ditolak: Selesai"
    ]
    assert records[3][6] == "Selesai"  # `next: end` before the last step
    assert records[4][6] == ""  # the last step simply ends


def test_english_headings_and_routes():
    sop = parse_text(ROUTES)
    records = csv_records(render(sop, "csv", "en"))
    assert records[0] == ["No", "Activity", "Performers", "Requirements", "Time", "Output", "Notes"]
    assert records[1][6] == "Catatan — Follows SOP penyiapan-jawaban"
    assert records[2][6] == "Yes: go to 3; No: back to 1; Ditolak: End"
    text = render(sop, "md", "en")
    assert text.startswith("# Contoh — SOP number 7/SOP/2024\n")
    assert text.endswith("\n\n**Total time:** 1 h 40 min\n")


def test_a_used_sop_is_named_by_its_title_when_known():
    options = {"sop_titles": {"penyiapan-jawaban": "Penyiapan <Jawaban>"}}
    records = csv_records(render(parse_text(ROUTES), "csv", **options))
    assert records[1][6] == "Catatan — Melaksanakan SOP Penyiapan <Jawaban> (penyiapan-jawaban)"
    text = render(parse_text(ROUTES), "md", **options)
    assert "| Catatan — Melaksanakan SOP Penyiapan &lt;Jawaban&gt; (penyiapan-jawaban) |" in text


def test_a_step_jumping_forward_names_its_target():
    sop = parse_text("sop j: J\nstep a: A\n  next: c\nstep b: B\nstep c: C\n")
    assert [record[6] for record in csv_records(render(sop, "csv"))[1:]] == ["lanjut ke 3", "", ""]


def test_sections_number_their_steps_with_the_letter_and_lead_the_csv():
    sop = parse_text("sop s: S\nsection A: Satu\nstep: a\nstep: b\n  next: end\nsection B: Dua\nstep x: c\n  next: x\n")
    records = csv_records(render(sop, "csv"))
    assert records[0][:2] == ["Bagian", "No"]
    assert [record[:2] for record in records[1:]] == [["A", "A.1"], ["A", "A.2"], ["B", "B.1"]]
    assert records[3][7] == "kembali ke B.1"
    text = render(sop, "md")
    assert "\n## A. Satu\n\n| No |" in text and "\n## B. Dua\n\n| No |" in text
    assert "| A.2 | b |" in text


def test_total_line_uses_given_totals():
    sop = parse_text(ROUTES)
    totals = SopTotals("contoh", (), (Fraction(30), Fraction(600)), Fraction(30), Fraction(600))
    text = render(sop, "md", totals=totals)
    assert text.endswith("\n\n**Jumlah waktu:** 30 menit – 1 hari kerja 2 jam\n")


def test_total_line_is_left_out_for_an_invalid_calendar():
    sop = parse_text("sop c: C\n  calendar:\n    workday: 1 day\nstep: a\n  time: 1 jam\n")
    text = render(sop, "md")
    assert "Jumlah waktu" not in text
    assert text.endswith("| 1 | a |  |  | 1 jam |  |  |\n")


def test_an_sop_without_steps_renders_headers_only():
    sop = parse_text("sop k: Kosong\n")
    assert csv_records(render(sop, "csv")) == [["No", "Kegiatan", "Pelaksana", "Kelengkapan / Persyaratan", "Waktu",
                                                "Output", "Keterangan"]]
    assert render(sop, "md").startswith("# Kosong\n\n| No | Kegiatan |")


# ---- escaping and formula safety -----------------------------------------------------------------


def test_hostile_text_stays_text_in_markdown():
    sop = parse_text(HOSTILE)
    text = render(sop, "md")
    assert_markdown_well_formed(sop, text)
    assert text.startswith(
        "# Judul \\| &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\# \\[x\\](javascript:y) — Nomor SOP =1+1\n"
    )
    assert "\n## A. &lt;b&gt;Bagian&lt;/b&gt; \\| satu\n" in text
    rows = markdown_step_rows(text)
    assert rows[0][1] == "a | b\\| <img src=x onerror=alert(1)> baris & kedua"
    assert rows[0][6] == "`kode` **tebal** _miring_ ~~coret~~ \\"
    assert rows[1][1] == "| |"
    assert rows[1][6] == "Ya: kembali ke A.1; =x|<y>: Selesai"


def test_hostile_text_cannot_start_a_formula_in_csv():
    sop = parse_text(HOSTILE)
    records = csv_records(render(sop, "csv"))
    assert len(records) == 3 and all(len(record) == COLUMNS + 1 for record in records)
    first = records[1]
    assert first[3] == "'=cmd|' /C calc'!A0"
    assert first[4:7] == ["'+SUM(A1:A9)", "'-2+3", "'@HYPERLINK(\"http://x\")"]
    assert first[2] == "a | b\\| <img src=x onerror=alert(1)> baris & kedua"


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_every_formula_start_gets_an_apostrophe(start):
    assert spreadsheet_safe(start + "1") == "'" + start + "1"
    assert spreadsheet_safe("1" + start) == "1" + start


def test_line_breaks_in_model_text_are_folded_in_both_formats():
    sop = parse_text("sop n: N\nrole a: A\nstep: x\n  by: a\n  note: y\n")
    step = attrs.evolve(sop.sections[0].steps[0], text=Text(value="satu\ndua\r\n| tiga\rempat\u2028lima"))
    sop = attrs.evolve(sop, sections=(attrs.evolve(sop.sections[0], steps=(step,)),))
    records = csv_records(render(sop, "csv"))
    assert records[1][1] == "satu dua | tiga empat lima"
    text = render(sop, "md")
    assert_markdown_well_formed(sop, text)
    assert markdown_step_rows(text)[0][1] == "satu dua | tiga empat lima"


# ---- generated models ------------------------------------------------------------------------------


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(sop=sops())
def test_generated_models_render_one_escaped_row_per_step(sop):
    for lang in ("id", "en"):
        options = RenderOptions(lang=lang)
        expected = [list(row) for table in section_tables(sop, options) for row in table.rows]

        text = markdown.render(sop, options)
        assert_markdown_well_formed(sop, text)
        assert markdown_step_rows(text) == expected

        records = csv_records(csv_table.render(sop, options))
        assert len(records) == 1 + step_count(sop)
        body = [record[1:] if sop.has_sections else record for record in records[1:]]
        assert body == [[spreadsheet_safe(cell) for cell in row] for row in expected]
        assert not any(cell.startswith(FORMULA_STARTS) for record in records for cell in record)
        activities = [row[1] for row in expected]
        assert activities == [" ".join(step.text.value.splitlines()) for step in sop.activities()]
