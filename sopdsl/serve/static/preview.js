// The preview pane: the printed document updated sheet by sheet, the diagram, the totals; steps lead to the source.
"use strict";

// hooks: caretLine() -> the editor's caret line; goTo(line) puts the caret there; sequence() -> the last check's number.
const SopPreview = (hooks) => {
  const { element, t } = Sopdsl;
  const htmlFrame = document.getElementById("view-html");
  let followed = null; // the row of the step at the caret, outlined
  let sheets = []; // the HTML of each sheet shown, as the renderer gave it

  // The preview's step of the caret's line, outlined and brought into view when the caret moves to another step.
  function followCaret() {
    const doc = htmlFrame.contentDocument;
    if (!doc) return;
    const line = hooks.caretLine();
    let current = null;
    for (const row of doc.querySelectorAll("[data-line]")) if (Number(row.dataset.line) <= line) current = row;
    if (current === followed) return;
    if (followed) followed.style.outline = "";
    followed = current;
    if (!current) return;
    current.style.outline = "2px solid #f0a000";
    current.scrollIntoView({ block: "nearest" });
  }

  // The preview updated in place: only the sheets that changed are replaced, so the rest keeps its layout and
  // the scroll position stays; a different stylesheet (another paper) loads the whole document again.
  function showDocument(frame, html) {
    const doc = frame.contentDocument;
    if (!frame.dataset.loaded || !doc || !doc.body) return showInFrame(frame, html);
    const next = new DOMParser().parseFromString(html, "text/html");
    const styles = (d) => [...d.head.querySelectorAll("style, link, meta")].map((e) => e.outerHTML).join("");
    if (styles(next) !== styles(doc) || next.body.getAttribute("data-paper") !== doc.body.getAttribute("data-paper")) {
      return showInFrame(frame, html);
    }
    doc.title = next.title;
    const old = [...doc.body.children];
    const fresh = [...next.body.children];
    const sources = fresh.map((sheet) => sheet.outerHTML);
    fresh.forEach((sheet, index) => {
      if (index >= old.length) doc.body.append(doc.importNode(sheet, true));
      else if (sheets[index] !== sources[index]) old[index].replaceWith(doc.importNode(sheet, true));
    });
    old.slice(fresh.length).forEach((sheet) => sheet.remove());
    sheets = sources;
    if (followed && !followed.isConnected) followed = null;
    followCaret();
    previewed();
  }

  // Tells whoever waits (the tests, the benchmark) that the preview shows the last check.
  function previewed() {
    document.body.dataset.previewed = String(hooks.sequence());
    document.dispatchEvent(new CustomEvent("sopdsl:previewed"));
  }

  function showInFrame(frame, html) {
    const win = frame.contentWindow;
    const scroll = win && win.document && win.document.documentElement ? [win.scrollX, win.scrollY] : [0, 0];
    frame.onload = () => {
      frame.dataset.loaded = "1";
      if (frame === htmlFrame) sheets = [...frame.contentDocument.body.children].map((e) => e.outerHTML);
      fitWidth(frame);
      frame.contentWindow.scrollTo(scroll[0], scroll[1]);
      wireDocument(frame.contentDocument);
      followed = null;
      if (frame === htmlFrame) followCaret();
      previewed();
    };
    frame.srcdoc = html;
  }

  // The printed page is wider than the pane: shown scaled down to its width, as a print preview.
  function fitWidth(frame) {
    const root = frame.contentDocument && frame.contentDocument.documentElement;
    if (!root) return;
    root.style.zoom = "1";
    const width = root.scrollWidth;
    const scale = Math.min(1, (frame.clientWidth - 4) / Math.max(width, 1));
    root.style.zoom = String(scale);
  }

  // Steps of the preview lead to their source lines; links to other SOPs open their pages.
  function wireDocument(doc) {
    if (!doc) return;
    doc.addEventListener("click", (event) => {
      const link = event.target.closest("a[href]");
      if (link) {
        event.preventDefault();
        const href = link.getAttribute("href");
        if (href.startsWith("/sop?")) window.location.href = href;
        return;
      }
      const row = event.target.closest("[data-line]");
      if (row) hooks.goTo(Number(row.dataset.line));
    });
  }

  function renderTotals(totals) {
    const target = document.getElementById("view-totals");
    target.replaceChildren();
    if (!totals) {
      target.append(element("p", "muted", t("no_totals")));
      return;
    }
    const table = element("table", "plain");
    const head = element("tr");
    for (const key of ["flow", "steps", "typical", "min", "max"]) head.append(element("th", "", t("totals_" + key)));
    table.append(head);
    const row = (name, steps, times, cls) => {
      const tr = element("tr", cls);
      tr.append(element("td", "", name), element("td", "count", steps), ...times.map((x) => element("td", "", x)));
      return tr;
    };
    for (const flow of totals.flows) table.append(row(flow.section || t("totals_whole"), flow.steps, flow.times, ""));
    table.append(row(t("totals_total"), totals.steps, totals.times, "total"));
    target.append(table);
    for (const flow of totals.flows) {
      for (const loop of flow.loops) target.append(element("p", "muted", t("totals_loop", loop)));
      if (flow.unquantified.length) {
        target.append(element("p", "muted", t("totals_unquantified", { steps: flow.unquantified.join(", ") })));
      }
    }
  }

  window.addEventListener("resize", () => {
    for (const name of ["html", "svg"]) fitWidth(document.getElementById("view-" + name));
  });

  return {
    document: (html) => showDocument(htmlFrame, html),
    diagram: (svg) => showInFrame(document.getElementById("view-svg"), svg),
    totals: renderTotals,
    followCaret,
    previewed,
  };
};
