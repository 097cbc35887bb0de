"""The headless-Chromium client prints CSS-sized PDFs, measures and photographs pages, and fails with clear errors."""

from __future__ import annotations

import io
import json
import os
import struct
import sys
import tempfile
import time
from pathlib import Path

import pytest

from sopdsl.browser.chromium import ENV_VAR, Browser, ChromiumError, find_chromium, page_url

POINTS_PER_MM = 72 / 25.4

THREE_LANDSCAPE_PAGES = """<!doctype html>
<html><head><meta charset="utf-8"><style>
@page { size: 297mm 210mm; margin: 10mm }
section { break-after: page }
</style></head><body>
<section>Halaman pertama</section>
<section>Halaman kedua</section>
<div>Halaman ketiga</div>
</body></html>
"""


def write_page(directory: Path, name: str, body: str, style: str = "") -> Path:
    path = directory / name
    path.write_text(f'<!doctype html><html><head><meta charset="utf-8"><style>{style}</style></head>'
                    f"<body>{body}</body></html>", encoding="utf-8")
    return path


def read_pdf(data: bytes):
    pypdf = pytest.importorskip("pypdf")
    assert data.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(data))


def page_size_mm(page) -> tuple[float, float]:
    return float(page.mediabox.width) / POINTS_PER_MM, float(page.mediabox.height) / POINTS_PER_MM


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def executable(path: Path, script: str, interpreter: str = "/bin/sh") -> Path:
    path.write_text(f"#!{interpreter}\n{script}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


# --- finding the browser -------------------------------------------------------------------------------------------


def test_find_chromium_prefers_the_environment_variable(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "/opt/chrome/chrome")
    assert find_chromium() == "/opt/chrome/chrome"


def test_find_chromium_takes_the_first_known_name_on_path(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_chromium() is None
    executable(tmp_path / "google-chrome", "exit 0")
    assert find_chromium() == str(tmp_path / "google-chrome")
    executable(tmp_path / "chromium-browser", "exit 0")
    assert find_chromium() == str(tmp_path / "chromium-browser")


def test_missing_executable_is_a_one_line_error_saying_what_to_do(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "/nonexistent")
    with pytest.raises(ChromiumError) as raised:
        Browser()
    message = str(raised.value)
    assert "'/nonexistent'" in message and ENV_VAR in message and "'chromium'" in message
    assert "\n" not in message


def test_no_browser_anywhere_is_an_error(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ChromiumError, match="PDF output needs Chromium: install the Debian package"):
        Browser()


def test_page_url_turns_paths_into_file_urls_and_keeps_urls(tmp_path):
    assert page_url(tmp_path / "a b.html") == (tmp_path / "a b.html").as_uri()
    assert page_url(str(tmp_path / "x.html")) == (tmp_path / "x.html").as_uri()
    assert page_url("about:blank") == "about:blank"


# --- a browser that fails ------------------------------------------------------------------------------------------


def open_fds() -> list[str]:
    return sorted(os.listdir("/proc/self/fd"))


def test_a_browser_that_dies_reports_its_stderr_and_leaves_nothing_behind(monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    fake = executable(tmp_path / "chromium", "echo 'Missing X server or $DISPLAY' >&2\nexit 3")
    fds_before = open_fds()
    with pytest.raises(ChromiumError) as raised:
        Browser(str(fake))
    assert "status 3" in str(raised.value) and "Missing X server or $DISPLAY" in str(raised.value)
    assert [path.name for path in tmp_path.iterdir()] == ["chromium"]
    assert open_fds() == fds_before


def test_a_browser_that_does_not_answer_times_out_and_is_killed(tmp_path):
    pid_file = tmp_path / "pid"
    script = f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\ntime.sleep(60)"
    silent = executable(tmp_path / "chromium", script, interpreter=sys.executable)
    started = time.monotonic()
    with pytest.raises(ChromiumError, match=r"did not finish Target\.createTarget within 0\.3 s"):
        Browser(str(silent), timeout=0.3)
    assert time.monotonic() - started < 5
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


# A stand-in browser speaking the DevTools pipe protocol. It records its arguments and the commands it gets. Before
# replying to Page.navigate it sends the load event twice (so a stale copy is left over) and a reply to nobody; for
# pages named "never..." it sends the load event of another session only.
FAKE_BROWSER = r"""
import base64, json, os, sys
log = open(sys.argv[0] + ".log", "w")
log.write(json.dumps(sys.argv[1:]) + "\n")
pending = b""
def send(message):
    os.write(4, json.dumps(message).encode() + b"\0")
while True:
    chunk = os.read(3, 65536)
    if not chunk:
        break
    pending += chunk
    while b"\0" in pending:
        raw, pending = pending.split(b"\0", 1)
        command = json.loads(raw)
        log.write(json.dumps(command) + "\n")
        log.flush()
        method, session = command["method"], command.get("sessionId")
        if method == "Browser.close":
            sys.exit(0)
        if method == "Page.navigate" and "/never" in command["params"]["url"]:
            send({"method": "Page.loadEventFired", "params": {}, "sessionId": "S2"})
        elif method == "Page.navigate":
            send({"method": "Page.loadEventFired", "params": {}, "sessionId": session})
            send({"method": "Page.loadEventFired", "params": {}, "sessionId": session})
            send({"id": 10 ** 6, "result": {}})
        result = {
            "Target.createTarget": {"targetId": "T1"},
            "Target.attachToTarget": {"sessionId": "S1"},
            "Page.printToPDF": {"data": base64.b64encode(b"%PDF-1.7 fake").decode()},
        }.get(method, {})
        send({"id": command["id"], "result": result})
"""


def test_protocol_keeps_early_events_and_drops_stale_ones(tmp_path):
    fake = executable(tmp_path / "chromium", FAKE_BROWSER, interpreter=sys.executable)
    with Browser(str(fake), timeout=2) as stand_in:
        assert stand_in.pdf(tmp_path / "a.html", paper_width_mm=254) == b"%PDF-1.7 fake"
        stand_in.load(tmp_path / "b.html")
        with pytest.raises(ChromiumError, match=r"did not finish loading file://.*/never\.html within 0\.3 s"):
            stand_in.load(tmp_path / "never.html", timeout=0.3)
    argv, *commands = [json.loads(line) for line in (tmp_path / "chromium.log").read_text().splitlines()]
    assert {"--headless", "--remote-debugging-pipe", "--disable-gpu"} <= set(argv) and argv[-1] == "about:blank"
    profile = next(arg.split("=", 1)[1] for arg in argv if arg.startswith("--user-data-dir="))
    assert not os.path.exists(profile)
    assert [command["method"] for command in commands] == [
        "Target.createTarget", "Target.attachToTarget", "Page.enable", "Page.navigate", "Page.printToPDF",
        "Page.navigate", "Page.navigate", "Browser.close"]
    assert [command.get("sessionId") for command in commands] == [None, None] + ["S1"] * 5 + [None]
    assert commands[3]["params"] == {"url": (tmp_path / "a.html").as_uri()}
    assert commands[4]["params"] == {"preferCSSPageSize": True, "printBackground": True,
                                     "displayHeaderFooter": False, "paperWidth": 10}


# --- a real browser ------------------------------------------------------------------------------------------------


def test_pdfs_prints_on_several_pages_at_once_and_returns_each_in_order(browser, tmp_path):
    sources = [write_page(tmp_path, f"p{n}.html", f"<p>Dokumen nomor {n}</p>" + "<p>isi</p>" * (40 * (n % 3)))
               for n in range(7)]
    def first_lines(printed):
        return [read_pdf(pdf).pages[0].extract_text().split("\n")[0] for pdf in printed]

    assert first_lines(browser.pdfs(sources, pages=3)) == [f"Dokumen nomor {n}" for n in range(7)]
    assert first_lines(browser.pdfs(sources[5:], pages=3)) == ["Dokumen nomor 5", "Dokumen nomor 6"]  # pages reused
    assert list(browser.pdfs([])) == []
    with pytest.raises(ChromiumError, match="could not open"):
        list(browser.pdfs([*sources[:2], "http://127.0.0.1:9/unreachable.html"], pages=2))
    assert read_pdf(browser.pdf(sources[3])).pages[0].extract_text().startswith("Dokumen nomor 3")


def test_pdf_follows_the_css_page_size_and_breaks(browser, tmp_path):
    source = tmp_path / "three.html"
    source.write_text(THREE_LANDSCAPE_PAGES, encoding="utf-8")
    pdf = read_pdf(browser.pdf(source))
    assert len(pdf.pages) == 3
    for page in pdf.pages:
        assert page_size_mm(page) == pytest.approx((297, 210), abs=2 / POINTS_PER_MM)
    texts = [page.extract_text() for page in pdf.pages]
    assert ["pertama" in texts[0], "kedua" in texts[1], "ketiga" in texts[2]] == [True, True, True]


def test_one_browser_prints_several_documents_in_turn(browser, tmp_path):
    first = write_page(tmp_path, "first.html", "<p>Dokumen satu</p>", "@page { size: 148mm 210mm }")
    second = write_page(tmp_path, "second.html", "<p>Dokumen dua</p>", "@page { size: 210mm 297mm }")
    with pytest.raises(ChromiumError, match="ERR_FILE_NOT_FOUND"):
        browser.load(tmp_path / "missing.html")
    for source, text, size in [(first, "satu", (148, 210)), (second, "dua", (210, 297)), (first, "satu", (148, 210))]:
        pdf = read_pdf(browser.pdf(source))
        assert len(pdf.pages) == 1 and text in pdf.pages[0].extract_text()
        assert page_size_mm(pdf.pages[0]) == pytest.approx(size, abs=1)


def test_paper_size_applies_when_the_css_gives_none(browser, tmp_path):
    source = write_page(tmp_path, "plain.html", "<p>Tanpa ukuran</p>")
    pdf = read_pdf(browser.pdf(source, paper_width_mm=330, paper_height_mm=215))
    assert page_size_mm(pdf.pages[0]) == pytest.approx((330, 215), abs=1)


def test_evaluate_measures_element_geometry(browser, tmp_path):
    box_style = "position:absolute;left:40px;top:30px;width:120px;height:50px"
    browser.load(write_page(tmp_path, "box.html", f'<div id="box" style="{box_style}"></div>'))
    box = browser.evaluate("(() => { const r = document.getElementById('box').getBoundingClientRect();"
                           " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()")
    assert box == {"x": 40, "y": 30, "width": 120, "height": 50}
    assert browser.evaluate("Promise.resolve(document.title.length + 2)") == 2
    assert browser.evaluate("undefined") is None


@pytest.mark.parametrize("expression, message", [
    ("notDefinedAnywhere()", "ReferenceError: notDefinedAnywhere is not defined"),
    ("Promise.reject(new Error('ditolak'))", "Error: ditolak"),
    ("(() => { throw new TypeError('salah'); })()", "TypeError: salah"),
    ("(() => { throw 'teks biasa'; })()", "teks biasa"),
    ("1 +* 2", "SyntaxError"),
])
def test_javascript_errors_become_chromium_errors(browser, expression, message):
    with pytest.raises(ChromiumError) as raised:
        browser.evaluate(expression)
    assert message in str(raised.value)


def test_emulate_print_switches_the_media(browser, tmp_path):
    browser.load(write_page(tmp_path, "media.html", "<p>Media</p>"))
    try:
        browser.emulate_print(True)
        assert browser.evaluate("matchMedia('print').matches") is True
    finally:
        browser.emulate_print(False)
    assert browser.evaluate("matchMedia('print').matches") is False


def test_screenshot_of_the_viewport_and_of_the_whole_page(browser, tmp_path):
    browser.load(write_page(tmp_path, "tall.html", '<div style="width:300px;height:1500px;background:#3a6"></div>',
                            "body { margin: 0 }"))
    browser.set_viewport(400, 300)
    browser.screenshot(tmp_path / "viewport.png", full_page=False)
    assert png_size(tmp_path / "viewport.png") == (400, 300)
    browser.screenshot(tmp_path / "page.png")
    assert png_size(tmp_path / "page.png") == (400, 1500)


CRASH_OUTPUT = """\
/usr/bin/chromium: 9: [: 25275990016: unexpected operator
[26948:26948:1202/114551.923906:ERROR:ui/ozone/platform/x11/ozone_platform_x11.cc:257] Missing X server or $DISPLAY
[26948:26948:1202/114551.923966:ERROR:ui/aura/env.cc:253] The platform failed to initialize.  Exiting.
[26948:26979:1202/114551.925144:ERROR:dbus/bus.cc:405] Failed to connect to the bus: Failed to connect to socket \
/run/dbus/system_bus_socket: No such file or directory
[26948:26979:1202/114551.929566:ERROR:dbus/bus.cc:405] Failed to connect to the bus: Could not parse server address
[26970:26970:0100/000000.184892:ERROR:content/zygote/zygote_linux.cc:662] write: Broken pipe (32)
"""


def test_item_22_a_crash_reports_the_one_line_that_matters(tmp_path):
    output = tmp_path / "output.txt"
    output.write_text(CRASH_OUTPUT * 2, encoding="utf-8")
    fake = executable(tmp_path / "chromium", f"cat {output} >&2\nexit 1")
    with pytest.raises(ChromiumError) as raised:
        Browser(str(fake))
    assert str(raised.value) == "Chromium stopped unexpectedly (exited with status 1): Missing X server or $DISPLAY"


def test_item_22_a_crash_that_only_wrote_noise_shows_its_last_line(tmp_path):
    noise = "[1:2:0100/000000.1:ERROR:dbus/bus.cc:405] Failed to connect"
    fake = executable(tmp_path / "chromium", f"echo '{noise}' >&2\nexit 1")
    with pytest.raises(ChromiumError, match=r"\(exited with status 1\): Failed to connect$"):
        Browser(str(fake))
