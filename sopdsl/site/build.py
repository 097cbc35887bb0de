"""Building a library: check every file, then write each SOP's document, PDF and diagrams, and an index."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
from attrs import frozen

from ..analysis.library import library_totals
from ..checker import Checked
from ..loading import SourceFile
from ..logo import source_folder
from ..model import Sop
from ..output import write_inside
from ..render import renderer
from ..render.labels import LABELS, date_text
from ..render.options import RenderOptions
from ..render.total_line import total_text
from ..version import __version__
from .pages import Entry, index_page, source_page

INDEX = "index"  # the library's index page: index.html
DIAGRAMS = {"svg": "SVG", "bpmn": "BPMN"}  # diagram formats written beside each document, with their link text


@frozen
class BuildResult:
    """What was written: one entry per file, and why PDFs are missing, if they are."""

    entries: Sequence[Entry]
    pdf_note: str | None


def page_names(files: Sequence[SourceFile]) -> dict[str, str]:
    """A unique, file-system-safe base name per file: its SOP id, else its file name."""
    names: dict[str, str] = {}
    taken = {INDEX}  # the library's own page
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


def _approver(sop: Sop) -> str:
    """Who approves: the position and, when given, the official's name."""
    parts = [sop.approved_by.value] if sop.approved_by is not None else []
    if sop.approver is not None and sop.approver.name is not None:
        parts.append(sop.approver.name.value)
    return " — ".join(parts)


def build(checked: Checked, out: Path, options: RenderOptions,
          print_pdf: Callable[[str], bytes] | None, pdf_note: str | None = None) -> BuildResult:
    """Write the library into `out`; `print_pdf` turns an HTML document into PDF bytes (None: no PDFs)."""
    from ..render.document import html

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
        write_inside(out, source, source_page(file.path, file.text or "", mine, options.lang,
                                             f"../{INDEX}.html").encode("utf-8"))
        if file.sop is None:
            entries.append(Entry(file.path, source, Path(file.path).name, findings=mine))
            continue
        sop = file.sop
        own = totals.get(sop.id) if file.path in owners else None
        sop_options = attrs.evolve(options, totals=own, sop_links=links, sop_titles=titles,
                                   folder=source_folder(file.path), index_link=f"{INDEX}.html")
        document = html.render(sop, sop_options)
        pages = {"HTML": f"{name}.html"}
        write_inside(out, pages["HTML"], document.encode("utf-8"))
        if print_pdf is not None:
            pages["PDF"] = f"{name}.pdf"
            write_inside(out, pages["PDF"], print_pdf(document))
        for format_name, label in DIAGRAMS.items():
            pages[label] = f"{name}.{format_name}"
            write_inside(out, pages[label], renderer(format_name).render(sop, sop_options).encode("utf-8"))
        number = sop.number.value if sop.number is not None else ""
        total = total_text(sop, sop_options) or ""
        entries.append(Entry(file.path, source, sop.title.value, number, total, pages, mine,
                             unit=" — ".join(line.value for line in sop.unit),
                             effective=date_text(sop.effective.value, options.lang) if sop.effective else "",
                             approver=_approver(sop), silenced=checked.silenced.get(file.path, 0)))
    built = LABELS[options.lang]["built"].format(date=date_text(datetime.date.today(), options.lang),
                                                 version=__version__)
    index = index_page(entries, options.lang, pdf_note, built, options.labels)
    write_inside(out, f"{INDEX}.html", index.encode("utf-8"))
    return BuildResult(tuple(entries), pdf_note)
