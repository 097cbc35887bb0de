"""evaluation-due: the latest `evaluated` date (or `effective`) against the interval, on the day of the check."""

from __future__ import annotations

import datetime
import json

import attrs
import pytest

from sopdsl.analysis.evaluation import DEFAULT_INTERVAL, Interval
from sopdsl.cli import main
from sopdsl.model import Date, Span
from sopdsl.parse import parse_text
from sopdsl.rules import evaluation_due
from sopdsl.rules.base import SopContext

from .sop_files import write_sop

EFFECTIVE_ONLY = "sop x: X\n  effective: 2024-06-10\nrole a: A\nstep: Menerima\n  by: a\n  time: 1 jam\n"


def _findings(sop, today, interval=DEFAULT_INTERVAL):
    return list(evaluation_due.check(SopContext(sop, today=datetime.date.fromisoformat(today), interval=interval)))


def _evaluated(sop, *days):
    dates = tuple(Date(value=datetime.date.fromisoformat(day), span=Span(3 + n, 14, 3 + n, 23))
                  for n, day in enumerate(days))
    return attrs.evolve(sop, evaluated=dates)


def test_effective_holds_for_one_year_then_the_effective_date_is_reported():
    sop = parse_text(EFFECTIVE_ONLY)
    assert _findings(sop, "2025-06-10") == []
    [finding] = _findings(sop, "2025-06-11")
    assert (finding.span.line, finding.span.column) == (2, 14)
    assert "took effect on 2024-06-10" in finding.message and "1 tahun" in finding.message


def test_the_latest_evaluation_counts_whatever_the_order():
    sop = _evaluated(parse_text(EFFECTIVE_ONLY), "2025-05-02", "2024-12-01")
    assert _findings(sop, "2026-05-02") == []
    [finding] = _findings(sop, "2026-05-03")
    assert finding.span.line == 3
    assert "last evaluated on 2025-05-02" in finding.message


def test_an_sop_without_dates_is_left_to_missing_metadata():
    sop = attrs.evolve(parse_text(EFFECTIVE_ONLY), effective=None)
    assert _findings(sop, "2040-01-01") == []


def test_the_interval_counts_months_to_the_end_of_a_shorter_month():
    six_months = Interval(6, 0, "6 bulan")
    sop = _evaluated(parse_text(EFFECTIVE_ONLY), "2025-08-31")
    assert six_months.after(datetime.date(2025, 8, 31)) == datetime.date(2026, 2, 28)
    assert _findings(sop, "2026-02-28", six_months) == []
    assert _findings(sop, "2026-03-01", six_months)


def test_the_setting_and_today_on_the_command_line(tmp_path, capsys):
    (tmp_path / ".sopdsl.toml").write_text('evaluation-interval = "2 tahun"\n', encoding="utf-8")
    path = write_sop(tmp_path, "x.sop")  # effective: 2024-06-10
    assert main(["check", "--format", "json", "--today", "2026-06-10", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["check", "--format", "json", "--today", "2026-06-11", "--strict", str(path)]) == 1
    [finding] = json.loads(capsys.readouterr().out)
    assert (finding["rule"], finding["severity"], finding["line"]) == ("evaluation-due", "warning", 3)


@pytest.mark.parametrize("value", ['"2 jam"', '"1-2 tahun"', '"1,5 tahun"', '"0 bulan"', '"setahun"', "12"])
def test_a_wrong_interval_is_a_usage_error(tmp_path, capsys, value):
    (tmp_path / ".sopdsl.toml").write_text(f"evaluation-interval = {value}\n", encoding="utf-8")
    path = write_sop(tmp_path, "x.sop")
    assert main(["check", str(path)]) == 2
    assert "evaluation-interval" in capsys.readouterr().err


def test_a_wrong_today_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--today", "2026-02-30", str(write_sop(tmp_path, "x.sop"))])
    assert stopped.value.code == 2
    assert "2026-02-30" in capsys.readouterr().err


def test_evaluated_in_the_header_end_to_end(tmp_path, capsys):
    path = write_sop(tmp_path, "x.sop", fields="  evaluated: 2025-01-02\n")
    assert main(["check", "--format", "json", "--today", "2026-01-02", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == []
    main(["check", "--format", "json", "--today", "2026-01-03", str(path)])
    [finding] = json.loads(capsys.readouterr().out)
    assert (finding["rule"], finding["line"]) == ("evaluation-due", 5)
