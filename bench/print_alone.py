"""The browser's own time: one headless Chromium printing the given HTML pages to PDF back to back, one at a time.

`python -m bench.print_alone PAGE.html...` starts the browser, prints each page in turn and quits; the benchmark
times it as a whole process, beside `sopdsl build` with PDFs of the same pages.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from sopdsl.browser.chromium import Browser


def main(argv: Sequence[str] | None = None) -> int:
    pages = list(sys.argv[1:] if argv is None else argv)
    with Browser() as browser:
        for page in pages:
            browser.pdf(page)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
