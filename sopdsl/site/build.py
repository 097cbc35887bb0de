"""Building a library: check every file, then write each SOP's document, PDF and diagrams, and an index."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
from attrs import frozen

from ..analysis import evaluation
from ..analysis.evaluation import DEFAULT_INTERVAL, Interval, evaluation_due_on
from ..analysis.library import library_totals
from ..checker import Checked
from ..loading import SourceFile
from ..logo import source_folder
from ..output import write_inside
from ..render import renderer
from ..render.options import RenderOptions
from ..render.total_line import total_text
from .pages import Entry, index_page, source_page

INDEX = "index"  # the library's index page: index.html
MAP = "library-map"  # the library map: library-map.html
DIAGRAMS = {"svg": "SVG", "bpmn": "BPMN"}  # diagram formats written beside each document, with their link text


@frozen
class BuildResult:
    """What was written: one entry per file, and why PDFs are missing, if they are."""

    entries: Sequence[Entry]
    pdf_note: str | None


def page_names(files: Sequence[SourceFile]) -> dict[str, str]:
    """A unique, file-system-safe base name per file: its SOP id, else its file name."""
    names: dict[str, str] = {}
    taken = {INDEX, MAP}  # the library's own pages
    for file in files:
        base = file.sop.id if file.sop is not None else Path(file.path).stem
        base = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip(".-") or "sop"
        name, count = base, 1
        while name.lower() in taken:
            count += 1
            name = f"{base}-{count}"
        taken.add(name.lower())
        names[file.path] = name
    return names


def build(checked: Checked, out: Path, options: RenderOptions, print_pdf: Callable[[str], bytes] | None,
          pdf_note: str | None = None, today: datetime.date | None = None,
          interval: Interval = DEFAULT_INTERVAL) -> BuildResult:
    """Write the library into `out`; `print_pdf` turns an HTML document into PDF bytes (None: no PDFs).

    The index marks the SOPs due for evaluation on `today` (None: the day it runs) after `interval`.
    """
    from ..lifecycle.history import history_page, revisions
    from ..lifecycle.library_map_page import library_map_page
    from ..render.document import html

    today = today or evaluation.today()

    files = checked.files
    names = page_names(files)
    links: dict[str, str] = {}
    owners = set()
    titles: dict[str, str] = {}
    for file in files:
        if file.sop is not None and file.sop.id not in links:
            owners.add(file.path)  # library totals are keyed by id: they belong to its first file
            links[file.sop.id] = f"{names[file.path]}.html"
            titles[file.sop.id] = file.sop.title.value
    totals = library_totals(file.record for file in files if file.record is not None)
    findings: dict[str, list] = {}
    for diagnostic in checked.diagnostics:
        findings.setdefault(diagnostic.path, []).append(diagnostic)
    entries = []
    for file in files:
        name = names[file.path]
        mine = findings.get(file.path, [])
        source = f"source/{name}.html"
        write_inside(out, source, source_page(file.path, file.text or "", mine, options.lang).encode("utf-8"))
        if file.sop is None:
            entries.append(Entry(file.path, source, Path(file.path).name, findings=mine))
            continue
        sop = file.sop
        own = totals.get(sop.id) if file.path in owners else None
        sop_options = attrs.evolve(options, totals=own, sop_links=links, sop_titles=titles,
                                   folder=source_folder(file.path))
        document = html.render(sop, sop_options)
        pages = {"HTML": f"{name}.html"}
        write_inside(out, pages["HTML"], document.encode("utf-8"))
        if print_pdf is not None:
            pages["PDF"] = f"{name}.pdf"
            write_inside(out, pages["PDF"], print_pdf(document))
        for format_name, label in DIAGRAMS.items():
            pages[label] = f"{name}.{format_name}"
            write_inside(out, pages[label], renderer(format_name).render(sop, sop_options).encode("utf-8"))
        history, found = "", revisions(Path(file.path))
        if found:
            history = f"revisions/{name}.html"
            page = history_page(sop.title.value, found, options.lang, f"../{INDEX}.html")
            write_inside(out, history, page.encode("utf-8"))
        number = sop.number.value if sop.number is not None else ""
        total = total_text(sop, sop_options) or ""
        until = evaluation_due_on(sop, interval)
        due = (until, until < today) if until is not None else None
        entries.append(Entry(file.path, source, sop.title.value, number, total, pages, mine, due, history))
    sops = [file.sop for file in files if file.path in owners and file.sop is not None]
    write_inside(out, f"{MAP}.html", library_map_page(sops, options.lang, links).encode("utf-8"))
    page = index_page(entries, options.lang, pdf_note, options.labels, f"{MAP}.html")
    write_inside(out, f"{INDEX}.html", page.encode("utf-8"))
    return BuildResult(tuple(entries), pdf_note)
