"""Watching the workspace folders on disk, for editors that do not report file changes to the server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from ..watch import WATCHED_SUFFIXES


def watch_folders(folders: Sequence[str], changed: Callable[[list[str]], object]) -> None:
    """Call `changed` with the paths of .sop and settings files changed below the folders (needs watchfiles)."""
    try:
        from watchfiles import watch
    except ImportError:
        return

    def run() -> None:
        for batch in watch(*folders, watch_filter=lambda _, name: name.endswith(WATCHED_SUFFIXES), debounce=300):
            changed(sorted({path for _, path in batch}))

    threading.Thread(target=run, name="sopdsl-watch", daemon=True).start()
