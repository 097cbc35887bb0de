"""The language server through a real LSP client: findings as the buffer changes, and hover."""

from __future__ import annotations

import pytest
from lsprotocol import types

from .lsp_session import MAIN, at, client_fixture, doc, findings, open_file, replace_all, until, where

pytestmark = pytest.mark.asyncio(loop_scope="function")
client = client_fixture()


async def test_findings_follow_the_buffer(client):
    uri = open_file(client, "pelayanan.sop", MAIN.replace("by: ppid", "by: ppd"))
    found = await until(lambda: findings(client, uri, "unknown-role"), "the unknown role")
    assert found[0].range.start.line == MAIN.splitlines().index("  by: ppid")
    assert "did you mean 'ppid'" in found[0].message
    assert found[0].code_description.href.endswith("rules.md#unknown-role")
    assert found[0].source == "sopdsl"
    moved = "# a comment\n" + MAIN.replace("by: ppid", "by: ppd")
    replace_all(client, uri, 2, moved)
    line = moved.splitlines().index("  by: ppd")
    await until(lambda: [d for d in findings(client, uri, "unknown-role") if d.range.start.line == line], "the move")
    replace_all(client, uri, 3, MAIN)
    await until(lambda: not findings(client, uri, "unknown-role"), "the finding to go")


async def test_library_rules_see_the_other_files(client):
    uri = open_file(client, "pelayanan.sop", MAIN.replace("uses: penyiapan", "uses: penyiapn"))
    found = await until(lambda: findings(client, uri, "unknown-sop"), "the unknown SOP")
    assert "penyiapn" in found[0].message
    replace_all(client, uri, 2, MAIN.replace("sla: 10 hari kerja", "sla: 1 hari kerja"))
    await until(lambda: findings(client, uri, "sla-exceeded"), "the sla taken through `uses`")
    assert not findings(client, uri, "unknown-sop")


async def test_a_file_changed_on_disk_is_read_again(client):
    uri = open_file(client, "pelayanan.sop")
    await until(lambda: uri in client.diagnostics, "the first findings")
    used = client.folder / "penyiapan.sop"
    used.write_text(used.read_text().replace("sop penyiapan:", "sop penyiapan-lama:"), encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=used.as_uri(), type=types.FileChangeType.Changed)]))
    await until(lambda: findings(client, uri, "unknown-sop"), "the used SOP to be missed")


async def hover_at(client, uri, position) -> str:
    result = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=position))
    return result.contents.value if result is not None else ""


async def test_hover(client):
    uri = open_file(client, "pelayanan.sop")
    duration = await hover_at(client, uri, where(MAIN, "30 menit", offset=1))
    assert "**30** working minutes" in duration
    role = await hover_at(client, uri, where(MAIN, "by: petugas", offset=5))
    assert "Petugas Layanan Informasi" in role and "does 2 steps" in role
    step = await hover_at(client, uri, where(MAIN, "no: terima", offset=5))
    assert "A.1" in step and "Menerima permohonan" in step
    decision = await hover_at(client, uri, where(MAIN, "decision lengkap", offset=2))
    assert "A.2" in decision and "- yes → `next`" in decision and "- no → `terima` (A.1)" in decision
    used = await hover_at(client, uri, where(MAIN, "uses: penyiapan", offset=8))
    assert "Penyiapan Jawaban Permohonan" in used and "| **total** | 1 |" in used
    related = await hover_at(client, uri, where(MAIN, "- penyiapan", offset=3))
    assert "Penyiapan Jawaban Permohonan" in related
    totals = await hover_at(client, uri, at(0, 1))
    assert "| A | 3 |" in totals and "| **total** | 3 |" in totals
    assert "1 day 45 min" in totals  # the typical path: 15 + 30 min and the used SOP's low end, 1 working day


async def test_the_workspace_settings_apply_and_are_read_again(client):
    uri = open_file(client, "pelayanan.sop", MAIN.replace("by: ppid", "by: ppd"))
    await until(lambda: findings(client, uri, "unknown-role"), "the unknown role")
    settings = client.folder / ".sopdsl.toml"
    settings.write_text('ignore = ["unknown-role"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=settings.as_uri(), type=types.FileChangeType.Created)]))
    await until(lambda: uri in client.diagnostics and not findings(client, uri, "unknown-role"), "the rule ignored")
    assert [registration.method for registration in client.registrations] == ["workspace/didChangeWatchedFiles"]
