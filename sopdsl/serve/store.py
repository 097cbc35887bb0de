"""Saving SOPs from the browser: atomically, one writer per file at a time, never over a version not seen."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from typing import NamedTuple

from ..output import write_atomically
from . import engine
from .workspace import Refused, Workspace, digest

FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class Conflict(Exception):
    """The file changed on disk since the page loaded it: its current text, for the author to choose."""

    def __init__(self, theirs: str, theirs_digest: str):
        super().__init__("the file changed on disk since it was opened")
        self.theirs = theirs
        self.theirs_digest = theirs_digest


class Saved(NamedTuple):
    """What was written: the text (formatted, if asked and possible), its hash, and why it was not formatted."""

    text: str
    digest: str
    note: str | None = None


class Store:
    """Writes .sop files of the workspace, each under its own lock, after checking the version on disk."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _lock_for(self, path: Path) -> threading.Lock:
        """The lock of one file on disk, whatever path names it."""
        key = os.path.realpath(path)
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def save(self, key: str, text: str, base: str, formatted: bool = False) -> Saved:
        """Write `text` to the file `key` if its content on disk still hashes to `base`; else raise Conflict."""
        path = self.workspace.writable(key)
        note = None
        if formatted:
            try:
                text = engine.format_source(text)
            except engine.FormatFailed as error:
                note = str(error)
        with self._lock_for(path):
            try:
                current = path.read_bytes()
            except FileNotFoundError:
                current = None
            on_disk = digest(current) if current is not None else ""  # "": the file was removed
            if on_disk != base:
                raise Conflict(current.decode("utf-8", errors="replace") if current is not None else "", on_disk)
            data = _with_line_ends_of(current or b"", text).encode("utf-8")
            write_atomically(path, data)
        return Saved(text, digest(data), note)

    def check_new(self, folder: str, name: str) -> Path:
        """The path of a new file `name` (.sop added) in a served folder; Refused if it may not be made there."""
        if folder not in self.workspace.folders():
            raise Refused(f"not a served folder: {folder}")
        if not name.endswith(".sop"):
            name += ".sop"
        if not FILE_NAME.fullmatch(name):
            raise Refused(f"a file name has letters, digits, '.', '-' and '_' only: {name}")
        path = self.workspace.writable((Path(folder) / name).as_posix())
        if os.path.lexists(path):
            raise Refused(f"{path.as_posix()} exists already")
        return path

    def create(self, folder: str, name: str, text: str) -> str:
        """Make a new .sop file `name` in a served folder; never over an existing file. Returns its key."""
        path = self.check_new(folder, name)
        key = path.as_posix()
        with self._lock_for(path):
            if os.path.lexists(path):
                raise Refused(f"{key} exists already")
            write_atomically(path, text.encode("utf-8"))
        self.workspace.forget_listing()
        return key


def _with_line_ends_of(original: bytes, text: str) -> str:
    """The text with the line ends of the file it replaces: the browser sends LF, a CRLF file stays CRLF."""
    text = text.replace("\r\n", "\n")
    return text.replace("\n", "\r\n") if b"\r\n" in original else text
