"""The language server's wiring: the LSP messages it answers, each handed to the module that does that job."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ..model import Sop
from ..version import __version__
from . import navigation
from .actions import actions
from .buffers import Buffer, Buffers
from .completion import complete
from .diagnostics import to_lsp
from .formatting import formatted
from .hover import hover, markdown
from .keywords import keyword_language
from .outline import folds, symbols
from .positions import characters, place
from .workspace import Index

T = TypeVar("T")
WATCHED = ("**/*.sop", "**/pyproject.toml", "**/.sopdsl.toml")
log = logging.getLogger(__name__)


class SopServer(LanguageServer):
    """`sopdsl lsp`: the workspace index, the open buffers, and the pending checks."""

    def __init__(self):
        super().__init__("sopdsl", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.index = Index()
        self.buffers = Buffers(self.index, self.publish)
        self.pending: dict[str, asyncio.TimerHandle] = {}

    def publish(self, buffer: Buffer) -> None:
        """Send the buffer's findings to the editor."""
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=buffer.uri, version=buffer.version, diagnostics=to_lsp(buffer.findings, buffer.lines)))

    def current(self, uri: str) -> Buffer | None:
        """The buffer checked at its latest version (checked now if a check is still pending)."""
        document = self.workspace.get_text_document(uri)
        if document.source is None:
            return None
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        buffer = self.buffers.check(uri, uri_path(uri) or uri, document.version, document.source)
        for other in self.buffers.take_outdated():  # its SOP id changed: the buffers that name it are checked again
            self.soon(other)
        return buffer

    def at_model(self, handler: Callable[[Any, Buffer, Sop, int, int], T]) -> Callable[[Any], T | None]:
        """A request handler at a position, called with the buffer, its model and the 1-based place asked about;
        the request is answered with None where the document is unknown or has never parsed."""

        @wraps(handler)
        def run(params):
            buffer = self.current(params.text_document.uri)
            if buffer is None or buffer.sop is None:
                return None
            return handler(params, buffer, buffer.sop, *place(buffer.lines, params.position))

        return run

    def soon(self, uri: str) -> None:
        """Check the buffer after its debounce, once however many changes come before then."""
        if uri in self.pending:
            return
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(self.buffers.delay(uri), self._check_pending, uri)

    def _check_pending(self, uri: str) -> None:
        if self.pending.pop(uri, None) is not None:
            guarded(self.current)(uri)

    def changed_on_disk(self, paths: list[str]) -> None:
        """Files changed on disk: read them (or the settings) again, and check the open buffers against them."""
        if any(Path(path).name in ("pyproject.toml", ".sopdsl.toml") for path in paths):
            self.index.scan()
            self.buffers.recheck_all()
            return
        others = [path for path in paths if not self.index.is_open(path)]  # an open buffer stands for its file
        for path in paths:
            self.index.refresh(path)
        if others:
            self.buffers.recheck_all()


def uri_path(uri: str) -> str | None:
    """The absolute path of a file uri (None for another scheme, such as an unsaved buffer's)."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return str(Path(path).resolve()) if path else None


def guarded(handler: Callable) -> Callable:
    """The handler, which logs a failure and answers nothing rather than failing the editor's request."""

    @wraps(handler)
    def run(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except Exception:  # a buffer in any state must never stop the server
            log.exception("sopdsl lsp: %s failed", handler.__name__)
            return None

    return run


def build() -> SopServer:
    """The server with every feature registered."""
    server = SopServer()

    @server.feature(types.INITIALIZED)
    @guarded
    def initialized(params: types.InitializedParams) -> None:
        folders = [uri_path(folder.uri) for folder in server.workspace.folders.values()]
        if not folders and server.workspace.root_uri:
            folders = [uri_path(server.workspace.root_uri)]
        server.index.folders = [folder for folder in folders if folder]
        server.index.scan()
        if server.index.config_error:
            server.window_show_message(types.ShowMessageParams(types.MessageType.Warning, server.index.config_error))
        _watch(server)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        guarded(server.current)(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.soon(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        handle = server.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        server.buffers.close(uri)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded
    def watched(params: types.DidChangeWatchedFilesParams) -> None:
        server.changed_on_disk([path for change in params.changes if (path := uri_path(change.uri))])

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded
    @server.at_model
    def on_hover(params: types.HoverParams, buffer: Buffer, sop: Sop, line: int, column: int) -> types.Hover | None:
        found = hover(sop, buffer.file, line, column, server.index, keyword_language(buffer.text))
        return markdown(found) if found else None

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @guarded
    @server.at_model
    def definition(params: types.DefinitionParams, buffer: Buffer, sop: Sop, line: int, column: int
            ) -> list[types.Location] | None:
        return navigation.definition(sop, buffer.file, line, column, server.index)

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @guarded
    @server.at_model
    def references(params: types.ReferenceParams, buffer: Buffer, sop: Sop, line: int, column: int
            ) -> list[types.Location] | None:
        return navigation.references(sop, buffer.file, line, column, server.index,
                                     params.context.include_declaration)

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    @guarded
    @server.at_model
    def prepare_rename(params: types.PrepareRenameParams, buffer: Buffer, sop: Sop, line: int, column: int
            ) -> types.Range | None:
        return navigation.rename_range(sop, buffer.lines, line, column)

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    @guarded
    @server.at_model
    def rename(params: types.RenameParams, buffer: Buffer, sop: Sop, line: int, column: int
            ) -> types.WorkspaceEdit | None:
        return navigation.rename(sop, buffer.file, line, column, server.index, params.new_name)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=[":", " ", ",", "-"]))
    @guarded
    def completion(params: types.CompletionParams) -> list[types.CompletionItem] | None:
        buffer = server.current(params.text_document.uri)
        if buffer is None:
            return None
        line = params.position.line
        text = buffer.lines[line] if line < len(buffer.lines) else ""
        return complete(buffer.lines, line, characters(text, params.position.character), buffer.sop, server.index,
                        keyword_language(buffer.text))

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded
    def document_symbol(params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
        buffer = server.current(params.text_document.uri)
        return symbols(buffer.file.sop, buffer.lines) if buffer and buffer.file.sop else None

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    @guarded
    def folding_range(params: types.FoldingRangeParams) -> list[types.FoldingRange] | None:
        buffer = server.current(params.text_document.uri)
        return folds(buffer.file.sop) if buffer and buffer.file.sop else None

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @guarded
    def formatting(params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        buffer = server.current(params.text_document.uri)
        return formatted(buffer.text, buffer.lines) if buffer else None

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    @guarded
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        buffer = server.current(params.text_document.uri)
        if buffer is None:
            return None
        return actions(buffer.uri, buffer.lines, buffer.file.sop, list(params.context.diagnostics),
                       keyword_language(buffer.text))

    return server


def _watch(server: SopServer) -> None:
    """Ask the editor to report changes to .sop and settings files; where it cannot, watch the folders here."""
    workspace = server.client_capabilities.workspace
    watching = workspace.did_change_watched_files if workspace else None
    if watching is not None and watching.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED])
        server.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
            id="sopdsl-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))
    elif server.index.folders:
        from .watching import watch_folders

        loop = asyncio.get_running_loop()
        watch_folders(server.index.folders, lambda paths: loop.call_soon_threadsafe(guarded(server.changed_on_disk),
                                                                                     paths))


def serve() -> None:
    """Run the server over standard input and output until the editor ends it."""
    # A check builds a model of many thousand small objects at once, beside the workspace's records: the collector
    # runs its passes less often, which saves a tenth of a large buffer's check.
    gc.set_threshold(10_000, 50, 1_000)
    build().start_io()

