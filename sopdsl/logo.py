"""The unit's logo: the image file that `logo` names, relative to the .sop file, recognised by its content."""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path

from attrs import frozen

from .files import STANDARD_INPUT
from .i18n import say
from .model import Sop

SVG_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]", re.S | re.I)
SNIFF_BYTES = 4096  # how much of a file tells whether it is an SVG document


class LogoError(Exception):
    """A logo that cannot be printed: the message says why."""


@frozen
class Logo:
    """A logo's bytes and their media type."""

    data: bytes
    media_type: str  # image/png, image/jpeg or image/svg+xml

    def data_uri(self) -> str:
        """The image as a data: URI, so that a document embedding it stays one self-contained file."""
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"


def source_folder(path: str | Path | None) -> Path | None:
    """The folder of a .sop file, where a relative logo path starts; None for standard input (the working folder)."""
    if path is None or str(path) in STANDARD_INPUT:
        return None
    return Path(path).parent


def logo_path(written: str, folder: Path | None) -> Path:
    """The file a `logo` value names: as written when absolute, else inside the .sop file's folder."""
    path = Path(os.path.expanduser(written))  # `~user` of no known user stays as written (Path.expanduser raises)
    return path if path.is_absolute() or folder is None else folder / path


def media_type(data: bytes) -> str | None:
    """image/png, image/jpeg or image/svg+xml as the content shows, whatever the file's name; else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if SVG_START.match(data[:SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")):
        return "image/svg+xml"
    return None


def read_logo(written: str, folder: Path | None) -> Logo:
    """The logo a `logo` value names; LogoError when the file is missing, unreadable or no PNG, JPEG or SVG."""
    path = logo_path(written, folder)
    try:
        if not path.exists():
            raise LogoError(say("logo.missing", logo=written, path=path))
        if not path.is_file():
            raise LogoError(say("logo.not-a-file", logo=written, path=path))
        data = path.read_bytes()
    except OSError as error:
        raise LogoError(say("logo.unreadable", logo=written, reason=error.strerror or error)) from None
    kind = media_type(data)
    if kind is None:
        raise LogoError(say("logo.not-an-image", logo=written, path=path))
    return Logo(data, kind)


def sop_logo(sop: Sop, folder: Path | None) -> Logo | None:
    """The SOP's logo to print, or None when it has none or it cannot be printed (`logo-not-found` says why)."""
    if sop.logo is None:
        return None
    try:
        return read_logo(sop.logo.value, folder)
    except LogoError:
        return None
