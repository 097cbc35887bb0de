"""An SOP file as it was at a git revision, read with `git show` (arguments as a list, never through a shell)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..files import UsageError
from ..i18n import say


def text_at_revision(path: Path, revision: str) -> str:
    """The text of `path` at `revision` of the git repository holding it; a UsageError says why it cannot be had."""
    if not revision or revision.startswith("-") or any(char in revision for char in "\n\r\0"):
        raise UsageError(say("usage.git-revision", revision=repr(revision)))
    git = shutil.which("git")
    if git is None:
        raise UsageError(say("usage.git-missing"))
    folder = path.resolve().parent
    command = [git, "-C", str(folder), "show", f"{revision}:./{path.name}"]
    try:
        result = subprocess.run(command, capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UsageError(say("usage.git-failed", error=error)) from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
        reason = message[-1] if message else say("usage.git-exit", code=result.returncode)
        raise UsageError(say("usage.git-show", path=path, revision=revision, reason=reason.removeprefix("fatal: ")))
    data = result.stdout
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(say("usage.git-not-utf8", path=path, revision=revision)) from None
