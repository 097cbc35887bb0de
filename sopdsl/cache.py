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
FORMAT = 2  # the layout of an entry: raised when it changes
DATA_MODULES = frozenset({
    "sopdsl.cache", "sopdsl.diagnostics", "sopdsl.library_record", "sopdsl.model", "sopdsl.analysis.totals",
    "sopdsl.suppressions", "decimal", "fractions", "datetime",
})
"""The modules whose classes an entry may hold: data classes only, so that an entry planted in the folder can
make nothing but data (pickle could otherwise call any function)."""


class Entry(NamedTuple):
    """What checking one file produced, and what it was produced from."""

    path: str
    digest: str  # of the file's bytes
    logo: tuple  # the logo file the SOP names and its status, checked again on use
    error: Diagnostic | None
    record: SopRecord | None
    diagnostics: tuple[Diagnostic, ...]


class CheckCache:
    """The entries for one set of settings, one language of the messages and one sopdsl version, in
    `root/.sopdsl_cache`."""

    def __init__(self, root: Path, settings: object) -> None:
        from .i18n import language

        fingerprint = hashlib.sha256(f"{FORMAT}\0{settings!r}\0{language()}".encode()).hexdigest()[:16]
        self.root = Path(root)
        self.folder = f"{FOLDER}/{__version__}/{fingerprint}"
        self.cwd = os.getcwd()
        self.marked = False

    def lookup(self, path: str) -> tuple[SourceFile, list[Diagnostic]] | None:
        """The cached outcome of checking the file as it now is, or None (a miss, a stale or unreadable entry)."""
        if standard_input_given(path):
            return None
        try:
            data = Path(path).read_bytes()
            with open(self.root / self._entry_name(path), "rb") as stream:
                entry = _DataUnpickler(stream).load()
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
        try:
            self._mark()
            write_inside(self.root, self._entry_name(file.path), pickle.dumps(entry, pickle.HIGHEST_PROTOCOL),
                         sync=False)
        except Exception:  # a read-only or full disk: the check goes on uncached
            return

    def _entry_name(self, path: str) -> str:
        """The entry's path below the root: written through `write_inside`, so no link below the root is followed."""
        name = hashlib.sha256(f"{self.cwd}\0{path}".encode()).hexdigest()
        return f"{self.folder}/{name[:2]}/{name[2:]}"

    def _mark(self) -> None:
        """The folder's `.gitignore` and CACHEDIR.TAG, so that neither git nor backups take it."""
        from .output import write_inside

        if self.marked:
            return
        self.marked = True
        for name, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", TAG)):
            if not (self.root / FOLDER / name).exists():
                write_inside(self.root, f"{FOLDER}/{name}", text.encode(), sync=False)


class _DataUnpickler(pickle.Unpickler):
    """Reads an entry, refusing anything but the data classes of DATA_MODULES."""

    def find_class(self, module: str, name: str) -> type:
        found = super().find_class(module, name) if module in DATA_MODULES else None
        if not isinstance(found, type):
            raise pickle.UnpicklingError(f"{module}.{name} is not data an entry may hold")
        return found


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
