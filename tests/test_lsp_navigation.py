"""The language server's navigation through a real LSP client: definition, references, rename, outline, folding."""

from __future__ import annotations

import pytest
from lsprotocol import types

from .lsp_session import MAIN, USED, at, client_fixture, doc, findings, open_file, replace_all, until, uri_of, where

pytestmark = pytest.mark.asyncio(loop_scope="function")
client = client_fixture()


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines()) if needle in line)


async def test_definition_of_a_role_a_step_and_a_used_sop(client):
    uri = open_file(client, "pelayanan.sop")
    role = await client.text_document_definition_async(types.DefinitionParams(
        text_document=doc(uri), position=where(MAIN, "by: ppid", offset=5)))
    assert [(item.uri, item.range.start.line) for item in role] == [(uri, line_of(MAIN, "role ppid"))]
    step = await client.text_document_definition_async(types.DefinitionParams(
        text_document=doc(uri), position=where(MAIN, "no: terima", offset=5)))
    assert step[0].range.start == where(MAIN, "terima:")
    used = await client.text_document_definition_async(types.DefinitionParams(
        text_document=doc(uri), position=where(MAIN, "uses: penyiapan", offset=7)))
    assert [(item.uri, item.range.start) for item in used] == [(uri_of(client, "penyiapan.sop"), at(0, 4))]


async def test_references_of_a_role_and_of_an_sop_across_files(client):
    uri = open_file(client, "pelayanan.sop")
    role = await client.text_document_references_async(types.ReferenceParams(
        text_document=doc(uri), position=where(MAIN, "role petugas", offset=6),
        context=types.ReferenceContext(include_declaration=True)))
    assert sorted(item.range.start.line for item in role) == [
        line_of(MAIN, "role petugas"), line_of(MAIN, "by: petugas"), MAIN.splitlines().index("  by: petugas", 15)]
    used_uri = open_file(client, "penyiapan.sop")
    sop = await client.text_document_references_async(types.ReferenceParams(
        text_document=doc(used_uri), position=at(0, 6), context=types.ReferenceContext(include_declaration=False)))
    assert sorted((item.uri, item.range.start.line) for item in sop) == [
        (uri, line_of(MAIN, "- penyiapan")), (uri, line_of(MAIN, "uses: penyiapan"))]


async def test_rename_an_sop_across_two_files(client):
    uri = open_file(client, "pelayanan.sop")
    used_uri = uri_of(client, "penyiapan.sop")
    position = where(MAIN, "uses: penyiapan", offset=8)
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(
        text_document=doc(uri), position=position))
    assert prepared.start == where(MAIN, "penyiapan", occurrence=1)
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=doc(uri), position=position, new_name="penyiapan-jawaban"))
    assert sorted(edit.changes) == sorted([uri, used_uri])
    assert {item.new_text for edits in edit.changes.values() for item in edits} == {"penyiapan-jawaban"}
    assert sorted(item.range.start.line for item in edit.changes[uri]) == [
        line_of(MAIN, "- penyiapan"), line_of(MAIN, "uses: penyiapan")]
    assert [item.range.start for item in edit.changes[used_uri]] == [at(0, 4)]
    assert USED.splitlines()[0][4:13] == "penyiapan"


async def test_rename_a_step_and_refuse_a_name_that_is_no_id(client):
    uri = open_file(client, "pelayanan.sop")
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=doc(uri), position=where(MAIN, "step terima", offset=6), new_name="catat"))
    assert sorted(item.range.start.line for item in edit.changes[uri]) == [
        line_of(MAIN, "step terima"), line_of(MAIN, "no: terima")]
    refused = await client.text_document_rename_async(types.RenameParams(
        text_document=doc(uri), position=where(MAIN, "step terima", offset=6), new_name="two words"))
    assert refused is None


async def test_outline_and_folding(client):
    uri = open_file(client, "pelayanan.sop")
    outline = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(uri)))
    assert [symbol.name for symbol in outline] == ["pelayanan", "petugas", "ppid", "A"]
    assert [step.name for step in outline[3].children] == ["A.1 terima", "A.2 lengkap", "A.3 jawab"]
    assert outline[3].children[1].kind == types.SymbolKind.Boolean
    assert outline[0].range.end.line == line_of(MAIN, "sla:")
    folding = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc(uri)))
    assert (line_of(MAIN, "decision lengkap"), line_of(MAIN, "no: terima")) in {
        (fold.start_line, fold.end_line) for fold in folding}


async def test_a_changed_sop_id_is_seen_by_the_open_buffers_that_name_it(client):
    uri = open_file(client, "pelayanan.sop")
    used = open_file(client, "penyiapan.sop")
    await until(lambda: uri in client.diagnostics and used in client.diagnostics, "the first findings")
    assert not findings(client, uri, "unknown-sop")
    replace_all(client, used, 2, USED.replace("sop penyiapan:", "sop penyiapan-jawaban:"))
    found = await until(lambda: findings(client, uri, "unknown-sop"), "the other buffer to miss the used SOP")
    assert {item.range.start.line for item in found} == {line_of(MAIN, "- penyiapan"), line_of(MAIN, "uses:")}
