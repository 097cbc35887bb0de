"""Configuration: found upward from the checked paths, its keys applied, its mistakes exit 2 naming the file."""

from __future__ import annotations

import json

import pytest

from sopdsl.cli import main
from sopdsl.config import Config, for_paths
from sopdsl.loading import load

from .sop_files import write_sop

MISSING_TIME = "step terima: Menerima permohonan\n  by: petugas\n"
SEVEN_HOURS_WITHIN_A_DAY = "step jawab: Menjawab\n  by: petugas\n  time: 7 jam\n"
ONE_DAY_SLA = "  sla: 1 hari kerja\n"


def rules_found(capsys, *args):
    code = main(["check", "--format", "json", *map(str, args)])
    return code, [f["rule"] for f in json.loads(capsys.readouterr().out)]


def test_a_dotfile_is_found_from_a_folder_below(tmp_path, capsys):
    (tmp_path / ".sopdsl.toml").write_text('ignore = ["missing-time"]\n', encoding="utf-8")
    path = write_sop(tmp_path / "specs" / "unit", "x.sop", MISSING_TIME)
    assert rules_found(capsys, path) == (0, [])
    assert rules_found(capsys, tmp_path / "specs") == (0, [])


def test_pyproject_without_a_table_is_passed_over(tmp_path, capsys):
    (tmp_path / ".sopdsl.toml").write_text('severity = {missing-time = "error"}\n', encoding="utf-8")
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    path = write_sop(tmp_path / "project", "x.sop", MISSING_TIME)
    assert rules_found(capsys, path) == (1, ["missing-time"])


def test_the_nearest_configuration_wins_and_the_dotfile_before_pyproject(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text("[tool.sopdsl]\nstrict = true\n", encoding="utf-8")
    path = write_sop(tmp_path, "x.sop", MISSING_TIME)
    assert rules_found(capsys, path) == (1, ["missing-time"])
    (tmp_path / ".sopdsl.toml").write_text("strict = false\n", encoding="utf-8")
    assert rules_found(capsys, path) == (0, ["missing-time"])
    nested = write_sop(tmp_path / "inner", "y.sop", MISSING_TIME)
    (tmp_path / "inner" / "pyproject.toml").write_text('[tool.sopdsl]\nignore = ["missing-time"]\n', encoding="utf-8")
    assert rules_found(capsys, nested) == (0, [])


def test_select_ignore_and_severity(tmp_path, capsys):
    config = tmp_path / ".sopdsl.toml"
    path = write_sop(tmp_path, "x.sop", "step terima: Menerima\n  by: petugas, kepala\n")
    config.write_text('select = ["missing-time"]\n', encoding="utf-8")
    assert rules_found(capsys, path) == (0, ["missing-time"])
    config.write_text('ignore = ["unknown-role"]\nseverity = {missing-time = "error"}\n', encoding="utf-8")
    assert rules_found(capsys, path) == (1, ["missing-time"])
    config.write_text('[severity]\nunknown-role = "info"\n', encoding="utf-8")
    assert rules_found(capsys, path) == (0, ["missing-time", "unknown-role"])


def test_the_command_line_overrides_select_and_ignore(tmp_path, capsys):
    (tmp_path / ".sopdsl.toml").write_text('select = ["unknown-role"]\n', encoding="utf-8")
    path = write_sop(tmp_path, "x.sop", MISSING_TIME)
    assert rules_found(capsys, path) == (0, [])
    assert rules_found(capsys, "--select", "missing-time", path) == (0, ["missing-time"])


def test_the_calendar_is_the_default_for_sops_without_their_own(tmp_path, capsys):
    path = write_sop(tmp_path, "x.sop", SEVEN_HOURS_WITHIN_A_DAY, fields=ONE_DAY_SLA)
    assert rules_found(capsys, path) == (0, [])
    (tmp_path / ".sopdsl.toml").write_text('[calendar]\nworkday = "6 h"\nweek = "6 workdays"\n', encoding="utf-8")
    assert rules_found(capsys, path) == (1, ["sla-exceeded"])
    own = write_sop(
        tmp_path, "own.sop", SEVEN_HOURS_WITHIN_A_DAY, fields=ONE_DAY_SLA + "  calendar:\n    workday: 8 h\n"
    )
    assert rules_found(capsys, own) == (0, [])


def _calendar_of(folder, table: str):
    (folder / ".sopdsl.toml").write_text(f"[calendar]\n{table}", encoding="utf-8")
    return for_paths([str(folder)]).calendar


def test_the_calendar_is_read_with_the_language_grammar(tmp_path):
    calendar = _calendar_of(tmp_path, 'workday = "7,5 jam"\nmonth = "22 hari kerja"\n')
    assert calendar.workday.wording == "7,5 jam" and calendar.month.wording == "22 hari kerja"
    assert calendar.week is None and calendar.year is None


def test_load_gives_the_calendar_only_to_sops_without_one(tmp_path):
    calendar = _calendar_of(tmp_path, 'workday = "6 h"\n')
    plain = load(write_sop(tmp_path, "plain.sop"), calendar)
    own = load(write_sop(tmp_path, "own.sop", fields="  calendar:\n    week: 6 workdays\n"), calendar)
    assert plain.sop.calendar == calendar
    assert own.sop.calendar.workday is None and own.sop.calendar.week.wording == "6 workdays"


def test_strict_from_the_configuration(tmp_path, capsys):
    (tmp_path / ".sopdsl.toml").write_text("strict = true\n", encoding="utf-8")
    assert main(["check", str(write_sop(tmp_path, "x.sop", MISSING_TIME))]) == 1


def test_an_explicit_configuration_file(tmp_path, capsys):
    (tmp_path / ".sopdsl.toml").write_text("strict = true\n", encoding="utf-8")
    other = tmp_path / "ci.toml"
    other.write_text('ignore = ["missing-time"]\n', encoding="utf-8")
    path = write_sop(tmp_path, "x.sop", MISSING_TIME)
    assert rules_found(capsys, "--config", other, path) == (0, [])
    pyproject = tmp_path / "sub" / "pyproject.toml"
    pyproject.parent.mkdir()
    pyproject.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert main(["check", "--config", str(pyproject), str(path)]) == 2
    assert "has no [tool.sopdsl] table" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text, complaint",
    [
        ("selects = []\n", "unknown key 'selects'"),
        ('select = ["no-such-rule"]\n', "'no-such-rule' is not a rule"),
        ('select = "missing-time"\n', "select must be a list of rule names"),
        ('ignore = ["syntax-error"]\n', "'syntax-error' cannot be ignored"),
        ('severity = {missing-time = "fatal"}\n', "missing-time = 'fatal'"),
        ('severity = {syntax-error = "info"}\n', "severity of 'syntax-error' cannot be changed"),
        ('strict = "yes"\n', "strict must be true or false"),
        ('calendar = {workday = "8 fortnights"}\n', "unknown time unit 'fortnights'"),
        ('calendar = {day = "8 h"}\n', "unknown entry 'day'"),
        ('calendar = {workday = "2 weeks"}\n', "calendar: "),
        ("strict = \n", "not valid TOML"),
    ],
)
def test_a_bad_configuration_exits_2_with_one_line_naming_the_file(tmp_path, capsys, text, complaint):
    config = tmp_path / ".sopdsl.toml"
    config.write_text(text, encoding="utf-8")
    assert main(["check", str(write_sop(tmp_path, "x.sop"))]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert str(config) in error and complaint in error


def test_paths_under_different_configurations_are_refused(tmp_path, capsys):
    first = write_sop(tmp_path / "a", "x.sop")
    second = write_sop(tmp_path / "b", "y.sop")
    (tmp_path / "a" / ".sopdsl.toml").write_text("strict = true\n", encoding="utf-8")
    assert main(["check", str(first), str(second)]) == 2
    assert "different configurations" in capsys.readouterr().err
    assert main(["check", "--config", str(tmp_path / "a" / ".sopdsl.toml"), str(first), str(second)]) == 0


def test_select_and_ignore_decide_which_rules_run():
    assert Config().enabled("missing-time") and not Config(ignore=("missing-time",)).enabled("missing-time")
    assert Config(select=("unknown-role",)).enabled("syntax-error")
