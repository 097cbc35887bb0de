"""Finding .sop files: the paths given, and every *.sop below the folders given."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, List

from .errors import UsageError

__all__ = ["STANDARD_INPUT", "UsageError", "collect"]

STANDARD_INPUT = ("/dev/stdin", "/dev/fd/0")
"""Names of standard input that are read as files although they are pipes."""


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
            candidates = [_regular_file(path, name)]
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


def _regular_file(path: Path, name: str) -> Path:
    """The path, if it is a file that can be read to its end (standard input included); else a UsageError."""
    if name in STANDARD_INPUT or path.is_file():
        return path
    raise UsageError(f"{name} is not a regular file (a device, pipe or socket): give a .sop file")


def _sop_files_below(folder: Path) -> List[Path]:
    """Every *.sop file below the folder, sorted; a folder that cannot be read is a UsageError, not skipped.

    Links are not followed out of the folder: a linked folder is not entered, and a linked file whose target
    lies outside the folder is skipped, so a walk never reaches (or rewrites) files elsewhere.
    """

    def refuse(error: OSError) -> None:
        raise UsageError(f"cannot read {error.filename}: {error.strerror or error}")

    top = folder.resolve()
    found = []
    for root, _, names in os.walk(folder, onerror=refuse):
        found.extend(Path(root, name) for name in names if name.endswith(".sop"))
    return sorted(path for path in found if path.is_file() and _inside(path, top))


def _inside(path: Path, top: Path) -> bool:
    """Whether the file (a link's target, for a link) lies below the folder."""
    if not path.is_symlink():
        return True
    resolved = path.resolve()
    return resolved == top or top in resolved.parents
