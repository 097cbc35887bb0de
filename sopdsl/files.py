"""Finding .sop files: the paths given, and every *.sop below the folders given."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import UsageError
from .i18n import say

__all__ = ["STANDARD_INPUT", "UsageError", "collect", "matches"]

STANDARD_INPUT = ("-", "/dev/stdin", "/dev/fd/0")
"""Names of standard input: `-`, and the names that are read as files although they are pipes."""


def collect(paths: Iterable[str], exclude: Sequence[str] = (), root: Path | None = None) -> list[Path]:
    """The files to work on, in a stable order, each once; a missing path, or finding none, is a UsageError.

    Folders are walked without the files and folders that match `exclude` (globs, see `matches`) or that git
    ignores; a file named on the command line is always taken. `-` is standard input.
    A folder without .sop files is most likely a mistyped path: passing it silently would hide that.
    """
    paths = list(paths)
    found: list[Path] = []
    seen = set()
    for name in paths:
        path = Path(name)
        if name == "-":
            candidates = [path]
        elif path.is_dir():
            candidates = _unignored(_sop_files_below(path, exclude, root))
        elif path.exists():
            candidates = [_regular_file(path, name)]
        else:
            raise UsageError(say("usage.no-such-path", path=name))
        for candidate in candidates:
            key = name if name == "-" else candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    if not found:
        raise UsageError(say("usage.no-sop-files", paths=", ".join(paths)))
    return found


def matches(path: str, pattern: str, root: Path | None) -> bool:
    """Whether the path matches a glob: a glob without `/` matches any file or folder name on the path;
    one with `/` matches the path relative to the root (the settings file's folder, else the working folder)."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root or Path.cwd()).as_posix()
    except ValueError:
        relative = absolute.as_posix()
    bare = pattern.strip("/")
    if "/" not in bare:
        return any(fnmatch.fnmatchcase(part, bare) for part in Path(relative).parts)
    return fnmatch.fnmatchcase(relative, bare) or fnmatch.fnmatchcase(relative, bare + "/*")


def _regular_file(path: Path, name: str) -> Path:
    """The path, if it is a file that can be read to its end (standard input included); else a UsageError."""
    if name in STANDARD_INPUT or path.is_file():
        return path
    raise UsageError(say("usage.not-a-regular-file", path=name))


def _sop_files_below(folder: Path, exclude: Sequence[str], root: Path | None) -> list[Path]:
    """Every *.sop file below the folder, sorted; a folder that cannot be read is a UsageError, not skipped.

    Links are not followed out of the folder: a linked folder is not entered, and a linked file whose target
    lies outside the folder is skipped, so a walk never reaches (or rewrites) files elsewhere. Excluded
    folders are not entered at all.
    """

    def refuse(error: OSError) -> None:
        raise UsageError(say("usage.cannot-read", path=error.filename, reason=error.strerror or error))

    def excluded(path: Path) -> bool:
        return any(matches(str(path), pattern, root) for pattern in exclude)

    top = folder.resolve()
    found: list[Path] = []
    for here, folders, names in os.walk(folder, onerror=refuse):
        folders[:] = [name for name in folders if not excluded(Path(here, name))]
        found.extend(Path(here, name) for name in names if name.endswith(".sop") and not excluded(Path(here, name)))
    return sorted(path for path in found if path.is_file() and _inside(path, top))


def _unignored(files: list[Path]) -> list[Path]:
    """The files that git does not ignore (.gitignore and the like); all of them outside a git work tree."""
    if not files:
        return files
    import subprocess  # only a folder walk asks git

    absolute = [os.path.abspath(path) for path in files]
    try:
        answer = subprocess.run(["git", "check-ignore", "--stdin", "-z"], input="\0".join(absolute) + "\0",
                                capture_output=True, text=True, cwd=os.path.dirname(absolute[0]), timeout=60)
    except (OSError, subprocess.SubprocessError):
        return files
    if answer.returncode not in (0, 1):  # 128: not in a work tree, or git failed
        return files
    ignored = set(filter(None, answer.stdout.split("\0")))
    return [path for path, name in zip(files, absolute, strict=False) if name not in ignored]


def _inside(path: Path, top: Path) -> bool:
    """Whether the file (a link's target, for a link) lies below the folder."""
    if not path.is_symlink():
        return True
    resolved = path.resolve()
    return resolved == top or top in resolved.parents
