"""The built wheel carries the grammar and checks the bundled specs in a fresh virtual environment."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile

import pytest

from .conftest import ROOT, SPECS


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{build.stdout}\n{build.stderr}")
    (path,) = out.glob("sopdsl-*.whl")
    return path


def test_wheel_ships_the_grammar(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "sopdsl/grammar/sop.lark" in names
    assert (ROOT / "sopdsl" / "grammar" / "sop.lark").read_bytes() == zipfile.ZipFile(wheel).read(
        "sopdsl/grammar/sop.lark"
    )


def test_wheel_ships_the_web_app_pages_scripts_and_styles(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    static = sorted((ROOT / "sopdsl" / "serve" / "static").iterdir())
    assert static and {f"sopdsl/serve/static/{path.name}" for path in static} <= names


def test_installed_wheel_checks_the_specs(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    install = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr
    checked = subprocess.run(
        [str(bin_dir / "sopdsl"), "check", str(SPECS)], capture_output=True, text=True, cwd=tmp_path
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    located = subprocess.run(
        [str(bin_dir / "python"), "-c", "from sopdsl.parse.grammar import grammar_path; print(grammar_path())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert str(env_dir) in located.stdout
