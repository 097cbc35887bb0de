"""Writing files so that an interruption at any point leaves the old file or the new one, never a mix."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Optional

TEMPORARY_SUFFIX = ".sopdsl.tmp"
"""Ends the name of the hidden temporary file beside a target: `.NAME.XXXXXXXX.sopdsl.tmp`. Only a process
killed outright between creating and renaming it leaves one behind."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write data to path (a symlink's target) through a synced temporary file beside it, then a rename.

    An existing file keeps its permission bits; a new one gets the usual ones (0666 less the umask).
    """
    target = Path(os.path.realpath(path))
    mode = _existing_mode(target)
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX, dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _existing_mode(target: Path) -> Optional[int]:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return None
