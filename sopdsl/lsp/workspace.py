"""The workspace index: the other `.sop` files' library records, read once and refreshed when they change on disk."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..checker import load_paths
from ..config import DEFAULTS, for_paths
from ..errors import SopdslError
from ..files import collect
from ..loading import SourceFile, load
from ..rules.unknown_sop import declared_id


class Index:
    """Every `.sop` file of the workspace folders by path, with an open buffer's latest parse in place of its file."""

    def __init__(self, folders: Sequence[str] = ()):
        self.folders = [str(Path(folder).resolve()) for folder in folders]
        self.config = DEFAULTS
        self.config_error: str | None = None
        self._disk: dict[str, SourceFile] = {}
        self._open: dict[str, SourceFile] = {}
        self._paths_of_id: dict[str, set[str]] = {}

    def scan(self) -> None:
        """Read the settings and every `.sop` file below the folders (on all cores for many files)."""
        self.reconfigure()
        paths: list[Path] = []
        for folder in self.folders:
            try:
                paths.extend(collect([folder], self.config.exclude, self.config.root))
            except SopdslError:
                continue  # a folder without .sop files
        self._disk = {str(path.resolve()): file._replace(path=str(path.resolve()))
                      for path, file in zip(paths, load_paths(paths, self.config), strict=True)}
        self._paths_of_id = {}
        for path in self._disk.keys() | self._open.keys():
            self._note(path)
        gc.freeze()  # the records stay for the session: the collector's full passes need not walk them on every check

    def reconfigure(self) -> None:
        """Read the workspace's settings again (pyproject.toml or .sopdsl.toml), as `sopdsl check` finds them."""
        try:
            self.config = for_paths(self.folders) if self.folders else DEFAULTS
            self.config_error = None
        except SopdslError as error:
            self.config, self.config_error = DEFAULTS, str(error)

    def refresh(self, path: str) -> None:
        """Read one file again after it changed on disk, or forget it when it is gone."""
        self._forget(path)
        self._disk.pop(path, None)
        if path.endswith(".sop") and Path(path).is_file() and any(_below(path, folder) for folder in self.folders):
            try:
                self._disk[path] = load(Path(path), self.config.calendar)._replace(sop=None)
            except SopdslError:
                pass
        self._note(path)

    def opened(self, file: SourceFile) -> None:
        """An open buffer's latest parse, which stands for its file until it is closed."""
        self._forget(file.path)
        self._open[file.path] = file
        self._note(file.path)

    def closed(self, path: str) -> None:
        """The buffer is closed: its file on disk counts again."""
        self._forget(path)
        self._open.pop(path, None)
        self._note(path)

    def is_open(self, path: str) -> bool:
        """Whether an open buffer stands for the file."""
        return path in self._open

    def file(self, path: str) -> SourceFile | None:
        """The file at the path: its open buffer's parse, else the one read from disk."""
        return self._open.get(path) or self._disk.get(path)

    def files(self) -> Iterable[SourceFile]:
        """Every file, by path."""
        for path in sorted(self._disk.keys() | self._open.keys()):
            file = self.file(path)
            if file is not None:
                yield file

    def paths_of(self, sop_id: str) -> list[str]:
        """The files that declare an SOP id, by path."""
        return sorted(self._paths_of_id.get(sop_id, ()))

    def with_id(self, sop_id: str) -> SourceFile | None:
        """The file that owns an SOP id: the first by path, as the library rules take it."""
        paths = self.paths_of(sop_id)
        return self.file(paths[0]) if paths else None

    def neighbours(self, file: SourceFile) -> list[SourceFile]:
        """The file and those the library rules need to judge it, by path: its id's and those it names, via `uses`."""
        wanted = {sop_id for sop_id in (declared_id(file),) if sop_id is not None}
        pending = list(_referred(file))
        while pending:
            sop_id = pending.pop()
            if sop_id in wanted:
                continue
            wanted.add(sop_id)
            owner = self.with_id(sop_id)
            if owner is not None and owner.record is not None:
                pending.extend(use.ref.id for use in owner.record.uses)
        paths = {path for sop_id in wanted for path in self._paths_of_id.get(sop_id, ())} - {file.path}
        others = [other for other in map(self.file, paths) if other is not None]
        return sorted([file, *others], key=lambda item: item.path)

    def _note(self, path: str) -> None:
        file = self.file(path)
        sop_id = declared_id(file) if file is not None else None
        if sop_id is not None:
            self._paths_of_id.setdefault(sop_id, set()).add(path)

    def _forget(self, path: str) -> None:
        file = self.file(path)
        sop_id = declared_id(file) if file is not None else None
        if sop_id is not None:
            self._paths_of_id.get(sop_id, set()).discard(path)


def _referred(file: SourceFile) -> Iterable[str]:
    """The SOP ids a file names in `related` and `uses`."""
    if file.record is not None:
        yield from (ref.id for ref in file.record.related)
        yield from (use.ref.id for use in file.record.uses)


def _below(path: str, folder: str) -> bool:
    return Path(path).is_relative_to(folder)
