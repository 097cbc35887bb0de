"""The check cache: a cached check reports exactly what a fresh one does, and notices every change."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.generate import Shape, generate
from sopdsl.cache import FOLDER, CheckCache, Entry
from sopdsl.cli import main
from sopdsl.config import DEFAULTS
from sopdsl.parse import SopSyntaxError, parse_text

from .library_edits import EDITS, edit

SOP = "sop a: Judul\nrole r: Peran\nrole sisa: Sisa\nstep s: Kegiatan\n  by: r\n  time: 1 jam\n"


def _run(capsys, *arguments: str) -> tuple[int, str]:
    code = main(["check", *arguments])
    return code, capsys.readouterr().out


def _entries(root: Path) -> list[Path]:
    return [p for p in (root / FOLDER).rglob("*") if p.is_file() and p.name not in (".gitignore", "CACHEDIR.TAG")]


def test_second_run_reports_the_same_as_the_first_and_as_no_cache(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    generate(tmp_path / "lib", Shape(steps=8, files=20, uses=0.3))
    (tmp_path / "lib" / "rusak.sop").write_text("sop x: Judul\nstep s: Kegiatan\n  by:\n", encoding="utf-8")
    for form in ("text", "json"):
        first = _run(capsys, "lib", "--format", form)
        assert _entries(tmp_path)
        assert _run(capsys, "lib", "--format", form) == first
        assert _run(capsys, "lib", "--format", form, "--no-cache") == first


def test_the_folder_is_marked_for_git_and_backups(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.sop").write_text(SOP, encoding="utf-8")
    _run(capsys, "a.sop")
    assert (tmp_path / FOLDER / ".gitignore").read_text() == "*\n"
    assert (tmp_path / FOLDER / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_no_cache_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.sop").write_text(SOP, encoding="utf-8")
    _run(capsys, "a.sop", "--no-cache")
    assert not (tmp_path / FOLDER).exists()


def test_an_edited_file_is_checked_again(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    sop = tmp_path / "a.sop"
    sop.write_text(SOP, encoding="utf-8")
    _, before = _run(capsys, "a.sop")
    assert "unused-role" in before
    sop.write_text(SOP.replace("role sisa: Sisa\n", ""), encoding="utf-8")
    _, after = _run(capsys, "a.sop")
    assert "unused-role" not in after


def test_a_changed_setting_is_a_new_cache(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.sop").write_text(SOP, encoding="utf-8")
    assert "unused-role" in _run(capsys, "a.sop")[1]
    (tmp_path / ".sopdsl.toml").write_text('ignore = ["unused-role"]\n', encoding="utf-8")
    assert "unused-role" not in _run(capsys, "a.sop")[1]
    assert "unused-role" not in _run(capsys, "a.sop")[1]


def _logo_parses() -> bool:
    try:
        parse_text(SOP.replace("sop a: Judul\n", "sop a: Judul\n  logo: logo.svg\n"))
    except SopSyntaxError:
        return False
    return True


@pytest.mark.skipif(not _logo_parses(), reason="this version of the language has no `logo`")
def test_a_logo_that_appears_is_noticed(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.sop").write_text(SOP.replace("sop a: Judul\n", "sop a: Judul\n  logo: logo.svg\n"), "utf-8")
    assert "logo-not-found" in _run(capsys, "a.sop")[1]
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    assert "logo-not-found" not in _run(capsys, "a.sop")[1]


@pytest.mark.skipif(not _logo_parses(), reason="this version of the language has no `logo`")
def test_the_cache_watches_the_logo_file_the_rule_reads(tmp_path, monkeypatch, capsys):
    from sopdsl.rules import base

    monkeypatch.chdir(tmp_path)
    images = tmp_path / "gambar"
    images.mkdir()
    (images / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    # The rules' context is the one place that says where a relative logo path starts: move it, and both follow.
    monkeypatch.setattr(base, "source_folder", lambda path: images)
    (tmp_path / "a.sop").write_text(SOP.replace("sop a: Judul\n", "sop a: Judul\n  logo: logo.svg\n"), "utf-8")
    assert "logo-not-found" not in _run(capsys, "a.sop")[1]
    (images / "logo.svg").unlink()
    assert "logo-not-found" in _run(capsys, "a.sop")[1]


def test_a_corrupt_entry_is_ignored(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.sop").write_text(SOP, encoding="utf-8")
    first = _run(capsys, "a.sop")
    planted = pickle.dumps(os.system)  # an entry that would run a command if it were unpickled without care
    for junk in (b"", b"not a pickle", pickle.dumps(["a list"]), pickle.dumps(Entry("b.sop", "", (), None, None, ())),
                 planted):
        for entry in _entries(tmp_path):
            entry.write_bytes(junk)
        assert _run(capsys, "a.sop") == first


def test_an_unwritable_cache_only_loses_the_entries(tmp_path):
    (tmp_path / FOLDER).write_text("a file in the way", encoding="utf-8")
    sop = tmp_path / "a.sop"
    sop.write_text(SOP, encoding="utf-8")
    from sopdsl.checker import check_paths

    cache = CheckCache(tmp_path, DEFAULTS)
    assert check_paths([sop], False, cache=cache) == check_paths([sop], False)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rounds=st.lists(EDITS, min_size=1, max_size=3))
def test_random_edits_cached_and_uncached_agree(rounds, monkeypatch, capsys):
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        monkeypatch.chdir(root)
        generate(root / "lib", Shape(steps=6, files=6, uses=0.3))
        _run(capsys, "lib", "--format", "json")
        for edits in rounds:
            for file, line, how in edits:
                edit(root / "lib", file, line, how)
            cached = _run(capsys, "lib", "--format", "json")
            assert cached == _run(capsys, "lib", "--format", "json", "--no-cache")
            json.loads(cached[1])


def test_a_check_answered_from_the_cache_does_not_load_the_parser(tmp_path):
    (tmp_path / "a.sop").write_text(SOP, encoding="utf-8")
    script = "import sys; from sopdsl.cli import main; main(['check', 'a.sop']); print('lark' in sys.modules)"
    runs = [subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
            for _ in range(2)]
    assert [run.stdout.splitlines()[-1] for run in runs] == ["True", "False"], runs
