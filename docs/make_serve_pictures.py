"""Take the screenshots of `sopdsl serve` in docs/pictures/serve with headless Chromium (needs Playwright for Python).

Run from the repository root: `.venv/bin/python docs/make_serve_pictures.py`. The app serves a copy of specs/,
so the pictures show the real library while nothing in the repository is edited.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from sopdsl.browser.chromium import find_chromium
from sopdsl.serve.api import Api
from sopdsl.serve.server import make_server
from sopdsl.serve.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
PICTURES = ROOT / "docs" / "pictures" / "serve"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
EDITED = "pendokumentasian-informasi-publik.sop"
EXAMPLE = """\
sop permohonan-informasi: Pelayanan Permohonan Informasi Publik
  number: 7/SOP-PPID/2024
  unit: PPID Kabupaten Contoh
  effective: 2024-06-10
  approved-by: Kepala Dinas Komunikasi dan Informatika
  related:
    - pengelolaan-website-ppid
    - penanganan-keberatan
  sla: 10 hari kerja

role petugas: Petugas Layanan Informasi
role operator: Operator OPD

step terima: Menerima dan mencatat permohonan informasi
  by: petugas
  time: 15 menit

step siapkan: Menyiapkan informasi yang diminta
  by: operator
  uses: pendokumentasian-informasi-publik

step serahkan: Menyerahkan informasi kepada pemohon
  by: petugas
  time: 30 menit
"""
"""An SOP added to the copy so that the index shows links between SOPs, one to an SOP outside the library."""


def main() -> int:
    """Serve a copy of specs/ and take every screenshot."""
    import os
    import threading

    PICTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)  # the pages name the files as `sopdsl serve specs` run there would
        library = Path("specs")
        shutil.copytree(ROOT / "specs", library)
        (library / "permohonan-informasi.sop").write_text(EXAMPLE, encoding="utf-8")
        server = make_server(Api(Workspace([str(library)]), "id"), "127.0.0.1", 0, "id")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            shoot(f"http://127.0.0.1:{server.server_address[1]}", library)
        finally:
            server.shutdown()
            server.server_close()
    for picture in sorted(PICTURES.glob("*.png")):
        print(picture.relative_to(ROOT))
    return 0


def shoot(url: str, library: Path) -> None:
    """The index, the editor with a finding, the diagram and totals tabs, and a conflict offered."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(find_chromium()), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 860})
        page.goto(url + "/")
        page.wait_for_selector("body[data-ready]", state="attached")
        page.screenshot(path=str(PICTURES / "index.png"), full_page=True)

        page.goto(f"{url}/sop?path={(library / EDITED).as_posix()}")
        page.wait_for_selector("body[data-ready]", state="attached")
        type_over(page, "by: operator-opd", "by: operator", 1)
        page.wait_for_selector("#findings li.error")
        page.wait_for_selector("#completion:not([hidden])")
        page.wait_for_timeout(400)
        page.screenshot(path=str(PICTURES / "editor.png"))

        type_over(page, "by: operator", "by: operator-opd", 1)
        page.wait_for_selector("#findings li.none")
        page.click(".tabs button[data-view=svg]")
        page.wait_for_timeout(800)
        page.screenshot(path=str(PICTURES / "diagram.png"))
        page.click(".tabs button[data-view=totals]")
        page.wait_for_selector("#view-totals table")
        page.screenshot(path=str(PICTURES / "totals.png"))

        page.click(".tabs button[data-view=html]")
        type_over(page, "time: 1 hari", "time: 2 hari", 0)
        on_disk = library / EDITED
        on_disk.write_text(on_disk.read_text(encoding="utf-8").replace("- ATK", "- ATK dan kertas"), encoding="utf-8")
        page.wait_for_selector("#banner:not([hidden])")
        page.click("#see-diff")
        page.screenshot(path=str(PICTURES / "conflict.png"))
        browser.close()


def type_over(page, old: str, new: str, occurrence: int) -> None:
    """Select an occurrence of `old` in the editor and type `new` over it, key by key."""
    page.evaluate(
        """([text, occurrence]) => {
            const area = document.getElementById("text");
            let at = -1;
            for (let i = 0; i <= occurrence; i++) at = area.value.indexOf(text, at + 1);
            area.focus();
            area.setSelectionRange(at, at + text.length);
            const line = area.value.slice(0, at).split("\\n").length;
            area.scrollTop = Math.max(0, (line - 8) * parseFloat(getComputedStyle(area).lineHeight));
        }""",
        [old, occurrence],
    )
    page.keyboard.type(new)


if __name__ == "__main__":
    sys.exit(main())
