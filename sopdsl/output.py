"""Writing files so that nothing the user wrote is lost: atomic, in place for shared files, never astray.

The guarantees (documented in docs/robustness.md):
- an interruption at any point leaves the old file or the new one, never a mix;
- a symlink named by the user is followed and its target rewritten, the link kept;
- a file with several hard links is rewritten in place, so every name sees the new text;
- mode, owner and extended attributes are kept;
- a file without write permission is reported, not rewritten;
- a file that changed since it was read is left as the newer text and reported;
- `write_inside` never writes outside its folder: an existing link inside it is replaced, not followed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import NamedTuple

from .errors import SopdslError
from .i18n import say

TEMPORARY_SUFFIX = ".sopdsl.tmp"
"""Ends the name of the hidden temporary file beside a target: `.NAME.XXXXXXXX.sopdsl.tmp`. Only a process
killed outright between creating and renaming it leaves one behind."""

_ANY_WRITE_BIT = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


class NotWritten(SopdslError):
    """A file was not written, and was left as it is: read-only, in a read-only folder, or changed meanwhile."""


class ChangedMeanwhile(NotWritten):
    """The file changed on disk after it was read: the newer text is kept."""


class Snapshot(NamedTuple):
    """A file's bytes as read, with what identifies that version on disk."""

    data: bytes
    version: tuple


def read_snapshot(path: Path) -> Snapshot:
    """The file's bytes and version; the version is taken first, so a change during the read shows later."""
    status = os.stat(path)
    data = Path(path).read_bytes()
    return Snapshot(data, _version(status) if stat.S_ISREG(status.st_mode) else ())


def write_atomically(path: Path, data: bytes, expected: Snapshot | None = None) -> None:
    """Write data to path (a symlink's target), keeping the file's metadata; raise NotWritten where refused.

    With `expected`, the file must still be the version read: otherwise it is left as it is.
    """
    target = Path(os.path.realpath(path))
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    if status is not None:
        _refuse_read_only(path, status)
    if status is not None and status.st_nlink > 1:
        _write_in_place(path, target, data, expected)
        return
    temporary = _temporary_beside(path, target)
    try:
        _fill(temporary, data)
        if status is None:
            os.chmod(temporary, _new_file_mode())
        elif not _copy_metadata(status, target, temporary):
            os.unlink(temporary)
            _write_in_place(path, target, data, expected)
            return
        _still_as_read(path, target, expected)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


def write_inside(root: Path, relative: str, data: bytes, sync: bool = True) -> Path:
    """Write data to root/relative atomically without following any link below root; returns the path.

    A link found inside root (a folder on the way or the file itself) is replaced by a real folder or file.
    Without `sync` the data is not forced to disk: the caller syncs once after many files (`sync_all`).
    """
    parts = Path(relative).parts
    if not parts or Path(relative).is_absolute() or ".." in parts:
        raise NotWritten(say("output.outside", path=repr(relative), root=root))
    target = folder_inside(root, parts[:-1]) / parts[-1]
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISDIR(os.lstat(target).st_mode):
            raise NotWritten(say("output.folder-in-the-way", path=target))
    descriptor, temporary = _open_temporary(target, target)
    try:
        with open(descriptor, "wb") as stream:
            stream.write(data)
            os.fchmod(descriptor, _new_file_mode())
            if sync:
                stream.flush()
                os.fsync(descriptor)
        os.replace(temporary, target)  # replaces a link itself, never its target
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return target


def folder_inside(root: Path, parts: tuple[str, ...]) -> Path:
    """The folder root/parts..., made where missing; a link or a file in the way is replaced by a real folder."""
    folder = Path(root)
    folder.mkdir(parents=True, exist_ok=True)
    for part in parts:
        folder = folder / part
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            folder.unlink()
        folder.mkdir(exist_ok=True)
    return folder


def _version(status: os.stat_result) -> tuple:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def _refuse_read_only(path: Path, status: os.stat_result) -> None:
    if not status.st_mode & _ANY_WRITE_BIT or not os.access(path, os.W_OK):
        raise NotWritten(say("output.read-only", path=path))


def _temporary_beside(path: Path, target: Path) -> str:
    descriptor, temporary = _open_temporary(path, target)
    os.close(descriptor)
    return temporary


def _open_temporary(path: Path, target: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX, dir=target.parent)
    except PermissionError:
        raise NotWritten(say("output.folder-not-writable", path=path, folder=target.parent)) from None


def _fill(name: str, data: bytes) -> None:
    with open(name, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def sync_all() -> None:
    """Force every file written without `sync` to disk, in one call."""
    if hasattr(os, "sync"):
        os.sync()


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _copy_metadata(status: os.stat_result, source: Path, temporary: str) -> bool:
    """Give the temporary file the original's mode, owner and extended attributes; False where one cannot be."""
    os.chmod(temporary, stat.S_IMODE(status.st_mode))
    try:
        if (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
            os.chown(temporary, status.st_uid, status.st_gid)
        for name in _xattr_names(source):
            os.setxattr(temporary, name, os.getxattr(source, name))
    except OSError:
        return False
    return True


def _xattr_names(path: Path) -> list:
    if not hasattr(os, "listxattr"):
        return []
    try:
        return os.listxattr(path)
    except OSError:  # a file system without extended attributes
        return []


def _still_as_read(path: Path, target: Path, expected: Snapshot | None) -> None:
    if expected is None or not expected.version:
        return
    try:
        with open(target, "rb") as stream:
            if _version(os.fstat(stream.fileno())) == expected.version:
                return
            current = stream.read()
    except FileNotFoundError:
        raise ChangedMeanwhile(say("output.removed-meanwhile", path=path)) from None
    if current != expected.data:
        raise ChangedMeanwhile(say("output.changed-meanwhile", path=path))


def _write_in_place(path: Path, target: Path, data: bytes, expected: Snapshot | None) -> None:
    """Rewrite the file's own contents (hard links, kept owner); a synced copy of the old text guards the write."""
    backup = _temporary_beside(path, target)
    try:
        _still_as_read(path, target, expected)
        with open(target, "rb") as old:
            _fill(backup, old.read())
        with open(target, "r+b") as stream:
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(backup)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the platform lets a folder be synced."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
