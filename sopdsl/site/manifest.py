"""The build's manifest in the output folder: what each SOP's files were made from, so a rebuild skips the same.

An SOP's files are made from its text and path, its page name, its findings, its library totals, the ids, titles,
links and totals of the SOPs it names in `related` and `uses`, the settings, the render options and the sopdsl
version: all of these go into one key. A rebuild reuses the files of an SOP whose key is unchanged, whose logo file
is as it was, and whose files are still there as written (regular files of the same size, in real folders);
everything else is made again, and the files of SOPs that are gone are removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..cache import logo_state
from ..output import write_inside
from ..version import __version__

NAME = ".sopdsl-build.json"
FORMAT = 1


def build_key(*parts: object) -> str:
    """The key of one SOP's files: a digest of everything they are made from."""
    return hashlib.sha256(repr((FORMAT, __version__, parts)).encode("utf-8")).hexdigest()


def text_digest(text: str | None) -> str:
    return hashlib.sha256((text or "").encode("utf-8", "surrogatepass")).hexdigest()


class Manifest:
    """The records of the previous build (path -> record) and of this one."""

    def __init__(self, out: Path, read: bool) -> None:
        self.out = Path(out)
        self.old: dict[str, dict] = _load(self.out / NAME) if read else {}
        self.new: dict[str, dict] = {}

    def reusable(self, path: str, key: str) -> dict | None:
        """The previous record of the file if its outputs can be kept as they are; else None."""
        record = self.old.get(path)
        if not isinstance(record, dict) or record.get("key") != key:
            return None
        try:
            if not isinstance(record["number"], str) or not isinstance(record["total"], str):
                return None
            logo = tuple(record["logo"])
            if logo and logo_state(logo[0]) != logo:
                return None
            if not all(_intact(self.out, name, size) for name, size in record["files"].items()):
                return None
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        return record

    def keep(self, path: str, record: dict) -> None:
        self.new[path] = record

    def save(self) -> None:
        """Write this build's records, and remove the files of the previous one that this one did not make."""
        made = {name for record in self.new.values() for name in record["files"]}
        for record in self.old.values():
            with contextlib.suppress(KeyError, TypeError, AttributeError):
                _remove_stale(self.out, (name for name in record["files"] if name not in made))
        data = json.dumps({"format": FORMAT, "sops": self.new}, sort_keys=True, ensure_ascii=False)
        write_inside(self.out, NAME, data.encode("utf-8"), sync=False)


def record(key: str, logo: tuple, files: Mapping[str, int], **entry: object) -> dict:
    """A manifest record: the key, the logo's state, each file with its size, and the index entry's fields."""
    return {"key": key, "logo": list(logo), "files": dict(files), **entry}


def _load(path: Path) -> dict[str, dict]:
    """The previous build's records; none when the manifest is missing, unreadable or of another format."""
    try:
        if path.is_symlink():
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") == FORMAT and isinstance(data.get("sops"), dict):
            return data["sops"]
    except (OSError, ValueError, AttributeError):
        pass
    return {}


def _inside(out: Path, name: str) -> Path | None:
    """out/name where name is a plain relative path whose folders are real folders (no link) inside out."""
    if not isinstance(name, str):
        return None
    parts = Path(name).parts
    if not parts or Path(name).is_absolute() or ".." in parts:
        return None
    folder = out
    for part in parts[:-1]:
        folder = folder / part
        if folder.is_symlink() or not folder.is_dir():
            return None
    return folder / parts[-1]


def _intact(out: Path, name: str, size: int) -> bool:
    path = _inside(out, name)
    try:
        status = os.lstat(path) if path is not None else None
    except OSError:
        return False
    return status is not None and stat.S_ISREG(status.st_mode) and status.st_size == size


def _remove_stale(out: Path, names: Iterable[str]) -> None:
    for name in names:
        path = _inside(out, name)
        if path is not None and (path.is_symlink() or path.is_file()):
            with contextlib.suppress(OSError):
                path.unlink()
