"""What `build` adds after approval: the library map, each SOP's revision history, and the evaluation column."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from sopdsl.cli import main

from .sop_files import write_sop

STEP_OF_ONE_HOUR = "step terima: Menerima permohonan\n  by: petugas\n  time: 1 jam\n"
TWO_STEPS = STEP_OF_ONE_HOUR + "step catat: Mencatat permohonan\n  by: petugas\n  time: 10 menit\n"


def _git(folder, *arguments):
    subprocess.run(["git", "-C", str(folder), "-c", "user.name=Biro Organisasi", "-c", "user.email=biro@example.go.id",
                    *arguments], check=True, capture_output=True)


def _build(tmp_path, *arguments, code=0):
    out = tmp_path / "site"
    assert main(["build", *map(str, arguments), "-o", str(out), "--no-pdf"]) == code
    return out


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_revision_history_lists_each_commit_with_its_changes(tmp_path, capsys):
    library = tmp_path / "library"
    write_sop(library, "layanan.sop", STEP_OF_ONE_HOUR)
    _git(library, "init", "-q")
    _git(library, "add", "layanan.sop")
    _git(library, "commit", "-q", "-m", "SOP layanan")
    write_sop(library, "layanan.sop", TWO_STEPS.replace("1 jam", "2 jam"))
    _git(library, "commit", "-q", "-am", "Revisi: catat permohonan, dua jam untuk menerima")
    write_sop(library, "baru.sop")  # not committed: no history
    out = _build(tmp_path, library)
    page = (out / "revisions" / "layanan.html").read_text(encoding="utf-8")
    assert page.index("Revisi: catat permohonan") < page.index("SOP layanan")  # newest first
    assert "<td>step-added</td><td>2 (catat)</td>" in page
    assert "<td>step-changed</td><td>1 (terima)</td><td>time</td><td>1 jam</td><td>2 jam</td>" in page
    assert "Versi pertama." in page
    assert not (out / "revisions" / "baru.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="revisions/layanan.html">Riwayat revisi</a>' in index
    assert "revisions/baru.html" not in index
    capsys.readouterr()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_rebuild_asks_git_for_no_history_until_the_next_commit(tmp_path, monkeypatch, capsys):
    """Each history page is kept while the commit checked out is the same: an edit asks git nothing more."""
    from sopdsl.lifecycle import history

    library = tmp_path / "library"
    for name in ("a.sop", "b.sop", "c.sop"):
        write_sop(library, name, STEP_OF_ONE_HOUR)
    _git(library, "init", "-q")
    _git(library, "add", ".")
    _git(library, "commit", "-q", "-m", "Tiga SOP")
    fresh = _build(tmp_path, library)
    pages = {path.name: path.read_bytes() for path in (fresh / "revisions").iterdir()}
    assert sorted(pages) == ["a.html", "b.html", "c.html"]
    asked = []
    git = history._git
    monkeypatch.setattr(history, "_git", lambda folder, *arguments: asked.append(arguments) or git(folder, *arguments))
    write_sop(library, "b.sop", TWO_STEPS)  # an edit, not yet committed
    _build(tmp_path, library)
    assert asked == [("rev-parse", "--verify", "--quiet", "HEAD")]
    assert {path.name: path.read_bytes() for path in (fresh / "revisions").iterdir()} == pages
    asked.clear()
    _git(library, "commit", "-q", "-am", "Revisi b")
    _build(tmp_path, library)
    logged = [arguments for arguments in asked if arguments[0] == "log"]
    assert len(logged) == 3  # a new commit: every history is asked for again, each once
    assert "Revisi b" in (fresh / "revisions" / "b.html").read_text(encoding="utf-8")
    assert "Revisi b" not in (fresh / "revisions" / "a.html").read_text(encoding="utf-8")
    capsys.readouterr()


def test_outside_git_there_is_no_history_and_no_error(tmp_path, monkeypatch, capsys):
    from sopdsl.lifecycle import history

    write_sop(tmp_path / "library", "layanan.sop")
    write_sop(tmp_path / "library", "lain.sop")
    asked = []
    git = history._git
    monkeypatch.setattr(history, "_git", lambda folder, *arguments: asked.append(arguments) or git(folder, *arguments))
    out = _build(tmp_path, tmp_path / "library")
    assert asked == [("rev-parse", "--verify", "--quiet", "HEAD")]  # once for the folder, not once for each SOP
    assert not (out / "revisions").exists()
    assert "Riwayat revisi" not in (out / "index.html").read_text(encoding="utf-8")
    capsys.readouterr()


def test_the_library_map_is_written_and_linked(tmp_path, capsys):
    library = tmp_path / "library"
    write_sop(library, "a.sop", fields="  related:\n    - b\n    - hilang\n")
    write_sop(library, "b.sop")
    out = _build(tmp_path, library, code=1)  # unknown-sop: hilang
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="library-map.html">Peta pustaka SOP</a>' in index
    page = (out / "library-map.html").read_text(encoding="utf-8")
    assert "<svg" in page and 'href="a.html"' in page and "hilang" in page
    assert "Petugas" in page  # the role with the SOPs it works in
    capsys.readouterr()


def test_the_index_marks_the_sops_due_for_evaluation(tmp_path, capsys):
    library = tmp_path / "library"
    write_sop(library, "a.sop")  # effective: 2024-06-10
    out = _build(tmp_path, library)  # on the tests' day, 2024-12-01
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<th>Evaluasi berikutnya</th>" in index and "10 Juni 2025" in index and "Perlu dievaluasi<" not in index
    assert main(["build", str(library), "-o", str(tmp_path / "en"), "--no-pdf", "--lang", "en", "--today",
                 "2025-06-11"]) == 0
    index = (tmp_path / "en" / "index.html").read_text(encoding="utf-8")
    assert "<th>Next evaluation</th>" in index and '<span class="warning">Due for evaluation</span>' in index
    capsys.readouterr()
