"""The incremental build: a rebuild makes only what changed, and its output is byte for byte a fresh build's."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.generate import Shape, generate
from sopdsl.cache import FOLDER
from sopdsl.cli import main
from sopdsl.site.manifest import NAME

from .library_edits import EDITS, edit

USED = "sop dipakai: Dipakai\nrole r: Peran\nstep s: Kegiatan\n  by: r\n  time: 1 jam\n"
USER = ("sop pemakai: Pemakai\nrole r: Peran\nstep s: Ikuti\n  by: r\n  uses: dipakai\n"
        "step t: Lain\n  by: r\n  time: 2 jam\n")


def _build(capsys, library: Path, out: Path, *extra: str) -> int:
    """Build, and how many files were made afresh."""
    main(["build", str(library), "-o", str(out), "--no-pdf", *extra])
    err = capsys.readouterr().err
    return int(err.rsplit("(", 1)[1].split()[0])


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != NAME and FOLDER not in p.parts}


def test_a_rebuild_without_changes_makes_nothing_and_an_edit_makes_that_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    generate(tmp_path / "lib", Shape(steps=6, files=20, uses=0))
    assert _build(capsys, tmp_path / "lib", tmp_path / "site") == 20
    assert _build(capsys, tmp_path / "lib", tmp_path / "site") == 0
    edit(tmp_path / "lib", 3, 30, "duplicate")
    assert _build(capsys, tmp_path / "lib", tmp_path / "site") == 1
    assert _build(capsys, tmp_path / "lib", tmp_path / "site", "--no-cache") == 20


def test_dependents_are_made_again_when_the_totals_they_show_change(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    library = tmp_path / "lib"
    library.mkdir()
    (library / "dipakai.sop").write_text(USED, encoding="utf-8")
    (library / "pemakai.sop").write_text(USER, encoding="utf-8")
    assert _build(capsys, library, tmp_path / "site") == 2
    (library / "dipakai.sop").write_text(USED + "  note: Catatan\n", encoding="utf-8")
    assert _build(capsys, library, tmp_path / "site") == 1
    (library / "dipakai.sop").write_text(USED.replace("1 jam", "3 jam"), encoding="utf-8")
    assert _build(capsys, library, tmp_path / "site") == 2
    assert "5 jam" in (tmp_path / "site" / "pemakai.html").read_text(encoding="utf-8")


def test_a_deleted_or_replaced_output_is_made_again(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    generate(tmp_path / "lib", Shape(steps=6, files=3))
    site = tmp_path / "site"
    _build(capsys, tmp_path / "lib", site)
    before = _files(site)
    victim = tmp_path / "victim.html"
    victim.write_text("keep me", encoding="utf-8")
    first, second = sorted(site.glob("*.svg"))[:2]
    first.unlink()
    second.unlink()
    second.symlink_to(victim)
    assert _build(capsys, tmp_path / "lib", site) == 2
    assert _files(site) == before
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_build_writes_nothing_outside_its_output_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    generate(tmp_path / "lib", Shape(steps=6, files=3))
    before = sorted(tmp_path.rglob("*"))
    _build(capsys, tmp_path / "lib", tmp_path / "site")
    assert [p for p in sorted(tmp_path.rglob("*")) if "site" not in p.relative_to(tmp_path).parts] == before
    assert (tmp_path / "site" / FOLDER / "CACHEDIR.TAG").is_file()


def test_a_corrupt_manifest_means_a_full_build(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    generate(tmp_path / "lib", Shape(steps=6, files=3))
    _build(capsys, tmp_path / "lib", tmp_path / "site")
    for junk in ("", "[]", '{"format": 1, "sops": {"x": 1}}', '{"format": 1, "sops": []}'):
        (tmp_path / "site" / NAME).write_text(junk, encoding="utf-8")
        assert _build(capsys, tmp_path / "lib", tmp_path / "site") == 3


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rounds=st.lists(EDITS, min_size=1, max_size=3))
def test_random_edits_rebuild_byte_for_byte_as_a_fresh_build(rounds, monkeypatch, capsys):
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        monkeypatch.chdir(root)
        generate(root / "lib", Shape(steps=5, files=6, uses=0.3))
        _build(capsys, root / "lib", root / "site")
        for number, edits in enumerate(rounds):
            for file, line, how in edits:
                edit(root / "lib", file, line, how)
            _build(capsys, root / "lib", root / "site")
            _build(capsys, root / "lib", root / f"fresh-{number}", "--no-cache")
            assert _files(root / "site") == _files(root / f"fresh-{number}")


def test_a_rebuild_after_one_edit_parses_only_that_file(tmp_path, monkeypatch, capsys):
    from sopdsl.parse.parser import _Parser

    monkeypatch.chdir(tmp_path)
    generate(tmp_path / "lib", Shape(steps=6, files=8, uses=0))
    _build(capsys, tmp_path / "lib", tmp_path / "site")
    edited = sorted((tmp_path / "lib").glob("*.sop"))[2]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" menit", " jam", 1), encoding="utf-8")
    parsed: list[str] = []
    parse = _Parser.parse
    monkeypatch.setattr(_Parser, "parse", lambda self, text: parsed.append(text) or parse(self, text))
    assert _build(capsys, tmp_path / "lib", tmp_path / "site") == 1
    assert parsed and {text.rstrip("\n") for text in parsed} == {edited.read_text(encoding="utf-8").rstrip("\n")}
    _build(capsys, tmp_path / "lib", tmp_path / "fresh", "--no-cache")
    assert _files(tmp_path / "site") == _files(tmp_path / "fresh")
    assert (tmp_path / "site" / "library-map.html").is_file()
