"""Writes that never go astray: links, concurrent edits, read-only files, owners, attributes, hard links.

Each test is named after the defect it guards against (see docs/robustness.md, "Writing files").
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl import output

from .findings import run_cli

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
UGLY = "sop contoh:   Contoh\nrole a: A\nstep s:   Kegiatan\n    by: a\n    time: 5   menit\n"
FUZZ_EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 25)
TIDY = "sop contoh: Contoh\n\nrole a: A\n\nstep s: Kegiatan\n  by: a\n  time: 5 menit\n"


def ugly_file(folder: Path, name: str = "a.sop") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(UGLY, encoding="utf-8")
    return path


def test_fmt_of_a_folder_skips_a_link_to_a_file_outside_it(tmp_path):
    victim = ugly_file(tmp_path / "victim", "secret.sop")
    library = tmp_path / "library"
    ugly_file(library)
    (library / "link.sop").symlink_to(victim)
    run = run_cli("fmt", str(library))
    assert run.code == 0, run
    assert victim.read_text(encoding="utf-8") == UGLY
    assert (library / "a.sop").read_text(encoding="utf-8") == TIDY


def test_fmt_of_a_folder_formats_a_link_to_a_file_inside_it_once(tmp_path):
    library = tmp_path / "library"
    target = ugly_file(library)
    (library / "same.sop").symlink_to(target)
    assert run_cli("fmt", str(library)).code == 0
    assert target.read_text(encoding="utf-8") == TIDY and (library / "same.sop").is_symlink()


def test_fmt_follows_a_link_named_on_the_command_line_and_keeps_the_link(tmp_path):
    target = ugly_file(tmp_path / "elsewhere")
    link = tmp_path / "link.sop"
    link.symlink_to(target)
    assert run_cli("fmt", str(link)).code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") == TIDY


def test_fmt_keeps_a_step_appended_while_it_formats(tmp_path, monkeypatch):
    import sopdsl.format

    path = ugly_file(tmp_path)
    appended = "step t: Ditambahkan sementara fmt bekerja\n  by: a\n"
    real_format = sopdsl.format.format_text

    def format_while_someone_edits(text, keywords=None):
        with open(path, "a", encoding="utf-8") as stream:
            stream.write(appended)
        return real_format(text, keywords)

    monkeypatch.setattr(sopdsl.format, "format_text", format_while_someone_edits)
    run = run_cli("fmt", str(path))
    assert run.code == 1
    assert "changed on disk" in run.err and str(path) in run.err
    assert path.read_text(encoding="utf-8") == UGLY + appended


def test_fmt_writes_when_only_the_time_stamp_changed_meanwhile(tmp_path, monkeypatch):
    import sopdsl.format

    path = ugly_file(tmp_path)
    real_format = sopdsl.format.format_text

    def format_while_touched(text, keywords=None):
        os.utime(path, ns=(1, 1))
        return real_format(text, keywords)

    monkeypatch.setattr(sopdsl.format, "format_text", format_while_touched)
    assert run_cli("fmt", str(path)).code == 0
    assert path.read_text(encoding="utf-8") == TIDY


def test_fmt_reports_a_read_only_file_and_leaves_it_as_it_is(tmp_path):
    path = ugly_file(tmp_path)
    path.chmod(0o444)
    run = run_cli("fmt", str(path))
    assert run.code == 1
    assert "read-only" in run.err and str(path) in run.err
    assert path.read_text(encoding="utf-8") == UGLY
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.skipif(not IS_ROOT, reason="only root can give a file to another owner")
def test_fmt_keeps_the_owner_of_a_file_it_rewrites(tmp_path):
    path = ugly_file(tmp_path)
    os.chown(path, 65534, 65534)
    assert run_cli("fmt", str(path)).code == 0
    status = path.stat()
    assert (status.st_uid, status.st_gid) == (65534, 65534)
    assert path.read_text(encoding="utf-8") == TIDY


def test_fmt_keeps_the_mode_and_extended_attributes(tmp_path):
    path = ugly_file(tmp_path)
    path.chmod(0o640)
    try:
        os.setxattr(path, "user.sopdsl-test", b"kept")
    except (OSError, AttributeError):
        pytest.skip("this file system keeps no extended attributes")
    assert run_cli("fmt", str(path)).code == 0
    assert os.getxattr(path, "user.sopdsl-test") == b"kept"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text(encoding="utf-8") == TIDY


def test_fmt_rewrites_a_hard_linked_file_so_every_name_sees_the_new_text(tmp_path):
    path = ugly_file(tmp_path)
    other = tmp_path / "other-name.sop"
    os.link(path, other)
    assert run_cli("fmt", str(path)).code == 0
    assert path.read_text(encoding="utf-8") == TIDY
    assert other.read_text(encoding="utf-8") == TIDY
    assert os.path.samefile(path, other)
    assert not [name for name in os.listdir(tmp_path) if name.endswith(output.TEMPORARY_SUFFIX)]


def test_fmt_blames_the_folder_when_the_folder_is_read_only(tmp_path, monkeypatch):
    path = ugly_file(tmp_path / "locked")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", refuse)
    run = run_cli("fmt", str(path))
    assert run.code == 1
    assert f"its folder {path.parent} is not writable" in run.err
    assert path.read_text(encoding="utf-8") == UGLY


def test_render_refuses_to_write_over_its_source(tmp_path):
    path = ugly_file(tmp_path)
    run = run_cli("render", str(path), "--to", "md", "-o", str(path))
    assert run.code == 2 and "refusing to write over the source" in run.err
    assert path.read_text(encoding="utf-8") == UGLY
    link = tmp_path / "link.md"
    link.symlink_to(path)
    assert run_cli("render", str(path), "--to", "md", "-o", str(link)).code == 2
    assert path.read_text(encoding="utf-8") == UGLY


def test_write_inside_replaces_links_in_the_output_folder_instead_of_following_them(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / ".bashrc").write_text("keep me", encoding="utf-8")
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").symlink_to(victim / ".bashrc")
    (out / "source").symlink_to(victim)
    output.write_inside(out, "index.html", b"index")
    output.write_inside(out, "source/a.html", b"page")
    assert (victim / ".bashrc").read_text(encoding="utf-8") == "keep me"
    assert sorted(os.listdir(victim)) == [".bashrc"]
    assert not (out / "index.html").is_symlink() and (out / "index.html").read_bytes() == b"index"
    assert not (out / "source").is_symlink() and (out / "source" / "a.html").read_bytes() == b"page"


@pytest.mark.parametrize("relative", ["../escape.html", "/etc/passwd", "a/../../b"])
def test_write_inside_refuses_a_path_that_leaves_the_folder(tmp_path, relative):
    with pytest.raises(output.NotWritten):
        output.write_inside(tmp_path / "out", relative, b"x")


def test_jobs_beyond_any_machine_is_a_usage_error(tmp_path):
    path = ugly_file(tmp_path)
    run = run_cli("check", str(path), "--jobs", "99999999999")
    assert run.code == 2 and "from 1 to" in run.err and "internal error" not in run.err


@pytest.mark.parametrize("command", ["check", "fmt", "stats", "render"])
def test_a_device_or_a_fifo_is_a_usage_error_not_a_hang(tmp_path, command):
    fifo = tmp_path / "a.sop"
    os.mkfifo(fifo)
    for name in (str(fifo), "/dev/zero"):
        args = [command, name] + (["--to", "md"] if command == "render" else [])
        run = run_cli(*args)
        assert run.code == 2 and "not a regular file" in run.err, run


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_diff_of_a_pipe_or_a_device_is_a_usage_error_not_a_hang(tmp_path):
    """diff read a named pipe until it blocked forever, and /dev/zero until memory ran out."""
    other = ugly_file(tmp_path)
    pipe = tmp_path / "a.fifo"
    os.mkfifo(pipe)
    for special in (pipe, Path("/dev/zero")):
        for args in ((special, other), (other, special)):
            run = run_cli("diff", *map(str, args))
            assert run.code == 2 and "not a regular file" in run.err, run


ESCAPE = "\x1b]0;owned\x07\x1b[31m"


@pytest.mark.parametrize(
    "args",
    [["fmt"], ["fmt", "--check"], ["fmt", "--diff"], ["stats"], ["check"], ["render", "--to", "md"]],
    ids=lambda args: " ".join(args),
)
def test_escape_sequences_in_file_names_never_reach_the_terminal(tmp_path, args):
    path = ugly_file(tmp_path, f"a{ESCAPE}.sop")
    broken = tmp_path / f"b{ESCAPE}.sop"
    broken.write_text("sop x: X\n  number 1\n", encoding="utf-8")
    for target in (path, broken, tmp_path / f"missing{ESCAPE}.sop"):
        run = run_cli(*args[:1], str(target), *args[1:])
        assert "\x1b" not in run.out and "\x07" not in run.out, run
        assert "\x1b" not in run.err and "\x07" not in run.err, run


@pytest.mark.parametrize(
    "args",
    [["diff", "{target}", "{other}"], ["diff", "{other}", "{target}", "--format", "markdown"],
     ["due", "{target}", "--from", "2026-01-05"], ["import", "{target}"], ["import", "{table}", "-o", "{out}"],
     ["form", "monitoring", "{target}", "-o", "{out}/form.xlsx"]],
    ids=lambda args: " ".join(args[:2]),
)
def test_escape_sequences_in_file_names_never_reach_the_terminal_in_the_other_commands(tmp_path, args):
    other = ugly_file(tmp_path, "other.sop")
    table = tmp_path / f"t{ESCAPE}.csv"
    table.write_text("No,Kegiatan,Petugas,Waktu,Output\n1,Menerima berkas,X,10 menit,Berkas\n", encoding="utf-8")
    for target in (ugly_file(tmp_path, f"a{ESCAPE}.sop"), tmp_path / f"missing{ESCAPE}.sop"):
        names = {"target": target, "other": other, "table": table, "out": tmp_path / f"out{ESCAPE}"}
        run = run_cli(*(arg.format(**names) for arg in args))
        assert "\x1b" not in run.out + run.err and "\x07" not in run.out + run.err, run


def test_escape_sequences_in_file_names_never_reach_the_terminal_in_build(tmp_path):
    library = tmp_path / "library"
    ugly_file(library, f"a{ESCAPE}.sop")
    (library / f"b{ESCAPE}.sop").write_text("sop x: X\n  number 1\n", encoding="utf-8")
    run = run_cli("build", str(library), "--no-pdf", "-o", str(tmp_path / f"out{ESCAPE}"))
    assert "\x1b" not in run.out + run.err and "\x07" not in run.out + run.err, run


@pytest.mark.parametrize("signum", ["SIGTERM", "SIGINT"])
def test_a_pdf_build_stopped_by_a_signal_leaves_no_browser_folder_behind(tmp_path, signum):
    import shutil
    import signal
    import subprocess
    import sys
    import tempfile
    import time

    from .conftest import SPECS

    if not any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")):
        pytest.skip("Chromium is not installed (Debian package chromium)")
    # A short folder: Chromium's socket path must stay under the 108 bytes a Unix socket's name may have.
    scratch = Path(tempfile.mkdtemp(prefix="sd-"))
    environment = dict(os.environ, TMPDIR=str(scratch))
    # A shell's background job ignores SIGINT, and Python keeps an ignored SIGINT: give the build the default.
    process = subprocess.Popen([sys.executable, "-m", "sopdsl", "build", str(SPECS), "-o", str(tmp_path / "out")],
                               env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not list(scratch.glob("sopdsl-chromium-*")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the build ended before its browser started"
    process.send_signal(getattr(signal, signum))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and b"interrupted" in err, err
    left = list(scratch.glob("sopdsl-chromium-*"))
    shutil.rmtree(scratch, ignore_errors=True)
    assert left == [], err


def test_build_never_writes_through_links_already_in_its_output_folder(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / ".bashrc").write_text("keep me", encoding="utf-8")
    library = tmp_path / "library"
    ugly_file(library)
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").symlink_to(victim / ".bashrc")
    (out / "contoh.html").symlink_to(victim / "planted.html")
    (out / "source").symlink_to(victim)
    run = run_cli("build", str(library), "--no-pdf", "-o", str(out))
    assert run.code == 0, run
    assert sorted(os.listdir(victim)) == [".bashrc"]
    assert (victim / ".bashrc").read_text(encoding="utf-8") == "keep me"
    for name in ("index.html", "contoh.html", "source"):
        assert not (out / name).is_symlink()
    assert (out / "source" / "contoh.html").is_file()


PLANTS = ["index.html", "contoh.html", "contoh.svg", "contoh.bpmn", "source", "source/contoh.html"]


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plants=st.lists(st.tuples(st.sampled_from(PLANTS), st.sampled_from(["file", "folder", "missing"])),
                       unique_by=lambda plant: plant[0], max_size=len(PLANTS)))
def test_links_planted_anywhere_in_the_output_folder_never_lead_a_build_outside(tmp_path_factory, plants):
    root = tmp_path_factory.mktemp("planted")
    victim = root / "victim"
    victim.mkdir()
    (victim / "kept.txt").write_text("keep me", encoding="utf-8")
    library = root / "library"
    ugly_file(library)
    out = root / "site"
    out.mkdir()
    for name, kind in plants:
        link = out / name
        if not link.parent.is_dir() or link.parent.is_symlink():
            continue
        link.symlink_to({"file": victim / "kept.txt", "folder": victim, "missing": victim / "new.html"}[kind])
    run = run_cli("build", str(library), "--no-pdf", "-o", str(out))
    assert run.code == 0, run
    assert sorted(os.listdir(victim)) == ["kept.txt"]
    assert (victim / "kept.txt").read_text(encoding="utf-8") == "keep me"
