// Shared by the app's pages: the session token, the words of the chosen language, JSON requests.
"use strict";

const Sopdsl = (() => {
  const token = document.querySelector('meta[name="sopdsl-token"]').content;
  const words = JSON.parse(document.getElementById("sopdsl-words").textContent);

  // A request to the API; writes carry the session token. Resolves to {status, body} (status 0: no answer).
  async function request(method, url, body, raw) {
    const headers = { "X-Sopdsl-Token": token };
    let payload;
    if (raw !== undefined) {
      payload = raw;
      headers["Content-Type"] = "application/octet-stream";
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers["Content-Type"] = "application/json";
    }
    let response;
    try {
      response = await fetch(url, { method, headers, body: payload, cache: "no-store" });
    } catch (error) { // the server is stopped or unreachable
      return { status: 0, body: { error: t("offline") }, response: null };
    }
    const type = response.headers.get("Content-Type") || "";
    if (type.startsWith("application/json")) {
      return { status: response.status, body: await response.json(), response };
    }
    return { status: response.status, body: await response.blob(), response };
  }

  // An element with a class and text (never HTML).
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // The word for key in the page's language, with {name} placeholders filled in.
  function t(key, values) {
    let text = words[key] || key;
    for (const [name, value] of Object.entries(values || {})) text = text.split("{" + name + "}").join(String(value));
    return text;
  }

  function editorUrl(path) {
    return "/sop?path=" + encodeURIComponent(path);
  }

  return { request, element, t, editorUrl };
})();
