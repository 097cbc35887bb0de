"""The output formats of `sopdsl check`: text, json, sarif and github, and `sopdsl rules`."""

from __future__ import annotations

import json

import pytest

from sopdsl.cli import main
from sopdsl.reporters.github_reporter import escape_data, escape_property
from sopdsl.rules import RULES

from .sop_files import write_sop

# missing-time (warning) on line 8, unknown-role (error) on line 9, unquantified-time (info) on line 10
THREE_SEVERITIES = """\
step terima: Menerima permohonan
  by: petugas, kepala
  time: "Sesuai jadwal"
step periksa: Memeriksa
  by: petugas
"""


@pytest.fixture
def checked(tmp_path, monkeypatch):
    """A run of `sopdsl check --format FORMAT specs/` from tmp_path: (exit code, standard output)."""
    monkeypatch.chdir(tmp_path)
    write_sop(tmp_path / "specs" / "sub dir", "b.sop", THREE_SEVERITIES)
    write_sop(tmp_path / "specs", "a.sop", "step terima: Menerima\n  by: petugas\n")

    def run(capsys, form):
        code = main(["check", "--format", form, "specs"])
        return code, capsys.readouterr().out

    return run


def test_text_quotes_the_line_with_a_caret_and_ends_with_a_summary(checked, capsys):
    code, out = checked(capsys, "text")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("specs/a.sop:8:6: warning missing-time step 'terima' has no time")
    assert lines[1:3] == ["  step terima: Menerima", "       ^"]
    quoted = lines.index("    by: petugas, kepala")
    assert lines[quoted - 1].startswith("specs/sub dir/b.sop:9:16: error unknown-role ")
    assert lines[quoted + 1] == "  " + " " * 15 + "^"
    assert lines[-1] == "2 files checked: 1 error, 2 warnings, 1 info"


def test_json_has_exactly_the_contract_keys_in_order(checked, capsys):
    code, out = checked(capsys, "json")
    findings = json.loads(out)
    assert code == 1
    assert all(list(f) == ["path", "line", "column", "severity", "rule", "message"] for f in findings)
    assert [(f["path"], f["line"], f["column"], f["severity"], f["rule"]) for f in findings] == [
        ("specs/a.sop", 8, 6, "warning", "missing-time"),
        ("specs/sub dir/b.sop", 9, 16, "error", "unknown-role"),
        ("specs/sub dir/b.sop", 10, 9, "info", "unquantified-time"),
        ("specs/sub dir/b.sop", 11, 6, "warning", "missing-time"),
    ]


def test_sarif_is_a_valid_2_1_0_log(checked, capsys):
    code, out = checked(capsys, "sarif")
    log = json.loads(out)
    assert code == 1
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "sopdsl" and driver["version"]
    assert "informationUri" not in driver  # the package is not published: no page to point at
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert [rule["id"] for rule in driver["rules"]] == list(RULES)
    for descriptor in driver["rules"]:
        _assert_descriptor(descriptor, RULES[descriptor["id"]])
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("missing-time", "warning"),
        ("unknown-role", "error"),
        ("unquantified-time", "note"),
        ("missing-time", "warning"),
    ]
    for result in results:
        assert set(result) == {"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"}
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert isinstance(result["message"]["text"], str) and result["message"]["text"]
        (location,) = result["locations"]
        assert set(location) == {"physicalLocation"}
        physical = location["physicalLocation"]
        assert set(physical) == {"artifactLocation", "region"}
        assert set(physical["region"]) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert all(isinstance(v, int) and v >= 1 for v in physical["region"].values())
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris == ["specs/a.sop", "specs/sub%20dir/b.sop", "specs/sub%20dir/b.sop", "specs/sub%20dir/b.sop"]
    assert results[1]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 9, "startColumn": 16, "endLine": 9, "endColumn": 22}  # "kepala"


def _assert_descriptor(descriptor, rule):
    assert set(descriptor) == {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"}
    assert descriptor["name"] == "".join(word.capitalize() for word in rule.name.split("-"))
    assert descriptor["shortDescription"] == {"text": rule.summary}
    assert descriptor["fullDescription"]["text"] and "Incorrect:" not in descriptor["fullDescription"]["text"]
    assert descriptor["help"]["text"] == rule.doc
    assert descriptor["help"]["markdown"].startswith(f"**{rule.name}**")
    level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]
    assert descriptor["defaultConfiguration"] == {"level": level}


def test_sarif_of_a_clean_check_has_no_results(tmp_path, capsys):
    assert main(["check", "--format", "sarif", str(write_sop(tmp_path, "x.sop"))]) == 0
    assert json.loads(capsys.readouterr().out)["runs"][0]["results"] == []


def test_sarif_gives_files_outside_the_working_folder_relative_to_a_base_that_holds_them(tmp_path, capsys,
                                                                                      monkeypatch):
    path = write_sop(tmp_path / "specs", "x.sop", "step terima: Menerima\n  by: petugas\n")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    main(["check", "--format", "sarif", str(path)])
    (run,) = json.loads(capsys.readouterr().out)["runs"]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert not location["uri"].startswith(("file:", "..", "/"))
    base = run["originalUriBaseIds"][location["uriBaseId"]]["uri"]
    assert base + location["uri"] == path.as_uri()


def test_sarif_paths_outside_a_subfolder_are_relative_to_the_git_work_tree(tmp_path, capsys, monkeypatch):
    import subprocess

    if subprocess.run(["git", "init", "-q", str(tmp_path)], capture_output=True).returncode != 0:
        pytest.skip("git is not installed")
    write_sop(tmp_path / "fixtures", "x.sop", "step terima: Menerima\n  by: petugas\n")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    main(["check", "--format", "sarif", "../fixtures/x.sop"])
    (run,) = json.loads(capsys.readouterr().out)["runs"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "fixtures/x.sop"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_github_writes_one_workflow_command_per_finding(checked, capsys):
    code, out = checked(capsys, "github")
    assert code == 1
    lines = out.splitlines()
    assert [line.split("::")[1] for line in lines] == [
        "warning file=specs/a.sop,line=8,col=6,title=missing-time",
        "error file=specs/sub dir/b.sop,line=9,col=16,title=unknown-role",
        "notice file=specs/sub dir/b.sop,line=10,col=9,title=unquantified-time",
        "warning file=specs/sub dir/b.sop,line=11,col=6,title=missing-time",
    ]
    assert all(line.count("::") == 2 for line in lines)


def test_github_escapes_as_the_runner_reads_it():
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("C:\\specs\\a,b.sop") == "C%3A\\specs\\a%2Cb.sop"
    assert escape_property("100%\n") == "100%25%0A"


@pytest.mark.parametrize("form", ["text", "json"])
def test_rules_lists_every_rule(capsys, form):
    assert main(["rules", "--format", form]) == 0
    out = capsys.readouterr().out
    if form == "json":
        rows = json.loads(out)
        assert [row["rule"] for row in rows] == list(RULES)
        assert {"rule": "unused-ignore", "severity": "warning", "summary": RULES["unused-ignore"].summary} in rows
    else:
        assert len(out.splitlines()) == len(RULES) and "unused-ignore" in out
