"""Paths as CI tools want them: relative to the working folder where possible, with forward slashes."""

from __future__ import annotations

from pathlib import Path


def repository_path(path: str) -> str:
    """The path relative to the working folder (the repository root in CI) when it lies below it."""
    absolute = Path(path).absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()
