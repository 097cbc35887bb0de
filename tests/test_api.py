"""The Python API (`sopdsl.api`, re-exported from `sopdsl`) does what the commands do, without the command line."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import sopdsl
from sopdsl import api
from sopdsl.analysis.totals import SopTotals
from sopdsl.cli import main
from sopdsl.config import Config
from sopdsl.errors import UsageError
from sopdsl.model import Sop
from sopdsl.parse import SopSyntaxError
from sopdsl.render.options import RenderOptions

from .conftest import ROOT, SPECS
from .sop_files import sop_text, write_sop

SPEC = SPECS / "pendokumentasian-informasi-publik.sop"
UNTIMED_STEP = """\
step terima: Menerima permohonan
  by: petugas
"""


def test_sopdsl_offers_the_api_functions_but_render_which_is_the_renderers_package():
    assert sorted(sopdsl.__all__) == sorted(set(api.__all__) - {"render"})
    assert all(getattr(sopdsl, name) is getattr(api, name) for name in sopdsl.__all__)
    assert importlib.import_module("sopdsl.render") is sopdsl.render and callable(api.render)
    with pytest.raises(AttributeError):
        sopdsl.no_such_function  # noqa: B018


def test_importing_sopdsl_loads_only_its_version():
    code = "import sys, sopdsl; print(sorted(name for name in sys.modules if name.startswith('sopdsl')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "['sopdsl', 'sopdsl.version']"


def test_parse_text_gives_the_model():
    sop = sopdsl.parse_text(sop_text(sop_id="contoh"))
    assert isinstance(sop, Sop)
    assert (sop.id, sop.title.value, [step.id for step in sop.activities()]) == ("contoh", "Contoh", ["terima"])


def test_parse_text_raises_a_syntax_error_with_its_place_and_the_path_given():
    text = sop_text() + "frobnicate\n"
    with pytest.raises(SopSyntaxError) as without_path:
        sopdsl.parse_text(text)
    with pytest.raises(SopSyntaxError) as with_path:
        sopdsl.parse_text(text, "contoh.sop")
    assert without_path.value.path is None and with_path.value.path == "contoh.sop"
    assert without_path.value.line == with_path.value.line == text.count("\n")
    assert with_path.value.message == without_path.value.message


def test_parse_file_reads_as_the_command_line_does(tmp_path):
    path = tmp_path / "bom.sop"
    path.write_bytes(b"\xef\xbb\xbf" + SPEC.read_bytes())
    assert sopdsl.parse_file(path) == sopdsl.parse_text(SPEC.read_text(encoding="utf-8"))
    assert sopdsl.parse_file(str(SPEC)).id == "pendokumentasian-informasi-publik"


def test_parse_file_names_the_file_in_its_errors(tmp_path):
    binary = tmp_path / "binary.sop"
    binary.write_bytes(b"sop a: A\x00\n")
    with pytest.raises(SopSyntaxError) as error:
        sopdsl.parse_file(binary)
    assert (error.value.path, error.value.line, error.value.column) == (str(binary), 1, 9)
    with pytest.raises(FileNotFoundError):
        sopdsl.parse_file(tmp_path / "missing.sop")


def test_check_paths_reports_what_check_reports(tmp_path, capsys):
    write_sop(tmp_path, "a.sop", UNTIMED_STEP)
    write_sop(tmp_path, "b.sop")
    found = sopdsl.check_paths([tmp_path])
    assert main(["check", "--format", "json", str(tmp_path)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [d.as_json() for d in found] == printed
    assert [(d.path, d.rule) for d in found] == [(str(tmp_path / "a.sop"), "missing-time")]


def test_check_paths_takes_settings_and_rejects_a_missing_path(tmp_path):
    path = write_sop(tmp_path, "a.sop", UNTIMED_STEP)
    assert sopdsl.check_paths([path], Config(ignore=("missing-time",))) == []
    (tmp_path / ".sopdsl.toml").write_text('ignore = ["missing-time"]\n', encoding="utf-8")
    assert sopdsl.check_paths([str(path)]) == []
    with pytest.raises(UsageError):
        sopdsl.check_paths([tmp_path / "missing.sop"])


def test_format_text_writes_the_canonical_text(tmp_path):
    messy = sop_text().replace("  by: petugas", "  by:    petugas   # who")
    formatted = sopdsl.format_text(messy)
    assert "  by: petugas  # who\n" in formatted
    assert sopdsl.format_text(formatted) == formatted
    path = tmp_path / "contoh.sop"
    path.write_text(messy, encoding="utf-8")
    main(["fmt", str(path)])
    assert path.read_text(encoding="utf-8") == formatted


def test_render_gives_text_or_bytes_as_the_format_is():
    sop = sopdsl.parse_file(SPEC)
    markdown = api.render(sop, "md")
    assert isinstance(markdown, str) and markdown.startswith("# Pendokumentasian Informasi Publik")
    assert "| No | Kegiatan |" in markdown
    workbook = api.render(sop, "xlsx")
    assert isinstance(workbook, bytes) and workbook.startswith(b"PK")


def test_render_takes_options_or_a_mapping_of_them(tmp_path):
    sop = sopdsl.parse_file(SPEC)
    english = api.render(sop, "md", {"lang": "en"})
    assert english == api.render(sop, "md", RenderOptions(lang="en"))
    assert "| No | Activity |" in english
    output = tmp_path / "out.md"
    main(["render", str(SPEC), "--to", "md", "--lang", "en", "-o", str(output)])
    assert output.read_text(encoding="utf-8") == english
    with pytest.raises(UsageError, match="unknown format 'png'"):
        api.render(sop, "png")


def test_library_totals_compose_uses_across_the_set():
    used = sopdsl.parse_text(sop_text(sop_id="arsip"))
    using = sopdsl.parse_text(sop_text("step kirim: Mengirim\n  by: petugas\n  uses: arsip\n", sop_id="layanan"))
    totals = sopdsl.library_totals([using, used])
    assert list(totals) == ["layanan", "arsip"] and all(isinstance(t, SopTotals) for t in totals.values())
    assert totals["arsip"].typical == totals["layanan"].typical == (10, 10)
    assert sopdsl.library_totals([using])["layanan"].flows[0].unquantified == ("kirim",)
    assert sopdsl.library_totals([sopdsl.parse_file(SPEC)])[
        "pendokumentasian-informasi-publik"
    ].as_json()["total"] == {"typical_minutes": [1005, 1005], "min_minutes": 1005, "max_minutes": 1005}
