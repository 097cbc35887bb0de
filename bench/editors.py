"""The editor paths in the benchmark: the language server's and the web editor's time from a change to its findings."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .measure import Timing

if TYPE_CHECKING:
    from .run import Row

SERVE_KEYS = 5  # keystrokes timed per SOP in the web editor (the median is reported)


def measure(sizes: Sequence[int], repeat: int) -> tuple[list[Row], list[str]]:
    """The rows of both editors at each buffer size, and why one could not be measured, if it could not."""
    from . import lsp_latency, serve_latency
    from .run import Row

    rows: list[Row] = []
    for steps, found in lsp_latency.run(sizes, repeat):
        name = f"sopdsl lsp: a buffer of {steps:,} steps"
        alone = Timing(found.alone, found.alone_cpu, 0)
        rows += [Row(name, "the same check alone", alone),
                 Row(name, "change to findings (x check alone)", Timing(found.served, found.served_cpu, 0), alone,
                     lsp_latency.TARGET)]
    try:
        import playwright  # noqa: F401 - the web editor is driven in a browser by Playwright
    except ImportError:
        return rows, ["sopdsl serve: Playwright for Python is not installed"]
    for steps in sizes:
        times = serve_latency.measure(steps, SERVE_KEYS)
        median = Timing(statistics.median(times) / 1000, 0, 0)
        limit = serve_latency.TARGET_MS / 1000 if steps == 100 else None
        rows.append(Row(f"sopdsl serve: an SOP of {steps:,} steps", "keystroke to preview and findings", median,
                        max_seconds=limit))
    return rows, []
