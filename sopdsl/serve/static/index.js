// The library index: every SOP, sortable and searchable; links between SOPs; the role inventory; new SOP and import.
"use strict";

(() => {
  const { request, element, t, editorUrl } = Sopdsl;
  const COLUMNS = [
    ["number", "col_number"], ["title", "col_title"], ["unit", "col_unit"], ["total", "col_total"],
    ["evaluation", "col_evaluation"], ["findings", "col_findings"], ["silenced", "col_silenced"], ["path", "col_file"],
  ];
  let library = null;
  let sortKey = "number";
  let sortDescending = false;

  function findingsCount(sop) {
    return sop.errors * 1000000 + sop.warnings * 1000 + sop.infos;
  }

  function sortValue(sop, key) {
    if (key === "findings") return findingsCount(sop);
    if (key === "evaluation") return sop.evaluation ? sop.evaluation.until : "";
    return sop[key];
  }

  function compare(a, b) {
    const x = sortValue(a, sortKey), y = sortValue(b, sortKey);
    const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
    return sortDescending ? -order : order;
  }

  function matches(sop, words) {
    const haystack = [sop.number, sop.title, sop.unit, sop.path, sop.id, sop.total].join(" ").toLowerCase();
    return words.every((word) => haystack.includes(word));
  }

  function findingsCell(sop) {
    const cell = element("td", "findings");
    if (sop.errors) cell.append(element("span", "badge error", t("n_errors", { n: sop.errors })));
    if (sop.warnings) cell.append(element("span", "badge warning", t("n_warnings", { n: sop.warnings })));
    if (sop.infos) cell.append(element("span", "badge info", t("n_infos", { n: sop.infos })));
    if (!sop.errors && !sop.warnings && !sop.infos) cell.append(element("span", "badge ok", t("no_findings")));
    const first = sop.findings[0];
    if (first) {
      cell.title = sop.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`).join("\n");
      const link = element("a", "to-line");
      link.href = `${editorUrl(sop.path)}&line=${first.line}`;
      link.append(...cell.childNodes);
      cell.append(link);
    }
    return cell;
  }

  function evaluationCell(sop) {
    const cell = element("td", "evaluation", sop.evaluation ? sop.evaluation.until : "");
    if (sop.evaluation && sop.evaluation.due) {
      cell.prepend(element("span", "badge warning", t("evaluation_due")), " ");
    }
    return cell;
  }

  function renderHead() {
    const row = document.getElementById("columns");
    row.replaceChildren();
    for (const [key, label] of COLUMNS) {
      const th = element("th", "sortable", t(label));
      th.dataset.key = key;
      if (key === sortKey) th.classList.add(sortDescending ? "descending" : "ascending");
      th.addEventListener("click", () => {
        sortDescending = key === sortKey ? !sortDescending : false;
        sortKey = key;
        renderHead();
        renderRows();
      });
      row.append(th);
    }
  }

  function renderRows() {
    const body = document.querySelector("#sops tbody");
    body.replaceChildren();
    const words = document.getElementById("search").value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = library.sops.filter((sop) => matches(sop, words)).sort(compare);
    for (const sop of shown) {
      const row = element("tr", "sop");
      row.dataset.path = sop.path;
      row.append(element("td", "number", sop.number));
      const title = element("td", "title");
      const link = element("a", "", sop.title);
      link.href = editorUrl(sop.path);
      title.append(link);
      row.append(title, element("td", "unit", sop.unit), element("td", "total", sop.total), evaluationCell(sop),
        findingsCell(sop));
      row.append(element("td", "silenced", sop.silenced || ""), element("td", "path muted", sop.path));
      body.append(row);
    }
    const empty = document.getElementById("empty");
    empty.hidden = shown.length > 0;
    empty.textContent = library.sops.length ? t("no_match") : t("no_sops");
    document.getElementById("counts").textContent = t("n_shown", { n: shown.length, total: library.sops.length });
  }

  function titleOf(path) {
    const sop = library.sops.find((item) => item.path === path);
    return sop ? sop.title : path;
  }

  function sopLink(path, text) {
    const link = element("a", "", text);
    link.href = editorUrl(path);
    return link;
  }

  function renderLinks() {
    const body = document.querySelector("#links tbody");
    body.replaceChildren();
    for (const item of library.links) {
      const row = element("tr");
      const from = element("td");
      from.append(sopLink(item.from, titleOf(item.from)));
      const to = element("td");
      if (item.to_path) to.append(sopLink(item.to_path, titleOf(item.to_path)));
      else to.append(element("span", "missing", t("not_in_library", { id: item.to })));
      row.append(from, element("td", "kind", t("link_" + item.kind)), to);
      body.append(row);
    }
    if (!library.links.length) {
      const row = element("tr");
      row.append(element("td", "muted", t("no_links")));
      body.append(row);
    }
  }

  function renderRoles() {
    const body = document.querySelector("#roles tbody");
    body.replaceChildren();
    for (const role of library.roles) {
      const row = element("tr");
      const where = element("td");
      role.sops.forEach((item, index) => {
        if (index) where.append(", ");
        where.append(sopLink(item.path, item.title));
      });
      row.append(element("td", "role", role.name), element("td", "count", role.sops.length), where);
      body.append(row);
    }
  }

  function fillFolders(select) {
    const chosen = select.value;
    select.replaceChildren(...library.folders.map((folder) => element("option", "", folder)));
    if (library.folders.includes(chosen)) select.value = chosen;
  }

  function renderTools() {
    fillFolders(document.getElementById("new-folder"));
    fillFolders(document.getElementById("import-folder"));
    const noFolder = library.folders.length === 0;
    document.getElementById("new-button").disabled = noFolder;
    const canImport = library.imports.length > 0 && !noFolder;
    document.getElementById("import-button").disabled = !canImport;
    document.getElementById("import-file").disabled = !canImport;
    document.getElementById("import-file").accept = library.imports.join(",");
    document.getElementById("import-note").textContent = library.imports.length
      ? t("import_formats", { formats: library.imports.join(", ") }) : t("import_unavailable");
  }

  async function load() {
    const { status, body } = await request("GET", "/api/library");
    if (status !== 200) return showMessage(body.error || String(status), true);
    library = body;
    renderHead();
    renderRows();
    renderLinks();
    renderRoles();
    renderTools();
    document.body.dataset.ready = "1";
  }

  function showMessage(text, isError) {
    const message = document.getElementById("tool-message");
    message.textContent = text;
    message.classList.toggle("error", Boolean(isError));
  }

  async function createSop(event) {
    event.preventDefault();
    const folder = document.getElementById("new-folder").value;
    const name = document.getElementById("new-name").value.trim();
    const { status, body } = await request("POST", "/api/new", { folder, name });
    if (status === 200) window.location.href = editorUrl(body.path);
    else showMessage(body.error, true);
  }

  async function importDocument(event) {
    event.preventDefault();
    const file = document.getElementById("import-file").files[0];
    if (!file) return showMessage(t("choose_file"), true);
    const folder = document.getElementById("import-folder").value;
    const url = `/api/import?folder=${encodeURIComponent(folder)}&name=${encodeURIComponent(file.name)}`;
    showMessage(t("importing"));
    const { status, body } = await request("POST", url, undefined, await file.arrayBuffer());
    if (status === 200) window.location.href = editorUrl(body.path);
    else showMessage(body.error, true);
  }

  async function poll() {
    const { status, body } = await request("GET", "/api/changes");
    if (status === 200 && library && body.signature !== library.signature) await load();
  }

  function setWords() {
    document.title = t("index_title");
    for (const [id, key] of [["heading", "index_title"], ["new-heading", "new_sop"], ["new-folder-label", "folder"],
      ["new-name-label", "file_name"], ["new-button", "create"], ["import-heading", "import"],
      ["import-folder-label", "folder"], ["import-button", "import_button"], ["links-heading", "links"],
      ["roles-heading", "roles"], ["links-from", "links_from"], ["links-kind", "links_kind"], ["links-to", "links_to"],
      ["roles-name", "roles_name"], ["roles-count", "roles_count"], ["roles-sops", "roles_sops"],
      ["map-link", "library_map"]]) {
      document.getElementById(id).textContent = t(key);
    }
    document.getElementById("search").placeholder = t("search");
  }

  setWords();
  document.getElementById("search").addEventListener("input", () => library && renderRows());
  document.getElementById("new-sop").addEventListener("submit", createSop);
  document.getElementById("import").addEventListener("submit", importDocument);
  load();
  setInterval(poll, 1500);
})();
