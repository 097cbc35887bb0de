"""`sopdsl serve` in a real browser: headless Chromium driven by Playwright edits, checks, previews and saves SOPs."""

from __future__ import annotations

import shutil

import pytest

from sopdsl.browser.chromium import find_chromium
from sopdsl.cli import main

from .conftest import SPECS
from .serve_app import running_app

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
FILE = "pengelolaan-website-ppid.sop"


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium (the system's) for the module."""
    executable = find_chromium()
    if executable is None:
        pytest.skip("Chromium not found: install the Debian package 'chromium'")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "lib"
    shutil.copytree(SPECS, folder)
    return folder


@pytest.fixture
def app(library):
    with running_app([str(library)]) as running:
        yield running


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    errors = []
    opened.on("pageerror", lambda error: errors.append(error))
    yield opened
    context.close()
    assert not errors, errors


def open_sop(page, app, path):
    page.goto(f"{app.url}/sop?path={path.as_posix()}")
    page.wait_for_selector("body[data-ready]", state="attached")


def select(page, text, occurrence=0):
    """Put the editor's selection on an occurrence of text, as a mouse drag would."""
    page.evaluate(
        """([text, occurrence]) => {
            const area = document.getElementById("text");
            let at = -1;
            for (let i = 0; i <= occurrence; i++) at = area.value.indexOf(text, at + 1);
            area.focus();
            area.setSelectionRange(at, at + text.length);
        }""",
        [text, occurrence],
    )


def caret_line(page) -> int:
    return page.evaluate("() => { const a = document.getElementById('text'); "
                         "return a.value.slice(0, a.selectionStart).split('\\n').length; }")


PREVIEW = """() => {
    const body = document.getElementById("view-html").contentDocument.body.cloneNode(true);
    body.querySelectorAll("[data-line]").forEach((row) => row.removeAttribute("style"));
    return body.innerHTML;
}"""


def preview(page) -> str:
    """The preview's document as the renderer gave it (without the outline on the caret's step)."""
    return page.evaluate(PREVIEW)


def test_the_index_lists_sorts_and_searches_the_library(page, app, library):
    page.goto(app.url + "/")
    page.wait_for_selector("body[data-ready]", state="attached")
    titles = page.locator("#sops tbody td.title").all_inner_texts()
    assert sorted(titles) == sorted(["KEAMANAN PENGELOLAAN WEBSITE", "Pendokumentasian Informasi Publik",
                                     "Pengelolaan Website PPID"])
    page.click("#sops th[data-key=title]")
    assert page.locator("#sops tbody td.title").all_inner_texts() == sorted(titles, key=str.lower)
    page.fill("#search", "kapuas")
    assert page.locator("#sops tbody td.title").all_inner_texts() == ["Pendokumentasian Informasi Publik"]
    assert "Operator" in page.locator("#roles td.role").all_inner_texts()


def test_type_a_mistake_see_it_fix_it_save_it(page, app, library):
    path = library / FILE
    open_sop(page, app, path)
    assert page.locator("#findings li.none").count() == 1
    first_preview = preview(page)
    checked = int(page.evaluate("document.body.dataset.checked"))
    select(page, "by: operator")
    page.keyboard.type("by: operatr")
    page.wait_for_selector("#findings li.error:has-text('unknown-role')")
    assert "operatr" in page.inner_text("#findings")
    page.wait_for_function(f"before => ({PREVIEW})() !== before", arg=first_preview)
    assert page.locator("#highlight .flag-error").count() >= 1
    assert page.locator("#gutter .flag-error").count() >= 1
    assert int(page.evaluate("document.body.dataset.checked")) > checked
    page.click("#findings li.error")
    lines = page.locator("#text").input_value().split("\n")
    assert "by: operatr" in lines[caret_line(page) - 1]

    select(page, "operatr")
    page.keyboard.type("operator")
    page.wait_for_selector("#findings li.none")
    page.wait_for_function(f"before => ({PREVIEW})() === before", arg=first_preview)
    select(page, "Pengelolaan Website PPID")
    page.keyboard.type("Pengelolaan Laman PPID")
    page.keyboard.press("Control+s")
    page.wait_for_selector("#state.clean")
    assert path.read_text(encoding="utf-8") == page.locator("#text").input_value()
    assert "sop pengelolaan-website-ppid: Pengelolaan Laman PPID" in path.read_text(encoding="utf-8")


def test_a_step_clicked_in_the_preview_leads_to_its_source_line(page, app, library):
    open_sop(page, app, library / FILE)
    frame = page.frame_locator("#view-html")
    step = frame.locator("tr.step[data-line]").nth(2)
    line = int(step.get_attribute("data-line"))
    step.locator("td.activity").click()
    page.wait_for_function("n => document.getElementById('text').value.slice(0, document.getElementById('text')"
                           ".selectionStart).split('\\n').length === n", arg=line)
    assert page.locator("#text").input_value().split("\n")[line - 1].startswith(("step", "decision"))


def test_role_and_step_ids_are_offered_while_typing(page, app, library):
    open_sop(page, app, library / FILE)
    select(page, "by: operator")
    page.keyboard.type("by: ")
    page.wait_for_selector("#completion:not([hidden]) li")
    offered = page.locator("#completion li").all_inner_texts()
    assert any(item.startswith("operator") for item in offered)
    page.keyboard.type("web")
    page.wait_for_selector("#completion li.active")
    assert page.locator("#completion li.active").inner_text().startswith("web-developer")
    page.keyboard.press("Enter")
    assert "  by: web-developer\n" in page.locator("#text").input_value()
    assert page.locator("#completion").is_hidden()


def test_a_change_on_disk_while_editing_is_offered_not_lost(page, app, library):
    path = library / FILE
    open_sop(page, app, path)
    select(page, "Pengelolaan Website PPID")
    page.keyboard.type("Versi Peramban")
    mine = page.locator("#text").input_value()
    theirs = path.read_text(encoding="utf-8").replace("Pengelolaan Website PPID", "Versi Editor Lain", 1)
    path.write_text(theirs, encoding="utf-8")
    page.wait_for_selector("#banner:not([hidden])")
    assert page.locator("#text").input_value() == mine
    assert path.read_text(encoding="utf-8") == theirs
    page.click("#see-diff")
    diff = page.inner_text("#diff")
    assert "Versi Editor Lain" in diff and "Versi Peramban" in diff
    page.click("#keep-mine")
    page.wait_for_selector("#banner", state="hidden")
    page.wait_for_selector("#state.clean")
    assert path.read_text(encoding="utf-8") == mine


def test_taking_the_version_on_disk_replaces_the_buffer(page, app, library):
    path = library / FILE
    open_sop(page, app, path)
    select(page, "Pengelolaan Website PPID")
    page.keyboard.type("Versi Peramban")
    theirs = path.read_text(encoding="utf-8").replace("Pengelolaan Website PPID", "Versi Editor Lain", 1)
    path.write_text(theirs, encoding="utf-8")
    page.wait_for_selector("#banner:not([hidden])")
    page.click("#take-theirs")
    assert page.locator("#text").input_value() == theirs
    assert path.read_text(encoding="utf-8") == theirs


def test_a_clean_buffer_follows_the_file_on_disk(page, app, library):
    path = library / FILE
    open_sop(page, app, path)
    changed = path.read_text(encoding="utf-8").replace("Pengelolaan Website PPID", "Diubah Lewat Git", 1)
    path.write_text(changed, encoding="utf-8")
    page.wait_for_function("() => document.getElementById('text').value.includes('Diubah Lewat Git')")
    assert page.locator("#banner").is_hidden()


def test_a_save_over_a_file_changed_since_loading_asks_first(page, app, library):
    path = library / FILE
    open_sop(page, app, path)
    select(page, "Pengelolaan Website PPID")
    page.keyboard.type("Versi Peramban")
    theirs = path.read_text(encoding="utf-8") + "\n# dari editor lain\n"
    path.write_text(theirs, encoding="utf-8")
    page.click("#save")
    page.wait_for_selector("#banner:not([hidden])")
    assert path.read_text(encoding="utf-8") == theirs


def test_author_text_shows_as_text_in_the_index(page, tmp_path):
    from .sop_files import sop_text

    (tmp_path / "x.sop").write_text(sop_text().replace("sop contoh: Contoh", "sop x: <img src=x onerror=alert(1)>"),
                                    encoding="utf-8")
    with running_app([str(tmp_path)]) as app:
        page.goto(app.url + "/")
        page.wait_for_selector("body[data-ready]", state="attached")
        assert page.locator("#sops td.title").inner_text() == "<img src=x onerror=alert(1)>"
        assert page.locator("#sops img").count() == 0


def test_a_new_sop_opens_in_the_editor_without_findings(page, app, library):
    page.goto(app.url + "/")
    page.wait_for_selector("body[data-ready]", state="attached")
    page.fill("#new-name", "layanan-baru")
    page.click("#new-button")
    page.wait_for_url("**/sop?path=*layanan-baru.sop")
    page.wait_for_selector("body[data-ready]", state="attached")
    page.wait_for_selector("#findings li")
    assert (library / "layanan-baru.sop").is_file()
    assert page.locator("#findings li.error").count() == 0


def test_a_word_sop_uploaded_on_the_index_opens_as_a_draft_in_the_editor(page, app, library, tmp_path):
    pytest.importorskip("docx", reason="python-docx (extra `office`) reads Word documents")
    word = tmp_path / "SOP lama.docx"
    assert main(["render", str(library / FILE), "--to", "docx", "-o", str(word)]) == 0
    (library / FILE).unlink()  # the draft takes the SOP's place, as when an agency first brings its files in
    page.goto(app.url + "/")
    page.wait_for_selector("body[data-ready]", state="attached")
    assert page.locator("#import-button").is_enabled()
    page.set_input_files("#import-file", str(word))
    page.click("#import-button")
    page.wait_for_url("**/sop?path=*SOP-lama.sop")
    page.wait_for_selector("body[data-ready]", state="attached")
    draft = (library / "SOP-lama.sop").read_text(encoding="utf-8")
    assert "Pengelolaan Website PPID" in draft and "# periksa" in draft
    assert "Pengelolaan Website PPID" in page.locator("#text").input_value()
    page.wait_for_selector("#findings li")
    assert page.locator("#findings li.error").count() == 0


def test_a_finding_in_the_index_opens_the_sop_at_its_line(page, tmp_path):
    from .sop_files import sop_text

    text = sop_text().replace("  by: petugas", "  by: petugs")
    (tmp_path / "salah.sop").write_text(text, encoding="utf-8")
    with running_app([str(tmp_path)]) as app:
        page.goto(app.url + "/")
        page.wait_for_selector("body[data-ready]", state="attached")
        assert page.locator("#sops .badge.error").inner_text() == "1 galat"
        page.click("#sops a.to-line")
        page.wait_for_selector("body[data-ready]", state="attached")
        first = app.get_json("/api/library")[1]["sops"][0]["findings"][0]  # the first by line: the unused role
        assert first["line"] == caret_line(page)
        assert text.split("\n")[first["line"] - 1] == "role petugas: Petugas"


def test_the_pdf_button_downloads_the_printed_document_of_the_buffer(page, app, library, tmp_path):
    from pypdf import PdfReader

    from sopdsl.render import FORMATS

    open_sop(page, app, library / FILE)
    select(page, "Pengelolaan Website PPID")
    page.keyboard.type("Judul Belum Disimpan")
    with page.expect_download(timeout=120_000) as download:
        page.click(".downloads button[data-format=pdf]")
    saved = tmp_path / "unduhan.pdf"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "pengelolaan-website-ppid.pdf"
    assert "Judul Belum Disimpan" in "".join(p.extract_text() for p in PdfReader(saved).pages)
    if "docx" not in FORMATS:
        page.click(".downloads button[data-format=docx]")
        page.wait_for_selector("#state.error:has-text('not available')")


def test_both_keyword_languages_are_coloured(page, app, library):
    open_sop(page, app, library / FILE)
    source = ('kegiatan terima: Menerima # catatan\n  oleh: petugas, ppid\n  waktu: 15 menit\n  lanjut: selesai\n'
              'step kirim: "Mengirim #1"\n  by: petugas\n  next: end\n  branch "Lengkap": terima\n')
    spans = page.evaluate("""text => {
        const box = document.createElement("pre");
        box.innerHTML = SopHighlight.highlight(text, [{line: 6, column: 7, severity: "error"}]);
        return [...box.querySelectorAll("span")].map((s) => [s.className, s.textContent]);
    }""", source)
    for expected in (["kw-top", "kegiatan"], ["id", "terima"], ["comment", "# catatan"], ["kw", "oleh"],
                     ["ref", "petugas"], ["ref", "ppid"], ["num", "15"], ["kw", "lanjut"], ["kw-target", "selesai"],
                     ["kw-top", "step"], ["str", '"Mengirim #1"'], ["kw", "by"], ["ref flag-error", "petugas"],
                     ["kw-target", "end"], ["kw", "branch"], ["str", '"Lengkap"']):
        assert expected in spans, (expected, spans)
    assert page.evaluate("SopHighlight.highlight('<b>&amp;</b>', [])") == "&lt;b&gt;&amp;amp;&lt;/b&gt;\n"


def test_the_latency_benchmark_times_each_keystroke(chromium):
    from bench.serve_latency import measure

    times = measure(steps=10, keys=3, browser=chromium)
    assert len(times) == 3 and all(time > 0 for time in times)


def test_a_file_that_cannot_be_opened_cannot_be_saved_over(page, app, library):
    path = library / "rusak.sop"
    path.write_bytes(b"sop rusak: \xff\xfe\n")
    open_sop(page, app, path)
    assert page.locator("#state.error").inner_text().endswith("save the file as UTF-8")
    assert page.locator("#save").is_disabled() and page.locator("#text").get_attribute("readonly") is not None


def test_a_server_that_does_not_answer_is_reported_and_the_text_stays(page, app, library):
    open_sop(page, app, library / FILE)
    page.route("**/api/**", lambda route: route.abort("connectionrefused"))
    select(page, "Pengelolaan Website PPID")
    page.keyboard.type("Ditulis Saat Server Mati")
    page.keyboard.press("Control+s")
    page.wait_for_selector("#state.error:has-text('server tidak menjawab')")
    assert "Ditulis Saat Server Mati" in page.locator("#text").input_value()
    assert "Ditulis Saat Server Mati" not in (library / FILE).read_text(encoding="utf-8")
