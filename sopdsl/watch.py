"""Watching: run a command again whenever a .sop file (or a settings file) below the paths changes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import UsageError
from .i18n import say

WATCHED_SUFFIXES = (".sop", ".toml")


def watch(paths: Sequence[str], once: Callable[[], int]) -> int:
    """Run `once` now and after every change, until interrupted; the exit code of the last run."""
    try:
        from watchfiles import watch as changes
    except ImportError:
        raise UsageError(say("usage.watchfiles")) from None
    if "-" in paths:
        raise UsageError(say("usage.watch-stdin"))
    status = once()
    roots = [str(Path(path)) for path in paths]
    try:
        for changed in changes(*roots, watch_filter=lambda _, name: name.endswith(WATCHED_SUFFIXES), debounce=300):
            names = ", ".join(sorted({Path(name).name for _, name in changed}))
            print("\n" + say("watch.changed", names=names), file=sys.stderr)
            status = once()
    except KeyboardInterrupt:
        pass
    return status
