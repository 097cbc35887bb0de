"""Renderers: one module per output format, each with `render(sop, options)` returning text or bytes.

The formats live in wings that share only the modules of this package (options, labels, rows, flow, cells,
identity, total_line, xml_text) and never import each other: `document/` (the printable SOP AP document),
`tables/`, `diagrams/`, and `forms/` (the forms of a whole library, registered in `forms/__init__.py`).
"""

from __future__ import annotations

import importlib

# Format name -> (module under sopdsl.render, one-line description); a new format is one more line.
FORMATS = {
    "html": ("document.html", "the printable SOP AP document: identity sheet and flowchart table"),
    "pdf": ("document.pdf", "the same document as PDF, printed by headless Chromium"),
    "md": ("tables.markdown", "one table row per step, for wikis"),
    "csv": ("tables.csv_table", "one row per step, for spreadsheets"),
    "mermaid": ("diagrams.mermaid", "a Mermaid flowchart with one lane per role"),
    "dot": ("diagrams.dot", "a Graphviz graph with one cluster per role"),
    "svg": ("diagrams.svg", "a swimlane diagram drawn by sopdsl"),
    "bpmn": ("diagrams.bpmn", "BPMN 2.0 XML with diagram layout"),
    "docx": ("document.docx", "the SOP AP document as an editable Word file"),
    "xlsx": ("tables.xlsx", "one filterable row per step and the identity sheet, as an Excel workbook"),
}


def renderer(name: str):
    """The module that renders format `name`; it has `render(sop, options)` and `BINARY`."""
    return importlib.import_module(f".{FORMATS[name][0]}", __package__)
