"""An SOP file as it was at a git revision, read with `git show` (arguments as a list, never through a shell)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..files import UsageError


def text_at_revision(path: Path, revision: str) -> str:
    """The text of `path` at `revision` of the git repository holding it; a UsageError says why it cannot be had."""
    if not revision or revision.startswith("-") or any(char in revision for char in "\n\r\0"):
        raise UsageError(f"--git: {revision!r} is not a git revision")
    git = shutil.which("git")
    if git is None:
        raise UsageError("--git needs the git program, which was not found on PATH")
    folder = path.resolve().parent
    command = [git, "-C", str(folder), "show", f"{revision}:./{path.name}"]
    try:
        result = subprocess.run(command, capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UsageError(f"cannot run git: {error}") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
        reason = message[-1] if message else f"git exited with {result.returncode}"
        raise UsageError(f"{path} at {revision}: {reason.removeprefix('fatal: ')}")
    data = result.stdout
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path} at {revision} is not UTF-8 text") from None
