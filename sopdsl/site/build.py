"""Building a library: write each SOP's document, PDF and diagrams, and an index; only what changed, on all cores."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import NamedTuple

import attrs
from attrs import frozen

from ..analysis import evaluation
from ..analysis.evaluation import DEFAULT_INTERVAL, Interval, evaluation_due_on
from ..analysis.library import library_totals
from ..cache import logo_state
from ..checker import POOL_THRESHOLD, Checked, available_cores, on_pool
from ..diagnostics import Diagnostic
from ..loading import SourceFile, parse_source
from ..logo import logo_path, source_folder
from ..model import Calendar, Sop
from ..output import folder_inside, sync_all, write_inside
from ..render.labels import LABELS, date_text
from ..render.options import RenderOptions
from ..version import __version__
from .manifest import Manifest, build_key, record, text_digest
from .pages import Entry, index_page, source_page

INDEX = "index"  # the library's index page: index.html
MAP = "library-map"  # the library map: library-map.html
DIAGRAMS = {"svg": "SVG", "bpmn": "BPMN"}  # diagram formats written beside each document, with their link text
SOURCES = "source"  # the folder of the numbered source listings


@frozen
class BuildResult:
    """What was written: one entry per file, and why PDFs are missing, if they are."""

    entries: Sequence[Entry]
    pdf_note: str | None
    rendered: int = 0  # how many files' pages were made afresh (the others were kept from the previous build)


class Job(NamedTuple):
    """One file whose pages are to be made: all a worker process needs, and nothing large."""

    path: str
    text: str
    name: str
    findings: tuple[Diagnostic, ...]
    lang: str
    options: RenderOptions | None  # None: the file does not parse, and only its source listing is written
    calendar: Calendar | None
    keep_document: bool  # send the HTML back, to be printed to PDF
    interval: Interval = DEFAULT_INTERVAL  # how long an evaluation holds


class Made(NamedTuple):
    """What a worker wrote for one file (name -> size), the index's fields, and the HTML where asked for."""

    files: dict[str, int]
    number: str
    total: str
    logo: tuple
    document: str | None
    unit: str = ""
    effective: str = ""
    approver: str = ""
    evaluation: str = ""  # the last day the latest evaluation holds, YYYY-MM-DD; empty without a date


def page_names(files: Sequence[SourceFile]) -> dict[str, str]:
    """A unique, file-system-safe base name per file: its SOP id, else its file name."""
    names: dict[str, str] = {}
    taken = {INDEX, MAP}  # the library's own pages
    for file in files:
        base = file.record.id if file.record is not None else Path(file.path).stem
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
          print_pdf: Callable[[Sequence[str]], Iterator[bytes]] | None,
          pdf_note: str | None = None, settings: object = None, calendar: Calendar | None = None,
          reuse: bool = True, jobs: int | None = None, today: datetime.date | None = None,
          interval: Interval = DEFAULT_INTERVAL) -> BuildResult:
    """Write the library into `out`; `print_pdf` turns HTML documents into PDFs, in order (None: no PDFs).

    With `reuse`, the files of an SOP whose inputs are those of the previous build are kept as they are.
    `settings` is everything else the output depends on (the checker's settings); `calendar` the default one.
    The index marks the SOPs due for evaluation on `today` (None: the day it runs) after `interval`; each SOP
    under git gets a page of its revisions, and the library a map of its links.
    """
    from ..lifecycle.history import head_commit

    today = today or evaluation.today()
    files = checked.files
    names = page_names(files)
    links: dict[str, str] = {}
    titles: dict[str, str] = {}
    owners = set()
    for file in files:
        if file.record is not None and file.record.id not in links:
            owners.add(file.path)  # library totals are keyed by id: they belong to its first file
            links[file.record.id] = f"{names[file.path]}.html"
            titles[file.record.id] = file.record.title
    totals = library_totals(file.record for file in files if file.record is not None)
    findings: dict[str, list] = {}
    for diagnostic in checked.diagnostics:
        findings.setdefault(diagnostic.path, []).append(diagnostic)
    manifest = Manifest(out, reuse)
    kept: dict[str, dict] = {}
    work: list[tuple[Job, str]] = []
    for file in files:
        job = Job(file.path, file.text or "", names[file.path], tuple(findings.get(file.path, ())), options.lang,
                  None, calendar, print_pdf is not None, interval)
        parts: tuple = (settings, options, job.path, job.name, text_digest(file.text), job.findings, job.keep_document,
                        interval)
        if file.record is not None:
            named = sorted({ref.id for ref in file.record.related} | {use.ref.id for use in file.record.uses})
            own = totals.get(file.record.id) if file.path in owners else None
            job = job._replace(options=attrs.evolve(
                options, totals=own, sop_links={i: links[i] for i in named if i in links},
                sop_titles={i: titles[i] for i in named if i in titles}, folder=source_folder(file.path),
                index_link=f"{INDEX}.html"))
            parts += (own, [(i, links.get(i), titles.get(i), totals.get(i)) for i in named])
        key = build_key(*parts)
        previous = manifest.reusable(file.path, key)
        if previous is None:
            work.append((job, key))
        else:
            kept[file.path] = previous
    made_all = _make_all([job for job, _ in work], out, jobs)
    printed = print_pdf([made.document for made in made_all if made.document is not None]) if print_pdf else None
    for (job, key), made in zip(work, made_all, strict=True):
        written = dict(made.files)
        if printed is not None and made.document is not None:
            data = next(printed)
            write_inside(out, f"{job.name}.pdf", data, sync=False)
            written[f"{job.name}.pdf"] = len(data)
        kept[job.path] = record(key, made.logo, written, number=made.number, total=made.total, unit=made.unit,
                                effective=made.effective, approver=made.approver,
                                evaluation=made.evaluation)
    entries = []
    heads: dict[Path, str | None] = {}  # each folder of the library: the commit checked out there, if under git
    for file in files:
        manifest.keep(file.path, kept[file.path])
        history = ""
        if file.record is not None:
            folder = Path(file.path).resolve().parent
            if folder not in heads:  # one question to git per folder, not one process per SOP outside git
                heads[folder] = head_commit(folder)
            if heads[folder] is not None:
                history = _history(manifest, out, file, names[file.path], heads[folder], options.lang)
        entries.append(_entry(file, names[file.path], kept[file.path], findings.get(file.path, []),
                              print_pdf is not None, checked.silenced.get(file.path, 0), today, history))
    _write_map(out, files, owners, options.lang, links)
    built = LABELS[options.lang]["built"].format(date=date_text(datetime.date.today(), options.lang),
                                                 version=__version__)
    index = index_page(entries, options.lang, pdf_note, built, options.labels, f"{MAP}.html")
    write_inside(out, f"{INDEX}.html", index.encode("utf-8"), sync=False)
    manifest.save()
    sync_all()  # one sync for every file written
    return BuildResult(tuple(entries), pdf_note, len(work))


def _write_map(out: Path, files: Sequence[SourceFile], owners: set, lang: str, links: dict[str, str]) -> None:
    """The library map: the links between the SOPs (each id's first file), from their library records."""
    from ..lifecycle.library_map_page import library_map_page

    records = [file.record for file in files if file.path in owners and file.record is not None]
    write_inside(out, f"{MAP}.html", library_map_page(records, lang, links).encode("utf-8"), sync=False)


def _entry(file: SourceFile, name: str, made: dict, findings: list, pdf: bool, silenced: int,
           today: datetime.date, history: str) -> Entry:
    """The index's line for the file."""
    source = f"{SOURCES}/{name}.html"
    if file.record is None:
        return Entry(file.path, source, Path(file.path).name, findings=findings, silenced=silenced)
    pages = {"HTML": f"{name}.html"}
    if pdf:
        pages["PDF"] = f"{name}.pdf"
    pages.update({label: f"{name}.{format_name}" for format_name, label in DIAGRAMS.items()})
    until = datetime.date.fromisoformat(made["evaluation"]) if made.get("evaluation") else None
    return Entry(file.path, source, file.record.title, made["number"], made["total"], pages, findings,
                 unit=made.get("unit", ""), effective=made.get("effective", ""), approver=made.get("approver", ""),
                 silenced=silenced, evaluation=(until, until < today) if until is not None else None,
                 history=history)


def _history(manifest: Manifest, out: Path, file: SourceFile, name: str, head: str | None, lang: str) -> str:
    """The name of the SOP's page of revisions ("" when git holds none), kept from the last build while the
    commit checked out is the same: a rebuild after an edit asks git nothing more for the other SOPs."""
    from ..lifecycle.history import history_page, revisions

    assert file.record is not None
    slot = f"{file.path}#history"
    key = build_key("history", head, str(Path(file.path).resolve()), name, file.record.title, lang)
    previous = manifest.reusable(slot, key)
    if previous is not None:
        manifest.keep(slot, previous)
        return str(previous.get("history", ""))
    found = revisions(Path(file.path))
    page_name = f"revisions/{name}.html" if found else ""
    written: dict[str, int] = {}
    if found:
        data = history_page(file.record.title, found, lang, f"../{INDEX}.html").encode("utf-8")
        write_inside(out, page_name, data, sync=False)
        written[page_name] = len(data)
    manifest.keep(slot, record(key, (), written, number="", total="", history=page_name))
    return page_name


def _make_all(work: list[Job], out: Path, jobs: int | None) -> list[Made]:
    """Each job's pages written, on every core when there are many."""
    if not work:
        return []
    from ..render import renderer
    from ..render.document import html  # noqa: F401 - loaded before the workers fork, not once in each

    for format_name in DIAGRAMS:
        renderer(format_name)
    folder_inside(out, (SOURCES,))  # made here, so that no two workers race to make it
    jobs = jobs or available_cores()
    make = partial(_make, out=out)
    if jobs > 1 and len(work) > POOL_THRESHOLD:
        return on_pool(make, work, jobs)
    return list(map(make, work))


def _make(job: Job, out: Path) -> Made:
    """Write one file's source listing and, where it parses, its document and diagrams: what a worker does."""
    from ..render import renderer
    from ..render.document import html
    from ..render.total_line import total_text

    files: dict[str, int] = {}

    def put(name: str, text: str) -> None:
        data = text.encode("utf-8")
        write_inside(out, name, data, sync=False)
        files[name] = len(data)

    put(f"{SOURCES}/{job.name}.html", source_page(job.path, job.text, job.findings, job.lang, f"../{INDEX}.html"))
    if job.options is None:
        return Made(files, "", "", (), None)
    sop, _ = parse_source(job.path, job.text, job.calendar)
    assert sop is not None  # a job has options only for a file that parsed
    document = html.render(sop, job.options)
    put(f"{job.name}.html", document)
    for format_name in DIAGRAMS:
        put(f"{job.name}.{format_name}", renderer(format_name).render(sop, job.options))
    logo = logo_state(None if sop.logo is None else str(logo_path(sop.logo.value, job.options.folder)))
    number = sop.number.value if sop.number is not None else ""
    effective = date_text(sop.effective.value, job.lang) if sop.effective else ""
    until = evaluation_due_on(sop, job.interval)
    return Made(files, number, total_text(sop, job.options) or "", logo, document if job.keep_document else None,
                " — ".join(line.value for line in sop.unit), effective, _approver(sop),
                until.isoformat() if until else "")
