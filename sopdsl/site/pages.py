"""The pages `sopdsl build` adds around the SOP documents: the library index and the numbered source listings."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from html import escape

from attrs import field, frozen

from ..diagnostics import Diagnostic, Severity
from ..render.labels import date_text, printed_labels

STYLE = """
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; margin: 2em; color: #111; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eee; }
ul.findings { margin: 0; padding-left: 1.2em; }
.error { color: #a00000; }
.warning { color: #8a5a00; }
.files a { margin-right: 0.6em; }
.summary { margin: 0.5em 0 1em; }
pre.source { margin: 0; }
table.source td { border: none; padding: 0 6px; font-family: "DejaVu Sans Mono", monospace; white-space: pre-wrap; }
table.source td.number { text-align: right; color: #777; user-select: none; width: 4em; }
table.source tr.flagged td { background: #fff0f0; }
table.source tr.message td { font-family: inherit; }
:target td { outline: 2px solid #f0a000; }
"""


@frozen
class Entry:
    """One file of the library as the index lists it."""

    path: str
    source_page: str
    title: str
    number: str = ""
    total: str = ""
    pages: dict[str, str] = field(factory=dict)  # format label -> relative href
    findings: Sequence[Diagnostic] = ()
    unit: str = ""
    effective: str = ""
    approver: str = ""
    silenced: int = 0  # findings its suppressions silenced: decisions a reviewer must be able to see
    evaluation: tuple[datetime.date, bool] | None = None  # the last day the evaluation holds; whether it is past
    history: str = ""  # relative href of the revision history page, if the file is under git


def _page(title: str, body: list[str], lang: str) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _counts(findings: Sequence[Diagnostic], labels) -> str:
    errors = sum(1 for d in findings if d.severity == Severity.ERROR)
    warnings = sum(1 for d in findings if d.severity == Severity.WARNING)
    return f"{errors} {labels['errors']}, {warnings} {labels['warnings']}"


def _finding(diagnostic: Diagnostic, source_page: str, labels) -> str:
    where = f"{diagnostic.line}:{diagnostic.column}"
    return (
        f'<li class="{diagnostic.severity}"><a href="{escape(source_page)}#L{diagnostic.line}">{where}</a> '
        f"{labels['severity_' + diagnostic.severity.value]} <code>{escape(diagnostic.rule)}</code> "
        f"{escape(diagnostic.message)}</li>"
    )


def _evaluation(entry: Entry, labels, lang: str) -> str:
    """When the SOP is next due for evaluation, marked where that day has passed."""
    if entry.evaluation is None:
        return ""
    until, due = entry.evaluation
    if due:
        return f'<span class="warning">{labels["evaluation_due"]}</span><br><small>{date_text(until, lang)}</small>'
    return date_text(until, lang)


def index_page(entries: Sequence[Entry], lang: str, note: str | None = None, built: str = "",
               house: Mapping[str, str] | None = None, library_map: str = "") -> str:
    """Every SOP with its unit, number, title, effective date, approver, total, evaluation, files and findings.

    `house` is the `labels` setting: the unit's own wording of the printed labels; `library_map` the map's href.
    """
    labels = printed_labels(lang, house)
    everything = [d for entry in entries for d in entry.findings]
    silenced = sum(entry.silenced for entry in entries)
    due = sum(1 for entry in entries if entry.evaluation is not None and entry.evaluation[1])
    body = [
        f"<h1>{labels['index_title']}</h1>",
        f'<p class="summary">{sum(1 for e in entries if e.pages)} {labels["sop"]}; {labels["findings"].lower()}: '
        f"{_counts(everything, labels)}; {silenced} {labels['silenced']}; "
        f"{labels['evaluation_due'].lower()}: {due}</p>",
    ]
    if library_map:
        body.append(f'<p><a href="{escape(library_map)}">{labels["library_map"]}</a></p>')
    if note:
        body.append(f'<p class="summary warning">{escape(note)}</p>')
    headings = ["unit", "number", "title", "effective", "approved_by", "total", "evaluation", "findings"]
    body += ["<table>", "<tr>" + "".join(f"<th>{labels[key]}</th>" for key in headings) + "<th></th></tr>"]
    for entry in entries:
        first = entry.pages.get("HTML")
        title = escape(entry.title)
        title_cell = f'<a href="{escape(first)}">{title}</a>' if first else title
        files = " ".join(f'<a href="{escape(href)}">{escape(label)}</a>' for label, href in entry.pages.items())
        if entry.history:
            files += f' <a href="{escape(entry.history)}">{labels["revisions"]}</a>'
        findings = "".join(_finding(d, entry.source_page, labels) for d in entry.findings)
        findings_cell = (
            f"{_counts(entry.findings, labels)}<ul class=\"findings\">{findings}</ul>" if entry.findings
            else labels["none"]
        )
        if entry.silenced:
            findings_cell += f'<br><small>{entry.silenced} {labels["silenced"]}</small>'
        body.append(
            f"<tr><td>{escape(entry.unit)}</td><td>{escape(entry.number)}</td>"
            f"<td>{title_cell}<br><small>{escape(entry.path)}</small></td><td>{escape(entry.effective)}</td>"
            f"<td>{escape(entry.approver)}</td><td>{escape(entry.total)}</td>"
            f"<td>{_evaluation(entry, labels, lang)}</td><td>{findings_cell}</td>"
            f'<td class="files">{files} <a href="{escape(entry.source_page)}">.sop</a></td></tr>'
        )
    body.append("</table>")
    if built:
        body.append(f'<p class="summary">{escape(built)}</p>')
    return _page(labels["index_title"], body, lang)


def source_page(path: str, text: str, findings: Sequence[Diagnostic], lang: str, index: str | None = None) -> str:
    """The file's text with numbered, linkable lines (#L12); each finding under its line."""
    labels = printed_labels(lang)
    by_line: dict[int, list[Diagnostic]] = {}
    for diagnostic in findings:
        by_line.setdefault(diagnostic.line, []).append(diagnostic)
    rows = []
    lines = source_lines(text)
    for number, line in enumerate(lines, start=1):
        flagged = ' class="flagged"' if number in by_line else ""
        rows.append(
            f'<tr id="L{number}"{flagged}><td class="number"><a href="#L{number}">{number}</a></td>'
            f"<td>{escape(line)}</td></tr>"
        )
        for diagnostic in by_line.get(number, []):
            rows.append(
                f'<tr class="message"><td></td><td class="{diagnostic.severity}">{diagnostic.column}: '
                f"{labels['severity_' + diagnostic.severity.value]} {escape(diagnostic.rule)}: "
                f"{escape(diagnostic.message)}</td></tr>"
            )
    past_end = [d for n, ds in by_line.items() if n > len(lines) for d in ds]
    rows += [f'<tr class="message"><td></td><td class="error">{escape(d.message)}</td></tr>' for d in past_end]
    back = [f'<p><a href="{escape(index)}">{labels["index_title"]}</a></p>'] if index else []
    body = [*back, f"<h1>{escape(path)}</h1>", '<table class="source">', *rows, "</table>"]
    return _page(path, body, lang)


def source_lines(text: str) -> list[str]:
    """The lines as the parser numbers them: split at LF only (not at U+2028, form feed and the like)."""
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines
