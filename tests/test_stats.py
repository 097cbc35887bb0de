"""`sopdsl stats`: JSON and text output, several files, syntax errors and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sopdsl.cli import main

from .test_totals import SEED_TOTALS

SEED = Path(__file__).resolve().parent.parent / "specs" / "pendokumentasian-informasi-publik.sop"


USER = """\
sop user: User
role r: R
step kerja: Work
  by: r
  time: 1 h
step: Follow the other SOP
  by: r
  uses: helper
"""

HELPER = """\
sop helper: Helper
  calendar:
    workday: 7.5 h
role r: R
step: Help
  by: r
  time: 1-2 hari kalender
"""

BROKEN = "sop broken: Broken\nstep\n"


def stats(capsys, *argv):
    code = main(["stats", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def library(tmp_path):
    (tmp_path / "a-user.sop").write_text(USER, encoding="utf-8")
    (tmp_path / "b-helper.sop").write_text(HELPER, encoding="utf-8")
    return tmp_path


def test_json_of_one_file_is_one_object(capsys):
    code, out, err = stats(capsys, SEED, "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == SEED_TOTALS



def test_item12_a_folder_of_one_file_and_a_file_named_twice_give_an_array(capsys, tmp_path):
    shutil.copy(SEED, tmp_path / "seed.sop")
    for arguments in ([tmp_path], [tmp_path / "seed.sop", tmp_path / "seed.sop"]):
        code, out, err = stats(capsys, *arguments, "--format", "json")
        assert (code, err) == (0, "")
        assert json.loads(out) == [SEED_TOTALS]


def test_text_table_of_the_seed(capsys):
    code, out, err = stats(capsys, SEED)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"pendokumentasian-informasi-publik: Pendokumentasian Informasi Publik ({SEED})"
    assert lines[1].split() == ["flow", "steps", "typical", "min", "max"]
    assert lines[2].startswith("  (flow)      6  2 hari 45 menit (1005 menit)")
    assert "    periksa-ketua -> susun: 1 hari 15 menit (495 menit)" in lines
    assert "    periksa-atasan -> periksa-ketua: 30 menit" in lines
    assert "  unquantified (counted as 0): arsip" in lines
    assert lines[-1].startswith("  total       6  2 hari 45 menit (1005 menit)")


def test_text_in_english(capsys):
    code, out, _ = stats(capsys, SEED, "--lang", "en")
    assert code == 0
    assert "2 days 45 min (1005 min)" in out
    assert "periksa-ketua -> susun: 1 day 15 min (495 min)" in out


def test_folder_gives_an_array_in_file_order_with_uses_composed(capsys, library):
    code, out, err = stats(capsys, library, "--format", "json")
    assert (code, err) == (0, "")
    user, helper = json.loads(out)
    assert helper["total"] == {"typical_minutes": [321.43, 642.86], "min_minutes": 321.43, "max_minutes": 642.86}
    assert user["sop"] == "user"
    assert user["total"] == {"typical_minutes": [381.43, 702.86], "min_minutes": 381.43, "max_minutes": 702.86}
    assert user["flows"][0]["unquantified"] == []


def test_text_ranges_use_each_sops_workday(capsys, library):
    code, out, _ = stats(capsys, library)
    assert code == 0
    helper = out.split("\n\n")[1]
    assert "5 jam 21,43 menit – 1 hari 3 jam 12,86 menit (321,43–642,86 menit)" in helper


def test_syntax_error_is_reported_and_the_others_still_are(capsys, library):
    shutil.copy(SEED, library / "c-seed.sop")
    (library / "0-broken.sop").write_text(BROKEN, encoding="utf-8")
    code, out, err = stats(capsys, library, "--format", "json")
    assert code == 1
    broken = library / "0-broken.sop"
    assert err.startswith(f"{broken}:2:5: error syntax-error ") and err.count("\n") == 1
    assert [item["sop"] for item in json.loads(out)] == ["user", "helper", "pendokumentasian-informasi-publik"]


def test_invalid_calendar_is_an_error(capsys, tmp_path):
    path = tmp_path / "x.sop"
    path.write_text("sop x: X\n  calendar:\n    week: 2 weeks\nrole r: R\nstep: S\n  by: r\n", encoding="utf-8")
    code, out, err = stats(capsys, path, SEED, "--format", "json")
    assert code == 1
    assert err.startswith(f"{path}:3:11: error invalid-calendar calendar 'week' cannot be given in 'weeks'")
    assert [item["sop"] for item in json.loads(out)] == ["pendokumentasian-informasi-publik"]


def test_one_broken_file_prints_no_json(capsys, tmp_path):
    path = tmp_path / "broken.sop"
    path.write_text(BROKEN, encoding="utf-8")
    code, out, err = stats(capsys, path, "--format", "json")
    assert (code, out) == (1, "")
    assert "error syntax-error" in err


def test_missing_path_and_empty_folder_exit_2(capsys, tmp_path):
    assert stats(capsys, tmp_path / "nothing.sop")[0] == 2
    code, _, err = stats(capsys, tmp_path)
    assert code == 2 and "no .sop files found" in err


def test_sections_in_the_text_table(capsys, tmp_path):
    path = tmp_path / "sections.sop"
    path.write_text(
        "sop s: S\nrole r: R\nsection A: One\nstep: a\n  by: r\n  time: 2 h\n"
        "section B: Two\nstep: b\n  by: r\n",
        encoding="utf-8",
    )
    code, out, _ = stats(capsys, path, "--lang", "en")
    rows = out.splitlines()
    assert code == 0
    assert rows[2].split() == ["A", "1", "2", "h", "(120", "min)", "2", "h", "(120", "min)", "2", "h", "(120", "min)"]
    assert rows[3].split() == ["B", "1", "0", "min", "0", "min", "0", "min"]
    assert "  unquantified (counted as 0): B: 1" in rows
    assert rows[-1].split()[:2] == ["total", "2"]


def test_configured_default_calendar(capsys, tmp_path):
    shutil.copy(SEED, tmp_path / "seed.sop")
    (tmp_path / ".sopdsl.toml").write_text('[calendar]\nworkday = "6 h"\n', encoding="utf-8")
    code, out, _ = stats(capsys, tmp_path / "seed.sop", "--format", "json")
    assert code == 0
    assert json.loads(out)["total"] == {"typical_minutes": [765, 765], "min_minutes": 765, "max_minutes": 765}


def test_docs_show_the_seed_table_as_printed(capsys, monkeypatch):
    monkeypatch.chdir(SEED.parent.parent)
    code, out, _ = stats(capsys, "specs/pendokumentasian-informasi-publik.sop")
    docs = (SEED.parent.parent / "docs" / "totals.md").read_text(encoding="utf-8")
    assert code == 0 and f"```\n{out}```" in docs
