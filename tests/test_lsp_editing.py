"""The language server's editing help through a real LSP client: completion, formatting and code actions."""

from __future__ import annotations

import pytest
from lsprotocol import types

from sopdsl.parse import SopSyntaxError, parse_text

from .lsp_session import MAIN, at, client_fixture, doc, findings, open_file, replace_all, until, where

pytestmark = pytest.mark.asyncio(loop_scope="function")
client = client_fixture()
INDONESIAN = """\
sop pelayanan: Pelayanan Permohonan Informasi

pelaksana petugas: Petugas

kegiatan terima: Menerima permohonan
  oleh: petugas
  waktu: 15 menit
"""


def indonesian_parses() -> bool:
    try:
        parse_text(INDONESIAN)
    except SopSyntaxError:
        return False
    return True


async def labels(client, uri, text, needle, offset, lines_down=0, column=0) -> list[str]:
    """The labels offered at the needle plus `offset` in the buffer (or `lines_down` below it, at `column`)."""
    position = where(text, needle, offset=offset)
    if lines_down:
        position = at(position.line + lines_down, column)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=doc(uri), position=position))
    items = result.items if isinstance(result, types.CompletionList) else result
    return [item.label for item in items or []]


async def test_completion_in_an_english_file(client):
    text = MAIN + "\nstep tutup: Menutup\n  by: \n  time: 3 \n  uses: \n  next: \n  \n"
    uri = open_file(client, "pelayanan.sop", MAIN + "\nstep tutup: Menutup\n")
    await until(lambda: uri in client.diagnostics, "the first findings")
    replace_all(client, uri, 2, text)  # as the author types, the buffer stops parsing: its last model is used
    assert await labels(client, uri, text, "  by: \n", 6) == ["petugas", "ppid"]
    assert {"jam", "menit", "hari kerja", "h", "min"} <= set(await labels(client, uri, text, "  time: 3 \n", 10))
    assert await labels(client, uri, text, "  uses: \n", 8) == ["penyiapan"]
    assert await labels(client, uri, text, "  next: \n", 8) == ["terima", "lengkap", "jawab", "tutup", "next", "end"]
    attributes = await labels(client, uri, text, "  next: \n  \n", 0, lines_down=1, column=2)
    assert attributes[:3] == ["by", "needs", "time"] and "yes" not in attributes
    assert await labels(client, uri, text, "step tutup", 0) == ["sop", "role", "section", "step", "decision"]
    header = await labels(client, uri, text, "  number:", 2)
    assert "approved-by" in header and "sla" in header and "by" not in header
    branches = await labels(client, uri, text, "  yes: next", 2)
    assert "yes" in branches and "branch" in branches


@pytest.mark.skipif(not indonesian_parses(), reason="the parser does not read the Indonesian keywords (kegiatan) yet")
async def test_completion_in_an_indonesian_file(client):
    text = INDONESIAN + "  \n"
    uri = open_file(client, "pelayanan.sop", INDONESIAN)
    await until(lambda: uri in client.diagnostics, "the first findings")
    replace_all(client, uri, 2, text)
    offered = await labels(client, uri, text, "  waktu: 15 menit", 0, lines_down=1, column=2)
    assert "oleh" in offered and "waktu" in offered and "by" not in offered
    assert "kegiatan" in await labels(client, uri, text, "kegiatan terima", 0)
    replace_all(client, uri, 3, text + "  lanjut: ")
    targets = await labels(client, uri, text + "  lanjut: ", "  lanjut: ", 10)
    assert "terima" in targets


async def test_formatting_and_an_unparsable_buffer_left_alone(client):
    messy = MAIN.replace("  by: petugas\n  time: 15 menit", "  time:   15 menit\n  by: petugas")
    uri = open_file(client, "pelayanan.sop", messy)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=doc(uri), options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert len(edits) == 1 and "  by: petugas\n  time: 15 menit" in edits[0].new_text
    assert edits[0].range.start == at(0, 0)
    broken = open_file(client, "penyiapan.sop", "sop x: y\n  by: \n\tstep\n")
    untouched = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=doc(broken), options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert not untouched


async def fixes(client, uri, finding) -> dict[str, list[types.TextEdit]]:
    result = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(uri), range=finding.range, context=types.CodeActionContext(diagnostics=[finding])))
    return {action.title: action.edit.changes[uri] for action in result}


async def test_code_actions(client):
    text = MAIN.replace("by: ppid", "by: ppd").replace("time: 30 menit", "time: Sesuai jadwal").replace(
        "    uses: penyiapan\n", "")
    text = text.replace("  uses: penyiapan\n", "")
    uri = open_file(client, "pelayanan.sop", text)
    syntax = await until(lambda: findings(client, uri, "syntax-error"), "the unquoted time")
    quote = (await fixes(client, uri, syntax[0]))["Quote the time: it is stated but not quantified"]
    assert quote[0].new_text == '"Sesuai jadwal"' and quote[0].range.start == where(text, "Sesuai jadwal")
    text = text.replace("time: Sesuai jadwal", 'time: "Sesuai jadwal"')
    uri = open_file(client, "pelayanan.sop", text)
    role = await until(lambda: findings(client, uri, "unknown-role"), "the unknown role")
    offered = await fixes(client, uri, role[0])
    assert offered["Change to 'ppid'"][0].new_text == "ppid"
    silence = offered["Silence unknown-role on this line"][0]
    assert silence.new_text == "  # sopdsl: ignore[unknown-role]"
    assert silence.range.start.line == role[0].range.start.line
    missing = await until(lambda: findings(client, uri, "missing-time"), "the step without time")
    add = (await fixes(client, uri, missing[0]))["Add 'time:' to the step"][0]
    assert add.new_text == "  time: \n" and add.range.start == at(where(text, "step jawab").line + 1, 0)


async def test_silence_adds_to_an_existing_comment(client):
    text = MAIN.replace("by: ppid", "by: ppd  # sopdsl: ignore[missing-time]")
    uri = open_file(client, "pelayanan.sop", text)
    role = await until(lambda: findings(client, uri, "unknown-role"), "the unknown role")
    silence = (await fixes(client, uri, role[0]))["Silence unknown-role on this line"][0]
    assert silence.new_text == ", unknown-role"
    assert silence.range.start == where(text, "missing-time]", offset=len("missing-time"))
