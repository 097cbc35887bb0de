"""`sopdsl due`: working days counted from a start date, skipping weekends, national holidays and cuti bersama."""

from __future__ import annotations

import datetime
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sopdsl.cli import main
from sopdsl.lifecycle.due import WorkingDays, due_date

pytest.importorskip("holidays")

SOP = """\
sop permohonan: Pelayanan Permohonan Informasi
  sla: 10 hari kerja
{calendar}
role petugas: Petugas

step terima: Menerima permohonan
  by: petugas
  time: {first}

step jawab: Menyiapkan jawaban
  by: petugas
  time: 3-5 hari
"""


def write_library(folder, first="1 hari", calendar="", holidays='["2026-12-24"]'):
    (folder / ".sopdsl.toml").write_text(f"holidays = {holidays}\n", encoding="utf-8")
    path = folder / "permohonan.sop"
    path.write_text(SOP.format(first=first, calendar=calendar), encoding="utf-8")
    return path


def due_json(capsys, *args):
    assert main(["due", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_reversed_sla_gets_no_date(tmp_path, capsys):
    """`sla: 10-2 hari kerja` is no budget (`reversed-range`): no SLA date, rather than one read at its high end."""
    path = tmp_path / "permohonan.sop"
    text = SOP.format(first="1 hari", calendar="").replace("10 hari kerja", "10-2 hari kerja")
    path.write_text(text, encoding="utf-8")
    assert "sla" not in due_json(capsys, str(path), "--from", "2026-12-18")
    assert main(["due", str(path), "--from", "2026-12-18"]) == 0
    assert "SLA (10-2 hari kerja): tidak dihitung: rentang terbalik" in capsys.readouterr().out


def test_hand_count_across_the_2026_year_end_holidays(tmp_path, capsys):
    # Work starts Friday 18 December 2026; the setting makes Thursday 24 December cuti bersama.
    # Working days counted from the next working day after the start:
    #   Mon 21 Dec = 1, Tue 22 = 2, Wed 23 = 3,
    #   Thu 24 Dec: cuti bersama (setting), Fri 25 Dec: Christmas, Sat 26, Sun 27: weekend,
    #   Mon 28 Dec = 4, Tue 29 = 5, Wed 30 = 6, Thu 31 = 7,
    #   Fri 1 Jan 2027: New Year, Sat 2, Sun 3: weekend,
    #   Mon 4 Jan = 8, Tue 5 Jan: Isra' Mi'raj (national holiday), Wed 6 = 9, Thu 7 = 10.
    # The typical total is 1 + 3..5 = 4..6 days: 28 and 30 December; the sla of 10 days: 7 January.
    path = write_library(tmp_path)
    assert due_json(capsys, str(path), "--from", "2026-12-18") == {
        "sop": "permohonan",
        "from": "2026-12-18",
        "typical": ["2026-12-28", "2026-12-30"],
        "min": "2026-12-28",
        "max": "2026-12-30",
        "sla": "2027-01-07",
    }


def test_without_the_setting_cuti_bersama_is_worked(tmp_path, capsys):
    # Without 24 December off, day 4 is Thursday 24 December and day 10 is Wednesday 6 January.
    path = write_library(tmp_path, holidays="[]")
    result = due_json(capsys, str(path), "--from", "2026-12-18")
    assert (result["typical"][0], result["sla"]) == ("2026-12-24", "2027-01-06")
    # the same day given on the command line counts as the setting does
    result = due_json(capsys, str(path), "--from", "2026-12-18", "--holidays", "2026-12-24")
    assert (result["typical"][0], result["sla"]) == ("2026-12-28", "2027-01-07")


def test_a_total_of_zero_falls_due_on_the_start_date_and_part_days_round_up(tmp_path, capsys):
    path = write_library(tmp_path, first="0 menit")
    assert due_json(capsys, str(path), "--from", "2026-03-02")["min"] == "2026-03-05"  # 3 days: Tue, Wed, Thu
    lone = tmp_path / "lone.sop"
    lone.write_text("sop lone: L\n\nrole r: R\n\nstep a: A\n  by: r\n  time: 0 menit\n", encoding="utf-8")
    assert due_json(capsys, str(lone), "--from", "2026-03-07")["max"] == "2026-03-07"  # a Saturday, as given
    path = write_library(tmp_path, first="4 jam")  # half a day: 3.5..5.5 days fall due on day 4 and day 6
    assert due_json(capsys, str(path), "--from", "2026-03-02")["typical"] == ["2026-03-06", "2026-03-10"]


def test_a_six_day_week_works_on_saturday(tmp_path, capsys):
    path = write_library(tmp_path, calendar="  calendar:\n    week: 6 hari\n", holidays="[]")
    # from Monday 2 March 2026: Tue 3 = 1 ... Sat 7 = 5, Mon 9 = 6
    assert due_json(capsys, str(path), "--from", "2026-03-02")["typical"] == ["2026-03-06", "2026-03-09"]


def test_text_output_prints_indonesian_dates(tmp_path, capsys):
    path = write_library(tmp_path)
    assert main(["due", str(path), "--from", "2026-12-18"]) == 0
    out = capsys.readouterr().out
    assert "tipikal: 28 Desember 2026 – 30 Desember 2026" in out
    assert "SLA (10 hari kerja): 7 Januari 2027" in out


@pytest.mark.parametrize(
    "holidays, message",
    [('"2026-12-24"', "must be a list"), ('["24-12-2026"]', "is not a date"), ("[20261224]", "is not a date")],
)
def test_a_wrong_holidays_setting_is_a_usage_error(tmp_path, capsys, holidays, message):
    path = write_library(tmp_path, holidays=holidays)
    assert main(["due", str(path), "--from", "2026-12-18"]) == 2
    err = capsys.readouterr().err
    assert ".sopdsl.toml: holidays" in err and message in err


def test_toml_dates_are_accepted(tmp_path, capsys):
    path = write_library(tmp_path, holidays="[2026-12-24]")
    assert due_json(capsys, str(path), "--from", "2026-12-18")["sla"] == "2027-01-07"


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(datetime.date(2024, 1, 1), datetime.date(2030, 12, 31)),
    minutes=st.integers(0, 30 * 480),
    days_per_week=st.integers(1, 7),
    extra=st.sets(st.dates(datetime.date(2024, 1, 1), datetime.date(2031, 6, 30)), max_size=30),
)
def test_the_due_date_ends_exactly_the_working_days_needed(start, minutes, days_per_week, extra):
    working = WorkingDays(days_per_week, extra, national=False)
    due = due_date(start, minutes, 480, working.is_working)
    counted = sum(working.is_working(start + datetime.timedelta(days=n)) for n in range(1, (due - start).days + 1))
    assert counted == math.ceil(minutes / 480)
    assert minutes == 0 or working.is_working(due)


def test_the_document_prints_the_dates_due_for_a_start_date(tmp_path, capsys):
    # The hand count above: 4..6 days from Friday 18 December 2026 (24 December cuti bersama), the sla 10 days.
    path = write_library(tmp_path)
    assert main(["render", str(path), "--to", "html", "--from", "2026-12-18"]) == 0
    document = capsys.readouterr().out
    assert ('<tr class="deadline"><td colspan="4">Batas waktu (bila dimulai 18 Desember 2026)</td><td colspan="3">'
            "biasanya 28 Desember 2026 – 30 Desember 2026; paling lambat 30 Desember 2026; "
            "SLA (10 hari kerja) 7 Januari 2027</td></tr>") in document
    assert main(["render", str(path), "--to", "html"]) == 0
    assert 'class="deadline"' not in capsys.readouterr().out


def test_build_prints_the_dates_due_in_every_document(tmp_path, capsys):
    path = write_library(tmp_path)
    out = tmp_path / "site"
    assert main(["build", str(path), "-o", str(out), "--no-pdf", "--from", "2026-12-18", "--lang", "en"]) == 0
    document = (out / "permohonan.html").read_text(encoding="utf-8")
    assert "Due by (when started on 18 December 2026)" in document
    assert "typically 28 December 2026 – 30 December 2026" in document
    assert "SLA (10 hari kerja) 7 January 2027" in document
    capsys.readouterr()
