"""`sopdsl diff`: the changes between revised specs, the JSON contract, text and Markdown, git revisions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings

from sopdsl.analysis.totals import sop_totals
from sopdsl.cli import main
from sopdsl.format import format_sop
from sopdsl.lifecycle.diff import Change, longest_increasing, sop_changes
from sopdsl.loading import read
from sopdsl.parse import parse_text

from .strategies import sops

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
REVISED = Path(__file__).resolve().parent / "fixtures" / "diff"
PENDOKUMENTASIAN = "pendokumentasian-informasi-publik"


def changes_between(name: str):
    old = read(SPECS / f"{name}.sop").sop
    new = read(REVISED / f"{name}.revised.sop").sop
    return sop_changes(old, new)


def test_revision_with_step_ids_gives_every_change_in_the_new_files_order():
    assert changes_between("pendokumentasian-informasi-publik") == [
        Change("header-changed", "number", None, "12 Tahun 2026"),
        Change("header-changed", "effective", None, "2026-07-01"),
        Change("header-changed", "sla", None, "3 hari kerja"),
        Change("role-changed", "kepala-opd", "Kepala OPD", "Kepala Dinas"),
        Change("role-added", "sekretaris", None, "Sekretaris Dinas"),
        # identifikasi and perintah swapped places: one of the two is out of the order the others keep
        Change("step-moved", None, "2", "1", step="perintah", number="1"),
        Change("step-changed", "time", "15 menit", "30 menit", step="perintah", number="1"),
        Change("step-changed", "branches", "yes: next; no: periksa-ketua", "yes: next; no: susun",
               step="periksa-atasan", number="5"),
        Change("step-added", None, None, "Mengesahkan Daftar Informasi Publik", step="sahkan", number="6"),
        Change("step-changed", "needs", "Daftar Informasi yang dikecualikan", "Daftar Informasi Publik yang disahkan",
               step="arsip", number="7"),
    ]


def test_revision_without_step_ids_matches_steps_by_their_text():
    removed_text = "Operator memasukkan konten yang telah di tentukan oleh Kepala Seksi"
    assert changes_between("keamanan-pengelolaan-website") == [
        Change("header-changed", "effective", "2024-05-29", "2026-01-05"),
        # a step without an id whose text changed is a different step: removed, and the new one added
        Change("step-removed", None, "Operator melakukan perbaikan dan pengembangan aplikasi web", None,
               section="B", number="B.4"),
        Change("step-removed", None, removed_text, None, section="B", number="B.5"),
        Change("step-added", None, None, "Operator melakukan perbaikan, pengujian dan pengembangan aplikasi web",
               section="B", number="B.4"),
        Change("section-changed", "title", "Evaluasi", "Evaluasi Berkala", section="C"),
        Change("section-added", "title", None, "Pelaporan", section="D"),
        Change("step-added", None, None, "Ketua PPID menyampaikan laporan pengelolaan website kepada Atasan PPID",
               section="D", number="D.1"),
    ]


def test_json_follows_the_contract_with_totals_of_both_versions(capsys):
    old, new = SPECS / f"{PENDOKUMENTASIAN}.sop", REVISED / f"{PENDOKUMENTASIAN}.revised.sop"
    assert main(["diff", str(old), str(new), "--format", "json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert (result["old"], result["new"]) == (str(old), str(new))
    assert set(result["changes"][0]) == {"kind", "section", "step", "number", "field", "old", "new"}
    assert result["changes"][5] == {"kind": "step-moved", "section": None, "step": "perintah", "number": "1",
                                    "field": None, "old": "2", "new": "1"}
    for side, path in (("old", old), ("new", new)):
        expected = sop_totals(read(path).sop).as_json()["total"]
        assert result["totals"][side] == expected
    assert result["totals"]["new"]["typical_minutes"] == [1050, 1050]  # 1005 + 15 more for perintah + 30 for sahkan
    assert result["sla"] == {"old": None, "new": "met"}


def test_text_and_markdown_show_changes_totals_and_sla(capsys):
    old, new = SPECS / f"{PENDOKUMENTASIAN}.sop", REVISED / f"{PENDOKUMENTASIAN}.revised.sop"
    assert main(["diff", str(old), str(new)]) == 1
    text = capsys.readouterr().out
    assert "step-changed 1 (perintah) time: 15 menit -> 30 menit" in text
    assert "Status SLA: tanpa SLA -> terpenuhi (3 hari kerja)" in text
    assert main(["diff", str(old), str(new), "--format", "markdown", "--lang", "en"]) == 1
    markdown = capsys.readouterr().out
    assert "| step-changed | 1 (perintah) | time | 15 menit | 30 menit |" in markdown
    assert "| SLA status | no SLA | met (3 hari kerja) |" in markdown
    assert "| Total time (typical) | 2 days 45 min (1005 min) | 2 days 1 h 30 min (1050 min) |" in markdown


def test_a_reversed_sla_is_not_compared_by_its_high_end(tmp_path, capsys):
    """`sla: 5-2 hari` is no budget (`reversed-range`): diff says so, and reports no status, rather than read 5."""
    old, new = tmp_path / "a.sop", tmp_path / "b.sop"
    body = "\nrole r: R\n\nstep s: Menerima\n  by: r\n  time: 3 hari\n"
    old.write_text("sop a: A\n  sla: 2-5 hari" + body, encoding="utf-8")
    new.write_text("sop a: A\n  sla: 5-2 hari" + body, encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 1
    assert "Status SLA: terpenuhi (2-5 hari) -> rentang terbalik, tidak dibandingkan (5-2 hari)" in (
        capsys.readouterr().out)
    assert main(["diff", str(old), str(new), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["sla"] == {"old": "met", "new": None}


def test_markdown_escapes_author_text(tmp_path, capsys):
    old = tmp_path / "a.sop"
    new = tmp_path / "b.sop"
    old.write_text("sop a: A\n\nrole r: R\n\nstep s: Menerima\n  by: r\n", encoding="utf-8")
    new.write_text('sop a: A\n\nrole r: R | <b>x</b>\n\nstep s: Menerima\n  by: r\n', encoding="utf-8")
    assert main(["diff", str(old), str(new), "--format", "markdown"]) == 1
    out = capsys.readouterr().out
    assert "R \\| &lt;b&gt;x&lt;/b&gt;" in out and "<b>" not in out


def test_unchanged_exits_0_and_errors_exit_2(tmp_path, capsys):
    spec = SPECS / "keamanan-pengelolaan-website.sop"
    assert main(["diff", str(spec), str(spec)]) == 0
    assert "Tidak ada perubahan." in capsys.readouterr().out
    assert main(["diff", str(spec), str(tmp_path / "missing.sop")]) == 2
    assert "no such file" in capsys.readouterr().err
    broken = tmp_path / "broken.sop"
    broken.write_text("sop x: X\n  bogus\n", encoding="utf-8")
    assert main(["diff", str(spec), str(broken)]) == 2
    assert f"{broken}:2:" in capsys.readouterr().err
    assert main(["diff", str(spec)]) == 2
    assert "two files" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_revision_against_the_working_tree(tmp_path, capsys, monkeypatch):
    def git(*args):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    folder = tmp_path / "sop"
    folder.mkdir()
    target = folder / "keamanan.sop"
    shutil.copy(SPECS / "keamanan-pengelolaan-website.sop", target)
    git("init", "-q")
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "add", ".")
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first")
    shutil.copy(REVISED / "keamanan-pengelolaan-website.revised.sop", target)
    monkeypatch.chdir(folder)
    assert main(["diff", "--git", "HEAD", "keamanan.sop", "--format", "json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["old"] == "HEAD:keamanan.sop"
    assert result["changes"] == [change.as_json() for change in changes_between("keamanan-pengelolaan-website")]
    assert main(["diff", "--git", "HEAD~5", "keamanan.sop"]) == 2
    assert "HEAD~5" in capsys.readouterr().err
    assert main(["diff", "--git=--upload-pack=x", "keamanan.sop"]) == 2


def test_longest_increasing_keeps_the_longest_run():
    assert longest_increasing([3, 0, 1, 4, 2, 5]) == [0, 1, 2, 5]
    assert longest_increasing([]) == []


@settings(max_examples=60, deadline=None)
@given(sops())
def test_an_sop_compared_with_itself_has_no_changes(sop):
    assert sop_changes(sop, sop) == []


@settings(max_examples=80, deadline=None)
@given(sops(), sops())
def test_no_change_found_means_the_same_written_sop(first, second):
    if not sop_changes(first, second):
        assert format_sop(first) == format_sop(second)


def test_list_fields_are_lists_and_performers_one_text(tmp_path):
    old = parse_text("sop a: A\n  related:\n    - b\n    - c\n\nrole r: R\nrole s: S\n\nstep x: X\n  by: r\n")
    new = parse_text("sop a: A\n  related:\n    - b\n    - d\n\nrole r: R\nrole s: S\n\nstep x: X\n  by: r, s\n")
    assert sop_changes(old, new) == [
        Change("header-changed", "related", ["b", "c"], ["b", "d"]),
        Change("step-changed", "by", "r", "r, s", step="x", number="1"),
    ]


def test_the_approver_block_is_one_written_text():
    old = parse_text("sop a: A\n  approver:\n    name: Budi\n    nip: 1\n")
    new = parse_text("sop a: A\n  penandatangan:\n    nama: Budi\n    pangkat: Pembina\n    nip: 1\n")
    assert sop_changes(old, new) == [
        Change("header-changed", "approver", "name: Budi; nip: 1", "name: Budi; rank: Pembina; nip: 1")
    ]
