"""The check cache: each file's per-file findings and library record, kept by content, settings and version.

Like `.ruff_cache`, the folder `.sopdsl_cache` sits at the project root (the folder of the settings file, else the
working folder). An entry holds what checking one file produced, never its model: the per-file rules' findings
(or the syntax error) and the library record the library rules start from. It is used only while the file's bytes,
the path it was given as, the logo it names, the settings and the sopdsl version are all the same. Entries are
written whole under a temporary name and renamed, so runs sharing the folder never see half an entry; an entry
that cannot be read is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import NamedTuple

from .diagnostics import Diagnostic
from .library_record import SopRecord
from .loading import SourceFile, standard_input_given
from .parse.source import SopSyntaxError, decode_source
from .version import __version__

FOLDER = ".sopdsl_cache"
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by sopdsl.\n"
FORMAT = 1  # the layout of an entry: raised when it changes


class Entry(NamedTuple):
    """What checking one file produced, and what it was produced from."""

    path: str
    digest: str  # of the file's bytes
    logo: tuple  # the logo file the SOP names and its status, checked again on use
    error: Diagnostic | None
    record: SopRecord | None
    diagnostics: tuple[Diagnostic, ...]


class CheckCache:
    """The entries for one set of settings under one sopdsl version, in `root/.sopdsl_cache`."""

    def __init__(self, root: Path, settings: object) -> None:
        fingerprint = hashlib.sha256(f"{FORMAT}\0{settings!r}".encode()).hexdigest()[:16]
        self.top = Path(root) / FOLDER
        self.folder = self.top / __version__ / fingerprint
        self.cwd = os.getcwd()
        self.marked = False

    def lookup(self, path: str) -> tuple[SourceFile, list[Diagnostic]] | None:
        """The cached outcome of checking the file as it now is, or None (a miss, a stale or unreadable entry)."""
        if standard_input_given(path):
            return None
        try:
            data = Path(path).read_bytes()
            with open(self._entry_path(path), "rb") as stream:
                entry = pickle.load(stream)
            if not isinstance(entry, Entry) or entry.path != path or entry.digest != _digest(data):
                return None
            if entry.logo and entry.logo != logo_state(entry.logo[0]):
                return None
            text = _decoded(data)
            return SourceFile(path, text, entry.error, entry.record), list(entry.diagnostics)
        except Exception:  # a missing, unreadable or corrupt entry is a miss
            return None

    def store(self, file: SourceFile, data: bytes, logo: tuple, diagnostics: list[Diagnostic]) -> None:
        """Keep the outcome of checking `file`, read as `data`; a failure to write only loses the entry."""
        from .output import write_inside

        entry = Entry(file.path, _digest(data), logo, file.error, file.record, tuple(diagnostics))
        relative = self._entry_path(file.path).relative_to(self.top)
        try:
            self._mark()
            write_inside(self.top, str(relative), pickle.dumps(entry, pickle.HIGHEST_PROTOCOL), sync=False)
        except Exception:  # a read-only or full disk: the check goes on uncached
            return

    def _entry_path(self, path: str) -> Path:
        name = hashlib.sha256(f"{self.cwd}\0{path}".encode()).hexdigest()
        return self.folder / name[:2] / name[2:]

    def _mark(self) -> None:
        """The folder's `.gitignore` and CACHEDIR.TAG, so that neither git nor backups take it."""
        from .output import write_inside

        if self.marked:
            return
        self.marked = True
        for name, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", TAG)):
            if not (self.top / name).exists():
                write_inside(self.top, name, text.encode(), sync=False)


def cache_root(config) -> Path:
    """Where `.sopdsl_cache` goes: beside the settings file, else in the working folder."""
    return config.root if config.root is not None else Path.cwd()


def logo_state(path: str | None) -> tuple:
    """The logo file's path and what shows that it changed: () without a logo, its status else (None if missing)."""
    if path is None:
        return ()
    try:
        status = os.stat(path)
    except OSError:
        return (path, None)
    return (path, status.st_size, status.st_mtime_ns, status.st_ino)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _decoded(data: bytes) -> str | None:
    try:
        return decode_source(data)
    except SopSyntaxError:
        return None
