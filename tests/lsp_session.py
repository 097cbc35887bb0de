"""A real LSP client (pytest-lsp) talking JSON-RPC to a `sopdsl lsp` process, over a small workspace of two SOPs."""

from __future__ import annotations

import asyncio
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pytest_lsp", reason="the language server tests need pytest-lsp: pip install -e '.[test]'")

import pytest_lsp  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

MAIN = textwrap.dedent("""\
    sop pelayanan: Pelayanan Permohonan Informasi
      number: 1/SOP/2024
      effective: 2024-06-10
      approved-by: Kepala Dinas
      related:
        - penyiapan
      sla: 10 hari kerja

    role petugas: Petugas Layanan Informasi
    role ppid: PPID

    section A: Penerimaan

    step terima: Menerima permohonan
      by: petugas
      time: 15 menit

    decision lengkap: Memeriksa kelengkapan permohonan
      by: petugas
      time: 30 menit
      yes: next
      no: terima

    step jawab: Menyiapkan jawaban
      by: ppid
      uses: penyiapan
""")
USED = textwrap.dedent("""\
    sop penyiapan: Penyiapan Jawaban Permohonan
      number: 2/SOP/2024
      effective: 2024-06-10
      approved-by: Kepala Dinas

    role ppid: PPID

    step susun: Menyusun jawaban
      by: ppid
      time: 1-3 hari kerja
""")
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "sopdsl", "lsp"])
TIMEOUT = 20


def client_fixture():
    """The `client` fixture, for a test module to define as its own: `client = client_fixture()`."""
    return pytest_lsp.fixture(config=SERVER)(_client)


async def _client(lsp_client: LanguageClient, request):
    """A client whose workspace is a folder with `pelayanan.sop` (which uses) and `penyiapan.sop` (which is used)."""
    folder: Path = request.getfixturevalue("tmp_path")
    (folder / "pelayanan.sop").write_text(MAIN, encoding="utf-8")
    (folder / "penyiapan.sop").write_text(USED, encoding="utf-8")
    lsp_client.folder = folder
    lsp_client.registrations = []
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: lsp_client.registrations.extend(
        params.registrations))
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=folder.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="sops")],
    ))
    yield
    await lsp_client.shutdown_session()


def uri_of(client: LanguageClient, name: str) -> str:
    return (client.folder / name).as_uri()


def open_file(client: LanguageClient, name: str, text: str | None = None) -> str:
    """Open a workspace file in the client, with its text on disk unless another is given; its uri."""
    uri = uri_of(client, name)
    text = (client.folder / name).read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="sop", version=1, text=text)))
    return uri


def replace_all(client: LanguageClient, uri: str, version: int, text: str) -> None:
    """Send the whole new text of a buffer as one change."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def until(condition, what: str, timeout: float = TIMEOUT):
    """Wait for the condition to hold (it returns something true), polling; its value."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = condition()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def findings(client: LanguageClient, uri: str, rule: str | None = None) -> list[types.Diagnostic]:
    """The diagnostics last published for the buffer (of one rule)."""
    return [d for d in client.diagnostics.get(uri, []) if rule is None or d.code == rule]


def at(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def where(text: str, needle: str, occurrence: int = 0, offset: int = 0) -> types.Position:
    """The position of the n-th occurrence of `needle` in the text (plus `offset` characters)."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index)
    return at(line, index - (text.rfind("\n", 0, index) + 1) + offset)


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)
