"""The served folders: their .sop files, each parsed once per change on disk, and which paths may be written."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..diagnostics import Diagnostic
from ..files import UsageError, collect
from ..i18n import say
from . import engine

LISTING_SECONDS = 1.0  # how long a walk of the served folders stays current


class Refused(Exception):
    """A path the app may not read or write: outside the served folders, not a .sop file, or through a symlink out."""


class Root(NamedTuple):
    """One PATH given to `serve`: a folder (every .sop below it) or a single file."""

    given: Path
    real: Path
    is_folder: bool


class Loaded(NamedTuple):
    """One file as last read from disk: its stat signature, content hash, parsed file and per-file findings."""

    signature: tuple[int, int]
    digest: str
    file: engine.SourceFile
    own: tuple[Diagnostic, ...]


def digest(data: bytes) -> str:
    """The content hash the page sends back to prove which version it edited."""
    return hashlib.sha256(data).hexdigest()


class Workspace:
    """The served library: files found afresh on each look, parsed again only when their size or mtime changed."""

    def __init__(self, paths: Sequence[str]):
        roots = []
        for name in paths:
            path = Path(name)
            if not path.exists():
                raise UsageError(say("usage.no-such-path", path=name))
            if path.is_file() and path.suffix != ".sop":
                raise UsageError(say("usage.not-a-sop-file", path=name))
            roots.append(Root(path, Path(os.path.realpath(path)), path.is_dir()))
        self.roots: tuple[Root, ...] = tuple(roots)
        self.config = engine.configuration([str(root.given) for root in roots])
        self._cache: dict[str, Loaded] = {}
        self._listing: tuple[float, dict[str, Path]] | None = None  # when the folders were walked, what was found
        self._lock = threading.Lock()

    def paths(self) -> dict[str, Path]:
        """Every served .sop file by its key (the path as the command line would print it), in a stable order.

        The folders are walked at most once a second: a keystroke's check should not walk a large tree.
        """
        now = time.monotonic()
        listing = self._listing
        if listing is not None and now - listing[0] < LISTING_SECONDS:
            return listing[1]
        try:
            found = collect(str(root.given) for root in self.roots)
        except UsageError:  # no .sop file yet, or a folder that cannot be read
            found = []
        paths = {path.as_posix(): path for path in found}
        self._listing = (now, paths)
        return paths

    def forget_listing(self) -> None:
        """Walk the folders again at the next look (a file was just made)."""
        self._listing = None

    def signature(self) -> str:
        """Changes whenever a served file appears, goes or changes on disk: what pages poll."""
        parts = []
        for key, path in self.paths().items():
            try:
                status = path.stat()
            except OSError:
                continue
            parts.append(f"{key}\0{status.st_mtime_ns}\0{status.st_size}")
        return digest("\n".join(parts).encode("utf-8"))[:16]

    def library(self) -> list[Loaded]:
        """Every served file, parsed (again only where it changed on disk since the last look)."""
        paths = self.paths()
        with self._lock:
            for key in list(self._cache):
                if key not in paths:
                    del self._cache[key]
            return [loaded for key, path in paths.items() if (loaded := self._load(key, path)) is not None]

    def loaded(self, key: str) -> Loaded:
        """One served file as on disk now; Refused when it is not served."""
        path = self.paths().get(key)
        if path is None:
            raise Refused(f"not a served .sop file: {key}")
        with self._lock:
            loaded = self._load(key, path)
        if loaded is None:
            raise Refused(f"cannot read {key}")
        return loaded

    def _load(self, key: str, path: Path) -> Loaded | None:
        """The file parsed again if its size or mtime changed since the last look (call under the lock)."""
        try:
            status = path.stat()
        except OSError:
            return None
        signature = (status.st_mtime_ns, status.st_size)
        cached = self._cache.get(key)
        if cached is not None and cached.signature == signature:
            return cached
        try:
            data = path.read_bytes()
            file = engine.load(path, self.config)
        except (OSError, UsageError):
            return None
        file = file._replace(path=key)
        if file.error is not None:
            file = file._replace(error=file.error._replace(path=key))
        loaded = Loaded(signature, digest(data), file, tuple(engine.own_diagnostics(file, self.config)))
        self._cache[key] = loaded
        return loaded

    def writable(self, key: str) -> Path:
        """The path a write to `key` goes to, if it may: a .sop file inside a served folder (or a served file),
        reached without leaving it through `..` or a symlink."""
        path = Path(key)
        real = Path(os.path.realpath(path))
        if path.suffix != ".sop" or real.suffix != ".sop" or path.name.startswith("."):
            raise Refused(f"only .sop files can be written: {key}")
        if any(part == ".." for part in path.parts):
            raise Refused(f"no '..' in the path: {key}")
        for root in self.roots:
            inside = real == root.real if not root.is_folder else root.real in real.parents
            if inside and _lexically_inside(path, root):
                if path.exists() and not real.is_file():
                    raise Refused(f"not a regular file: {key}")
                return path
        raise Refused(f"outside the served folders: {key}")

    def folders(self) -> list[str]:
        """The served folders, where new SOPs can be made."""
        return [root.given.as_posix() for root in self.roots if root.is_folder]


def _lexically_inside(path: Path, root: Root) -> bool:
    """The path as written names the root or a place below it (before any symlink is followed)."""
    absolute = Path(os.path.abspath(path))
    given = Path(os.path.abspath(root.given))
    return absolute == given if not root.is_folder else given in absolute.parents

