"""Finding .sop files: the paths given, and every *.sop below the folders given."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, List

from .errors import UsageError

__all__ = ["UsageError", "collect"]


def collect(paths: Iterable[str]) -> List[Path]:
    """The files to work on, in a stable order, each once; a missing path, or finding none, is a UsageError.

    A folder without .sop files is most likely a mistyped path: passing it silently would hide that.
    """
    paths = list(paths)
    found: List[Path] = []
    seen = set()
    for name in paths:
        path = Path(name)
        if path.is_dir():
            candidates = _sop_files_below(path)
        elif path.exists():
            candidates = [path]
        else:
            raise UsageError(f"no such file or folder: {name}")
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    if not found:
        raise UsageError("no .sop files found in " + ", ".join(paths))
    return found


def _sop_files_below(folder: Path) -> List[Path]:
    """Every *.sop file below the folder, sorted; a folder that cannot be read is a UsageError, not skipped."""

    def refuse(error: OSError) -> None:
        raise UsageError(f"cannot read {error.filename}: {error.strerror or error}")

    found = []
    for root, _, names in os.walk(folder, onerror=refuse):
        found.extend(Path(root, name) for name in names if name.endswith(".sop"))
    return sorted(path for path in found if path.is_file())
