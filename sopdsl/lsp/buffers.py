"""The open buffers: each one's text, latest parse and findings, checked again as the author types (debounced)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

from ..diagnostics import Diagnostic
from ..loading import SourceFile
from ..model import Sop
from ..rules.unknown_sop import declared_id
from .diagnostics import analyse
from .positions import split_lines
from .workspace import Index

DELAY_SHARE = 0.02
"""The debounce: a check waits this share of the buffer's last check time, so that a burst of keystrokes makes one
check, while a small buffer is checked at once."""
MAX_DELAY = 0.05


class Buffer(NamedTuple):
    """One open buffer as last checked: its text and version, its parse and findings, the last model that parsed."""

    uri: str
    path: str
    version: int | None
    text: str
    lines: list[str]
    file: SourceFile
    findings: list[Diagnostic]
    sop: Sop | None  # this version's model, or the last one that parsed (positions may have moved since)


class Buffers:
    """The buffers by uri, checked against the index; `publish` is told each buffer's new findings."""

    def __init__(self, index: Index, publish: Callable[[Buffer], None]):
        self.index = index
        self.publish = publish
        self._buffers: dict[str, Buffer] = {}
        self._cost: dict[str, float] = {}
        self._outdated: list[str] = []

    def delay(self, uri: str) -> float:
        """How long the next check of the buffer waits for more keystrokes."""
        return min(MAX_DELAY, self._cost.get(uri, 0.0) * DELAY_SHARE)

    def check(self, uri: str, path: str, version: int | None, text: str) -> Buffer:
        """Check the text of the buffer, unless this version was checked already; publish its findings."""
        known = self._buffers.get(uri)
        if known is not None and known.version is not None and known.version == version and known.text == text:
            return known
        started = time.perf_counter()
        file, findings = analyse(path, text, self.index)
        self._cost[uri] = time.perf_counter() - started
        self.index.opened(file)
        if known is not None and declared_id(known.file) != declared_id(file):
            self._outdate_others(uri, {i for i in (declared_id(known.file), declared_id(file)) if i is not None})
        last_model = file.sop if file.sop is not None else (known.sop if known is not None else None)
        buffer = Buffer(uri, path, version, text, split_lines(text), file, findings, last_model)
        self._buffers[uri] = buffer
        self.publish(buffer)
        return buffer

    def take_outdated(self) -> list[str]:
        """The other buffers whose findings a change of SOP id made out of date, once each."""
        outdated, self._outdated = self._outdated, []
        return outdated

    def _outdate_others(self, uri: str, ids: set[str]) -> None:
        for other in self._buffers.values():
            record = other.file.record
            names = {ref.id for ref in record.related} | {use.ref.id for use in record.uses} if record else set()
            if other.uri != uri and names & ids:
                self._buffers[other.uri] = other._replace(version=None)  # no version: checked again when asked
                self._outdated.append(other.uri)

    def recheck_all(self) -> None:
        """Check every open buffer again (the workspace or the settings changed)."""
        for buffer in list(self._buffers.values()):
            self._buffers.pop(buffer.uri)
            self.check(buffer.uri, buffer.path, buffer.version, buffer.text)

    def close(self, uri: str) -> None:
        buffer = self._buffers.pop(uri, None)
        self._cost.pop(uri, None)
        if buffer is not None:
            self.index.closed(buffer.path)
