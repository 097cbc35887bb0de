"""Paths as CI tools want them: relative to the working folder where possible, with forward slashes."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote


def repository_path(path: str) -> str:
    """The path relative to the working folder (the repository root in CI) when it lies below it."""
    absolute = Path(path).absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def artifact_base(paths: Iterable[str]) -> Path:
    """One folder that every path lies below: the working folder, else its git work tree, else their common one.

    Code scanning maps a path relative to the repository's root; a run from a subfolder that names files
    outside it (`../fixtures/a.sop`) is therefore given the work tree's root as its base.
    """
    absolute = [Path(os.path.abspath(path)) for path in paths]
    here = Path.cwd()
    for candidate in (here, _work_tree(here)):
        if candidate is not None and all(_below(path, candidate) for path in absolute):
            return candidate
    return Path(os.path.commonpath([str(p.parent) for p in absolute])) if absolute else here


def artifact_uri(path: str, base: Path) -> str:
    """The path as a URI reference relative to the base folder."""
    return quote(Path(os.path.abspath(path)).relative_to(base).as_posix())


def _below(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _work_tree(folder: Path) -> Path | None:
    """The root of the git work tree the folder is in, if git is installed and it is in one."""
    try:
        found = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True,
                               text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(found.stdout.strip()) if found.returncode == 0 and found.stdout.strip() else None
