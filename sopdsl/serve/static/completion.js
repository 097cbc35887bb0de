// Completion of role ids (after `by:`), step ids and targets (after `next:`, `yes:`, `no:`, branches) and SOP ids.
"use strict";

const SopCompletion = (() => {
  const ROLE_KEYS = new Set(["by", "oleh"]);
  const TARGET_KEYS = new Set(["next", "lanjut", "yes", "no", "ya", "tidak", "branch", "cabang"]);
  const SOP_KEYS = new Set(["uses", "memakai"]);
  const CONTEXT = /^\s+([\p{L}][\p{L}\p{N}_-]*)(?:\s*"(?:[^"\\]|\\.)*")?\s*:\s*(.*)$/u;
  const WORD_END = /[\p{L}\p{N}_-]*$/u;

  // What may be typed at the caret: {from, prefix, items: [{label, detail}]}, or null where nothing fits.
  function candidates(text, caret, known, english) {
    const lineStart = text.lastIndexOf("\n", caret - 1) + 1;
    const before = text.slice(lineStart, caret);
    const prefix = before.match(WORD_END)[0];
    const from = caret - prefix.length;
    let items = null;
    const context = CONTEXT.exec(before);
    if (context) {
      const key = context[1];
      const typed = context[2];
      if (ROLE_KEYS.has(key) && /^([^,]*,\s*)*[\p{L}\p{N}_-]*$/u.test(typed)) {
        items = known.roles.map((role) => ({ label: role.id, detail: role.name }));
      } else if (TARGET_KEYS.has(key) && !typed.includes(" ")) {
        const words = english ? ["next", "end"] : ["berikut", "selesai"];
        items = known.steps.map((id) => ({ label: id, detail: "" })).concat(words.map((w) => ({ label: w, detail: "" })));
      } else if (SOP_KEYS.has(key) && !typed.includes(" ")) {
        items = known.sops.map((id) => ({ label: id, detail: "SOP" }));
      }
    }
    if (!items) return null;
    const seen = new Set();
    const fitting = items.filter((item) => item.label.startsWith(prefix) && item.label !== prefix && !seen.has(item.label) && seen.add(item.label));
    return fitting.length ? { from, prefix, items: fitting } : null;
  }

  return { candidates };
})();
