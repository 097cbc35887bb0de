"""The command line as scripts see it: entry points, exit codes, JSON keys."""

from __future__ import annotations

import json
import subprocess
import sys

from sopdsl.cli import main

from .conftest import FIXTURES

EXAMPLE = FIXTURES / "language" / "whole-file.sop"


def test_python_dash_m_works_like_the_command():
    done = subprocess.run(
        [sys.executable, "-m", "sopdsl", "check", "--format", "json", str(EXAMPLE)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert isinstance(json.loads(done.stdout), list)


def test_syntax_error_exits_1_with_path_line_column(tmp_path, capsys):
    bad = tmp_path / "bad.sop"
    bad.write_text("sop x: Judul\nrole a: A\nstep s: Kegiatan\n  by:\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:4:6: error syntax-error expected a role id after 'by:'" in out
    assert "  by:\n" in out and "     ^" in out


def test_json_findings_have_the_contract_keys(tmp_path, capsys):
    bad = tmp_path / "bad.sop"
    bad.write_text("sop x: Judul\nrole a: A\nstep s: Kegiatan\n  by: a\nstep s: Lagi\n  by: a\n", encoding="utf-8")
    assert main(["check", "--format", "json", str(bad)]) == 1
    findings = json.loads(capsys.readouterr().out)
    duplicate = [f for f in findings if f["rule"] == "duplicate-id"]
    assert duplicate == [
        {
            "path": str(bad),
            "line": 5,
            "column": 6,
            "severity": "error",
            "rule": "duplicate-id",
            "message": "step id 's' is already used on line 3",
        }
    ]
    assert list(findings[0]) == ["path", "line", "column", "severity", "rule", "message"]


def test_unusable_paths_and_usage_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing.sop")]) == 2
    assert "missing.sop" in capsys.readouterr().err
    done = subprocess.run([sys.executable, "-m", "sopdsl", "frobnicate"], capture_output=True, text=True)
    assert done.returncode == 2


def test_non_utf8_and_binary_files_are_syntax_errors(tmp_path, capsys):
    latin = tmp_path / "latin.sop"
    latin.write_bytes("sop x: Pengelolaan\nrole a: Caf\xe9\n".encode("latin-1"))
    binary = tmp_path / "binary.sop"
    binary.write_bytes(b"sop x: y\n\x00\x01\x02")
    assert main(["check", "--format", "json", str(latin), str(binary)]) == 1
    findings = {f["path"]: f for f in json.loads(capsys.readouterr().out)}
    assert findings[str(latin)]["message"] == "byte 0xe9 is not valid UTF-8; save the file as UTF-8"
    assert (findings[str(latin)]["line"], findings[str(latin)]["column"]) == (2, 12)
    assert "NUL byte" in findings[str(binary)]["message"]
    assert findings[str(binary)]["line"] == 2
