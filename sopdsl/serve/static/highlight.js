// Syntax colouring of .sop text in both keyword languages, with the findings underlined: HTML for the overlay.
"use strict";

const SopHighlight = (() => {
  const TOP = new Set(["sop", "role", "section", "step", "decision", "pelaksana", "bagian", "kegiatan", "keputusan"]);
  const KEYS = new Set([
    "number", "unit", "created", "revised", "effective", "approved-by", "approver", "name", "rank", "nip",
    "legal-basis", "qualifications", "related", "equipment", "warning", "records", "staffing", "annex", "logo",
    "evaluated", "sla", "calendar", "workday", "week", "month", "year", "by", "needs", "time", "output", "note",
    "every", "uses", "next", "yes", "no", "branch",
    "nomor", "dibuat", "direvisi", "efektif", "disahkan-oleh", "penandatangan", "nama", "pangkat", "dasar-hukum",
    "kualifikasi", "keterkaitan", "peralatan", "peringatan", "pencatatan", "jumlah-pelaksana", "lampiran",
    "dievaluasi", "batas-waktu", "kalender", "hari-kerja", "minggu", "bulan", "tahun", "oleh", "kelengkapan",
    "waktu", "keterangan", "periode", "memakai", "lanjut", "ya", "tidak", "cabang",
  ]);
  // Attributes whose value is made of ids (roles, steps or SOPs), and the target words.
  const ID_VALUES = new Set(["by", "oleh", "next", "lanjut", "yes", "no", "ya", "tidak", "uses", "memakai",
    "branch", "cabang"]);
  const TARGET_WORDS = new Set(["end", "next", "selesai", "berikut"]);
  const ID = "[\\p{L}][\\p{L}\\p{N}_-]*";
  const TOP_LINE = new RegExp(`^(${ID})(\\s+)(${ID})?(\\s*)(:)?`, "u");
  const KEY_LINE = new RegExp(`^(\\s+)(${ID})(\\s*)("(?:[^"\\\\]|\\\\.)*")?(\\s*)(:)`, "u");
  const ITEM_LINE = /^(\s+)(-)(\s)/u;

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // Where a comment starts in the line (`#` at its start or after a space, outside quotes), or -1.
  function commentStart(line, from, quoted) {
    let inQuote = quoted;
    for (let i = from; i < line.length; i++) {
      const c = line[i];
      if (inQuote) {
        if (c === "\\") i++;
        else if (c === '"') inQuote = false;
      } else if (c === '"') inQuote = true;
      else if (c === "#" && (i === 0 || line[i - 1] === " " || line[i - 1] === "\t")) return i;
    }
    return -1;
  }

  // Spans of [start, end, class] for the value part of a line, from `from`.
  function valueSpans(line, from, end, key, spans) {
    const value = line.slice(from, end);
    if (ID_VALUES.has(key)) {
      const pattern = new RegExp(ID, "gu");
      let match;
      while ((match = pattern.exec(value)) !== null) {
        const cls = TARGET_WORDS.has(match[0]) ? "kw-target" : "ref";
        spans.push([from + match.index, from + match.index + match[0].length, cls]);
      }
      return;
    }
    const quote = /"(?:[^"\\]|\\.)*"?/gu;
    let match;
    while ((match = quote.exec(value)) !== null) spans.push([from + match.index, from + match.index + match[0].length, "str"]);
    const number = /(^|[\s-])(\d+(?:[.,]\d+)?)/gu;
    while ((match = number.exec(value)) !== null) {
      const start = from + match.index + match[1].length;
      spans.push([start, start + match[2].length, "num"]);
    }
  }

  // The coloured spans of one line, and whether a quoted string is still open at its end.
  function lineSpans(line, quoted) {
    const spans = [];
    let position = 0;
    if (quoted) {
      const close = line.search(/(^|[^\\])"/u);
      const end = close < 0 ? line.length : close + (line[close] === '"' ? 1 : 2);
      spans.push([0, end, "str"]);
      if (close < 0) return { spans, quoted: true };
      position = end;
    }
    const comment = commentStart(line, position, false);
    const end = comment < 0 ? line.length : comment;
    let key = "";
    if (position === 0) {
      const top = TOP_LINE.exec(line);
      const keyed = KEY_LINE.exec(line);
      const item = ITEM_LINE.exec(line);
      if (top && TOP.has(top[1])) {
        spans.push([0, top[1].length, "kw-top"]);
        const idStart = top[1].length + top[2].length;
        if (top[3]) spans.push([idStart, idStart + top[3].length, "id"]);
        position = top[0].length;
      } else if (keyed && KEYS.has(keyed[2])) {
        key = keyed[2];
        const start = keyed[1].length;
        spans.push([start, start + key.length, "kw"]);
        if (keyed[4]) {
          const labelStart = start + key.length + keyed[3].length;
          spans.push([labelStart, labelStart + keyed[4].length, "str"]);
        }
        position = keyed[0].length;
      } else if (item) {
        spans.push([item[1].length, item[1].length + 1, "punct"]);
        position = item[0].length;
      }
    }
    valueSpans(line, position, end, key, spans);
    if (comment >= 0) spans.push([comment, line.length, "comment"]);
    const open = (line.slice(position, end).match(/(^|[^\\])"/gu) || []).length % 2 === 1;
    return { spans, quoted: open };
  }

  // The underlined ranges of a line: from each finding's column to the end of the word there.
  function flagRanges(line, findings) {
    return findings.map((finding) => {
      const start = Math.min(Math.max(finding.column - 1, 0), Math.max(line.length - 1, 0));
      const rest = line.slice(start).match(/^[^\s:,]+/u);
      const end = start + Math.max(rest ? rest[0].length : 1, 1);
      return [start, end, finding.severity];
    });
  }

  // One line as HTML: coloured spans, underlined ranges on top.
  function lineHtml(line, spans, flags) {
    const classes = new Array(line.length + 1).fill("");
    const marks = new Array(line.length + 1).fill("");
    for (const [start, end, cls] of spans) for (let i = start; i < end && i < line.length; i++) classes[i] = cls;
    for (const [start, end, severity] of flags) for (let i = start; i < end; i++) marks[i] = "flag-" + severity;
    let html = "";
    let i = 0;
    const width = Math.max(line.length, flags.length ? Math.max(...flags.map((f) => f[1])) : 0);
    while (i < width) {
      let j = i + 1;
      while (j < width && classes[j] === classes[i] && marks[j] === marks[i]) j++;
      const piece = escapeHtml(line.slice(i, j) || " ".repeat(j - i));
      const cls = [classes[i], marks[i]].filter(Boolean).join(" ");
      html += cls ? `<span class="${cls}">${piece}</span>` : piece;
      i = j;
    }
    return html;
  }

  // The whole text as HTML, a line per source line, findings (with line, column, severity) underlined.
  function highlight(text, findings) {
    const byLine = new Map();
    for (const finding of findings) {
      if (!byLine.has(finding.line)) byLine.set(finding.line, []);
      byLine.get(finding.line).push(finding);
    }
    let quoted = false;
    return text.split("\n").map((line, index) => {
      const result = lineSpans(line, quoted);
      quoted = result.quoted;
      return lineHtml(line, result.spans, flagRanges(line, byLine.get(index + 1) || []));
    }).join("\n") + "\n";
  }

  return { highlight, escapeHtml, ID_VALUES, KEYS };
})();
