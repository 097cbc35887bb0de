"""`sopdsl serve` through its HTTP API, with the standard library's client: reading, checking, saving, safety."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sopdsl.cli import main
from sopdsl.serve.workspace import digest

from .conftest import SPECS
from .serve_app import running_app
from .sop_files import sop_text, write_sop

TWO_STEPS = """\
step terima: Menerima permohonan
  by: petugas
  time: 10 menit

step serahkan: Menyerahkan jawaban
  by: petugas
  time: 20 menit
"""


@pytest.fixture
def library(tmp_path):
    """A copy of the repository's specs, beside a file outside it."""
    folder = tmp_path / "lib"
    shutil.copytree(SPECS, folder)
    (tmp_path / "outside.sop").write_text(sop_text(sop_id="outside"), encoding="utf-8")
    return folder


@pytest.fixture
def app(library):
    with running_app([str(library)]) as running:
        yield running


def key(path: Path) -> str:
    return path.as_posix()


def test_the_index_lists_every_sop_with_its_number_title_total_findings_and_silenced(app, library):
    status, body = app.get_json("/api/library")
    assert status == 200
    by_path = {sop["path"]: sop for sop in body["sops"]}
    assert set(by_path) == {key(path) for path in library.glob("*.sop")}
    keamanan = by_path[key(library / "keamanan-pengelolaan-website.sop")]
    assert keamanan["number"] == "53 Tahun 2024"
    assert keamanan["title"] == "KEAMANAN PENGELOLAAN WEBSITE"
    assert keamanan["unit"].startswith("PPID KALURAHAN KATONGAN")
    assert keamanan["total"] and keamanan["silenced"] > 0
    assert body["folders"] == [key(library)]
    assert any(role["name"] == "Operator" and len(role["sops"]) == 2 for role in body["roles"])


def test_library_links_point_to_the_served_file_or_say_it_is_missing(tmp_path):
    write_sop(tmp_path, "induk.sop", TWO_STEPS.replace("  time: 20 menit", "  uses: anak"),
              fields="  related:\n    - hilang")
    write_sop(tmp_path, "anak.sop")
    with running_app([str(tmp_path)]) as running:
        links = running.get_json("/api/library")[1]["links"]
    assert {"from": key(tmp_path / "induk.sop"), "kind": "uses", "to": "anak",
            "to_path": key(tmp_path / "anak.sop")} in links
    assert {"from": key(tmp_path / "induk.sop"), "kind": "related", "to": "hilang", "to_path": None} in links


def test_the_index_says_when_each_sop_is_due_for_evaluation(tmp_path):
    write_sop(tmp_path, "baru.sop")  # effective: 2024-06-10; the tests' day is 2024-12-01
    write_sop(tmp_path, "lama.sop").write_text(sop_text(sop_id="lama").replace("2024-06-10", "2020-01-02"),
                                               encoding="utf-8")
    (tmp_path / "tanpa.sop").write_text("sop tanpa: Tanpa tanggal\n", encoding="utf-8")
    with running_app([str(tmp_path)]) as running:
        sops = {sop["id"]: sop["evaluation"] for sop in running.get_json("/api/library")[1]["sops"]}
    assert sops == {"baru": {"until": "2025-06-10", "due": False}, "lama": {"until": "2021-01-02", "due": True},
                    "tanpa": None}


def test_the_library_map_page_links_each_sop_to_its_editor(tmp_path):
    write_sop(tmp_path, "induk.sop", TWO_STEPS.replace("  time: 20 menit", "  uses: anak"),
              fields="  related:\n    - hilang")
    write_sop(tmp_path, "anak.sop")
    with running_app([str(tmp_path)], lang="en") as running:
        status, headers, body = running.get("/map")
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "SOP library map" in page and "<svg" in page and "hilang" in page
    assert f'href="/sop?path={(tmp_path / "anak.sop").as_posix()}"' in page


def test_a_buffer_is_checked_in_the_library_and_previewed_without_touching_the_file(app, library):
    path = library / "pengelolaan-website-ppid.sop"
    before = path.read_bytes()
    text = path.read_text(encoding="utf-8").replace("by: operator", "by: tidak-ada", 1)
    status, body = app.post("/api/check", {"path": key(path), "text": text, "views": ["html", "totals"]})
    assert status == 200
    assert any(f["rule"] == "unknown-role" and "tidak-ada" in f["message"] for f in body["findings"])
    assert "<!DOCTYPE html>" in body["html"] and 'data-line="' in body["html"]
    assert body["totals"]["flows"]
    assert {"id": "operator", "name": "Operator"} in body["roles"]
    assert path.read_bytes() == before


def test_a_syntax_error_is_a_finding_at_its_line_and_no_preview(app, library):
    path = library / "pengelolaan-website-ppid.sop"
    status, body = app.post("/api/check", {"path": key(path), "text": "sop x: Judul\nstep\n", "views": ["html"]})
    assert status == 200
    assert [(f["rule"], f["line"]) for f in body["findings"]] == [("syntax-error", 2)]
    assert "html" not in body


def test_author_text_is_escaped_in_the_preview(app, library):
    path = library / "pengelolaan-website-ppid.sop"
    text = sop_text(TWO_STEPS.replace("Menerima permohonan", "<script>alert(1)</script> & <b>x</b>"))
    body = app.post("/api/check", {"path": key(path), "text": text, "views": ["html", "svg"]})[1]
    for view in ("html", "svg"):
        assert "<script>" not in body[view] and "<b>" not in body[view]
        assert "&lt;script&gt;" in body[view] and "&amp;" in body[view]


def test_saving_writes_the_file_and_returns_the_new_hash(app, library):
    path = library / "pengelolaan-website-ppid.sop"
    text = path.read_text(encoding="utf-8") + "\n# disimpan dari peramban\n"
    status, body = app.post("/api/save", {"path": key(path), "text": text, "base": digest(path.read_bytes())})
    assert status == 200
    assert path.read_text(encoding="utf-8") == text
    assert body["digest"] == digest(path.read_bytes())
    assert app.get_json(f"/api/changes?path={key(path)}")[1]["digest"] == body["digest"]


def test_saving_through_the_formatter_writes_the_canonical_form(app, library):
    path = library / "baru.sop"
    path.write_text(sop_text(), encoding="utf-8")
    messy = sop_text().replace("  by: petugas", "  by:     petugas")
    status, body = app.post("/api/save", {"path": key(path), "text": messy, "base": digest(path.read_bytes()),
                                          "format": True})
    assert status == 200 and body["note"] is None
    assert path.read_text(encoding="utf-8") == body["text"] and "by: petugas" in body["text"]


def test_a_file_changed_on_disk_since_it_was_loaded_is_a_conflict_and_nothing_is_lost(app, library):
    path = library / "pengelolaan-website-ppid.sop"
    loaded = digest(path.read_bytes())
    theirs = path.read_text(encoding="utf-8") + "\n# diubah di editor lain\n"
    path.write_text(theirs, encoding="utf-8")
    mine = path.read_text(encoding="utf-8").replace("# diubah di editor lain", "# diubah di peramban")
    status, body = app.post("/api/save", {"path": key(path), "text": mine, "base": loaded})
    assert status == 409
    assert path.read_text(encoding="utf-8") == theirs
    assert body["theirs"] == theirs and body["theirs_digest"] == digest(theirs.encode())
    assert "-# diubah di editor lain" in body["diff"] and "+# diubah di peramban" in body["diff"]
    status, body = app.post("/api/save", {"path": key(path), "text": mine, "base": body["theirs_digest"]})
    assert status == 200 and path.read_text(encoding="utf-8") == mine


def test_a_crlf_file_keeps_its_line_ends(app, library):
    path = library / "crlf.sop"
    path.write_bytes(sop_text().replace("\n", "\r\n").encode())
    text = sop_text().replace("Menerima", "Menerima dan mencatat")
    assert app.post("/api/save", {"path": key(path), "text": text, "base": digest(path.read_bytes())})[0] == 200
    assert path.read_bytes() == text.replace("\n", "\r\n").encode()


def test_several_writers_at_once_never_lose_or_mix_a_version(app, library):
    path = library / "pengelolaan-website-ppid.sop"
    base = digest(path.read_bytes())
    original = path.read_text(encoding="utf-8")
    texts = [original + f"\n# versi {number}\n" * (number + 1) for number in range(8)]
    results = {}

    def save(number: int) -> None:
        results[number] = app.post("/api/save", {"path": key(path), "text": texts[number], "base": base})[0]

    threads = [threading.Thread(target=save, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [number for number, status in results.items() if status == 200]
    assert len(winners) == 1 and sorted(results.values()) == [200] + [409] * 7
    assert path.read_text(encoding="utf-8") == texts[winners[0]]


def test_a_new_sop_starts_from_the_template_and_never_replaces_a_file(app, library):
    status, body = app.post("/api/new", {"folder": key(library), "name": "layanan-baru"})
    assert status == 200 and body["path"] == key(library / "layanan-baru.sop")
    created = (library / "layanan-baru.sop").read_text(encoding="utf-8")
    assert created.startswith("sop layanan-baru: Pelayanan Permohonan Informasi Publik")
    assert main(["check", str(library / "layanan-baru.sop")]) == 0
    status, body = app.post("/api/new", {"folder": key(library), "name": "layanan-baru.sop"})
    assert status == 403 and "exists" in body["error"]
    assert (library / "layanan-baru.sop").read_text(encoding="utf-8") == created


@pytest.mark.parametrize("header", [{"Host": "evil.example"}, {"Host": "evil.example:80"}, {"Host": ""}])
def test_a_request_for_another_host_name_is_refused(app, header):
    status, _, body = app.get("/api/library", header)
    assert status == 403 and b"Host" in body


def test_a_request_from_a_foreign_origin_is_refused_even_with_the_token(app, library):
    path = library / "pengelolaan-website-ppid.sop"
    before = path.read_bytes()
    payload = {"path": key(path), "text": "sop x: y\n", "base": digest(before)}
    for origin in ("http://evil.example", f"http://evil.example:{app.port}", "null", f"https://127.0.0.1:{app.port}"):
        status, body = app.post("/api/save", payload, headers={"Origin": origin})
        assert status == 403, origin
    assert app.get("/api/library", {"Origin": "http://evil.example"})[0] == 403
    assert path.read_bytes() == before
    assert app.post("/api/check", {"path": key(path), "text": "", "views": []},
                    headers={"Origin": app.url})[0] == 200


def test_a_write_without_the_session_token_is_refused(app, library):
    path = library / "pengelolaan-website-ppid.sop"
    before = path.read_bytes()
    status, body = app.post("/api/save", {"path": key(path), "text": "x", "base": digest(before)}, token=False)
    assert status == 403 and "token" in body["error"]
    status, _ = app.post("/api/save", {"path": key(path), "text": "x", "base": digest(before)},
                         token=False, headers={"X-Sopdsl-Token": "guessed"})
    assert status == 403
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["{lib}/../outside.sop", "{tmp}/outside.sop", "{lib}/notes.txt", "/etc/passwd.sop"])
def test_writes_outside_the_served_folder_or_to_other_files_are_refused(app, library, tmp_path, name):
    target = name.format(lib=key(library), tmp=key(tmp_path))
    before = (tmp_path / "outside.sop").read_bytes()
    status, body = app.post("/api/save", {"path": target, "text": "sop x: y\n", "base": ""})
    assert status == 403, body
    assert (tmp_path / "outside.sop").read_bytes() == before
    assert not (library / "notes.txt").exists() and not Path("/etc/passwd.sop").exists()


def test_a_write_through_a_symlink_out_of_the_folder_is_refused(app, library, tmp_path):
    outside = tmp_path / "outside.sop"
    before = outside.read_bytes()
    (library / "link.sop").symlink_to(outside)
    (library / "linked-folder").symlink_to(tmp_path, target_is_directory=True)
    for target in (library / "link.sop", library / "linked-folder" / "outside.sop"):
        status, body = app.post("/api/save", {"path": key(target), "text": "sop x: y\n", "base": digest(before)})
        assert status == 403 and "outside" in body["error"]
    status, _ = app.post("/api/new", {"folder": key(library / "linked-folder"), "name": "baru"})
    assert status == 403
    assert outside.read_bytes() == before and not (tmp_path / "baru.sop").exists()


@pytest.mark.parametrize("name", ["../keluar", "sub/dir", ".tersembunyi", ""])
def test_a_new_sop_name_cannot_leave_the_folder(app, library, name):
    status, _ = app.post("/api/new", {"folder": key(library), "name": name})
    assert status == 403
    assert sorted(os.listdir(library)) == sorted(p.name for p in SPECS.iterdir())


def test_downloads_give_the_edited_buffer_in_the_format_asked(app, library):
    path = library / "pengelolaan-website-ppid.sop"
    text = path.read_text(encoding="utf-8").replace("Pengelolaan Website PPID", "Judul Dari Buffer", 1)
    status, body = app.post("/api/download", {"path": key(path), "text": text, "format": "svg"})
    assert status == 200
    assert body["bytes"].startswith(b"<svg") or b"<svg" in body["bytes"][:200]
    assert body["headers"]["Content-Disposition"] == 'attachment; filename="pengelolaan-website-ppid.svg"'
    status, body = app.post("/api/download", {"path": key(path), "text": text, "format": "bpmn"})
    assert status == 200 and b"Judul Dari Buffer" in body["bytes"]


def test_a_format_this_installation_lacks_is_reported_not_available(app, library):
    from sopdsl.render import FORMATS

    path = library / "pengelolaan-website-ppid.sop"
    for name in ("docx", "xlsx"):
        status, body = app.post("/api/download", {"path": key(path), "text": path.read_text(), "format": name})
        if name in FORMATS:
            assert status == 200
        else:
            assert status == 501 and "not available" in body["error"]


def test_the_pages_carry_the_token_and_a_content_security_policy(app):
    status, headers, body = app.get("/")
    assert status == 200 and app.token.encode() in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert app.get("/static/editor.js")[0] == 200
    assert app.get("/static/../api.py")[0] == 404
    assert app.get("/sop?path=/etc/passwd")[0] == 404


def test_the_served_file_set_follows_the_disk(app, library):
    first = app.get_json("/api/changes")[1]["signature"]
    write_sop(library, "tambahan.sop")
    deadline = time.monotonic() + 30  # the folders are walked again at most once a second
    while app.get_json("/api/changes")[1]["signature"] == first:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    paths = [sop["path"] for sop in app.get_json("/api/library")[1]["sops"]]
    assert key(library / "tambahan.sop") in paths


def test_the_pdf_download_is_printed_by_chromium(app, library):
    from sopdsl.browser.chromium import find_chromium

    if find_chromium() is None:
        pytest.skip("Chromium not found: install the Debian package 'chromium'")
    path = library / "pengelolaan-website-ppid.sop"
    status, body = app.post("/api/download", {"path": key(path), "text": path.read_text(), "format": "pdf"})
    assert status == 200 and body["bytes"].startswith(b"%PDF")
    assert body["headers"]["Content-Type"] == "application/pdf"


def test_the_command_serves_until_interrupted():
    command = [sys.executable, "-m", "sopdsl", "serve", str(SPECS), "--port", "0"]
    # A shell's background job ignores SIGINT, and Python keeps an ignored SIGINT: give the server the default.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        line = process.stdout.readline()
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/api/library")
        response = connection.getresponse()
        assert response.status == 200
        assert len(json.loads(response.read())["sops"]) == len(list(SPECS.glob("*.sop")))
        connection.close()
    finally:
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=30)
    assert process.returncode == 0, errors


def test_a_port_in_use_or_a_missing_folder_is_a_usage_error(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert main(["serve", str(SPECS), "--port", str(taken.getsockname()[1])]) == 2
    assert "cannot listen on 127.0.0.1" in capsys.readouterr().err
    assert main(["serve", str(tmp_path / "tidak-ada")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_english_pages_and_printed_labels_with_lang_en(library):
    path = library / "pengelolaan-website-ppid.sop"
    with running_app([str(library)], lang="en") as english:
        page = english.get("/")[2].decode()
        body = english.post("/api/check", {"path": key(path), "text": path.read_text(), "views": ["html"]})[1]
    assert '"index_title": "SOP library"' in page and '<html lang="en">' in page
    assert "SOP identity" in body["html"] and "Identitas SOP" not in body["html"]


def test_an_uploaded_document_becomes_a_new_draft_through_the_importer(app, library, tmp_path):
    """The web app's import form runs `sopdsl import` on the upload: a Word SOP comes back as a checked draft."""
    from urllib.parse import quote

    pytest.importorskip("docx", reason="python-docx (extra `office`) reads Word documents")
    from sopdsl.api import parse_file

    def upload(name: str, data: bytes):
        url = f"/api/import?folder={quote(key(library))}&name={quote(name)}"
        status, _, body = app.request("POST", url, data, {"X-Sopdsl-Token": app.token,
                                                          "Content-Type": "application/octet-stream"})
        return status, body

    spec = SPECS / "pendokumentasian-informasi-publik.sop"
    word = tmp_path / "lama.docx"
    assert main(["render", str(spec), "--to", "docx", "-o", str(word)]) == 0
    status, body = upload("SOP Lama (2019).docx", word.read_bytes())
    assert status == 200, body
    created = library / "SOP-Lama-2019.sop"
    assert json.loads(body) == {"path": key(created), "paths": [key(created)]}
    draft, original = parse_file(created), parse_file(spec)
    assert [step.text.value for step in draft.activities()] == [step.text.value for step in original.activities()]
    assert [role.name.value for role in draft.roles] == [role.name.value for role in original.roles]
    status, body = upload("SOP Lama (2019).docx", word.read_bytes())
    assert status == 403 and b"exists" in body
    status, body = upload("rusak.docx", b"PK\x03\x04 not a document")
    assert status == 422 and b"rusak.docx" in body and not (library / "rusak.sop").exists()
    assert upload("lama.png", b"x")[0] == 400


def test_a_fault_inside_the_app_is_a_one_line_answer_not_a_dropped_connection(app, monkeypatch, capsys):
    from sopdsl.serve.api import Api

    def broken(self):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(Api, "library", broken)
    status, body = app.get_json("/api/library")
    assert status == 500 and body == {"error": "internal error: RuntimeError: kaputt"}
    assert "Traceback" not in capsys.readouterr().err


def test_each_step_of_the_preview_names_its_source_line(app, library):
    import html.parser

    path = library / "pendokumentasian-informasi-publik.sop"
    text = path.read_text(encoding="utf-8")
    body = app.post("/api/check", {"path": key(path), "text": text, "views": ["html"]})[1]

    class StepRows(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.lines = []

        def handle_starttag(self, tag, attributes):
            attributes = dict(attributes)
            if tag == "tr" and "step" in (attributes.get("class") or "").split():
                self.lines.append(int(attributes["data-line"]))

    rows = StepRows()
    rows.feed(body["html"])
    source = text.split("\n")
    assert rows.lines == sorted(rows.lines) and len(rows.lines) == len(set(rows.lines)) > 3
    assert all(source[line - 1].startswith(("step", "decision", "kegiatan", "keputusan")) for line in rows.lines)


@pytest.mark.parametrize("payload", [{"views": "html"}, {"views": [1]}, {"text": 5}, [1, 2]])
def test_a_malformed_request_is_a_400(app, library, payload):
    body = {"path": key(library / "pengelolaan-website-ppid.sop"), "text": "", **payload} \
        if isinstance(payload, dict) else payload
    status, answer = app.post("/api/check", body)
    assert status == 400 and answer["error"]


def test_a_file_that_is_not_utf8_is_listed_with_its_error_but_not_opened_for_editing(app, library):
    path = library / "rusak.sop"
    path.write_bytes(b"sop rusak: \xff\xfe\n")
    sops = {sop["path"]: sop for sop in app.get_json("/api/library")[1]["sops"]}
    assert sops[key(path)]["findings"][0]["message"].startswith("byte 0xff is not valid UTF-8")
    status, body = app.get_json(f"/api/file?path={key(path)}")
    assert status == 422 and "UTF-8" in body["error"]
    assert path.read_bytes() == b"sop rusak: \xff\xfe\n"


@pytest.mark.parametrize("name, sop_id", [("2024_Layanan.Baru", "sop-2024-layanan-baru"),
                                          ("Layanan_KTP.sop", "layanan-ktp"), ("Pelayanan-KTP", "pelayanan-ktp")])
def test_a_new_sop_gets_a_valid_id_from_any_file_name(app, library, name, sop_id):
    status, body = app.post("/api/new", {"folder": key(library), "name": name})
    assert status == 200
    text = Path(body["path"]).read_text(encoding="utf-8")
    assert text.startswith(f"sop {sop_id}: ")
    assert main(["check", body["path"]]) == 0


def test_a_download_is_named_safely_whatever_the_file_is_called(app, library):
    path = library / 'laporan "akhir"\tbaru.sop'
    path.write_text(sop_text(), encoding="utf-8")
    status, body = app.post("/api/download", {"path": key(path), "text": sop_text(), "format": "svg"})
    assert status == 200
    assert body["headers"]["Content-Disposition"] == 'attachment; filename="laporan_akhir_baru.svg"'
