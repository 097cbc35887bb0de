"""The command line when paths or writes fail: exit 2 with one line on standard error, and no file half written."""

from __future__ import annotations

import os
import pathlib
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sopdsl import output
from sopdsl.format import format_text

from .conftest import ROOT, SPECS
from .findings import run_cli

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
UGLY = "sop contoh:   Contoh\nrole a: A\nstep s:   Kegiatan\n    by: a\n    time: 5   menit\n"
TEMPORARY = re.compile(r"\.(?P<target>.+)\.\w{8}" + re.escape(output.TEMPORARY_SUFFIX))

# Each command with its arguments around the path it is given.
COMMANDS = {
    "check": lambda path, out: ["check", path],
    "fmt": lambda path, out: ["fmt", path],
    "stats": lambda path, out: ["stats", path],
    "render": lambda path, out: ["render", path, "--to", "html", "-o", out],
    "build": lambda path, out: ["build", path, "--no-pdf", "-o", out],
}


def assert_one_line_error(run, *words: str) -> None:
    assert run.code == 2, run
    assert run.err.count("\n") == 1 and run.err.startswith("sopdsl: error: "), run.err
    assert "internal error" not in run.err and "Traceback" not in run.err
    for word in words:
        assert word in run.err, run.err


def leftovers(folder: Path):
    """Files in the folder that a write left behind: sopdsl's temporary files, or any other stray file."""
    return sorted(path.name for path in folder.iterdir() if TEMPORARY.fullmatch(path.name) or path.name.endswith("tmp"))


@pytest.fixture
def unreadable(monkeypatch):
    """Make a path unreadable: by its permission bits, or, for root (who reads everything), by failing the read."""
    def make(path: Path) -> Path:
        if not IS_ROOT:
            path.chmod(0)
            return path
        refused = str(path)

        def read_bytes(self):
            if str(self) == refused:
                raise PermissionError(13, "Permission denied", refused)
            return real_read_bytes(self)

        def scandir(folder="."):
            if os.fspath(folder) == refused:
                raise PermissionError(13, "Permission denied", refused)
            return real_scandir(folder)

        monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
        monkeypatch.setattr(os, "scandir", scandir)
        return path

    real_read_bytes, real_scandir = pathlib.Path.read_bytes, os.scandir
    yield make


def restore_permissions(*paths: Path) -> None:
    for path in paths:
        path.chmod(0o755 if path.is_dir() else 0o644)


# ---- paths that cannot be read ----------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_path_exits_2_with_one_line(tmp_path, command):
    missing = str(tmp_path / "missing.sop")
    assert_one_line_error(run_cli(*COMMANDS[command](missing, str(tmp_path / "out"))), missing)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["check", "fmt", "stats", "build"])
def test_a_folder_without_sop_files_exits_2_with_one_line(tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not an SOP", encoding="utf-8")
    assert_one_line_error(run_cli(*COMMANDS[command](str(empty), str(tmp_path / "out"))), "no .sop files found")


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unreadable_file_exits_2_with_one_line(tmp_path, command, unreadable):
    path = tmp_path / "secret.sop"
    path.write_text(UGLY, encoding="utf-8")
    unreadable(path)
    try:
        run = run_cli(*COMMANDS[command](str(path), str(tmp_path / "out")))
    finally:
        restore_permissions(path)
    assert_one_line_error(run, str(path), "Permission denied")
    assert path.read_text(encoding="utf-8") == UGLY


@pytest.mark.parametrize("command", ["check", "fmt", "stats", "build"])
def test_an_unreadable_folder_is_not_skipped_in_silence(tmp_path, command, unreadable):
    library = tmp_path / "library"
    locked = library / "locked"
    locked.mkdir(parents=True)
    (library / "open.sop").write_text(UGLY, encoding="utf-8")
    (locked / "hidden.sop").write_text(UGLY, encoding="utf-8")
    unreadable(locked)
    try:
        run = run_cli(*COMMANDS[command](str(library), str(tmp_path / "out")))
    finally:
        restore_permissions(locked)
    assert_one_line_error(run, str(locked), "Permission denied")
    assert (library / "open.sop").read_text(encoding="utf-8") == UGLY


def test_a_folder_given_to_render_exits_2_with_one_line(tmp_path):
    assert_one_line_error(run_cli("render", str(tmp_path), "--to", "md"), "is a folder")


def test_a_broken_symlink_is_a_missing_path(tmp_path):
    link = tmp_path / "link.sop"
    link.symlink_to(tmp_path / "gone.sop")
    for command in COMMANDS:
        assert_one_line_error(run_cli(*COMMANDS[command](str(link), str(tmp_path / "out"))), str(link))


def test_characters_the_terminal_cannot_show_are_escaped_not_fatal(tmp_path):
    path = tmp_path / "unicode.sop"
    path.write_text(UGLY.replace("Kegiatan", "Kegiatan 中文 café").replace("by: a", "by: b"), encoding="utf-8")
    for args in (["check"], ["stats"], ["fmt", "--diff"]):
        done = subprocess.run([sys.executable, "-m", "sopdsl", *args, str(path)], capture_output=True,
                              env={**os.environ, "PYTHONIOENCODING": "ascii"}, cwd=ROOT)
        assert done.returncode in (0, 1), done.stderr
        assert b"internal error" not in done.stderr and b"Traceback" not in done.stderr, done.stderr
    assert b"\\u4e2d\\u6587" in done.stdout


# ---- writes that fail -----------------------------------------------------------------------------------


def fail_replace(monkeypatch, error: BaseException) -> None:
    def replace(source, target):
        raise error

    monkeypatch.setattr(output.os, "replace", replace)


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"), KeyboardInterrupt()])
def test_fmt_that_cannot_finish_a_write_leaves_the_file_and_no_temporary_file(tmp_path, monkeypatch, error):
    path = tmp_path / "ugly.sop"
    path.write_text(UGLY, encoding="utf-8")
    fail_replace(monkeypatch, error)
    run = run_cli("fmt", str(path))
    assert run.code == 2 and run.err.count("\n") == 1, run
    assert path.read_text(encoding="utf-8") == UGLY
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"), KeyboardInterrupt()])
def test_render_output_that_cannot_be_finished_leaves_the_old_output(tmp_path, monkeypatch, error):
    source, target = tmp_path / "a.sop", tmp_path / "a.html"
    source.write_text(UGLY, encoding="utf-8")
    target.write_text("old output", encoding="utf-8")
    fail_replace(monkeypatch, error)
    run = run_cli("render", str(source), "--to", "html", "-o", str(target))
    assert run.code == 2 and run.err.count("\n") == 1, run
    assert "internal error" not in run.err
    assert target.read_text(encoding="utf-8") == "old output"
    assert leftovers(tmp_path) == []


def test_build_output_that_cannot_be_finished_leaves_the_old_output(tmp_path, monkeypatch):
    source, out = tmp_path / "a.sop", tmp_path / "site"
    source.write_text(UGLY, encoding="utf-8")
    out.mkdir()
    (out / "index.html").write_text("old index", encoding="utf-8")
    fail_replace(monkeypatch, PermissionError(13, "Permission denied"))
    run = run_cli("build", str(source), "--no-pdf", "-o", str(out))
    assert_one_line_error(run, str(out), "Permission denied")
    assert (out / "index.html").read_text(encoding="utf-8") == "old index"
    assert all(leftovers(folder) == [] for folder in [out, *out.iterdir()] if folder.is_dir())


@pytest.mark.parametrize("command", ["render", "build"])
def test_outputs_are_renamed_into_place_from_a_temporary_file_beside_them(tmp_path, monkeypatch, command):
    source = tmp_path / "a.sop"
    source.write_text(UGLY, encoding="utf-8")
    renames = []
    real_replace = os.replace

    def replace(temporary, target):
        renames.append((Path(temporary), Path(target)))
        real_replace(temporary, target)

    monkeypatch.setattr(output.os, "replace", replace)
    out = tmp_path / "out"
    assert run_cli(*COMMANDS[command](str(source), str(out)), *(["--no-pdf"] if command == "build" else [])).code == 0
    written = [path for path in ([out] if out.is_file() else out.rglob("*")) if path.is_file()]
    assert written and sorted(target for _, target in renames) == sorted(path.resolve() for path in written)
    for temporary, target in renames:
        assert temporary.parent == target.parent
        assert TEMPORARY.fullmatch(temporary.name).group("target") == target.name


def test_an_output_folder_that_does_not_exist_exits_2_with_one_line(tmp_path):
    source = tmp_path / "a.sop"
    source.write_text(UGLY, encoding="utf-8")
    target = tmp_path / "missing" / "a.html"
    assert_one_line_error(run_cli("render", str(source), "--to", "html", "-o", str(target)), str(target))


@pytest.mark.skipif(IS_ROOT, reason="root writes into read-only folders; the failed-rename tests cover this")
def test_a_read_only_output_folder_keeps_the_old_output(tmp_path):
    source, folder = tmp_path / "a.sop", tmp_path / "site"
    source.write_text(UGLY, encoding="utf-8")
    folder.mkdir()
    target = folder / "a.md"
    target.write_text("old output", encoding="utf-8")
    folder.chmod(0o555)
    try:
        run = run_cli("render", str(source), "--to", "md", "-o", str(target))
    finally:
        folder.chmod(0o755)
    assert_one_line_error(run, str(target))
    assert target.read_text(encoding="utf-8") == "old output"


# ---- fmt killed part way ------------------------------------------------------------------------------


FILES = 120
KILL_AFTER = (0, 1, 10, 60)  # rewritten files to wait for before the kill


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
@pytest.mark.parametrize("rewritten", KILL_AFTER)
def test_fmt_killed_part_way_leaves_every_file_old_or_new(tmp_path, rewritten):
    specs = [path.read_text(encoding="utf-8") for path in sorted(SPECS.glob("*.sop"))]
    untidy = ["\n".join(line + "   " for line in text.split("\n")) for text in specs]  # trailing blanks
    tidy = [format_text(text) for text in untidy]
    olds, news = ([texts[i % len(texts)] for i in range(FILES)] for texts in (untidy, tidy))
    paths = [tmp_path / f"f{i:03}.sop" for i in range(FILES)]
    for path, text in zip(paths, olds, strict=False):
        path.write_text(text, encoding="utf-8")

    process = subprocess.Popen([sys.executable, "-m", "sopdsl", "fmt", str(tmp_path)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if sum(path.read_text(encoding="utf-8") != old for path, old in zip(paths, olds, strict=False)) >= rewritten:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert b"Traceback" not in process.stderr.read()
    process.stderr.close()

    for path, old, new in zip(paths, olds, news, strict=False):
        assert path.read_text(encoding="utf-8") in (old, new), path
    names = {path.name for path in paths}
    strays = [path.name for path in tmp_path.iterdir() if path.name not in names]
    assert all(TEMPORARY.fullmatch(name) and TEMPORARY.fullmatch(name).group("target") in names for name in strays)

    assert run_cli("fmt", str(tmp_path)).code == 0
    assert [path.read_text(encoding="utf-8") for path in paths] == news
