"""Take docs/pictures/editor-neovim.png: Neovim's built-in LSP client showing `sopdsl lsp` findings and a hover.

Run from the repository root: `.venv/bin/python docs/make_editor_picture.py` (needs nvim, tmux and chromium).
Neovim runs in a tmux pane on a copy of an example library; the pane, colours included, is captured with
`tmux capture-pane -e`, written as HTML and photographed by headless Chromium.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sopdsl.browser.chromium import find_chromium

ROOT = Path(__file__).resolve().parent.parent
PICTURE = ROOT / "docs" / "pictures" / "editor-neovim.png"
SIZE = (118, 34)
SESSION = "sopdsl-editor-picture"
MAIN = """\
sop pelayanan: Pelayanan Permohonan Informasi Publik
  number: 12/SOP-PPID/2024
  effective: 2024-06-10
  approved-by: Kepala Dinas Komunikasi dan Informatika
  sla: 10 hari kerja

role petugas: Petugas Layanan Informasi
role ppid: PPID

step terima: Menerima dan mencatat permohonan informasi
  by: petugas
  time: 15 menit

decision lengkap: Memeriksa kelengkapan permohonan
  by: petugas
  time: 30 menit
  yes: next
  no: kembalikan

step jawab: Menyiapkan jawaban permohonan
  by: ppd
  uses: penyiapan-jawaban

step kembalikan: Mengembalikan permohonan untuk dilengkapi
  by: petugas
  time: "Sesuai jadwal"
"""
USED = """\
sop penyiapan-jawaban: Penyiapan Jawaban Permohonan Informasi
  number: 13/SOP-PPID/2024
  effective: 2024-06-10
  approved-by: Kepala Dinas Komunikasi dan Informatika

role ppid: PPID

step susun: Menyusun jawaban
  by: ppid
  time: 1-5 hari kerja

step periksa: Memeriksa dan menandatangani jawaban
  by: ppid
  time: 1 hari kerja
"""
INIT = """\
vim.o.background = "dark"
vim.o.number = true
vim.o.signcolumn = "yes"
vim.o.updatetime = 300
vim.cmd([[syntax on]])
vim.cmd([[autocmd BufRead *.sop syntax match Statement /^\\(sop\\|role\\|section\\|step\\|decision\\)\\>/]])
vim.cmd([[autocmd BufRead *.sop syntax match Type /^\\s\\+[a-z-]\\+:/]])
vim.diagnostic.config({ virtual_text = true, signs = true, underline = true })
vim.api.nvim_create_autocmd("BufRead", { pattern = "*.sop", callback = function(event)
  local root = vim.fn.getcwd()
  local id = vim.lsp.start_client({ name = "sopdsl", cmd = { "%s", "-m", "sopdsl", "lsp" }, root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = "sops" } } })
  vim.lsp.buf_attach_client(event.buf, id)
end })
"""


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def capture(folder: Path) -> str:
    """The pane with the findings shown and the hover open on the `sop` line (the totals), as ANSI text."""
    (folder / "init.lua").write_text(INIT % sys.executable, encoding="utf-8")
    tmux("new-session", "-d", "-s", SESSION, "-x", str(SIZE[0]), "-y", str(SIZE[1]), "-c", str(folder),
         f"nvim -u {folder / 'init.lua'} pelayanan.sop")
    try:
        time.sleep(6)  # the server starts, reads the workspace and publishes the findings
        tmux("send-keys", "-t", SESSION, ":1", "Enter", "6|")
        tmux("send-keys", "-t", SESSION, ":lua vim.lsp.buf.hover()", "Enter")
        time.sleep(2)
        return tmux("capture-pane", "-e", "-p", "-t", SESSION)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], check=False)


def palette(number: int) -> str:
    """The xterm colour of a 256-colour index."""
    basic = ["#1c1c1c", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
             "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"]
    if number < 16:
        return basic[number]
    if number < 232:
        number -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return _hex(steps[number // 36], steps[number // 6 % 6], steps[number % 6])
    gray = 8 + (number - 232) * 10
    return _hex(gray, gray, gray)


def _hex(red: int, green: int, blue: int) -> str:
    return f"#{red:02x}{green:02x}{blue:02x}"


def to_html(ansi: str) -> str:
    """The captured pane as an HTML page: each run of text in its colours."""
    style = {"fg": None, "bg": None, "bold": False, "reverse": False, "underline": False}
    out = []
    for part in re.split(r"(\x1b\[[0-9;]*m)", ansi):
        if part.startswith("\x1b["):
            _apply(style, [int(code) if code else 0 for code in part[2:-1].split(";")])
            continue
        if part:
            fg, bg = style["fg"] or "#d4d4d4", style["bg"] or "transparent"
            if style["reverse"]:
                fg, bg = (style["bg"] or "#1c1c1c"), (style["fg"] or "#d4d4d4")
            css = f"color:{fg};background:{bg}" + (";font-weight:bold" if style["bold"] else "")
            css += ";text-decoration:underline" if style["underline"] else ""
            out.append(f'<span style="{css}">{html.escape(part)}</span>')
    return ("<!doctype html><meta charset=utf-8><body style='margin:0;background:#1c1c1c'>"
            "<pre style='margin:0;padding:12px;font:15px/1.25 \"DejaVu Sans Mono\",monospace;color:#d4d4d4'>"
            + "".join(out) + "</pre>")


def _apply(style: dict, codes: list[int]) -> None:
    index = 0
    while index < len(codes):
        code = codes[index]
        if code == 0:
            style.update(fg=None, bg=None, bold=False, reverse=False, underline=False)
        elif code in (1, 22):
            style["bold"] = code == 1
        elif code in (4, 24):
            style["underline"] = code == 4
        elif code in (7, 27):
            style["reverse"] = code == 7
        elif 30 <= code <= 37 or 90 <= code <= 97:
            style["fg"] = palette(code - 30 if code < 90 else code - 82)
        elif 40 <= code <= 47 or 100 <= code <= 107:
            style["bg"] = palette(code - 40 if code < 100 else code - 92)
        elif code in (39, 49):
            style["fg" if code == 39 else "bg"] = None
        elif code in (38, 48) and index + 2 < len(codes) and codes[index + 1] == 5:
            style["fg" if code == 38 else "bg"] = palette(codes[index + 2])
            index += 2
        elif code in (38, 48) and index + 4 < len(codes) and codes[index + 1] == 2:
            style["fg" if code == 38 else "bg"] = _hex(*codes[index + 2:index + 5])
            index += 4
        index += 1


def main() -> int:
    chromium = find_chromium()
    if chromium is None:
        print("chromium not found", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "pelayanan.sop").write_text(MAIN, encoding="utf-8")
        (folder / "penyiapan-jawaban.sop").write_text(USED, encoding="utf-8")
        page = folder / "pane.html"
        page.write_text(to_html(capture(folder)), encoding="utf-8")
        width, height = SIZE[0] * 9 + 24, int(SIZE[1] * 15 * 1.25) + 28
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={PICTURE}", f"--window-size={width},{height}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    print(PICTURE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
