"""The memory of a process and all its descendants together, sampled from /proc while it runs (Linux)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
INTERVAL = 0.02  # seconds between two samples


def tree(pid: int) -> list[int]:
    """The process and its descendants, from the kernel's lists of each thread's children."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                todo += map(int, Path(f"/proc/{current}/task/{task}/children").read_text().split())
        except OSError:
            continue  # it has exited meanwhile
    return found


def resident_mb(pids: list[int]) -> float:
    """The resident set sizes of the processes, summed, in MB; pages shared by two processes count twice."""
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total * PAGE / (1 << 20)


class TreeMemory:
    """Samples the summed resident set of `pid`'s process tree until stopped; `peak_mb` is the largest sum seen."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_mb = pid, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, resident_mb(tree(self.pid)))
            self._stop.wait(INTERVAL)

    def stop(self) -> float:
        """Stop sampling; the peak."""
        self._stop.set()
        self._thread.join()
        return self.peak_mb
