"""A buffer in any state never stops the language server: random edits of a spec, and it keeps answering."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.lsp_wire import Wire

from .conftest import SPECS

pytest.importorskip("pygls", reason="the language server needs pygls: pip install -e '.[test]'")

SPEC = SPECS / "pengelolaan-website-ppid.sop"
TEXT = SPEC.read_text(encoding="utf-8")
PIECES = st.sampled_from([":", " ", "\n", "\t", '"', "#", "-", "  by: ", "step x: y\n", "yes: ", "1-", "é", "𝄞",
                          "\r\n", "sop ", "role", "time: 3 ", "\\", "# sopdsl: ignore[", "\x00"])
EDIT = st.tuples(st.floats(0, 1), st.integers(0, 40), st.lists(PIECES, max_size=4).map("".join))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workspace")
    shutil.copy(SPEC, folder / SPEC.name)
    log = (folder / "server.log").open("wb")
    wire = Wire(folder, errors=log)
    uri = (folder / SPEC.name).as_uri()
    wire.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "sop", "version": 1,
                                                          "text": TEXT}})
    wire.version, wire.uri = 1, uri
    yield wire
    wire.close()
    log.close()
    failures = [line for line in (folder / "server.log").read_text(errors="replace").splitlines() if "failed" in line]
    assert not failures, "\n".join(failures)


def edited(text: str, edits) -> str:
    for where, length, inserted in edits:
        start = int(where * len(text))
        text = text[:start] + inserted + text[start + length:]
    return text


def asks(wire: Wire, line: int, character: int) -> None:
    """Every kind of request at one place; each must be answered, not fail."""
    document = {"textDocument": {"uri": wire.uri}}
    place = {**document, "position": {"line": line, "character": character}}
    everywhere = {"start": {"line": 0, "character": 0}, "end": {"line": line, "character": character}}
    for method, params in [
        ("textDocument/hover", place),
        ("textDocument/completion", place),
        ("textDocument/definition", place),
        ("textDocument/references", {**place, "context": {"includeDeclaration": True}}),
        ("textDocument/prepareRename", place),
        ("textDocument/rename", {**place, "newName": "baru"}),
        ("textDocument/documentSymbol", document),
        ("textDocument/foldingRange", document),
        ("textDocument/formatting", {**document, "options": {"tabSize": 2, "insertSpaces": True}}),
        ("textDocument/codeAction", {**document, "range": everywhere, "context": {"diagnostics": [
            {"range": everywhere, "message": "did you mean 'x'? goes in quotes", "code": "unknown-role"}]}}),
    ]:
        wire.request(method, params)
        assert wire.last_error is None, (method, wire.last_error)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(EDIT, min_size=1, max_size=6), line=st.integers(0, 120), character=st.integers(0, 90))
def test_random_edits_never_stop_the_server(server, edits, line, character):
    server.version += 1
    server.notify("textDocument/didChange", {"textDocument": {"uri": server.uri, "version": server.version},
                                             "contentChanges": [{"text": edited(TEXT, edits)}]})
    asks(server, line, character)
    server.diagnostics(server.uri, server.version)
    assert server.process.poll() is None
