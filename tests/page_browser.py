"""The browser the tests drive: the Chromium client plus what only tests need (scripts, media, screenshots)."""

from __future__ import annotations

import base64
import math
from pathlib import Path
from typing import Any

from sopdsl.browser.chromium import Browser, ChromiumError, Source


class PageBrowser(Browser):
    """A Browser that also evaluates JavaScript, switches to print media, resizes and takes screenshots."""

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page (promises are awaited)."""
        reply = self._page("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        details = reply.get("exceptionDetails")
        if details:
            thrown = details.get("exception", {})
            description = str(thrown.get("description") or thrown.get("value") or details.get("text") or "unknown")
            raise ChromiumError(f"JavaScript error: {description.splitlines()[0]}")
        return reply["result"].get("value")

    def emulate_print(self, on: bool) -> None:
        """Lay the page out with print (True) or screen (False) style sheets."""
        self._page("Emulation.setEmulatedMedia", media="print" if on else "")

    def set_viewport(self, width: int, height: int, device_scale_factor: float = 1) -> None:
        """Give the page a viewport of `width` x `height` CSS pixels."""
        self._page("Emulation.setDeviceMetricsOverride", width=width, height=height,
                   deviceScaleFactor=device_scale_factor, mobile=False)

    def screenshot(self, path_png: Source, full_page: bool = True) -> None:
        """Write a PNG of the viewport, or of the whole document (the viewport then stays at its size)."""
        if full_page:
            size = self._page("Page.getLayoutMetrics")["cssContentSize"]
            self.set_viewport(math.ceil(size["width"]), math.ceil(size["height"]))
        png = self._page("Page.captureScreenshot", format="png")["data"]
        Path(path_png).write_bytes(base64.b64decode(png))
