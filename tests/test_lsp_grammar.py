"""The VS Code extension's TextMate grammar, run as VS Code runs it: every keyword of the specs gets a keyword scope."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, SPECS

EXTENSION = ROOT / "editors" / "vscode"
MODULES = EXTENSION / "node_modules"
KEYWORD_PAIR = FIXTURES / "keywords"  # the same SOP with English and with Indonesian keywords
INDONESIAN = """\
sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
  nomor: 12/SOP-PPID/2024
  efektif: 2024-06-10
  disahkan-oleh: Kepala Dinas Komunikasi dan Informatika
  batas-waktu: 10 hari kerja

pelaksana petugas: Petugas Layanan Informasi

bagian A: Penerimaan

keputusan lengkap: Memeriksa kelengkapan permohonan
  oleh: petugas
  waktu: 30 menit
  ya: berikut
  tidak: selesai
  cabang "Ditunda": lengkap

kegiatan jawab: Menyiapkan jawaban permohonan
  oleh: petugas
  waktu: 1-7 hari kerja
  lanjut: selesai
"""
_KEY = re.compile(r"( +)([^\W\d_][\w-]*)(?: +\"(?:[^\"\\]|\\.)*\")? *:(?: *([^\W\d_][\w-]*)\s*(?:#.*)?$)?")
_TOP = re.compile(r"([^\W\d_][\w-]*)(?=[ :])")
TARGET_KEYS = {"next", "yes", "no", "branch", "lanjut", "ya", "tidak", "cabang"}
TARGET_WORDS = {"next", "end", "berikut", "selesai"}


def tokens(files: list[Path]) -> dict:
    """Each file's lines' tokens as the grammar gives them."""
    if shutil.which("node") is None or not (MODULES / "vscode-textmate").is_dir():
        pytest.skip("the grammar test needs Node.js and `npm ci --prefix editors/vscode`")
    done = subprocess.run(["node", str(EXTENSION / "test" / "tokenize.js"), *map(str, files)],
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def keywords(text: str) -> list[tuple[int, int, str]]:
    """(line, column, word) of each keyword outside quoted strings: a block's or key's word, a jump's target."""
    found = []
    quoted = False
    for number, line in enumerate(text.splitlines()):
        if not quoted and line and not line.startswith("#"):
            top = _TOP.match(line)
            key = _KEY.match(line)
            if top is not None:
                found.append((number, 0, top.group(1)))
            elif key is not None:
                found.append((number, key.start(2), key.group(2)))
                if key.group(2) in TARGET_KEYS and key.group(3) in TARGET_WORDS:
                    found.append((number, key.start(3), key.group(3)))
        quoted = _ends_quoted(line, quoted)
    return found


def _ends_quoted(line: str, quoted: bool) -> bool:
    """Whether the line ends inside a quoted string (a comment outside quotes runs to the end of the line)."""
    index = 0
    while index < len(line):
        char = line[index]
        if quoted and char == "\\":
            index += 1
        elif char == '"':
            quoted = not quoted
        elif not quoted and char == "#" and (index == 0 or line[index - 1] == " "):
            break
        index += 1
    return quoted


def scopes_at(line_tokens: list[dict], column: int) -> list[str]:
    return next(token["scopes"] for token in line_tokens if token["start"] <= column < token["end"])


def test_every_keyword_of_the_specs_and_of_an_indonesian_sop_is_scoped(tmp_path):
    indonesian = tmp_path / "indonesia.sop"
    indonesian.write_text(INDONESIAN, encoding="utf-8")
    files = [*sorted(SPECS.glob("*.sop")), *sorted(KEYWORD_PAIR.glob("*.sop")), indonesian]
    scoped = tokens(files)
    missed, seen = [], set()
    for path in files:
        lines = scoped[str(path)]
        for line, column, word in keywords(path.read_text(encoding="utf-8")):
            seen.add(word)
            if not any(scope.startswith("keyword.") for scope in scopes_at(lines[line], column)):
                missed.append(f"{path.name}:{line + 1}:{column + 1}: {word} {scopes_at(lines[line], column)}")
    assert not missed, "\n".join(missed)
    assert {"sop", "role", "step", "decision", "by", "time", "yes", "kegiatan", "oleh", "berikut"} <= seen


def test_strings_comments_and_numbers(tmp_path):
    path = tmp_path / "small.sop"
    path.write_text('step a: "Menerima # bukan komentar\n    by: bukan kunci"  # sopdsl: ignore[missing-time]\n'
                    "  time: 1-3 hari kerja\n", encoding="utf-8")
    lines = tokens([path])[str(path)]
    assert "string.quoted.double.sop" in scopes_at(lines[0], 20)
    assert "string.quoted.double.sop" in scopes_at(lines[1], 4)
    assert "keyword.other.directive.sop" in scopes_at(lines[1], 26)
    assert "constant.numeric.sop" in scopes_at(lines[2], 8)
    assert "support.constant.unit.sop" in scopes_at(lines[2], 12)
