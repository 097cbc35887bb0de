"""How long `sopdsl serve` takes from a keystroke to the updated preview and findings, measured in the browser.

Run `.venv/bin/python -m bench.serve_latency` (needs Playwright for Python and Chromium). The app serves one
generated SOP of 100 steps; a headless Chromium types into the editor, one key at a time with a pause between,
and the page itself times each key from its `keydown` to the next frame after the preview shows that text, its
findings listed. The editor waits a short debounce after the last key before it asks for a check:
that wait is part of the figure, as the author sees it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from .generate import Shape, generate

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
TARGET_MS = 300
WAIT_MS = 600_000  # the longest wait for a page or a keystroke's result: a 10,000-step SOP takes seconds per key
ARM = """() => {
    const area = document.getElementById("text");
    window.__latency = null;
    const start = { at: 0 };
    area.addEventListener("keydown", () => { start.at = performance.now(); }, { once: true });
    const shown = Number(document.body.dataset.previewed || 0);
    document.addEventListener("sopdsl:previewed", function done() {
        const data = document.body.dataset;
        if (Number(data.previewed) > shown && data.checked === data.previewed) {
            document.removeEventListener("sopdsl:previewed", done);
            requestAnimationFrame(() => setTimeout(() => { window.__latency = performance.now() - start.at; }, 0));
        }
    });
}"""


def measure(steps: int, keys: int, browser=None) -> list[float]:
    """Milliseconds from a keystroke to the preview and findings of that text, for each of `keys` keystrokes.

    `browser` is a Playwright browser to use; without one, the system's Chromium is started for the run.
    """
    from sopdsl.serve.api import Api
    from sopdsl.serve.server import make_server
    from sopdsl.serve.workspace import Workspace

    with tempfile.TemporaryDirectory() as scratch:
        (path,) = generate(Path(scratch), Shape(steps=steps, files=1))
        server = make_server(Api(Workspace([scratch]), "id"), "127.0.0.1", 0, "id")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/sop?path={path.as_posix()}"
        try:
            if browser is not None:
                return _time_keys(browser, url, keys)
            from playwright.sync_api import sync_playwright

            from sopdsl.browser.chromium import find_chromium

            with sync_playwright() as playwright:
                started = playwright.chromium.launch(executable_path=str(find_chromium()), args=CHROMIUM_ARGS)
                try:
                    return _time_keys(started, url, keys)
                finally:
                    started.close()
        finally:
            server.shutdown()
            server.server_close()


def _time_keys(browser, url: str, keys: int) -> list[float]:
    """Open the SOP page, put the caret at the end of the first step's line and time each key typed there."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.set_default_timeout(WAIT_MS)
    try:
        page.goto(url)
        page.wait_for_selector("body[data-ready]", state="attached")
        page.evaluate("""() => { const area = document.getElementById("text");
            const at = area.value.indexOf("\\nstep ") + 1; area.focus(); area.setSelectionRange(at, at); }""")
        page.keyboard.press("End")
        times = []
        for index in range(keys + 1):  # the first key warms the server's and the page's caches: not counted
            page.evaluate(ARM)
            page.keyboard.type("x" if index % 2 == 0 else "y")
            page.wait_for_function("() => window.__latency !== null")
            times.append(page.evaluate("window.__latency"))
        return times[1:]
    finally:
        page.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the median and slowest latency."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100, help="steps of the SOP (default: 100)")
    parser.add_argument("--keys", type=int, default=20, help="keystrokes to time (default: 20)")
    args = parser.parse_args(argv)
    times = measure(args.steps, args.keys)
    median = statistics.median(times)
    worst = max(times)
    print(f"serve: keystroke to updated preview and findings, {args.steps}-step SOP, {len(times)} keys: "
          f"median {median:.0f} ms, slowest {worst:.0f} ms (target {TARGET_MS} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
