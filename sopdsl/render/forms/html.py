"""A form as one self-contained HTML page, printed landscape: each unit's table starts a new page."""

from __future__ import annotations

from html import escape

from .model import MONITORING, Column, FormDocument, Page, Row

BINARY = False
TICKED, EMPTY = "\u2611", "\u2610"

STYLE = """
@page { size: 297mm 210mm; margin: 10mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #000; margin: 0; }
@media screen { body { margin: 1em auto; width: 277mm; } }
.page + .page { break-before: page; }
h1 { font-size: 12pt; text-align: center; margin: 0 0 2mm; text-transform: uppercase; }
p.line { margin: 0 0 1mm; }
p.text { margin: 2mm 0; }
table.form { border-collapse: collapse; width: 100%; table-layout: fixed; margin-top: 2mm; }
table.form th, table.form td { border: 0.3mm solid #000; padding: 1mm 1.5mm; vertical-align: top; }
table.form td { overflow-wrap: anywhere; }
table.form th { background: #e8e8e8; text-align: center; vertical-align: middle; }
table.form thead { display: table-header-group; }
table.form tr { break-inside: avoid; }
table.monitoring tbody tr { height: 10.4mm; }
td.no { text-align: center; }
td.choices span { display: block; white-space: nowrap; }
tr.group td { border-top: 0.6mm solid #000; }
td.continued { border-top-color: transparent; }
.signatures { display: flex; justify-content: flex-end; gap: 20mm; margin-top: 4mm; break-inside: avoid; }
.signature p { margin: 0; min-height: 1em; text-align: center; }
"""


def write(document: FormDocument) -> str:
    """The whole form; every piece of author text is escaped."""
    body = [part for page in document.pages for part in _page(page)]
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{escape(document.lang)}">',
        f'<head><meta charset="utf-8"><title>{escape(document.title)}</title><style>{STYLE}</style></head>',
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ])


def _page(page: Page) -> list[str]:
    parts = ['<section class="page">', f"<h1>{escape(page.title)}</h1>"]
    parts += [f'<p class="line">{escape(line)}</p>' for line in page.lines]
    parts += [f'<p class="text">{escape(text)}</p>' for text in page.paragraphs]
    classes = "form monitoring" if page.kind == MONITORING else "form"
    parts.append(f'<table class="{classes}">')
    total = sum(column.width for column in page.columns)
    parts.append("<colgroup>" + "".join(f'<col style="width:{c.width / total:.1%}">' for c in page.columns)
                 + "</colgroup>")
    parts.append("<thead><tr>" + "".join(f"<th>{escape(c.heading)}</th>" for c in page.columns) + "</tr></thead>")
    parts.append("<tbody>")
    parts += [_row(row, page.columns) for row in page.rows]
    parts += ["</tbody>", "</table>", '<div class="signatures">']
    for lines in page.signatures:
        parts.append('<div class="signature">' + "".join(f"<p>{escape(line)}</p>" for line in lines) + "</div>")
    parts += ["</div>", "</section>"]
    return parts


def _row(row: Row, columns: tuple) -> str:
    group = ' class="group"' if row.first_of_sop and row.criterion is not None else ""
    cells = [_cell(value, column, row) for value, column in zip(row.cells, columns, strict=False)]
    return f'<tr data-sop="{escape(row.sop_id)}"{group}>' + "".join(cells) + "</tr>"


def _cell(value: str, column: Column, row: Row) -> str:
    if column.choices:
        marks = "".join(f"<span>{TICKED if value == c else EMPTY} {escape(c)}</span>" for c in column.choices)
        return f'<td class="choices">{marks}</td>'
    classes = [column.key] if column.key == "no" else []
    if not row.first_of_sop and column.key in ("no", "procedure"):
        classes.append("continued")
    attribute = f' class="{" ".join(classes)}"' if classes else ""
    text = "<br>".join(escape(line) for line in value.split("\n"))
    return f"<td{attribute}>{text}</td>"
