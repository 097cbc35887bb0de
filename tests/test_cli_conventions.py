"""The command line as ruff and sqlfluff users expect it: standard input, default paths, excludes, report options,
settings that extend rather than replace, whole-file silences, and CI reports checked against their consumers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sopdsl.cli import main

from .conftest import ROOT, TODAY
from .findings import run_cli

BROKEN_ROLE = (
    "sop a: A\n  number: 1\n  effective: 2024-01-02\n  approved-by: Kepala\n"
    "role p: P\nstep s: S\n  by: q\n  time: 5 menit\n"
)
UNTIDY = "sop a:   A\nrole p: P\nstep s: S\n  by: p\n"
SCHEMA = ROOT / "tests" / "sarif" / "node_modules" / "@microsoft" / "jest-sarif" / "lib" / "schemas"


def sopdsl(*args: str, stdin: str = "", cwd: Path = ROOT, env=None) -> subprocess.CompletedProcess:
    """`sopdsl ARGS` as a separate process, as CI and editors run it."""
    environment = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "sopdsl", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, env=environment, timeout=120)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- standard input ---------------------------------------------------------------------------------


def test_check_reads_standard_input_under_the_name_given():
    run = sopdsl("check", "-", "--stdin-filename", "specs/new.sop", stdin=BROKEN_ROLE)
    assert run.returncode == 1
    assert "specs/new.sop:7:7: error unknown-role" in run.stdout


def test_check_of_standard_input_without_a_name_reports_it_as_dash():
    run = sopdsl("check", "-", "--format", "json", stdin=BROKEN_ROLE)
    assert {finding["path"] for finding in json.loads(run.stdout)} == {"-"}


def test_fmt_formats_standard_input_to_standard_output():
    run = sopdsl("fmt", "-", stdin=UNTIDY)
    assert run.returncode == 0 and run.stdout == "sop a: A\n\nrole p: P\n\nstep s: S\n  by: p\n"
    check = sopdsl("fmt", "--check", "-", "--stdin-filename", "x.sop", stdin=UNTIDY)
    assert check.returncode == 1 and "would reformat x.sop" in check.stderr


def test_fmt_diff_of_dev_stdin_reads_it_once():
    run = sopdsl("fmt", "--diff", "/dev/stdin", stdin=UNTIDY)
    assert run.returncode == 1
    assert "-sop a:   A" in run.stdout and "+sop a: A" in run.stdout


def test_fmt_passes_standard_input_on_unchanged_when_it_does_not_parse():
    text = "sop a: A\n  nomber: 1\n"
    run = sopdsl("fmt", "-", stdin=text)
    assert run.returncode == 1 and run.stdout == text and "syntax-error" in run.stderr


# -- paths ------------------------------------------------------------------------------------------


def test_check_without_a_path_checks_the_working_folder(tmp_path):
    write(tmp_path / "a.sop", BROKEN_ROLE)
    run = sopdsl("check", cwd=tmp_path)
    assert run.returncode == 1 and "a.sop:7:7" in run.stdout


def test_folder_walks_pass_over_tool_folders_and_what_git_ignores(tmp_path):
    if subprocess.run(["git", "init", "-q", str(tmp_path)], capture_output=True).returncode != 0:
        pytest.skip("git is not installed")
    for folder in ("specs", ".venv/lib", "node_modules/x", "drafts", "site"):
        write(tmp_path / folder / "a.sop", BROKEN_ROLE)
    write(tmp_path / ".gitignore", "site/\n")
    write(tmp_path / ".sopdsl.toml", 'extend-exclude = ["drafts"]\n')
    shown = sopdsl("check", "--show-files", cwd=tmp_path)
    assert shown.returncode == 0 and shown.stdout.split() == ["specs/a.sop"]
    named = sopdsl("check", "--show-files", "site/a.sop", cwd=tmp_path)
    assert named.stdout.split() == ["site/a.sop"]  # a file named on the command line is always taken
    everything = sopdsl("check", "--show-files", "--exclude", "none", cwd=tmp_path)
    assert sorted(everything.stdout.split()) == [".venv/lib/a.sop", "drafts/a.sop", "node_modules/x/a.sop",
                                                 "specs/a.sop"]


def test_show_settings_names_the_settings_file_and_what_it_sets(tmp_path):
    write(tmp_path / "a.sop", BROKEN_ROLE)
    settings = write(tmp_path / "pyproject.toml", '[tool.sopdsl]\nextend-ignore = ["missing-time"]\n')
    run = sopdsl("check", "--show-settings", cwd=tmp_path)
    assert run.returncode == 0
    assert f"settings file: {settings}" in run.stdout and "missing-time" in run.stdout


# -- reports ----------------------------------------------------------------------------------------


def test_exit_zero_reports_but_passes(tmp_path):
    path = write(tmp_path / "a.sop", BROKEN_ROLE)
    run = run_cli("check", str(path), "--exit-zero")
    assert run.code == 0 and "unknown-role" in run.out


def test_statistics_count_findings_per_rule(tmp_path):
    write(tmp_path / "a.sop", BROKEN_ROLE)
    write(tmp_path / "b.sop", BROKEN_ROLE.replace("sop a:", "sop b:").replace("role p: P\n", "role p: P\nrole r: R\n"))
    run = run_cli("check", str(tmp_path), "--statistics")
    assert run.code == 1
    rows = [line.split() for line in run.out.splitlines()]
    assert rows == [["3", "unused-role", "warning"], ["2", "unknown-role", "error"]]


def test_quiet_leaves_out_the_summary_line(tmp_path):
    path = write(tmp_path / "a.sop", BROKEN_ROLE)
    assert "checked" in run_cli("check", str(path)).out
    assert "checked" not in run_cli("check", str(path), "-q").out


def test_output_file_gets_the_report(tmp_path):
    path = write(tmp_path / "a.sop", BROKEN_ROLE)
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    run = run_cli("check", str(path), "--format", "json", "--output-file", str(report))
    assert run.code == 1 and run.out == ""
    assert "unknown-role" in {f["rule"] for f in json.loads(report.read_text(encoding="utf-8"))}


@pytest.mark.parametrize(("args", "env", "coloured"), [
    ([], {}, False),
    ([], {"FORCE_COLOR": "1"}, True),
    (["--color", "always"], {"NO_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
])
def test_colour_follows_the_option_and_no_color_and_force_color(tmp_path, args, env, coloured):
    path = write(tmp_path / "a.sop", BROKEN_ROLE)
    run = sopdsl("check", str(path), *args, env={"NO_COLOR": "", "FORCE_COLOR": "", **env})
    assert ("\x1b[" in run.stdout) is coloured
    assert "unknown-role" in run.stdout


# -- settings ---------------------------------------------------------------------------------------


def test_extend_select_and_extend_ignore_add_to_the_settings(tmp_path):
    path = write(tmp_path / "a.sop", BROKEN_ROLE)
    write(tmp_path / ".sopdsl.toml", 'select = ["unknown-role"]\n')
    only = run_cli("check", str(path), "--format", "json")
    assert {f["rule"] for f in json.loads(only.out)} == {"unknown-role"}
    more = run_cli("check", str(path), "--format", "json", "--extend-select", "unused-role")
    assert {f["rule"] for f in json.loads(more.out)} == {"unknown-role", "unused-role"}
    fewer = run_cli("check", str(path), "--format", "json", "--extend-ignore", "unknown-role")
    assert json.loads(fewer.out) == []


def test_per_file_ignores_turn_rules_off_for_matching_files(tmp_path):
    write(tmp_path / "drafts" / "a.sop", BROKEN_ROLE)
    write(tmp_path / "specs" / "b.sop", BROKEN_ROLE)
    write(tmp_path / ".sopdsl.toml", '[per-file-ignores]\n"drafts/*.sop" = ["unknown-role", "unused-role"]\n')
    run = run_cli("check", str(tmp_path), "--format", "json")
    found = {(Path(f["path"]).parent.name, f["rule"]) for f in json.loads(run.out)}
    assert ("specs", "unknown-role") in found and ("drafts", "unknown-role") not in found


def test_unknown_settings_key_names_the_valid_ones(tmp_path):
    path = write(tmp_path / "a.sop", BROKEN_ROLE)
    write(tmp_path / ".sopdsl.toml", 'extend-selekt = ["unknown-role"]\n')
    run = run_cli("check", str(path))
    assert run.code == 2 and "extend-selekt" in run.err and "extend-select" in run.err


@pytest.mark.parametrize(("comment", "left"), [
    ("# sopdsl: ignore-file[unknown-role]\n", {"unused-role"}),
    ("# sopdsl: ignore-file\n", set()),
])
def test_ignore_file_silences_a_rule_in_the_whole_file(tmp_path, comment, left):
    path = write(tmp_path / "a.sop", comment + BROKEN_ROLE)
    run = run_cli("check", str(path), "--format", "json")
    assert {f["rule"] for f in json.loads(run.out)} == left


def test_an_ignore_file_that_silences_nothing_is_reported(tmp_path):
    path = write(tmp_path / "a.sop", "# sopdsl: ignore-file[self-loop]\n" + BROKEN_ROLE)
    rules = [f["rule"] for f in json.loads(run_cli("check", str(path), "--format", "json").out)]
    assert "unused-ignore" in rules


def test_rules_name_prints_the_whole_documentation():
    run = run_cli("rules", "unknown-role")
    assert run.code == 0 and "Incorrect:" in run.out and run.out.startswith("unknown-role (error)")
    wrong = run_cli("rules", "unknown-rol")
    assert wrong.code == 2 and "did you mean unknown-role" in wrong.err


# -- SARIF, JUnit, GitLab ------------------------------------------------------------------------------


def sarif_of(*args: str) -> dict:
    run = run_cli("check", "--format", "sarif", *args)
    return json.loads(run.out)


def test_sarif_validates_against_the_oasis_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schemas = sorted(SCHEMA.glob("sarif-2.1.0*.json")) if SCHEMA.is_dir() else []
    if not schemas:
        pytest.skip("the SARIF schema is not installed: npm ci --prefix tests/sarif")
    schema = json.loads(schemas[0].read_text(encoding="utf-8"))
    write(tmp_path / "a.sop", BROKEN_ROLE)
    write(tmp_path / "b.sop", "sop b: B\n  nomber: 1\n")
    for log in (sarif_of(str(tmp_path)), sarif_of(str(tmp_path / "missing.sop"))):
        jsonschema.validate(log, schema)


def test_sarif_of_a_missing_file_is_a_valid_log_that_says_why(tmp_path, capsys):
    code = main(["check", "--format", "sarif", str(tmp_path / "missing.sop")])
    log = json.loads(capsys.readouterr().out)
    assert code == 2
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "no such file" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_fingerprints_stay_when_lines_are_added_above(tmp_path):
    path = write(tmp_path / "a.sop", BROKEN_ROLE)
    before = sarif_of(str(path))["runs"][0]["results"]
    write(path, "# a comment\n\n" + BROKEN_ROLE.replace("role p: P\n", "role p: P\nrole r: R\n"))
    after = sarif_of(str(path))["runs"][0]["results"]

    def prints(results, rule):
        return [r["partialFingerprints"]["sopdslFinding/v1"] for r in results if r["ruleId"] == rule]

    assert prints(before, "unknown-role") == prints(after, "unknown-role")
    moved = [r for r in after if r["ruleId"] == "unknown-role"][0]
    assert moved["locations"][0]["physicalLocation"]["region"]["startLine"] == 10
    assert len({r["partialFingerprints"]["sopdslFinding/v1"] for r in after}) == len(after)


def test_sarif_fingerprints_stay_when_the_language_changes(tmp_path):
    path = write(tmp_path / "a.sop", BROKEN_ROLE)
    english, indonesian = (sarif_of(str(path), "--lang", lang)["runs"][0]["results"] for lang in ("en", "id"))
    assert [r["message"]["text"] for r in english] != [r["message"]["text"] for r in indonesian]
    assert [r["partialFingerprints"] for r in english] == [r["partialFingerprints"] for r in indonesian]


def test_junit_has_a_case_per_file_failed_by_its_errors(tmp_path):
    write(tmp_path / "bad.sop", BROKEN_ROLE)
    write(tmp_path / "good.sop", BROKEN_ROLE.replace("sop a:", "sop good:").replace("by: q", "by: p"))
    run = run_cli("check", str(tmp_path), "--format", "junit")
    root = ET.fromstring(run.out)
    (suite,) = root.findall("testsuite")
    cases = {Path(case.get("name")).name: case for case in suite.findall("testcase")}
    assert set(cases) == {"bad.sop", "good.sop"} and suite.get("tests") == "2" and suite.get("failures") == "1"
    assert cases["bad.sop"].find("failure").get("type") == "unknown-role"
    assert cases["good.sop"].find("failure") is None
    junitparser = pytest.importorskip("junitparser")
    parsed = junitparser.JUnitXml.fromstring(run.out.encode("utf-8"))
    assert sum(1 for suite in parsed for case in suite if not case.is_passed) == 1


def test_gitlab_code_quality_issues_have_the_required_keys(tmp_path):
    write(tmp_path / "a.sop", BROKEN_ROLE)
    issues = json.loads(run_cli("check", str(tmp_path), "--format", "gitlab").out)
    assert issues
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert set(issue["location"]) == {"path", "lines"} and issue["location"]["lines"]["begin"] >= 1
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


# -- watch ------------------------------------------------------------------------------------------


def test_watch_checks_again_when_a_file_changes(tmp_path):
    import threading

    pytest.importorskip("watchfiles")
    path = write(tmp_path / "a.sop", BROKEN_ROLE)
    process = subprocess.Popen([sys.executable, "-m", "sopdsl", "check", "--watch", "--today", TODAY.isoformat(),
                                str(tmp_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        assert _wait_for(lambda: sum("1 file checked" in line for line in lines) >= 1)
        write(path, BROKEN_ROLE.replace("by: q", "by: p"))
        assert _wait_for(lambda: sum("1 file checked" in line for line in lines) >= 2), lines
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert any("changed: a.sop" in line for line in lines)
    assert any("unknown-role" in line for line in lines[:5])


def _wait_for(condition, seconds: float = 30) -> bool:
    """Whether the condition came true within the time (checked every tenth of a second)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False
