"""Renderers: one module per output format, each with `render(sop, options)` returning text or bytes."""

from __future__ import annotations

import importlib

# Format name -> (module in sopdsl.render, one-line description).
FORMATS = {
    "html": ("html", "the printable SOP AP document: identity sheet and flowchart table"),
    "pdf": ("pdf", "the same document as PDF, printed by headless Chromium"),
    "md": ("markdown", "one table row per step, for wikis"),
    "csv": ("csv_table", "one row per step, for spreadsheets"),
    "mermaid": ("mermaid", "a Mermaid flowchart with one lane per role"),
    "dot": ("dot", "a Graphviz graph with one cluster per role"),
    "svg": ("svg", "a swimlane diagram drawn by sopdsl"),
    "bpmn": ("bpmn", "BPMN 2.0 XML with diagram layout"),
    "docx": ("document.docx", "the SOP AP document as an editable Word file"),
    "xlsx": ("tables.xlsx", "one filterable row per step and the identity sheet, as an Excel workbook"),
}


def renderer(name: str):
    """The module that renders format `name`; it has `render(sop, options)` and `BINARY`."""
    return importlib.import_module(f".{FORMATS[name][0]}", __package__)
