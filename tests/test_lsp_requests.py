"""Requests at a position: answered from the buffer's model, and with nothing where the document has none."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls: pip install -e '.[test]'")

from lsprotocol import types  # noqa: E402

from sopdsl.lsp.server import SopServer  # noqa: E402
from sopdsl.parse import parse_text  # noqa: E402

SOP = "sop a: Judul\nrole r: Peran\nstep s: Kegiatan\n  by: r\n"
PARAMS = types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri="file:///a.sop"),
                                position=types.Position(line=3, character=6))


def answered(buffer) -> tuple[object, list[tuple]]:
    """What a request at PARAMS answers when the server's buffer is `buffer`, and what the handler was given."""
    server = SopServer()
    server.current = lambda uri: buffer  # type: ignore[method-assign]
    calls: list[tuple] = []

    @server.at_model
    def handler(params, buffer, sop, line, column):
        calls.append((params, buffer, sop, line, column))
        return "answer"

    return handler(PARAMS), calls


def test_an_unknown_document_is_answered_with_nothing():
    assert answered(None) == (None, [])


def test_a_document_that_never_parsed_is_answered_with_nothing():
    assert answered(SimpleNamespace(sop=None, lines=SOP.splitlines())) == (None, [])


def test_a_parsed_document_is_answered_from_its_model_at_the_place_asked():
    sop = parse_text(SOP)
    buffer = SimpleNamespace(sop=sop, lines=SOP.splitlines())
    assert answered(buffer) == ("answer", [(PARAMS, buffer, sop, 4, 7)])
