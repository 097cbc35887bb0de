"""Neovim's built-in LSP client against `sopdsl lsp`: it attaches, shows the findings and the hover."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .lsp_session import MAIN, USED, where

SCRIPT = Path(__file__).parent / "neovim" / "attach.lua"


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed (apt-get install neovim)")
def test_neovim_shows_findings_and_hover(tmp_path):
    text = MAIN.replace("by: ppid", "by: ppd")
    (tmp_path / "pelayanan.sop").write_text(text, encoding="utf-8")
    (tmp_path / "penyiapan.sop").write_text(USED, encoding="utf-8")
    hover = where(text, "uses: penyiapan", offset=8)
    out = tmp_path / "out.json"
    env = {**os.environ, "SOPDSL_ROOT": str(tmp_path), "SOPDSL_FILE": "pelayanan.sop", "SOPDSL_OUT": str(out),
           "SOPDSL_PYTHON": sys.executable, "SOPDSL_HOVER_LINE": str(hover.line),
           "SOPDSL_HOVER_CHARACTER": str(hover.character), "XDG_STATE_HOME": str(tmp_path / "state")}
    subprocess.run(["nvim", "--headless", "--clean", "-c", f"luafile {SCRIPT}"], env=env, cwd=tmp_path,
                   timeout=120, check=True, capture_output=True)
    seen = json.loads(out.read_text(encoding="utf-8"))
    role = [d for d in seen["diagnostics"] if d["code"] == "unknown-role"]
    assert role and role[0]["line"] == where(text, "by: ppd").line and "did you mean 'ppid'" in role[0]["message"]
    assert "Penyiapan Jawaban Permohonan" in seen["hover"]
