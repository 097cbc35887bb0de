// The SOP page: the editor with line numbers, colouring, findings and completion; the live preview; saving.
"use strict";

(() => {
  const { request, element, t } = Sopdsl;
  const DEBOUNCE_MS = 50;
  const POLL_MS = 1500;
  const path = document.querySelector('meta[name="sopdsl-path"]').content;
  const textarea = document.getElementById("text");
  const overlay = document.getElementById("highlight");
  const gutter = document.getElementById("gutter");
  const popup = document.getElementById("completion");
  const state = {
    base: "", // hash of the version on disk the buffer started from
    saved: "", // the text of that version as the editor holds it
    findings: [],
    known: { roles: [], steps: [], sops: [] },
    view: "html",
    sequence: 0, // of the last check sent
    inFlight: false,
    again: false,
    timer: null,
    conflict: null, // {theirs, theirs_digest, diff} while the author chooses
    completion: null,
    lastDiskDigest: "",
    gutterShape: "", // line count and findings the gutter was drawn for
  };

  const dirty = () => textarea.value !== state.saved;
  const preview = SopPreview({
    caretLine: () => caretLine(),
    goTo: (line) => goTo(line, 1),
    sequence: () => state.sequence,
  });

  // ---- the editor: gutter, colouring overlay, scrolling together ----

  function paint() {
    overlay.innerHTML = SopHighlight.highlight(textarea.value, state.findings);
    const lines = textarea.value.split("\n").length;
    const shape = lines + JSON.stringify(state.findings);
    if (shape !== state.gutterShape) paintGutter(lines);
    state.gutterShape = shape;
    syncScroll();
    showCaretFinding();
  }

  function paintGutter(lines) {
    const flagged = new Map();
    for (const finding of state.findings) {
      const previous = flagged.get(finding.line);
      if (!previous || previous.severity !== "error") flagged.set(finding.line, finding);
    }
    const numbers = [];
    for (let line = 1; line <= lines; line++) {
      const div = element("div", "", line);
      const finding = flagged.get(line);
      if (finding) {
        div.className = "flag-" + finding.severity;
        div.title = state.findings.filter((f) => f.line === line).map((f) => `${f.rule}: ${f.message}`).join("\n");
        div.addEventListener("click", () => goTo(line, finding.column));
      }
      numbers.push(div);
    }
    gutter.replaceChildren(...numbers);
  }

  function syncScroll() {
    overlay.style.transform = `translate(${-textarea.scrollLeft}px, ${-textarea.scrollTop}px)`;
    gutter.style.transform = `translateY(${-textarea.scrollTop}px)`;
  }

  function caretLine() {
    return textarea.value.slice(0, textarea.selectionStart).split("\n").length;
  }

  function showCaretFinding() {
    preview.followCaret();
    const line = caretLine();
    const here = state.findings.filter((f) => f.line === line);
    const target = document.getElementById("caret-finding");
    target.textContent = here.map((f) => `${line}:${f.column} ${f.rule}: ${f.message}`).join("  ·  ");
    target.className = "caret-finding " + (here[0] ? "flag-" + here[0].severity : "");
  }

  function lineHeight() {
    return parseFloat(getComputedStyle(textarea).lineHeight) || 18;
  }

  // Put the caret at a line and column and bring it into view.
  function goTo(line, column) {
    const lines = textarea.value.split("\n");
    let offset = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i].length + 1;
    offset += Math.max((column || 1) - 1, 0);
    textarea.focus();
    textarea.setSelectionRange(offset, offset);
    const top = (line - 1) * lineHeight();
    if (top < textarea.scrollTop || top > textarea.scrollTop + textarea.clientHeight - 2 * lineHeight()) {
      textarea.scrollTop = Math.max(top - textarea.clientHeight / 3, 0);
    }
    syncScroll();
    showCaretFinding();
  }

  // ---- findings and the preview, from the server's check of the buffer ----

  function renderFindings() {
    const list = document.getElementById("findings");
    list.replaceChildren();
    for (const finding of state.findings) {
      const item = element("li", "finding " + finding.severity);
      const where = element("a", "where", `${finding.line}:${finding.column}`);
      where.href = "#";
      item.append(where, " ", element("span", "severity", t(finding.severity)), " ",
        element("code", "rule", finding.rule), " ", element("span", "message", finding.message));
      item.addEventListener("click", (event) => {
        event.preventDefault();
        goTo(finding.line, finding.column);
      });
      list.append(item);
    }
    if (!state.findings.length) list.append(element("li", "finding none", t("no_findings")));
    document.getElementById("findings-heading").textContent = t("findings_n", { n: state.findings.length });
  }

  function applyCheck(result) {
    state.findings = result.findings;
    if (result.roles) state.known = { roles: result.roles, steps: result.steps, sops: result.sops };
    document.body.classList.toggle("stale", !result.roles);
    renderFindings();
    paint();
    document.body.dataset.checked = String(state.sequence);
    if (result.roles) preview.totals(result.totals);
    if (result.svg !== undefined) preview.diagram(result.svg);
    if (result.html !== undefined) preview.document(result.html);
    else preview.previewed();
  }

  // One check at a time: typing during a check asks for another when it returns.
  async function check() {
    if (state.inFlight) {
      state.again = true;
      return;
    }
    state.inFlight = true;
    const sequence = ++state.sequence;
    try {
      const { status, body } = await request("POST", "/api/check",
        { path, text: textarea.value, views: [state.view] });
      if (status === 200 && sequence === state.sequence) applyCheck(body);
      else if (status !== 200) showState(body.error, "error");
    } finally {
      state.inFlight = false;
      if (state.again) {
        state.again = false;
        check();
      }
    }
  }

  function scheduleCheck() {
    clearTimeout(state.timer);
    state.timer = setTimeout(check, DEBOUNCE_MS);
  }

  // ---- saving, conflicts and changes on disk ----

  function showState(text, kind) {
    const label = document.getElementById("state");
    label.textContent = text;
    label.className = "state " + (kind || "");
  }

  function updateState() {
    if (state.conflict) showState(t("conflict_short"), "error");
    else showState(dirty() ? t("unsaved") : t("saved"), dirty() ? "dirty" : "clean");
  }

  function replaceText(text) {
    const line = caretLine();
    const top = textarea.scrollTop;
    textarea.value = text;
    goTo(Math.min(line, text.split("\n").length), 1);
    textarea.scrollTop = top;
    syncScroll();
  }

  async function save(base) {
    if (document.getElementById("save").disabled) return;
    const body = { path, text: textarea.value, base: base === undefined ? state.base : base,
      format: document.getElementById("format-on-save").checked };
    const sent = textarea.value;
    showState(t("saving"), "");
    const response = await request("POST", "/api/save", body);
    if (response.status === 200) {
      state.base = response.body.digest;
      state.lastDiskDigest = response.body.digest;
      const written = response.body.text;
      if (textarea.value === sent && written !== sent) replaceText(written);
      state.saved = written;
      hideConflict();
      updateState();
      if (response.body.note) showState(t("not_formatted", { why: response.body.note }), "dirty");
      scheduleCheck();
    } else if (response.status === 409) {
      showConflict(response.body, "conflict_on_save");
    } else {
      showState(response.body.error || String(response.status), "error");
    }
  }

  function showConflict(conflict, message) {
    state.conflict = conflict;
    state.lastDiskDigest = conflict.theirs_digest;
    document.getElementById("banner-text").textContent = t(message);
    document.getElementById("diff").textContent = conflict.diff || "";
    document.getElementById("diff").hidden = true;
    document.getElementById("banner").hidden = false;
    updateState();
  }

  function hideConflict() {
    state.conflict = null;
    document.getElementById("banner").hidden = true;
  }

  function keepMine() {
    if (state.conflict) save(state.conflict.theirs_digest);
  }

  function takeTheirs() {
    if (!state.conflict) return;
    const theirs = state.conflict.theirs.replace(/\r\n/g, "\n");
    state.base = state.conflict.theirs_digest;
    state.saved = theirs;
    replaceText(theirs);
    hideConflict();
    updateState();
    paint();
    scheduleCheck();
  }

  // The differences between the version on disk and the buffer, as a unified diff made by the server.
  function diffAgainst(theirs) {
    return request("POST", "/api/diff", { path, text: textarea.value, theirs });
  }

  async function loadFromDisk() {
    const { status, body } = await request("GET", "/api/file?path=" + encodeURIComponent(path));
    if (status !== 200) {
      showState(body.error || String(status), "error");
      return null;
    }
    return body;
  }

  async function poll() {
    if (state.conflict) return;
    const { status, body } = await request("GET", "/api/changes?path=" + encodeURIComponent(path));
    if (status !== 200) return showState(body.error || String(status), "error");
    if (!body.digest || body.digest === state.base || body.digest === state.lastDiskDigest) {
      if (document.getElementById("state").classList.contains("error") && !state.conflict) updateState();
      return;
    }
    state.lastDiskDigest = body.digest;
    const disk = await loadFromDisk();
    if (!disk) return;
    if (!dirty()) {
      state.base = disk.digest;
      state.saved = disk.text.replace(/\r\n/g, "\n");
      replaceText(state.saved);
      paint();
      scheduleCheck();
      showState(t("reloaded"), "clean");
      return;
    }
    const diff = await diffAgainst(disk.text);
    showConflict({ theirs: disk.text, theirs_digest: disk.digest, diff: diff.body.diff }, "conflict_on_disk");
  }

  // ---- downloads ----

  async function download(format) {
    showState(t("preparing", { format: format.toUpperCase() }), "");
    const response = await request("POST", "/api/download", { path, text: textarea.value, format });
    if (response.status !== 200) {
      showState(response.body.error || String(response.status), "error");
      return;
    }
    const disposition = response.response.headers.get("Content-Disposition") || "";
    const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || `sop.${format}`;
    const link = element("a");
    link.href = URL.createObjectURL(response.body);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    updateState();
  }

  // ---- completion ----

  function caretPixels() {
    const before = textarea.value.slice(0, textarea.selectionStart);
    const line = before.split("\n").length - 1;
    const column = before.length - before.lastIndexOf("\n") - 1;
    const probe = element("span", "", "M".repeat(10));
    overlay.append(probe);
    const charWidth = probe.getBoundingClientRect().width / 10;
    probe.remove();
    const style = getComputedStyle(textarea);
    return {
      left: parseFloat(style.paddingLeft) + column * charWidth - textarea.scrollLeft + gutter.offsetWidth,
      top: parseFloat(style.paddingTop) + (line + 1) * lineHeight() - textarea.scrollTop,
    };
  }

  function openCompletion(force) {
    const english = !/^(kegiatan|keputusan|pelaksana)\s/mu.test(textarea.value);
    const found = SopCompletion.candidates(textarea.value, textarea.selectionStart, state.known, english);
    if (!found || (!force && !found.prefix && !/:\s*$|,\s*$/.test(textarea.value.slice(0, textarea.selectionStart)))) {
      return closeCompletion();
    }
    state.completion = { ...found, index: 0 };
    popup.replaceChildren(...found.items.map((item, index) => {
      const li = element("li", index === 0 ? "active" : "", item.label);
      li.setAttribute("role", "option");
      if (item.detail) li.append(element("span", "detail", item.detail));
      li.addEventListener("mousedown", (event) => {
        event.preventDefault();
        state.completion.index = index;
        acceptCompletion();
      });
      return li;
    }));
    const where = caretPixels();
    popup.style.left = `${where.left}px`;
    popup.style.top = `${where.top}px`;
    popup.hidden = false;
  }

  function closeCompletion() {
    state.completion = null;
    popup.hidden = true;
  }

  function acceptCompletion() {
    const { from, items, index } = state.completion;
    const label = items[index].label;
    textarea.setSelectionRange(from, textarea.selectionStart);
    document.execCommand("insertText", false, label);
    closeCompletion();
  }

  function moveCompletion(step) {
    const count = state.completion.items.length;
    state.completion.index = (state.completion.index + step + count) % count;
    [...popup.children].forEach((li, i) => li.classList.toggle("active", i === state.completion.index));
  }

  // ---- keys ----

  function onKey(event) {
    if (state.completion) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        return moveCompletion(event.key === "ArrowDown" ? 1 : -1);
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        return acceptCompletion();
      }
      if (event.key === "Escape") return closeCompletion();
    }
    if ((event.ctrlKey || event.metaKey) && event.key === "s") {
      event.preventDefault();
      save();
    } else if (event.ctrlKey && event.key === " ") {
      event.preventDefault();
      openCompletion(true);
    } else if (event.key === "Tab" && !event.shiftKey) {
      event.preventDefault();
      document.execCommand("insertText", false, "  ");
    } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const before = textarea.value.slice(0, textarea.selectionStart);
      const line = before.slice(before.lastIndexOf("\n") + 1);
      let indent = line.match(/^\s*/)[0];
      if (/^\S.*:\s*$/.test(line) || /^(sop|role|step|decision|section|kegiatan|keputusan|pelaksana|bagian)\s/.test(line)) indent = "  ";
      document.execCommand("insertText", false, "\n" + indent);
    }
  }

  // ---- start ----

  function setView(view) {
    state.view = view;
    for (const tab of document.querySelectorAll(".tabs button")) tab.classList.toggle("active", tab.dataset.view === view);
    for (const name of ["html", "svg", "totals"]) document.getElementById("view-" + name).hidden = name !== view;
    check();
  }

  function setWords() {
    document.getElementById("back").textContent = "← " + t("index_title");
    document.getElementById("path").textContent = path;
    document.title = path + " · sopdsl";
    document.getElementById("save").textContent = t("save");
    document.getElementById("save").title = t("keys_hint");
    document.getElementById("format-label").textContent = t("format_on_save");
    document.getElementById("download-label").textContent = t("download");
    document.getElementById("keep-mine").textContent = t("keep_mine");
    document.getElementById("take-theirs").textContent = t("take_theirs");
    document.getElementById("see-diff").textContent = t("see_diff");
    for (const tab of document.querySelectorAll(".tabs button")) tab.textContent = t("view_" + tab.dataset.view);
  }

  async function start() {
    setWords();
    const disk = await loadFromDisk();
    if (!disk) {  // nothing loaded: nothing may be saved over the file
      textarea.readOnly = true;
      document.getElementById("save").disabled = true;
      document.body.dataset.ready = "1";
      return;
    }
    state.base = disk.digest;
    state.lastDiskDigest = disk.digest;
    state.saved = disk.text.replace(/\r\n/g, "\n");
    textarea.value = state.saved;
    paint();
    updateState();
    await check();
    const line = Number(new URLSearchParams(window.location.search).get("line"));
    if (line > 0) goTo(line, 1);
    document.body.dataset.ready = "1";
    setInterval(poll, POLL_MS);
  }

  textarea.addEventListener("input", () => {
    paint();
    updateState();
    scheduleCheck();
    openCompletion(false);
  });
  textarea.addEventListener("scroll", syncScroll);
  textarea.addEventListener("keydown", onKey);
  textarea.addEventListener("click", () => { closeCompletion(); showCaretFinding(); });
  textarea.addEventListener("keyup", (event) => { if (event.key.startsWith("Arrow")) showCaretFinding(); });
  textarea.addEventListener("blur", () => setTimeout(closeCompletion, 150));
  document.getElementById("save").addEventListener("click", () => save());
  document.getElementById("keep-mine").addEventListener("click", keepMine);
  document.getElementById("take-theirs").addEventListener("click", takeTheirs);
  document.getElementById("see-diff").addEventListener("click", () => {
    const diff = document.getElementById("diff");
    diff.hidden = !diff.hidden;
  });
  for (const tab of document.querySelectorAll(".tabs button")) tab.addEventListener("click", () => setView(tab.dataset.view));
  for (const button of document.querySelectorAll(".downloads button")) {
    button.addEventListener("click", () => download(button.dataset.format));
  }
  window.addEventListener("beforeunload", (event) => {
    if (dirty()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  start();
})();
