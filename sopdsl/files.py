"""Finding .sop files: the paths given, and every *.sop below the folders given."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, List


class UsageError(Exception):
    """The command cannot do its job with what it was given (exit code 2)."""


def collect(paths: Iterable[str]) -> List[Path]:
    """The files to work on, in a stable order, each once; a missing path is a UsageError."""
    found: List[Path] = []
    seen = set()
    for name in paths:
        path = Path(name)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*.sop") if p.is_file())
        elif path.exists():
            candidates = [path]
        else:
            raise UsageError(f"no such file or folder: {name}")
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found
